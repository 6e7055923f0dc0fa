import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';
import { trackSqliteChanges, type ChangeStamp } from './change-tracking.js';
import { withStatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Moves on every write, for caches of hot reads (`ReadCache`). */
  changes: ChangeStamp;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Opens the database named by `databaseUrl` (`sqlite:<path>` or `sqlite::memory:`) and migrates it. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new StoreError(
      `Unsupported PARLEY_DATABASE_URL "${databaseUrl}": use sqlite:<path> (PostgreSQL support is not built yet)`,
    );
  }
  const file = databaseUrl.slice('sqlite:'.length);
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
  const store: Store = { db, dialect: 'sqlite', changes: tracked.stamp, close: () => db.destroy() };
  await migrate(store);
  return store;
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
