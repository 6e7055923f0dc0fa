import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore, type Store } from '../store/database.js';
import type { TestDatabase } from '../store/test-support/postgres-test-server.js';
import { describeEachDialect, freshTestDatabase } from '../store/test-support/test-dialects.js';
import { loadServerKey } from './server-keys.js';

describeEachDialect('loadServerKey', (dialect) => {
  let database: TestDatabase;
  const stores: Store[] = [];
  before(async () => {
    database = await freshTestDatabase(dialect);
    // Four nodes' stores on one database: on PostgreSQL each has connections of its own.
    stores.push(await openStore(database.url));
    for (let i = 0; i < 3; i++) stores.push(await openStore(database.url));
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await database.drop();
  });

  test('nodes starting together on an empty database all sign with one key, and keep it', async () => {
    const now = () => new Date('2026-11-22T05:00:00.000Z');
    const keys = await Promise.all(stores.flatMap((store) => [loadServerKey(store.db, now), loadServerKey(store.db, now)]));
    const ids = new Set(keys.map((key) => `${key.id} ${Buffer.from(key.secret).toString('hex')}`));
    assert.equal(ids.size, 1, `the nodes hold ${ids.size} different keys`);
    assert.equal((await stores[0]!.db.selectFrom('server_keys').select('id').execute()).length, 1);
    const later = await loadServerKey(stores[1]!.db, () => new Date('2026-11-23T00:00:00.000Z'));
    assert.deepEqual(later, keys[0]);
  });
});
