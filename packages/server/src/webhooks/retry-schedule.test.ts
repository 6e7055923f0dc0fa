import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-schedule.js';

describe('webhook retry schedule', () => {
  it('doubles its step after each failure, from 5 s up to an hour', () => {
    const steps = [1, 2, 3, 4, 10, 11, 12, 40].map((attempt) => retryDelayMs(attempt, 1));
    assert.deepEqual(steps, [5_000, 10_000, 20_000, 40_000, 2_560_000, MAX_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS]);
  });

  it('jitters each wait between half its step and the whole step', () => {
    assert.equal(retryDelayMs(1, 0), FIRST_RETRY_DELAY_MS / 2);
    assert.equal(retryDelayMs(1, 0.5), FIRST_RETRY_DELAY_MS * 0.75);
    const waits = Array.from({ length: 200 }, () => retryDelayMs(3, Math.random()));
    assert.ok(waits.every((wait) => wait >= 10_000 && wait <= 20_000));
    assert.ok(new Set(waits).size > 100, 'receivers that failed together are spread out');
  });

  it('waits at least as long as a receiver’s Retry-After, within the hour', () => {
    assert.equal(retryDelayMs(1, 0, 30_000), 30_000);
    assert.equal(retryDelayMs(5, 1, 1_000), 80_000, 'a shorter Retry-After does not hurry the backoff');
    assert.equal(retryDelayMs(1, 0, 10 * MAX_RETRY_DELAY_MS), MAX_RETRY_DELAY_MS);
  });
});
