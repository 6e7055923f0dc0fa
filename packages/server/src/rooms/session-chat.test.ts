import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage, type ServerMessage } from '@parley/protocol';
import { parseClientMessage } from '../signaling/client-messages.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { DEFAULT_CHAT_RATE_WINDOW_MS as CHAT_RATE_WINDOW_MS } from '../config.js';
import { CHAT_RATE_LIMIT } from './session-chat.js';
import { RecordedConnection } from './test-support/recorded-connection.js';

/** The chat of live sessions, over a real Janus (no media flows) and a real database. */
describe('session chat', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('chat', { rtpPorts: { min: 43000, max: 43999 } });
  const { clock } = suite;

  const newRoom = async (chat = true) =>
    (await suite.rooms.create(suite.applicationId, { displayName: 'Chat room', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000), features: { chat } })).meetingCode;
  const join = async (meetingCode: string, displayName: string) => {
    const connection = new RecordedConnection();
    const joined = await suite.liveRooms.join({ type: 'join', meetingCode, displayName, audioMuted: true, videoMuted: true }, connection);
    return { connection, ...joined };
  };
  type Joined = Awaited<ReturnType<typeof join>>;
  const leaveAll = (...people: Joined[]) => Promise.all(people.map((p) => p.session.leave(p.participant)));
  const withoutIds = (messages: ChatMessage[]) => messages.map(({ id: _id, ...rest }) => rest);

  test('delivers a message to everyone, sender included, stamped by the server, and stores it', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    clock.advance(1000);
    const sent = await ann.session.sendChat(ann.participant, '  hello <b>there</b>  ', 'r-1');
    assert.deepEqual(withoutIds([sent]), [{ participantId: ann.participant.id, senderName: 'Ann', text: 'hello <b>there</b>', sentAt: clock.now().toISOString() }]);
    assert.deepEqual(ann.connection.of('chat-message'), [{ type: 'chat-message', message: sent, requestId: 'r-1' }], 'the sender’s copy carries its request id');
    assert.deepEqual(bob.connection.of('chat-message'), [{ type: 'chat-message', message: sent }], 'nobody else sees the request id');
    assert.deepEqual(await suite.services.chatMessages.listForSession(ann.session.id), [sent]);
    const row = await suite.services.store.db.selectFrom('chat_messages').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
    assert.equal(row.session_id, ann.session.id);
    assert.equal(row.room_id, ann.session.room.id);
    await leaveAll(ann, bob);
  });

  test('refuses empty, blank and over-long text with validation_failed, and stores nothing', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    for (const text of ['', '   \n\t ', 'x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1)]) {
      await assert.rejects(ann.session.sendChat(ann.participant, text), { code: 'validation_failed', message: /empty|at most 2000 characters/ });
    }
    // The limit is on the trimmed text, counted in characters, not UTF-16 units.
    await ann.session.sendChat(ann.participant, ` ${'x'.repeat(CHAT_MESSAGE_MAX_LENGTH)} `);
    await ann.session.sendChat(ann.participant, '😀'.repeat(CHAT_MESSAGE_MAX_LENGTH));
    assert.equal((await suite.services.chatMessages.listForSession(ann.session.id)).length, 2);
    assert.equal(ann.connection.of('chat-message').length, 2);
    await leaveAll(ann);
  });

  test('refuses every message with chat_unavailable when the room’s chat is off, even if turned off mid-session', async () => {
    const off = await join(await newRoom(false), 'Ann');
    await assert.rejects(off.session.sendChat(off.participant, 'anyone?'), { code: 'chat_unavailable', message: 'Chat is turned off in this meeting' });
    assert.deepEqual(off.connection.of('chat-message'), []);
    assert.deepEqual(await suite.services.chatMessages.listForSession(off.session.id), []);
    await leaveAll(off);

    const on = await join(await newRoom(true), 'Bob');
    await on.session.sendChat(on.participant, 'before');
    await suite.rooms.update(suite.applicationId, on.session.room.id, { features: { chat: false } });
    await assert.rejects(on.session.sendChat(on.participant, 'after'), { code: 'chat_unavailable' });
    assert.deepEqual((await suite.services.chatMessages.listForSession(on.session.id)).map((m) => m.text), ['before']);
    await leaveAll(on);
  });

  test(`limits each participant to ${CHAT_RATE_LIMIT} messages in ${CHAT_RATE_WINDOW_MS} ms, with rate_limited, without limiting others`, async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    for (let i = 0; i < CHAT_RATE_LIMIT; i++) await ann.session.sendChat(ann.participant, `ann ${i}`);
    await assert.rejects(ann.session.sendChat(ann.participant, 'one too many'), { code: 'rate_limited', message: 'Too many chat messages: at most 5 every 5 seconds' });
    await bob.session.sendChat(bob.participant, 'bob is fine');
    clock.advance(CHAT_RATE_WINDOW_MS - 1);
    await assert.rejects(ann.session.sendChat(ann.participant, 'still too soon'), { code: 'rate_limited' });
    clock.advance(1);
    await ann.session.sendChat(ann.participant, 'ann again');
    const texts = (await suite.services.chatMessages.listForSession(ann.session.id)).map((m) => m.text);
    assert.deepEqual(texts, ['ann 0', 'ann 1', 'ann 2', 'ann 3', 'ann 4', 'bob is fine', 'ann again']);
    await leaveAll(ann, bob);
  });

  test('hands a late joiner what was said before, in order, and then only what is new', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    assert.deepEqual(ann.connection.joined().chatHistory, [], 'nothing said yet');
    // Sent at once: delivered and stored in one order, the same for everyone.
    const sent = await Promise.all([
      ann.session.sendChat(ann.participant, 'one'),
      bob.session.sendChat(bob.participant, 'two'),
      ann.session.sendChat(ann.participant, 'three'),
    ]);
    const carl = await join(code, 'Carl');
    assert.deepEqual(carl.connection.joined().chatHistory, sent);
    assert.deepEqual(ann.connection.of('chat-message').map((e) => e.message), sent);
    assert.deepEqual(bob.connection.of('chat-message').map((e) => e.message), sent);
    assert.deepEqual(await suite.services.chatMessages.listForSession(ann.session.id), sent);
    const later = await bob.session.sendChat(bob.participant, 'four');
    assert.deepEqual(carl.connection.of('chat-message').map((e) => e.message), [later]);
    await leaveAll(ann, bob, carl);
  });

  test('a new session of the room starts with an empty chat', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    await ann.session.sendChat(ann.participant, 'said in the first session');
    await leaveAll(ann);
    const bob = await join(code, 'Bob');
    assert.notEqual(bob.session.id, ann.session.id);
    assert.deepEqual(bob.connection.joined().chatHistory, []);
    await leaveAll(bob);
  });

  test('refuses a message from someone who has left', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    await bob.session.leave(bob.participant);
    await assert.rejects(bob.session.sendChat(bob.participant, 'ghost'), { code: 'bad_request' });
    assert.deepEqual(ann.connection.of('chat-message'), []);
    await leaveAll(ann);
  });

  test('the signaling schema accepts chat-send with any text up to the frame bound, and a short request id', () => {
    assert.deepEqual(parseClientMessage(JSON.stringify({ type: 'chat-send', text: '' })), { type: 'chat-send', text: '' });
    assert.ok(parseClientMessage(JSON.stringify({ type: 'chat-send', text: 'x'.repeat(3000), requestId: 'abc' })));
    assert.equal(parseClientMessage(JSON.stringify({ type: 'chat-send', text: 'x'.repeat(16_001) })), undefined);
    assert.equal(parseClientMessage(JSON.stringify({ type: 'chat-send', text: 'hi', requestId: 'r'.repeat(65) })), undefined);
    assert.equal(parseClientMessage(JSON.stringify({ type: 'chat-send' })), undefined);
    assert.equal(parseClientMessage(JSON.stringify({ type: 'chat-send', text: 5 })), undefined);
  });
});
