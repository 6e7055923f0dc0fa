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
    grace.issueToken(ann);
    grace.hold(ann);
    clock.advance(RECONNECT_GRACE_MS - 1);
    assert.deepEqual(expired, []);
    assert.equal(grace.isHeld(ann), true);
    clock.advance(1);
    assert.deepEqual(expired, ['ann']);
  });

  it('lets only the participant’s own token take their place back, and stops the countdown', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    const bob = { id: 'bob' };
    const annToken = grace.issueToken(ann);
    const bobToken = grace.issueToken(bob);
    assert.notEqual(annToken, bobToken);
    assert.ok(annToken.length >= 40, 'a token long enough not to be guessed');
    grace.hold(ann);
    assert.equal(grace.claim('ann'), undefined, 'a participant id is not a token');
    assert.equal(grace.claim(`${annToken.slice(0, -1)}x`), undefined);
    assert.equal(grace.claim(annToken), ann);
    assert.equal(grace.isHeld(ann), false);
    clock.advance(RECONNECT_GRACE_MS * 2);
    assert.deepEqual(expired, [], 'a resumed participant is not given up');
    assert.equal(grace.claim(bobToken), bob, 'a token works for a participant still connected too');
  });

  it('starts a fresh grace period for each drop, and keeps the first deadline for a repeated one', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    const token = grace.issueToken(ann);
    grace.hold(ann);
    clock.advance(20_000);
    grace.claim(token);
    grace.hold(ann);
    clock.advance(20_000);
    assert.deepEqual(expired, [], 'the second drop has its own 30 seconds');
    grace.hold(ann);
    clock.advance(RECONNECT_GRACE_MS - 20_000);
    assert.deepEqual(expired, ['ann'], 'holding again while held does not push the deadline back');
  });

  it('forgets the token of someone who left, and everything when the session ends', () => {
    const { clock, expired, grace } = setup();
    const ann = { id: 'ann' };
    const bob = { id: 'bob' };
    const annToken = grace.issueToken(ann);
    const bobToken = grace.issueToken(bob);
    grace.hold(ann);
    grace.forget(ann);
    assert.equal(grace.claim(annToken), undefined);
    grace.hold(bob);
    grace.clear();
    assert.equal(grace.claim(bobToken), undefined);
    clock.advance(RECONNECT_GRACE_MS);
    assert.deepEqual(expired, []);
  });
});
