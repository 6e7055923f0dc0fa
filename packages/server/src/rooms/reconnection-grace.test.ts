import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECONNECT_GRACE_MS } from '@parley/protocol';
import { TestClock } from '../test-support/test-services.js';
import { ReconnectionGrace } from './reconnection-grace.js';

describe('reconnection grace', () => {
  const setup = () => {
    const clock = new TestClock();
    const expired: string[] = [];
    const grace = new ReconnectionGrace<{ id: string }>(clock, (p) => expired.push(p.id));
    return { clock, expired, grace };
  };

  it('gives a participant up exactly when the grace period runs out, not before', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    grace.track(ann);
    grace.hold(ann);
    clock.advance(RECONNECT_GRACE_MS - 1);
    assert.deepEqual(expired, []);
    assert.equal(grace.isHeld(ann), true);
    clock.advance(1);
    assert.deepEqual(expired, ['ann']);
  });

  it('gives the place back to the participant a token named, and stops the countdown', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    const bob = { id: 'bob' };
    grace.track(ann);
    grace.track(bob);
    grace.hold(ann);
    assert.equal(grace.claim('carol'), undefined, 'nobody of that id is in the session');
    assert.equal(grace.claim('ann'), ann);
    assert.equal(grace.isHeld(ann), false);
    clock.advance(RECONNECT_GRACE_MS * 2);
    assert.deepEqual(expired, [], 'a resumed participant is not given up');
    assert.equal(grace.claim('bob'), bob, 'a participant still connected may resume too');
  });

  it('starts a fresh grace period for each drop, and keeps the first deadline for a repeated one', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    grace.track(ann);
    grace.hold(ann);
    clock.advance(20_000);
    grace.claim('ann');
    grace.hold(ann);
    clock.advance(20_000);
    assert.deepEqual(expired, [], 'the second drop has its own 30 seconds');
    grace.hold(ann);
    clock.advance(RECONNECT_GRACE_MS - 20_000);
    assert.deepEqual(expired, ['ann'], 'holding again while held does not push the deadline back');
  });

  it('forgets someone who left, and everything when the session ends', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    const bob = { id: 'bob' };
    grace.track(ann);
    grace.track(bob);
    grace.hold(ann);
    grace.forget(ann);
    assert.equal(grace.claim('ann'), undefined);
    grace.hold(bob);
    grace.clear();
    assert.equal(grace.claim('bob'), undefined);
    clock.advance(RECONNECT_GRACE_MS);
    assert.deepEqual(expired, []);
  });
});
