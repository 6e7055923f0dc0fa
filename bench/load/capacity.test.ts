import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capacityPerCore, type MeasuredStep } from './capacity.js';

const step = (subscribers: number, janusCpu: number, loss: number, parleyCpu?: number): MeasuredStep => ({
  step: { publishers: 10, subscribers },
  participants: 10 + subscribers,
  janusCpu,
  ...(parleyCpu !== undefined ? { parleyCpu } : {}),
  packetsPerSecond: subscribers * 500,
  megabitsPerSecond: subscribers * 0.3,
  loss,
});

test('scales the largest step within the loss limit to one core of Janus', () => {
  const capacity = capacityPerCore([step(25, 0.05, 0), step(50, 0.1, 0.004, 0.02), step(100, 0.2, 0.03)]);
  assert.ok(capacity);
  assert.equal(capacity.from.step.subscribers, 50);
  assert.equal(capacity.subscribersPerCore, 500);
  assert.equal(capacity.participantsPerCore, 600);
  assert.equal(capacity.packetsPerCore, 250_000);
  assert.ok(Math.abs(capacity.megabitsPerCore - 150) < 1e-9);
  assert.ok(Math.abs(capacity.parleyCpuPerParticipant! - 0.02 / 60) < 1e-12);
});

test('exactly 1 % loss is still within the limit', () => {
  assert.equal(capacityPerCore([step(25, 0.05, 0), step(50, 0.1, 0.01)])?.from.step.subscribers, 50);
});

test('Parley not measured: no figure for it', () => {
  assert.equal(capacityPerCore([step(25, 0.05, 0)])?.parleyCpuPerParticipant, undefined);
});

test('no step within the limit, or none with a measurable Janus CPU: no capacity to claim', () => {
  assert.equal(capacityPerCore([step(25, 0.05, 0.02)]), undefined);
  assert.equal(capacityPerCore([step(25, 0, 0)]), undefined);
  assert.equal(capacityPerCore([]), undefined);
});
