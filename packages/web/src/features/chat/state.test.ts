import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatMessage } from '@parley/protocol';
import { chatReducer, initialChatState, type ChatState } from './state';

const message = (id: string, participantId: string): ChatMessage => ({ id, participantId, senderName: participantId, text: id, sentAt: '2026-01-01T12:00:00.000Z' });

test('messages from others count as unread while the panel is closed, and opening reads them', () => {
  let s: ChatState = chatReducer(initialChatState, { type: 'received', message: message('1', 'bob'), selfId: 'ann' });
  s = chatReducer(s, { type: 'received', message: message('2', 'ann'), selfId: 'ann' });
  s = chatReducer(s, { type: 'received', message: message('3', 'carl'), selfId: 'ann' });
  assert.equal(s.unread, 2, 'one’s own message is never unread');
  s = chatReducer(s, { type: 'opened' });
  assert.deepEqual([s.open, s.unread], [true, 0]);
  s = chatReducer(s, { type: 'received', message: message('4', 'bob'), selfId: 'ann' });
  assert.equal(s.unread, 0, 'nothing is unread while the panel is open');
  s = chatReducer(s, { type: 'closed' });
  assert.deepEqual(s.messages.map((m) => m.id), ['1', '2', '3', '4']);
});

test('history is not unread, and a message seen in the history and as an event shows once', () => {
  let s = chatReducer(initialChatState, { type: 'reset', messages: [message('1', 'bob'), message('2', 'carl')] });
  assert.equal(s.unread, 0);
  s = chatReducer(s, { type: 'received', message: message('2', 'carl'), selfId: 'ann' });
  assert.deepEqual(s.messages.map((m) => m.id), ['1', '2']);
  assert.equal(s.unread, 0);
});
