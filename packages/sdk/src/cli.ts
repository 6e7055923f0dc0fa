import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParleyApiError } from './api-error.js';
import { accountsCommand } from './cli/accounts-command.js';
import { appsCommand } from './cli/apps-command.js';
import { processIo, UsageError, type CliIo } from './cli/cli-io.js';
import { API_OPTIONS_HELP } from './cli/command-line.js';
import { dialInNumbersCommand } from './cli/dial-in-numbers-command.js';
import { recordingsCommand } from './cli/recordings-command.js';
import { roomsCommand } from './cli/rooms-command.js';
import { themesCommand } from './cli/themes-command.js';
import { tokenCommand } from './cli/token-command.js';
import { usersCommand } from './cli/users-command.js';
import { webhooksCommand } from './cli/webhooks-command.js';

const USAGE = `parley: Parley's Meetings API from the command line

  parley rooms create|list|get|update|delete        meeting rooms
  parley themes list|get|create|update|delete|rooms|set-default|upload-logo
                                                    white-labelling of the meeting page
  parley recordings start|stop|get|list|retry|delete
                                                    recordings of sessions
  parley dial-in-numbers                            numbers to join by phone
  parley webhooks urls|set-urls|secret|deliveries|delivery|redeliver
                                                    where events go, their secret, the delivery log
  parley apps create|list|credentials               applications in a server's database (keys, client credentials)
  parley accounts create|list|get                   accounts (companies) in a server's database
  parley users create|list|get|set-password|delete|jwt|jwts|revoke-jwt
                                                    an account's users (RingCentral extensions) and their JWT credentials
  parley token                                      a Bearer token for curl

"parley COMMAND --help" tells more. Exit codes: 0 done, 1 refused by the server or failed, 2 usage mistake.

${API_OPTIONS_HELP}`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  rooms: roomsCommand,
  themes: themesCommand,
  recordings: recordingsCommand,
  'dial-in-numbers': dialInNumbersCommand,
  webhooks: webhooksCommand,
  apps: appsCommand,
  accounts: accountsCommand,
  users: usersCommand,
  token: tokenCommand,
};

/** Runs one command line; answers the exit code: 0 done, 1 refused or failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] !== undefined ? COMMANDS[args[0]] : undefined;
    if (topic) return runCommand(args[0] ?? '', topic, ['--help'], io);
    io.out(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return runCommand(name, command, args, io);
}

async function runCommand(name: string, command: (args: string[], io: CliIo) => Promise<number>, args: string[], io: CliIo): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof ParleyApiError) {
      io.err([`${error.status} ${error.name}: ${error.message}`, ...error.errors.map(describeErrorDetail)].join('\n'));
      return 1;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nSee "parley ${name} --help".`);
      return 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** One entry of an error's `errors`: a sentence as is, an object (`{logoKey, code}`) as compact JSON. */
function describeErrorDetail(detail: unknown): string {
  return `  - ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
}

/** Run as a program (`node dist/cli.js …`, or the source through tsx) rather than imported. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return fs.realpathSync(entry) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await runCli(process.argv.slice(2));
