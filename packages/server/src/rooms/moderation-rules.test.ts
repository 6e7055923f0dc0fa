import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParticipantInfo, ParticipantRole } from '@parley/protocol';
import { parleyErrorWith } from '../test-support/test-services.js';
import { assertMayEndMeeting, assertMayLowerHand, assertMayModerate, assertMayModerateTarget } from './moderation-rules.js';

const person = (id: string, role: ParticipantRole): ParticipantInfo => ({
  id,
  displayName: id,
  role,
  audioMuted: false,
  videoMuted: false,
  moderated: { audio: false, video: false },
  joinedAt: '2026-01-01T12:00:00.000Z',
  screenSharing: false,
});
const host = person('host', 'host');
const otherHost = person('other-host', 'host');
const cohost = person('cohost', 'cohost');
const guest = person('guest', 'guest');
const otherGuest = person('other-guest', 'guest');

const refuses = (check: () => void, code: 'forbidden' | 'bad_request', message: string) =>
  assert.throws(check, parleyErrorWith(code, message));

test('hosts and co-hosts moderate; guests are refused with forbidden', () => {
  assertMayModerate(host, 'mute participants');
  assertMayModerate(cohost, 'mute participants');
  refuses(() => assertMayModerate(guest, 'mute participants'), 'forbidden', 'Only hosts and co-hosts can mute participants');
});

test('a moderator acts on guests and co-hosts, never on a host or on themselves', () => {
  const remove = 'remove someone';
  assertMayModerateTarget(host, guest, remove);
  assertMayModerateTarget(host, cohost, remove);
  assertMayModerateTarget(cohost, guest, remove);
  assertMayModerateTarget(cohost, person('cohost-2', 'cohost'), remove);
  refuses(() => assertMayModerateTarget(cohost, host, remove), 'forbidden', 'Nobody can moderate a host');
  refuses(() => assertMayModerateTarget(host, otherHost, remove), 'forbidden', 'Nobody can moderate a host');
  refuses(() => assertMayModerateTarget(host, host, remove), 'bad_request', 'You cannot moderate yourself');
  refuses(() => assertMayModerateTarget(guest, otherGuest, remove), 'forbidden', 'Only hosts and co-hosts can remove someone');
});

test('everyone lowers their own hand; only moderators lower anyone else’s, a host’s included', () => {
  assertMayLowerHand(guest, guest);
  assertMayLowerHand(cohost, host);
  assertMayLowerHand(host, guest);
  refuses(() => assertMayLowerHand(guest, otherGuest), 'forbidden', "Only hosts and co-hosts can lower someone else's hand");
});

test('only a host ends the meeting for everyone', () => {
  assertMayEndMeeting(host);
  refuses(() => assertMayEndMeeting(cohost), 'forbidden', 'Only a host can end the meeting for everyone');
  refuses(() => assertMayEndMeeting(guest), 'forbidden', 'Only a host can end the meeting for everyone');
});
