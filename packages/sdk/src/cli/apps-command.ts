import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-io.js';
import { formatRecord } from './table.js';

/**
 * The part of `@parley/server` this command uses. The server is imported only when the command runs,
 * under a name TypeScript does not resolve, so the SDK neither builds nor installs against it.
 */
interface ServerModule {
  loadConfig(env: NodeJS.ProcessEnv, overrides: { dataDir: string; logLevel: 'warn' }): ServerConfig;
  createServices(config: ServerConfig): Promise<ServerServices>;
  createApplication(
    services: ServerServices,
    options: { name: string },
  ): Promise<{ application: { id: string; accountId: string; name: string }; privateKeyPem: string }>;
}
interface ServerConfig {
  dataDir: string;
}
interface ServerServices {
  store: { close(): Promise<void> };
}

const SERVER_PACKAGE = '@parley/server';

async function loadServer(): Promise<ServerModule> {
  try {
    return (await import(SERVER_PACKAGE)) as ServerModule;
  } catch (error) {
    throw new UsageError(
      `"parley apps create" opens the server's database and needs ${SERVER_PACKAGE} installed next to @parley/sdk (${(error as Error).message})`,
    );
  }
}

export const APPS_HELP = `Usage:
  parley apps create [--data-dir DIR] [--name NAME] [--key-out FILE] [--json]

Registers an application in the database of the server whose data folder is DIR (PARLEY_DATA_DIR;
default ./data), and prints its id and private key, or writes the key to FILE (readable by you only).
Needs @parley/server installed next to @parley/sdk.`;

/** `parley apps create`: registers an application in a server's database and prints its private key. */
export async function appsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      name: { type: 'string', default: 'Parley application' },
      'key-out': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(APPS_HELP);
    return 0;
  }
  if (positionals[0] !== 'create' || positionals.length !== 1) throw new UsageError(APPS_HELP);

  const server = await loadServer();
  const dataDir = path.resolve(io.cwd, values['data-dir'] ?? io.env.PARLEY_DATA_DIR ?? 'data');
  const config = server.loadConfig(io.env, { dataDir, logLevel: 'warn' });
  const services = await server.createServices(config);
  let created: Awaited<ReturnType<ServerModule['createApplication']>>;
  try {
    created = await server.createApplication(services, { name: values.name });
  } finally {
    await services.store.close();
  }
  const { application, privateKeyPem } = created;

  const keyOut = values['key-out'] !== undefined ? path.resolve(io.cwd, values['key-out']) : undefined;
  // Written owner-only: whoever holds this key can act as the application.
  if (keyOut) fs.writeFileSync(keyOut, privateKeyPem, { mode: 0o600 });
  if (values.json) {
    io.out(JSON.stringify({ application_id: application.id, account_id: application.accountId, ...(keyOut ? { private_key_file: keyOut } : { private_key: privateKeyPem }) }, null, 2));
    return 0;
  }
  io.out(formatRecord([['Application', application.id], ['Account', application.accountId], ['Name', application.name], ['Database', dataDir]]));
  io.out(keyOut ? `Private key written to ${keyOut}` : `\n${privateKeyPem}`);
  return 0;
}
