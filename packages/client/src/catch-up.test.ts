import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage, ParticipantInfo } from '@parley/protocol';
import { catchUpMessages } from './catch-up.js';

const person = (id: string, extra: Partial<ParticipantInfo> = {}): ParticipantInfo => ({
  id,
  displayName: id,
  role: 'guest',
  audioMuted: false,
  videoMuted: false,
  joinedAt: '2026-01-01T12:00:00.000Z',
  screenSharing: false,
  ...extra,
});
const said = (id: string): ChatMessage => ({ id, participantId: 'ann', senderName: 'Ann', text: id, sentAt: '2026-01-01T12:00:01.000Z' });

test('replays who left, joined and changed, and what was said, while the page was away', () => {
  const messages = catchUpMessages(
    { participants: [person('ann'), person('bob', { reconnecting: true }), person('carl')], chatMessageIds: new Set(['m1']) },
    {
      type: 'resumed',
      self: person('me'),
      sessionId: 's',
      participants: [person('ann'), person('bob'), person('dora')],
      chatHistory: [said('m1'), said('m2'), said('m3')],
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
    catchUpMessages({ participants, chatMessageIds: new Set(['m1']) }, { type: 'resumed', self: person('me'), sessionId: 's', participants, chatHistory: [said('m1')] }),
    [],
  );
});
