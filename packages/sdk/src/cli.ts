import { ParleyApiError } from './api-error.js';
import { appsCommand } from './cli/apps-command.js';
import { processIo, UsageError, type CliIo } from './cli/cli-io.js';
import { roomsCommand } from './cli/rooms-command.js';
import { tokenCommand } from './cli/token-command.js';

const USAGE = `parley: Parley's Meetings API from the command line

  parley apps create [--data-dir ./data] [--name NAME] [--key-out FILE] [--json]
  parley token [--app-id ID] [--key FILE] [--ttl 900]
  parley rooms create --name NAME [--type instant|long_term] [--expires-at TIME] [--json]
  parley rooms list [--page-size N] [--start-id N] [--all] [--json]
  parley rooms get ROOM_ID [--json]

Server and credentials: --url, --app-id, --key (a PEM file), or PARLEY_URL, PARLEY_APPLICATION_ID,
PARLEY_PRIVATE_KEY_FILE, or the development application in ./data/dev-application.json.`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  apps: appsCommand,
  token: tokenCommand,
  rooms: roomsCommand,
};

/** Runs one command line; answers the exit code: 0 done, 1 refused or failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof ParleyApiError) {
      io.err(`${error.status} ${error.name}: ${error.message}${error.errors.length > 0 ? `\n${JSON.stringify(error.errors, null, 2)}` : ''}`);
      return 1;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.err((error as Error).message);
      return 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
