import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage, ParticipantInfo, RaisedHand } from '@parley/protocol';
import { catchUpMessages } from './catch-up.js';

const person = (id: string, extra: Partial<ParticipantInfo> = {}): ParticipantInfo => ({
  id,
  displayName: id,
  role: 'guest',
  audioMuted: false,
  videoMuted: false,
  moderated: { audio: false, video: false },
  joinedAt: '2026-01-01T12:00:00.000Z',
  screenSharing: false,
  ...extra,
});
const hand = (participantId: string): RaisedHand => ({ participantId, raisedAt: '2026-01-01T12:00:02.000Z' });
const said = (id: string): ChatMessage => ({ id, participantId: 'ann', senderName: 'Ann', text: id, sentAt: '2026-01-01T12:00:01.000Z' });

test('replays who left, joined and changed, and what was said, while the page was away', () => {
  const messages = catchUpMessages(
    { participants: [person('ann'), person('bob', { reconnecting: true }), person('carl')], chatMessageIds: new Set(['m1']), raisedHands: [] },
    {
      type: 'resumed',
      self: person('me'),
      sessionId: 's',
      participants: [person('ann'), person('bob'), person('dora')],
      chatHistory: [said('m1'), said('m2'), said('m3')],
      raisedHands: [],
    },
  );
  assert.deepEqual(messages, [
    { type: 'participant-left', participantId: 'carl' },
    { type: 'participant-updated', participant: person('bob') },
    { type: 'participant-joined', participant: person('dora') },
    { type: 'chat-message', message: said('m2') },
    { type: 'chat-message', message: said('m3') },
  ]);
});

test('replays nothing when nothing changed', () => {
  const participants = [person('ann', { audioMuted: true })];
  assert.deepEqual(
    catchUpMessages(
      { participants, chatMessageIds: new Set(['m1']), raisedHands: [hand('ann')] },
      { type: 'resumed', self: person('me'), sessionId: 's', participants, chatHistory: [said('m1')], raisedHands: [hand('ann')] },
    ),
    [],
  );
});

test('replays hands that went up or down while the page was away; a leaver’s hand goes down with them', () => {
  const messages = catchUpMessages(
    { participants: [person('ann'), person('bob'), person('carl')], chatMessageIds: new Set(), raisedHands: [hand('ann'), hand('carl')] },
    { type: 'resumed', self: person('me'), sessionId: 's', participants: [person('ann'), person('bob')], chatHistory: [], raisedHands: [hand('bob')] },
  );
  assert.deepEqual(messages, [
    { type: 'participant-left', participantId: 'carl' },
    { type: 'hand-lowered', participantId: 'ann' },
    { type: 'hand-raised', hand: hand('bob') },
  ]);
});

test('sees a change of moderation as a change', () => {
  const before = person('ann');
  const after = person('ann', { audioMuted: true, moderated: { audio: true, video: false } });
  const messages = catchUpMessages(
    { participants: [before], chatMessageIds: new Set(), raisedHands: [] },
    { type: 'resumed', self: person('me'), sessionId: 's', participants: [after], chatHistory: [], raisedHands: [] },
  );
  assert.deepEqual(messages, [{ type: 'participant-updated', participant: after }]);
});
