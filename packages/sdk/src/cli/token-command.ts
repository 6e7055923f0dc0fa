import { parseArgs } from 'node:util';
import { DEFAULT_TOKEN_TTL_SECONDS, mintApplicationToken } from '../application-token.js';
import { UsageError, type CliIo } from './cli-io.js';
import { resolveCredentials } from './credentials.js';

/** `parley token`: prints a Bearer token, for curl and other clients that cannot sign one. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'app-id': { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      ttl: { type: 'string', default: String(DEFAULT_TOKEN_TTL_SECONDS) },
    },
  });
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new UsageError(`--ttl must be a positive number of seconds, not "${values.ttl}"`);
  const { applicationId, privateKey } = resolveCredentials(values, io);
  io.out(await mintApplicationToken({ applicationId, privateKey, ttlSeconds }));
  return 0;
}
