import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ParleyError } from '../errors.js';
import { freePort } from '../free-port.js';
import { openStore } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { StoreError } from './store-error.js';
import { freshPostgresDatabase, type TestDatabase } from './test-support/postgres-test-server.js';
import { describeEachDialect, freshTestDatabase } from './test-support/test-dialects.js';

describeEachDialect('openStore', (dialect) => {
  let database: TestDatabase;
  before(async () => (database = await freshTestDatabase(dialect)));
  after(() => database.drop());

  test('migrates a new database, and opens a migrated one as it was', async () => {
    const first = await openStore(database.url);
    assert.equal(first.dialect, dialect);
    await first.db.insertInto('accounts').values({ id: 'a1', name: 'kept', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await first.close();
    const again = await openStore(database.url);
    try {
      assert.deepEqual(await again.db.selectFrom('accounts').selectAll().execute(), [{ id: 'a1', name: 'kept', created_at: '2026-01-01T00:00:00.000Z' }]);
      const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(again.db);
      assert.deepEqual(ran.rows.map((row) => row.name), Object.keys(MIGRATIONS), 'each migration ran once');
    } finally {
      await again.close();
    }
  });
});

describe('openStore refusing', () => {
  /** Where the test database lives, reached as someone else or for another database. */
  let reachable: URL;
  let database: TestDatabase;
  before(async () => {
    database = await freshPostgresDatabase();
    reachable = new URL(database.url);
  });
  after(() => database.drop());

  const refusal = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof StoreError, String(error));
    assert.match(error.message, pattern);
    assert.doesNotMatch(error.message, /s3cret/, 'the password stays out of messages');
    return true;
  };

  test('a URL of another kind, naming what is supported', async () => {
    await assert.rejects(openStore('mysql://parley:s3cret@db.example/parley'), refusal(/^Unsupported PARLEY_DATABASE_URL "mysql:\/\/parley:\*\*\*@db\.example\/parley": use sqlite:<path> or postgres:\/\//));
  });

  test('a PostgreSQL server that is not there', async () => {
    const port = await freePort();
    await assert.rejects(openStore(`postgresql://parley:s3cret@127.0.0.1:${port}/parley`), refusal(new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\): is the server running`)));
  });

  test('a user the server does not know', async () => {
    const url = new URL(reachable);
    url.username = 'nobody';
    url.password = 's3cret';
    await assert.rejects(openStore(url.href), refusal(/^PostgreSQL at the unix socket in \S+ refused user "nobody" \(role "nobody" does not exist\): check the user and password in PARLEY_DATABASE_URL$/));
  });

  test('a database that does not exist', async () => {
    const url = new URL(reachable);
    url.pathname = '/no_such_database';
    await assert.rejects(openStore(url.href), refusal(/^PostgreSQL at the unix socket in \S+ has no database "no_such_database": create it/));
  });
});

describe('a PostgreSQL store given text with U+0000, which PostgreSQL text cannot hold', () => {
  let database: TestDatabase;
  before(async () => (database = await freshPostgresDatabase()));
  after(() => database.drop());

  test('refuses it as invalid input, in writes and lookups alike, and stores nothing', async () => {
    const store = await openStore(database.url);
    try {
      const invalid = (error: unknown) => error instanceof ParleyError && error.code === 'validation_failed' && /NUL character/.test(error.message);
      await assert.rejects(store.db.insertInto('accounts').values({ id: 'a1', name: 'nul\u0000name', created_at: '2026-01-01T00:00:00.000Z' }).execute(), invalid);
      await assert.rejects(store.db.selectFrom('accounts').selectAll().where('id', '=', 'a\u0000').execute(), invalid);
      assert.deepEqual(await store.db.selectFrom('accounts').selectAll().execute(), []);
    } finally {
      await store.close();
    }
  });
});
