import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile } from './percentile.js';

test('the nearest rank: a value that was measured, at or above p % of them', () => {
  const values = [15, 20, 35, 40, 50];
  assert.equal(percentile(values, 5), 15);
  assert.equal(percentile(values, 30), 20);
  assert.equal(percentile(values, 40), 20);
  assert.equal(percentile(values, 50), 35);
  assert.equal(percentile(values, 100), 50);
});

test('order does not matter, and the values are left as they were', () => {
  const values = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 95), 10);
  assert.equal(percentile(values, 99), 10);
  assert.deepEqual(values, [9, 1, 5, 3, 7, 2, 8, 4, 6, 10]);
});

test('p99 of a hundred values is the 99th, not the slowest', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile(values, 50), 50);
});

test('no values: NaN, not a made-up figure; p outside (0, 100] is refused', () => {
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile([1], 0), RangeError);
  assert.throws(() => percentile([1], 101), RangeError);
});
