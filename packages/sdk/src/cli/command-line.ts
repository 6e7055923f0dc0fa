import { ParleyMeetingsClient } from '../meetings-client.js';
import { UsageError, type CliIo } from './cli-io.js';
import { resolveCredentials, type CredentialFlags } from './credentials.js';

/** The options every API command takes: where the server is, who calls, how to print. */
export const API_OPTIONS = {
  url: { type: 'string' },
  'app-id': { type: 'string' },
  key: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const API_OPTIONS_HELP = `Every command takes:
  --url URL        the server (PARLEY_URL; default http://localhost:8080)
  --app-id ID      the application (PARLEY_APPLICATION_ID)
  --key FILE       the application's private key, PEM (PARLEY_PRIVATE_KEY_FILE)
  --data-dir DIR   without the two above, use DIR/dev-application.json (PARLEY_DATA_DIR; default ./data)
  --json           print the API's JSON instead of tables
  --help           print this help`;

/** A client for the server and application the flags, the environment or the dev file name. */
export function clientFor(flags: CredentialFlags, io: CliIo): ParleyMeetingsClient {
  const credentials = resolveCredentials(flags, io);
  try {
    return new ParleyMeetingsClient({ baseUrl: credentials.url, applicationId: credentials.applicationId, privateKey: credentials.privateKey });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (from ${credentials.privateKeySource})`);
  }
}

/** Prints the API's JSON with `--json`, the readable text otherwise. */
export function printer(io: CliIo, json: boolean): (value: unknown, text: string) => void {
  return (value, text) => io.out(json ? JSON.stringify(value, null, 2) : text);
}

/** Exactly the positional arguments a subcommand takes, by name, or a usage error naming what is missing or extra. */
export function positionals<const Names extends readonly string[]>(
  command: string,
  given: readonly string[],
  names: Names,
): { [K in keyof Names]: string } {
  if (given.length < names.length) throw new UsageError(`${command} needs ${names.slice(given.length).join(' ')}`);
  if (given.length > names.length) throw new UsageError(`${command} takes ${names.length === 0 ? 'no arguments' : names.join(' ')}; unexpected "${given[names.length]}"`);
  return given as unknown as { [K in keyof Names]: string };
}

export function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return value;
}

export function booleanFlag(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (text === 'true' || text === 'yes') return true;
  if (text === 'false' || text === 'no') return false;
  throw new UsageError(`--${name} must be true or false, not "${text}"`);
}

export function choiceFlag<const Choice extends string>(name: string, text: string | undefined, choices: readonly Choice[]): Choice | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${text}"`);
  return text as Choice;
}

/** `--body '{"…": …}'`: the request's JSON as a base the other flags refine. */
export function bodyFlag(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--body is not JSON: ${(error as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new UsageError('--body must be a JSON object');
  return body as Record<string, unknown>;
}
