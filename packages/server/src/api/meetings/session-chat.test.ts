import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { seedChatMessage } from './test-support/chat-fixtures.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';
import { MEETINGS_PREFIXES } from './meetings-api.js';

describe('GET /sessions/:session_id/chat', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  /** A started session of a fresh room of the harness's application. */
  async function newSession(): Promise<{ sessionId: string; roomId: string }> {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Chatty room' })).json<{ id: string }>();
    const sessionId = randomUUID();
    await h.services.sessions.start({ id: sessionId, roomId: room.id, startedAt: h.clock.now().toISOString() });
    return { sessionId, roomId: room.id };
  }

  test('lists every message in the order it was sent, key for key, under every prefix', async () => {
    const session = await newSession();
    const first = await seedChatMessage(h, session, 'Hello, everyone', { senderName: 'Ann' });
    const second = await seedChatMessage(h, session, '<img src=x onerror=alert(1)>', { senderName: 'Bob' });
    const third = await seedChatMessage(h, session, 'Ann again', { participantId: first.participantId, senderName: 'Ann' });
    for (const prefix of MEETINGS_PREFIXES) {
      const response = await h.call('GET', `${prefix}/sessions/${session.sessionId}/chat`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^application\/json\b/);
      assert.deepEqual(response.json(), {
        _embedded: {
          messages: [first, second, third].map((m) => ({ id: m.id, participant_id: m.participantId, sender_name: m.senderName, text: m.text, sent_at: m.sentAt })),
        },
      });
    }
  });

  test('keeps send order for messages stamped in the same millisecond', async () => {
    const session = await newSession();
    const participantId = (await seedChatMessage(h, session, 'first')).participantId;
    const sentAt = h.clock.now().toISOString();
    for (const text of ['b', 'a', 'c']) {
      await h.services.chatMessages.insert({ id: randomUUID(), ...session, participantId, senderName: 'Chatty', text, sentAt });
    }
    const messages = (await h.call('GET', `/v1/meetings/sessions/${session.sessionId}/chat`)).json()._embedded.messages;
    assert.deepEqual(messages.map((m: { text: string }) => m.text), ['first', 'b', 'a', 'c']);
  });

  test('answers an empty list for a session where nothing was said, and only that session’s messages', async () => {
    const quiet = await newSession();
    const chatty = await newSession();
    await seedChatMessage(h, chatty, 'not in the quiet session');
    const response = await h.call('GET', `/v1/meetings/sessions/${quiet.sessionId}/chat`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { _embedded: { messages: [] } });
  });

  test('answers 404 NotFoundError for a session that does not exist, changing nothing', async () => {
    for (const id of [randomUUID(), 'a'.repeat(100)]) {
      await assertRefused(h, () => h.call('GET', `/v1/meetings/sessions/${id}/chat`), {
        status: 404,
        body: vonageError('NotFoundError', 404, `Failed to find session by id: ${id}`),
      });
    }
  });

  test("answers 404, not 403, for another application's session", async () => {
    const session = await newSession();
    await seedChatMessage(h, session, 'private');
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    await assertRefused(h, () => h.call('GET', `/v1/meetings/sessions/${session.sessionId}/chat`, undefined, { authorization: `Bearer ${token}` }), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Failed to find session by id: ${session.sessionId}`),
    });
  });

  test('is documented as a Parley extension under Sessions, with every string bounded', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const operation = document.paths['/v1/meetings/sessions/{session_id}/chat'].get;
    assert.equal(operation.summary, "Read a session's chat transcript");
    assert.deepEqual(operation.tags, ['Sessions']);
    assert.match(operation.description, /Parley extension/);
    const message = operation.responses['200'].content['application/json'].schema.properties._embedded.properties.messages.items;
    for (const [key, property] of Object.entries(message.properties as Record<string, { type: string; maxLength?: number }>)) {
      assert.equal(property.type, 'string', key);
      assert.ok(property.maxLength, `${key} has no maxLength`);
    }
  });
});
