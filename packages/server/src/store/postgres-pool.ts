import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { refusingNulCharacters } from './postgres-nul-guard.js';
import { StoreError } from './store-error.js';

/** How long reaching the server may take, and one statement may run, before it is abandoned. */
const CONNECT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * `bigint` and `count(*)` come back as numbers, as they do from SQLite: the values the store keeps
 * (serials, byte sizes, counts) stay far below 2^53. The driver's default, strings, would reach the
 * repositories as a different type on each engine.
 */
const bigintAsNumber: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)),
};

/**
 * A connection pool for `databaseUrl` (`postgres://user:password@host:port/database`, libpq's URL
 * form, `?host=/dir` for a unix socket), after one connection proved that the server is reachable,
 * accepts the credentials and has the database; otherwise a `StoreError` saying which of those
 * failed. The URL's password never appears in a message.
 */
export async function connectPostgres(databaseUrl: string): Promise<PostgresPool> {
  const config: pg.PoolConfig = {
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'parley',
    types: bigintAsNumber,
  };
  const probe = new pg.Client(config);
  try {
    await probe.connect();
    await probe.query('select 1');
  } catch (error) {
    throw new StoreError(explain(error, probe), { cause: error });
  } finally {
    await probe.end().catch(() => undefined);
  }
  const pool = new pg.Pool(config);
  // A pooled connection that breaks while idle (a server restart) is dropped by the pool, and the next
  // query opens a new one, failing then if the server is still gone. Without a listener the pool's
  // `error` event would end the process instead.
  pool.on('error', () => undefined);
  return refusingNulCharacters(pool);
}

/** SQLSTATEs of refusals that have a fix to suggest; anything else is reported as the server worded it. */
const AUTHENTICATION_FAILED = new Set(['28P01', '28000']);
const NO_SUCH_DATABASE = '3D000';

function explain(error: unknown, target: pg.Client): string {
  const where = target.host.startsWith('/') ? `the unix socket in ${target.host}` : `${target.host}:${target.port}`;
  const code = (error as { code?: unknown }).code;
  // Node reports a refused connection to every address of a name as an AggregateError without a message.
  const reason = (error as Error).message || String(code ?? error);
  if (typeof code === 'string' && AUTHENTICATION_FAILED.has(code)) {
    return `PostgreSQL at ${where} refused user "${target.user}" (${reason}): check the user and password in PARLEY_DATABASE_URL`;
  }
  if (code === NO_SUCH_DATABASE) {
    return `PostgreSQL at ${where} has no database "${target.database}": create it (createdb ${target.database}) or correct PARLEY_DATABASE_URL`;
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return `PostgreSQL at ${where} refused the connection to database "${target.database}" (${reason})`;
  }
  return `Cannot reach PostgreSQL at ${where} (${reason}): is the server running, and does PARLEY_DATABASE_URL name its host and port?`;
}
