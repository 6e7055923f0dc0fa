import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
import { connectPostgres } from './postgres-pool.js';
import type { Database } from './schema.js';
import { alwaysChanged, trackSqliteChanges, type ChangeStamp } from './change-tracking.js';
import { withStatementCache } from './statement-cache.js';
import { StoreError } from './store-error.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * For caches of hot reads (`ReadCache`): SQLite's moves on every write. PostgreSQL has no change
   * signal yet, so its stamp moves on every call, which keeps those caches empty.
   */
  changes: ChangeStamp;
  close(): Promise<void>;
}

/**
 * Opens the database named by `databaseUrl` and migrates it: `sqlite:<path>` or `sqlite::memory:`, or
 * a PostgreSQL URL (`postgres://user:password@host:port/database`, also `postgresql://`). Both run the
 * same queries and the same migrations.
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  let store: Store;
  if (databaseUrl.startsWith('sqlite:')) store = openSqlite(databaseUrl.slice('sqlite:'.length));
  else if (/^postgres(ql)?:\/\//.test(databaseUrl)) store = await openPostgres(databaseUrl);
  else {
    throw new StoreError(
      `Unsupported PARLEY_DATABASE_URL "${withoutPassword(databaseUrl)}": use sqlite:<path> or postgres://user:password@host:port/database`,
    );
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
  } catch (error) {
    throw new StoreError(`Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
  }
  // WAL lets readers proceed during a write; a busy timeout rides out short write contention.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const tracked = trackSqliteChanges(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(tracked.database) }) });
  return { db, dialect: 'sqlite', changes: tracked.stamp, close: () => db.destroy() };
}

/**
 * Writes by other nodes reach this one without a signal yet, so there is no cheap change stamp:
 * `alwaysChanged` turns the read caches off, and every read goes to the server.
 */
async function openPostgres(databaseUrl: string): Promise<Store> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: await connectPostgres(databaseUrl) }) });
  return { db, dialect: 'postgres', changes: alwaysChanged(), close: () => db.destroy() };
}

/** A database URL fit for a message: whatever stands between `:` and `@` after the scheme is hidden. */
function withoutPassword(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

async function migrate({ db, dialect }: Store): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (target) => migration.up(target, dialect) };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new StoreError(`Database migration failed: ${(error as Error).message ?? String(error)}`);
}
