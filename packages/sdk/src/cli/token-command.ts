import { parseArgs } from 'node:util';
import { DEFAULT_TOKEN_TTL_SECONDS, mintApplicationToken } from '../application-token.js';
import { UsageError, type CliIo } from './cli-io.js';
import { resolveCredentials } from './credentials.js';

export const TOKEN_HELP = `Usage:
  parley token [--app-id ID] [--key FILE] [--data-dir DIR] [--ttl SECONDS]

Prints a Bearer token (RS256, valid --ttl seconds, 900 by default) for curl and other HTTP clients:
  curl -H "Authorization: Bearer $(parley token)" http://localhost:8080/v1/meetings/rooms
The application comes from --app-id and --key, PARLEY_APPLICATION_ID and PARLEY_PRIVATE_KEY_FILE, or
DIR/dev-application.json.`;

/** `parley token`: prints a Bearer token, for curl and other clients that cannot sign one. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'app-id': { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      ttl: { type: 'string', default: String(DEFAULT_TOKEN_TTL_SECONDS) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(TOKEN_HELP);
    return 0;
  }
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new UsageError(`--ttl must be a positive number of seconds, not "${values.ttl}"`);
  const { applicationId, privateKey } = resolveCredentials(values, io);
  io.out(await mintApplicationToken({ applicationId, privateKey, ttlSeconds }));
  return 0;
}
