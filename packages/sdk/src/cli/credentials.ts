import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-io.js';

export interface Credentials {
  url: string;
  applicationId: string;
  privateKey: string;
  /** Where the key was read, for messages about it. */
  privateKeySource: string;
}

export interface CredentialFlags {
  url?: string | undefined;
  'app-id'?: string | undefined;
  key?: string | undefined;
  'data-dir'?: string | undefined;
}

export const DEFAULT_URL = 'http://localhost:8080';

/** What a development server writes on first start (`PARLEY_DEV_BOOTSTRAP`). */
interface DevApplicationFile {
  application_id: string;
  private_key: string;
}

/**
 * Where the server, application id and key come from, first found wins: flags, then `PARLEY_URL`,
 * `PARLEY_APPLICATION_ID` and `PARLEY_PRIVATE_KEY_FILE`, then the development application a local
 * server wrote to `<data dir>/dev-application.json`.
 */
export function resolveCredentials(flags: CredentialFlags, io: CliIo): Credentials {
  const url = flags.url ?? io.env.PARLEY_URL ?? DEFAULT_URL;
  const keyFile = flags.key ?? io.env.PARLEY_PRIVATE_KEY_FILE;
  let applicationId = flags['app-id'] ?? io.env.PARLEY_APPLICATION_ID;
  let privateKey = keyFile !== undefined ? readKeyFile(path.resolve(io.cwd, keyFile)) : undefined;
  let privateKeySource = keyFile !== undefined ? path.resolve(io.cwd, keyFile) : '';
  if (applicationId === undefined || privateKey === undefined) {
    const devFile = path.resolve(io.cwd, flags['data-dir'] ?? io.env.PARLEY_DATA_DIR ?? 'data', 'dev-application.json');
    const dev = readDevApplication(devFile);
    if (!dev) {
      throw new UsageError(
        `No credentials: pass --app-id and --key, set PARLEY_APPLICATION_ID and PARLEY_PRIVATE_KEY_FILE, or run a development server that writes ${devFile}`,
      );
    }
    applicationId ??= dev.application_id;
    if (privateKey === undefined) {
      privateKey = dev.private_key;
      privateKeySource = devFile;
    }
  }
  return { url, applicationId, privateKey, privateKeySource };
}

function readKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the private key file ${file}: ${(error as Error).message}`);
  }
}

function readDevApplication(file: string): DevApplicationFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: Partial<DevApplicationFile>;
  try {
    parsed = JSON.parse(text) as Partial<DevApplicationFile>;
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed.application_id !== 'string' || typeof parsed.private_key !== 'string') {
    throw new UsageError(`${file} has no application_id and private_key`);
  }
  return { application_id: parsed.application_id, private_key: parsed.private_key };
}
