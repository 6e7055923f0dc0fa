import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, clientFor, positionals, printer } from './command-line.js';
import { formatTable } from './table.js';

export const DIAL_IN_NUMBERS_HELP = `Usage:
  parley dial-in-numbers        the numbers people call to join by phone, with the meeting code as PIN

${API_OPTIONS_HELP}`;

/** `parley dial-in-numbers`. */
export async function dialInNumbersCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: API_OPTIONS });
  if (values.help) {
    io.out(DIAL_IN_NUMBERS_HELP);
    return 0;
  }
  positionals('parley dial-in-numbers', given, []);
  const numbers = await clientFor(values, io).listDialInNumbers();
  printer(io, values.json)(
    numbers,
    `${formatTable(['NUMBER', 'LOCALE', 'COUNTRY'], numbers.map((n) => [n.number, n.locale, n.display_name]))}\n\n${numbers.length} dial-in numbers`,
  );
  return 0;
}
