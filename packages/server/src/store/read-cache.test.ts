import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { openStore, type Store } from './database.js';
import { ReadCache } from './read-cache.js';

describe('ReadCache over a SQLite store', () => {
  let dir: string;
  let file: string;
  let store: Store;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-read-cache-'));
    file = path.join(dir, 'parley.db');
    store = await openStore(`sqlite:${file}`);
    await store.db.insertInto('accounts').values({ id: 'a1', name: 'first', created_at: '2026-01-01T00:00:00.000Z' }).execute();
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
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

  test('reads once while nothing is written', async () => {
    const names = accountNames();
    assert.equal(await names.name(), 'first');
    assert.equal(await names.name(), 'first');
    assert.equal(names.reads(), 1);
  });

  test('reads again after a write through the store, of any table', async () => {
    const names = accountNames();
    await names.name();
    await store.db.updateTable('accounts').set({ name: 'renamed' }).where('id', '=', 'a1').execute();
    assert.equal(await names.name(), 'renamed');
    await store.db.insertInto('accounts').values({ id: 'a2', name: 'other', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await names.name();
    assert.equal(names.reads(), 3);
  });

  test('reads again, from the next turn of the event loop, after another process commits to the same file', async () => {
    const names = accountNames();
    await names.name();
    const other = new SQLite(file);
    try {
      other.prepare("UPDATE accounts SET name = 'from elsewhere' WHERE id = 'a1'").run();
    } finally {
      other.close();
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
