import path from 'node:path';
import { UsageError, type CliIo } from './cli-io.js';

/**
 * The part of `@parley/server` the database commands (`apps`, `accounts`, `users`) use. The server is
 * imported only when such a command runs, under a name TypeScript does not resolve, so the SDK neither
 * builds nor installs against it.
 */
export interface ServerModule {
  loadConfig(env: NodeJS.ProcessEnv, overrides: { dataDir: string; logLevel: 'warn' }): unknown;
  createServices(config: unknown): Promise<ServerServices>;
  createApplication(
    services: ServerServices,
    options: { name: string; accountId?: string; redirectUris?: readonly string[] },
  ): Promise<{ application: ServerApplication; privateKeyPem: string; clientCredentials: ClientCredentials }>;
  issueClientCredentials(services: ServerServices, applicationId: string, redirectUris?: readonly string[]): Promise<ClientCredentials>;
  createAccount(services: ServerServices, options: { name: string }): Promise<ServerAccount>;
  UserService: new (services: ServerServices) => ServerUsers;
  /** Deletes the user and their bridges. */
  deleteUser(services: ServerServices, userId: string): Promise<void>;
}

export interface ServerServices {
  store: { close(): Promise<void> };
  applications: {
    listAccounts(): Promise<ServerAccount[]>;
    findAccount(id: string): Promise<ServerAccount | undefined>;
    listApplications(accountId: string): Promise<ServerApplication[]>;
  };
  userJwtCredentials: {
    issue(userId: string, lifetimeSeconds?: number): Promise<{ credential: ServerJwtCredential; jwt: string }>;
    revoke(userId: string, credentialId: string): Promise<void>;
    list(userId: string): Promise<ServerJwtCredential[]>;
  };
}

export interface ServerAccount {
  id: string;
  name: string;
  createdAt: string;
}

export interface ServerApplication {
  id: string;
  accountId: string;
  name: string;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface ServerUser {
  id: string;
  accountId: string;
  name: string;
  email: string;
  extensionNumber: string;
  role: 'admin' | 'user';
  hasPassword: boolean;
  createdAt: string;
}

export interface ServerJwtCredential {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ServerUsers {
  create(options: { accountId: string; name: string; email: string; extensionNumber?: string; role?: 'admin' | 'user'; password?: string }): Promise<ServerUser>;
  list(accountId: string): Promise<ServerUser[]>;
  get(userId: string): Promise<ServerUser>;
  setPassword(userId: string, password: string | null): Promise<void>;
}

const SERVER_PACKAGE = '@parley/server';

export const DATA_DIR_HELP = `--data-dir DIR    the server's data folder (PARLEY_DATA_DIR; default ./data), whose database is changed
                  directly: these commands need @parley/server installed next to @parley/sdk`;

/**
 * Opens the database of the server whose data folder the flag, the environment or `./data` names, runs
 * `work` with the server's services over it, and closes it again, whatever `work` does.
 */
export async function withServerDatabase<T>(
  command: string,
  io: CliIo,
  dataDirFlag: string | undefined,
  work: (server: ServerModule, services: ServerServices, dataDir: string) => Promise<T>,
): Promise<T> {
  let server: ServerModule;
  try {
    server = (await import(SERVER_PACKAGE)) as ServerModule;
  } catch (error) {
    throw new UsageError(`"${command}" opens the server's database and needs ${SERVER_PACKAGE} installed next to @parley/sdk (${(error as Error).message})`);
  }
  const dataDir = path.resolve(io.cwd, dataDirFlag ?? io.env.PARLEY_DATA_DIR ?? 'data');
  const services = await server.createServices(server.loadConfig(io.env, { dataDir, logLevel: 'warn' }));
  try {
    return await work(server, services, dataDir);
  } finally {
    await services.store.close();
  }
}
