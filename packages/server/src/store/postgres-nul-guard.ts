import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { ParleyError } from '../errors.js';

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can), and sending it fails the statement with an
 * encoding error. Any text given to a query, a name to store or an id to look up, is checked first,
 * so such input is refused as invalid (400) rather than failing as a server error.
 */
export function refusingNulCharacters(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new NulRefusingClient(await pool.connect()),
    end: () => pool.end(),
  };
}

class NulRefusingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as pg.Submittable & PostgresCursor<R>);
    if (parameters.some((value) => typeof value === 'string' && value.includes('\u0000'))) {
      return Promise.reject(ParleyError.validation('Text cannot contain the NUL character (U+0000)'));
    }
    return this.client.query<R & pg.QueryResultRow>(sqlOrCursor, [...parameters]) as Promise<PostgresQueryResult<R>>;
  }

  release(): void {
    this.client.release();
  }
}
