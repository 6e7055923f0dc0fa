import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Debian keeps each major version's programs in /usr/lib/postgresql/<major>/bin. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
/** A bound on a broken start, not a wait: a healthy server is ready in well under a second. */
const READY_TIMEOUT_MS = 30_000;
/** Starts tried after a crash, 200 ms apart, while the dead server's backends are still going. */
const RESTART_ATTEMPTS = 50;

/**
 * A private PostgreSQL server for a test process: a fresh cluster in a temporary folder, trust
 * authentication, reachable only through a unix socket in that folder (no TCP port to collide with
 * another run), and tuned for throwaway data (no fsync). Run as root, it runs as the `postgres` user,
 * as PostgreSQL insists; should the test process die first, the server gets SIGINT, a fast shutdown.
 */
export class PostgresTestServer {
  private admin: pg.Client | undefined;
  private server: ChildProcess | undefined;

  private constructor(private readonly folder: string) {}

  static async start(): Promise<PostgresTestServer> {
    const bin = postgresBinDir();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-postgres-'));
    try {
      if (asServerUser().length > 0) await run('chown', ['postgres:', folder]);
      const initdb = [path.join(bin, 'initdb'), '-D', path.join(folder, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'];
      await run('setpriv', [...asServerUser(), '--', ...initdb]);
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw new Error(`Cannot make a PostgreSQL cluster: ${(error as { stderr?: string }).stderr || (error as Error).message}`);
    }
    const started = new PostgresTestServer(folder);
    try {
      await started.run();
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  /** Starts the server on this folder's cluster, and resolves once it accepts connections. */
  private async run(): Promise<void> {
    const settings = { listen_addresses: '', unix_socket_directories: this.folder, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
    const postgres = [path.join(postgresBinDir(), 'postgres'), '-D', path.join(this.folder, 'data'), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
    this.server = spawn('setpriv', [...asServerUser(), '--pdeathsig', 'SIGINT', '--', ...postgres], { stdio: ['ignore', 'ignore', 'pipe'] });
    await untilReady(this.server);
  }

  /**
   * Kills the server as a crashed host would (SIGKILL to the postmaster, no shutdown); its backends
   * end once they notice, and its data stays for `restart`.
   */
  async crash(): Promise<void> {
    await this.admin?.end().catch(() => undefined);
    this.admin = undefined;
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise((resolve) => this.server?.once('exit', resolve));
      process.kill(this.server.pid as number, 'SIGKILL');
      await exited;
    }
  }

  /**
   * Starts the server again on the same cluster, socket and databases, after `crash`: it recovers
   * from its write-ahead log as after a power cut. Backends left by the dead server exit once they
   * notice; until then PostgreSQL refuses to start, so it is asked again.
   */
  async restart(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run();
      } catch (error) {
        if (attempt === RESTART_ATTEMPTS || !String((error as Error).message).includes('still in use')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** A new empty database, named at random: its `postgres://` URL, and how to drop it. */
  async createDatabase(): Promise<TestDatabase> {
    const name = `parley_${randomBytes(8).toString('hex')}`;
    const admin = await this.adminClient();
    await admin.query(`CREATE DATABASE ${name}`);
    // FORCE: the backends of connections just closed may not have gone yet.
    return { url: this.url(name), drop: async () => void (await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)) };
  }

  /** The URL of `database` on this server, as its superuser. */
  url(database: string): string {
    return `postgres://postgres@localhost/${database}?host=${encodeURIComponent(this.folder)}`;
  }

  /** Stops the server, by its process id, and removes its folder. */
  async stop(): Promise<void> {
    await this.admin?.end().catch(() => undefined);
    const server = this.server;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(server.pid as number, 'SIGINT');
      await exited;
    }
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  private async adminClient(): Promise<pg.Client> {
    if (!this.admin) {
      const admin = new pg.Client({ connectionString: this.url('postgres') });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

/** A database made for a test, and how to be rid of it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let shared: Promise<PostgresTestServer> | undefined;

/**
 * A fresh database on this test process's PostgreSQL server. The server starts on the first call and
 * stops after the process's last test (the hook below belongs to the file's root).
 */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  shared ??= PostgresTestServer.start();
  return (await shared).createDatabase();
}

after(async () => {
  // A server that failed to start has failed the tests that asked for it already.
  await shared?.then((server) => server.stop(), () => undefined);
});

/** Run as root, the server's programs run as the `postgres` user, as PostgreSQL insists. */
function asServerUser(): string[] {
  return process.getuid?.() === 0 ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
}

/** The newest PostgreSQL installed the Debian way. */
function postgresBinDir(): string {
  const versions = fs.existsSync(DEBIAN_POSTGRES_ROOT)
    ? fs.readdirSync(DEBIAN_POSTGRES_ROOT).filter((version) => fs.existsSync(path.join(DEBIAN_POSTGRES_ROOT, version, 'bin', 'postgres')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) {
    throw new Error(`PostgreSQL is not installed (no ${DEBIAN_POSTGRES_ROOT}/<version>/bin/postgres): run \`bash scripts/setup.sh --tests\``);
  }
  return path.join(DEBIAN_POSTGRES_ROOT, newest, 'bin');
}

/** Resolves once the server says it accepts connections; fails with its last words if it exits first. */
function untilReady(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`not ready after ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL did not start (${why}):\n${output.slice(-2000)}`));
    };
    server.once('error', (error) => fail(error.message));
    server.once('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    // Read to the end, so the server never blocks on a full pipe; only the last lines are kept.
    server.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
