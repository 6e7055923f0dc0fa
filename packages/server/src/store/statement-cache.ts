import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every query shape the repositories build; `in (…)` lists of varying length make more. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * A better-sqlite3 database whose prepared statements are kept and reused. Kysely's SQLite driver
 * prepares every query afresh, and preparing costs more than running a small indexed query. Reuse is
 * safe because the driver runs each statement to completion synchronously (it never holds an
 * iterator across an await), and SQLite re-prepares a statement itself after a schema change.
 */
export function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Refreshes its place in the insertion order, which is the eviction order.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
