import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gridLayout } from './functions';

test('one tile on a laptop stage fills the height at 16:9', () => {
  const g = gridLayout(1, 1280, 640, 12);
  assert.equal(g.columns, 1);
  assert.equal(g.tileHeight, 640);
  assert.equal(g.tileWidth, Math.floor(640 * (16 / 9)));
});

test('two tiles sit side by side on a landscape stage, stacked on a phone', () => {
  assert.equal(gridLayout(2, 1280, 640, 12).columns, 2);
  assert.equal(gridLayout(2, 359, 560, 8).columns, 1);
});

test('tiles always fit inside the stage', () => {
  for (const [count, w, h] of [[5, 1280, 640], [9, 800, 600], [16, 1920, 960], [7, 359, 600], [30, 1000, 700]] as const) {
    const g = gridLayout(count, w, h, 10);
    const rows = Math.ceil(count / g.columns);
    assert.ok(g.columns * g.tileWidth + (g.columns - 1) * 10 <= w, `width for ${count}`);
    assert.ok(rows * g.tileHeight + (rows - 1) * 10 <= h, `height for ${count}`);
    assert.ok(g.tileWidth > 0 && g.tileHeight > 0);
  }
});
