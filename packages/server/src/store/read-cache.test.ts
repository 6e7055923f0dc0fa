import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore, type Store } from './database.js';
import { ReadCache } from './read-cache.js';
import { describeEachDialect, freshTestDatabase } from './test-support/test-dialects.js';
import type { TestDatabase } from './test-support/postgres-test-server.js';

describeEachDialect('ReadCache over a store', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  before(async () => {
    database = await freshTestDatabase(dialect);
    store = await openStore(database.url);
    await store.db.insertInto('accounts').values({ id: 'a1', name: 'first', created_at: '2026-01-01T00:00:00.000Z' }).execute();
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  /** A cache of account names, counting how often it really reads. */
  const accountNames = () => {
    const cache = new ReadCache<string>(store.changes);
    let reads = 0;
    const name = () =>
      cache.get('a1', async () => {
        reads++;
        return (await store.db.selectFrom('accounts').select('name').where('id', '=', 'a1').executeTakeFirst())?.name;
      });
    return { name, reads: () => reads };
  };

  if (dialect === 'sqlite') {
    test('reads once while nothing is written', async () => {
      const names = accountNames();
      assert.equal(await names.name(), 'first');
      assert.equal(await names.name(), 'first');
      assert.equal(names.reads(), 1);
    });
  } else {
    test('reads every time: no signal tells of writes by other nodes yet', async () => {
      const names = accountNames();
      assert.equal(await names.name(), 'first');
      assert.equal(await names.name(), 'first');
      assert.equal(names.reads(), 2);
    });
  }

  test('reads again after a write through the store, of any table', async () => {
    const names = accountNames();
    await names.name();
    await store.db.updateTable('accounts').set({ name: 'renamed' }).where('id', '=', 'a1').execute();
    assert.equal(await names.name(), 'renamed');
    await store.db.insertInto('accounts').values({ id: 'a2', name: 'other', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await names.name();
    assert.equal(names.reads(), 3);
  });

  test('reads again, from the next turn of the event loop, after another connection commits to the same database', async () => {
    const names = accountNames();
    await names.name();
    const other = await openStore(database.url);
    try {
      await other.db.updateTable('accounts').set({ name: 'from elsewhere' }).where('id', '=', 'a1').execute();
    } finally {
      await other.close();
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await names.name(), 'from elsewhere');
  });

  test('does not keep a value read while a write landed', async () => {
    const cache = new ReadCache<string>(store.changes);
    await cache.get('k', async () => {
      await store.db.updateTable('accounts').set({ name: 'during' }).where('id', '=', 'a1').execute();
      return 'read before the write';
    });
    assert.equal(await cache.get('k', async () => 'fresh'), 'fresh');
  });
});
