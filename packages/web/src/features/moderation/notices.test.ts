import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_NOTICES, noticesReducer, type ShownNotice } from './notices';

const shown = (key: number): ShownNotice => ({ key, notice: { kind: 'handLowered', by: 'Ann' } });

test(`keeps the newest ${MAX_NOTICES} notices, and dismisses one at a time`, () => {
  let s: readonly ShownNotice[] = [];
  for (let key = 1; key <= 5; key++) s = noticesReducer(s, { type: 'shown', notice: shown(key) });
  assert.deepEqual(s.map((n) => n.key), [3, 4, 5]);
  s = noticesReducer(s, { type: 'dismissed', key: 4 });
  assert.deepEqual(s.map((n) => n.key), [3, 5]);
});
