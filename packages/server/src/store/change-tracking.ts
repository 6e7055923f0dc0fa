import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * A cheap answer to "may the database have changed since then?", for caches of hot reads: two equal
 * stamps mean nothing was written in between. A store that cannot tell returns a new stamp each
 * time, which turns such caches off.
 */
export interface ChangeStamp {
  current(): number;
}

/** A stamp that never repeats: for stores without a cheap change signal. */
export function alwaysChanged(): ChangeStamp {
  let stamp = 0;
  return { current: () => ++stamp };
}

/**
 * The SQLite database as Kysely's driver sees it, plus its change stamp. Writes through this
 * connection are counted as their statements run (commits, rollbacks and schema changes too); writes
 * that other processes commit to the same file change SQLite's `PRAGMA data_version`, which the stamp
 * reads once per turn of the event loop. Reading it costs a few microseconds, and an API call asks
 * for the stamp several times; a commit by another process that lands within the same turn is
 * concurrent with these reads anyway, and the next turn sees it.
 */
export function trackSqliteChanges(sqlite: SQLite.Database): { database: SqliteDatabase; stamp: ChangeStamp } {
  let stamp = 0;
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let lastDataVersion = dataVersion.get();
  let checkedThisTurn = false;
  const endTurn = () => {
    checkedThisTurn = false;
  };
  const counted = (statement: SqliteStatement): SqliteStatement => ({
    reader: false,
    all: (parameters) => statement.all(parameters),
    iterate: (parameters) => statement.iterate(parameters),
    run: (parameters) => {
      stamp++;
      return statement.run(parameters);
    },
  });
  return {
    database: {
      close: () => sqlite.close(),
      prepare: (sql) => {
        const statement = sqlite.prepare(sql);
        return statement.reader ? statement : counted(statement);
      },
    },
    stamp: {
      current: () => {
        if (checkedThisTurn) return stamp;
        checkedThisTurn = true;
        setImmediate(endTurn);
        const version = dataVersion.get();
        if (version !== lastDataVersion) {
          lastDataVersion = version;
          stamp++;
        }
        return stamp;
      },
    },
  };
}
