import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { protectedFolders } from './janus-config.js';

describe('protectedFolders', () => {
  // A stand-in for a system folder: `<root>/var` holding `cache`, `log` and `lib/{apt,parley}`.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-protected-'));
  const system = path.join(root, 'var');
  for (const folder of ['cache', 'log', 'lib/apt', 'lib/parley/recordings']) fs.mkdirSync(path.join(system, folder), { recursive: true });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('a recordings folder outside the system folders leaves them all protected', () => {
    assert.deepEqual(protectedFolders('/tmp/parley/recordings', ['/etc', system]), ['/etc', system]);
  });

  test('a recordings folder inside one protects everything beside the way down to it instead', () => {
    const recordings = path.join(system, 'lib', 'parley', 'recordings');
    assert.deepEqual(protectedFolders(recordings, ['/etc', system]), [
      '/etc',
      path.join(system, 'cache'),
      path.join(system, 'log'),
      path.join(system, 'lib', 'apt'),
    ]);
  });

  test('a folder whose name only begins like a system folder is not inside it', () => {
    assert.deepEqual(protectedFolders('/variety/recordings', ['/var']), ['/var']);
  });
});
