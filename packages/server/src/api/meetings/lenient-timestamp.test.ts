import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLenientTimestamp } from './lenient-timestamp.js';

test('reads every spelling Vonage clients used, a missing zone meaning UTC', () => {
  const cases: [string, string][] = [
    ['2023-01-30T00:47:04.000Z', '2023-01-30T00:47:04.000Z'],
    ['2023-01-30T00:47:04Z', '2023-01-30T00:47:04.000Z'],
    ['2023-01-30T00:47:04+0000', '2023-01-30T00:47:04.000Z'],
    ['2023-01-30T00:47:04-05:30', '2023-01-30T06:17:04.000Z'],
    ['2023-01-30T00:47:04+01', '2023-01-29T23:47:04.000Z'],
    ['2023-02-07 20:10:05', '2023-02-07T20:10:05.000Z'],
    ['2023-01-30 15:00:00.000', '2023-01-30T15:00:00.000Z'],
    ['2023-01-30T15:00', '2023-01-30T15:00:00.000Z'],
    ['2023-01-30', '2023-01-30T00:00:00.000Z'],
    ['2023-01-30T15:00:00.123456Z', '2023-01-30T15:00:00.123Z'],
    ['2019-08-24T00:00:00', '2019-08-24T00:00:00.000Z'],
  ];
  for (const [text, iso] of cases) assert.equal(parseLenientTimestamp(text)?.toISOString(), iso, text);
});

test('refuses text that names no instant', () => {
  for (const text of ['', 'tomorrow', '2023-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2023-01-30T24:00:00Z', '1675000000', '2023-01-30T00:00:00 UTC']) {
    assert.equal(parseLenientTimestamp(text), undefined, text);
  }
});
