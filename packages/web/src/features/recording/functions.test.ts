import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elapsed, recordingErrorOf } from './functions';

describe('recording functions', () => {
  test('elapsed time reads as a clock, hours only when there are any', () => {
    assert.equal(elapsed(0, 0), '0:00');
    assert.equal(elapsed(0, 59_999), '0:59');
    assert.equal(elapsed(0, 61_000), '1:01');
    assert.equal(elapsed(0, 3_725_000), '1:02:05');
    assert.equal(elapsed(10_000, 0), '0:00', 'a clock a little behind the server never reads negative');
  });

  test('refusals the page can explain keep their code; the rest are unknown', () => {
    assert.equal(recordingErrorOf('recording_unavailable'), 'recording_unavailable');
    assert.equal(recordingErrorOf('forbidden'), 'forbidden');
    assert.equal(recordingErrorOf('room_full'), 'unknown');
    assert.equal(recordingErrorOf(undefined), 'unknown');
  });
});
