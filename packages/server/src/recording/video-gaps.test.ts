import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { synthesizeMjr } from './test-support/synthetic-mjr.js';
import { videoGaps } from './video-gaps.js';

const exec = promisify(execFile);

describe('videoGaps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-gaps-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A recorded camera as janus-pp-rec makes it playable. */
  async function recordedCamera(name: string, pauses: { fromSeconds: number; toSeconds: number }[]): Promise<string> {
    const mjr = path.join(dir, `${name}.mjr`);
    await synthesizeMjr(mjr, { kind: 'video', source: 'testsrc2=size=320x240:rate=20', seconds: 7, description: 'camera', startedAtMs: 0, pauses });
    const webm = path.join(dir, `${name}.webm`);
    await exec('janus-pp-rec', ['--debug-level', '0', mjr, webm]);
    return webm;
  }

  test('finds where a camera sent nothing, from the last frame before to the first after', async () => {
    const gaps = await videoGaps(await recordedCamera('paused', [{ fromSeconds: 1, toSeconds: 3 }, { fromSeconds: 4, toSeconds: 6 }]), 'ffmpeg', { timeoutMs: 30_000 });
    assert.deepEqual(gaps, [
      { startMs: 950, endMs: 3000 },
      { startMs: 3950, endMs: 6000 },
    ]);
  });

  test('a camera that never stopped has none', async () => {
    assert.deepEqual(await videoGaps(await recordedCamera('steady', []), 'ffmpeg', { timeoutMs: 30_000 }), []);
  });
});
