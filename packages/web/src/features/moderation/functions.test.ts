import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParticipantInfo, ParticipantRole } from '@parley/protocol';
import { isDrastic, moderationActions } from './functions';

const person = (id: string, role: ParticipantRole, extra: Partial<ParticipantInfo> = {}): ParticipantInfo => ({
  id,
  displayName: id,
  role,
  audioMuted: false,
  videoMuted: false,
  moderated: { audio: false, video: false },
  screenSharing: false,
  joinedAt: '',
  ...extra,
});

test('guests are offered nothing, and nobody is offered actions on themselves', () => {
  assert.deepEqual(moderationActions(person('g', 'guest'), person('h', 'guest'), true), []);
  const host = person('h', 'host');
  assert.deepEqual(moderationActions(host, host, true), []);
});

test('a moderator can mute or ask to unmute, stop or ask for a camera, promote, remove and block a guest', () => {
  const host = person('h', 'host');
  assert.deepEqual(moderationActions(host, person('g', 'guest'), false), ['mute', 'stopCamera', 'makeCohost', 'remove', 'block']);
  assert.deepEqual(moderationActions(person('c', 'cohost'), person('g', 'guest', { audioMuted: true, videoMuted: true }), true), [
    'lowerHand',
    'askToUnmute',
    'askToStartCamera',
    'makeCohost',
    'remove',
    'block',
  ]);
  assert.deepEqual(moderationActions(host, person('c2', 'cohost'), false), ['mute', 'stopCamera', 'removeCohost', 'remove', 'block']);
});

test('a host can only have their hand lowered', () => {
  assert.deepEqual(moderationActions(person('c', 'cohost'), person('h', 'host'), true), ['lowerHand']);
  assert.deepEqual(moderationActions(person('h2', 'host'), person('h', 'host'), false), []);
});

test('removing and blocking are the drastic actions', () => {
  assert.deepEqual((['mute', 'remove', 'block', 'makeCohost'] as const).filter(isDrastic), ['remove', 'block']);
});

test('in a webinar, a moderator brings an attendee on stage (nothing of theirs to mute) and sends a panelist back to the audience', () => {
  const host = person('h', 'host');
  assert.deepEqual(moderationActions(host, person('a', 'attendee', { audioMuted: true, videoMuted: true }), true), ['lowerHand', 'bringOnStage', 'remove', 'block']);
  assert.deepEqual(moderationActions(host, person('p', 'panelist'), false), ['mute', 'stopCamera', 'makeCohost', 'moveToAudience', 'remove', 'block']);
});
