import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TestClock } from '../test-support/test-services.js';
import { PASSWORD_ATTEMPT_LIMIT, PASSWORD_ATTEMPT_WINDOW_MS, PasswordAttempts } from './password-attempts.js';

describe('PasswordAttempts', () => {
  const guessUntilRefused = (attempts: PasswordAttempts, room: string, address: string): number => {
    let allowed = 0;
    while (attempts.begin(room, address)) allowed++;
    return allowed;
  };

  test(`allows ${PASSWORD_ATTEMPT_LIMIT} wrong guesses per room and address in a window, then none until it ends`, () => {
    const clock = new TestClock();
    const attempts = new PasswordAttempts(clock);
    assert.equal(guessUntilRefused(attempts, 'room-1', '10.0.0.1'), PASSWORD_ATTEMPT_LIMIT);
    clock.advance(PASSWORD_ATTEMPT_WINDOW_MS - 1);
    assert.equal(attempts.begin('room-1', '10.0.0.1'), false);
    // Other addresses, and other rooms, count on their own.
    assert.equal(attempts.begin('room-1', '10.0.0.2'), true);
    assert.equal(attempts.begin('room-2', '10.0.0.1'), true);
    clock.advance(1);
    assert.equal(guessUntilRefused(attempts, 'room-1', '10.0.0.1'), PASSWORD_ATTEMPT_LIMIT);
  });

  test('does not count right guesses: many people behind one address all get in', () => {
    const attempts = new PasswordAttempts(new TestClock());
    for (let person = 0; person < 3 * PASSWORD_ATTEMPT_LIMIT; person++) {
      assert.equal(attempts.begin('room', '192.0.2.7'), true, `person ${person}`);
      attempts.succeeded('room', '192.0.2.7');
    }
  });

  test('counts guesses still being checked, so guesses sent all at once cannot outrun the limit', () => {
    const attempts = new PasswordAttempts(new TestClock());
    const started = Array.from({ length: 3 * PASSWORD_ATTEMPT_LIMIT }, () => attempts.begin('room', '198.51.100.1'));
    assert.equal(started.filter(Boolean).length, PASSWORD_ATTEMPT_LIMIT);
  });
});
