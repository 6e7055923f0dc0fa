import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HandQueue } from './hand-queue.js';

test('hands queue up in the order they were raised, and keep it as others go down', () => {
  const queue = new HandQueue();
  queue.raise('carl', 't1');
  queue.raise('ann', 't2');
  queue.raise('bob', 't3');
  assert.deepEqual(queue.list().map((h) => h.participantId), ['carl', 'ann', 'bob']);
  assert.equal(queue.lower('ann'), true);
  assert.deepEqual(queue.list(), [{ participantId: 'carl', raisedAt: 't1' }, { participantId: 'bob', raisedAt: 't3' }]);
});

test('raising a hand again keeps its place; lowering a hand that is down changes nothing', () => {
  const queue = new HandQueue();
  assert.deepEqual(queue.raise('ann', 't1'), { participantId: 'ann', raisedAt: 't1' });
  queue.raise('bob', 't2');
  assert.equal(queue.raise('ann', 't3'), undefined);
  assert.deepEqual(queue.list().map((h) => [h.participantId, h.raisedAt]), [['ann', 't1'], ['bob', 't2']]);
  assert.equal(queue.lower('carl'), false);
  assert.equal(queue.list().length, 2);
});

test('a hand lowered and raised again goes to the back of the queue', () => {
  const queue = new HandQueue();
  queue.raise('ann', 't1');
  queue.raise('bob', 't2');
  queue.lower('ann');
  queue.raise('ann', 't3');
  assert.deepEqual(queue.list().map((h) => h.participantId), ['bob', 'ann']);
});
