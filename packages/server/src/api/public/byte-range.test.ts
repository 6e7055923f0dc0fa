import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestedRange } from './byte-range.js';

describe('requestedRange', () => {
  test('reads a range, an open range and a suffix, clamped to the size', () => {
    assert.deepEqual(requestedRange('bytes=100-299', 1000), { start: 100, end: 299 });
    assert.deepEqual(requestedRange('bytes=900-', 1000), { start: 900, end: 999 });
    assert.deepEqual(requestedRange('bytes=900-5000', 1000), { start: 900, end: 999 });
    assert.deepEqual(requestedRange('bytes=-50', 1000), { start: 950, end: 999 });
    assert.deepEqual(requestedRange('bytes=-5000', 1000), { start: 0, end: 999 });
  });

  test('a range starting past the end cannot be satisfied', () => {
    assert.equal(requestedRange('bytes=1000-', 1000), 'unsatisfiable');
    assert.equal(requestedRange('bytes=-0', 1000), 'unsatisfiable');
    assert.equal(requestedRange('bytes=0-', 0), 'unsatisfiable');
  });

  test('no header, several ranges, another unit or a reversed range: the whole file', () => {
    for (const header of [undefined, 'bytes=0-1,5-9', 'items=0-1', 'bytes=300-100', 'bytes=-', 'bytes=abc']) {
      assert.equal(requestedRange(header, 1000), undefined, String(header));
    }
  });
});
