import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LocalLogoStorage } from './logo-storage.js';

describe('logo storage on the local disk', () => {
  let root: string;
  let storage: LocalLogoStorage;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-logos-'));
    storage = new LocalLogoStorage(path.join(root, 'logos'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('a file put under a key is read back, moved and deleted by key', async () => {
    const bytes = Buffer.from([1, 2, 3]);
    await storage.put('auto-expiring-temp/logos/white/one', bytes);
    assert.deepEqual(await storage.get('auto-expiring-temp/logos/white/one'), bytes);
    assert.deepEqual(fs.readFileSync(path.join(root, 'logos/auto-expiring-temp/logos/white/one')), bytes);

    await storage.move('auto-expiring-temp/logos/white/one', 'themes/t/white/one.png');
    assert.equal(await storage.get('auto-expiring-temp/logos/white/one'), undefined);
    assert.deepEqual(await storage.get('themes/t/white/one.png'), bytes);

    await storage.delete('themes/t/white/one.png');
    assert.equal(await storage.get('themes/t/white/one.png'), undefined);
    await storage.delete('themes/t/white/one.png');
  });

  test('a second put replaces the file whole, leaving nothing aside', async () => {
    await storage.put('themes/t/colored/two.png', Buffer.from('first'));
    await storage.put('themes/t/colored/two.png', Buffer.from('second'));
    assert.equal((await storage.get('themes/t/colored/two.png'))?.toString(), 'second');
    assert.deepEqual(fs.readdirSync(path.join(root, 'logos/themes/t/colored')), ['two.png']);
  });

  test('keys that could reach outside the store are refused', async () => {
    fs.writeFileSync(path.join(root, 'secret'), 'outside');
    for (const key of ['../secret', 'themes/../../secret', '/etc/passwd', 'themes//x', 'themes/./x', 'themes\\x', '', 'a/b/']) {
      await assert.rejects(storage.get(key), /not a logo storage key/, key);
      await assert.rejects(storage.put(key, Buffer.from('x')), /not a logo storage key/, key);
    }
    assert.equal(fs.readFileSync(path.join(root, 'secret'), 'utf8'), 'outside');
  });
});
