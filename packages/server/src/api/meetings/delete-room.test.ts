import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

describeEachDialect('DELETE /rooms/:room_id', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
  });
  after(() => h.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Doomed', ...body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; meeting_code: string };
  };

  test('answers 204 without a body; the room is gone from every reader, its history stays', async () => {
    const themeId = (await h.call('POST', '/v1/meetings/themes', { main_color: '#abc', brand_text: 'Brand' })).json().theme_id;
    const kept = await create({ theme_id: themeId });
    const room = await create({ theme_id: themeId });
    // A session with a participant happened in the room.
    await h.services.sessions.start({ id: 'past-session', roomId: room.id, startedAt: h.clock.now().toISOString() });
    await h.services.sessions.addParticipant({ id: 'p1', sessionId: 'past-session', roomId: room.id, displayName: 'Ann', role: 'guest', joinedAt: h.clock.now().toISOString() });
    await h.services.sessions.end({ id: 'past-session', roomId: room.id, endedAt: h.clock.now().toISOString(), roomCloseAt: null });

    const response = await h.call('DELETE', `/v1/meetings/rooms/${room.id}`);
    assert.equal(response.statusCode, 204);
    assert.equal(response.body, '');

    const notFound = vonageError('NotFoundError', 404, `Room ${room.id} was not found`);
    const get = await h.call('GET', `/v1/meetings/rooms/${room.id}`);
    assert.equal(get.statusCode, 404);
    assert.deepEqual(get.json(), notFound);
    const list = (await h.call('GET', '/v1/meetings/rooms')).json();
    assert.deepEqual(list._embedded.map((r: { id: string }) => r.id), [kept.id]);
    assert.equal(list.total_items, 1);
    const themeRooms = (await h.call('GET', `/v1/meetings/themes/${themeId}/rooms`)).json();
    assert.deepEqual(themeRooms._embedded.map((r: { id: string }) => r.id), [kept.id]);
    assert.equal(themeRooms.total_items, 1);
    // The meeting page is told the room does not exist.
    const info = await h.app.inject({ method: 'GET', url: `/api/public/rooms/${room.meeting_code}` });
    assert.equal(info.statusCode, 404);

    const row = await h.services.store.db.selectFrom('rooms').selectAll().where('id', '=', room.id).executeTakeFirstOrThrow();
    assert.equal(row.is_available, 0);
    assert.equal(row.deleted_at, h.clock.now().toISOString());
    assert.equal((await h.services.sessions.listForRoom(room.id)).length, 1);
    assert.equal((await h.services.sessions.listParticipants('past-session')).length, 1);
    assert.equal(await h.services.rooms.meetingCodeExists(room.meeting_code), true, 'its meeting code is never handed out again');

    // Deleted rooms no longer hold their theme.
    assert.equal(await h.services.themes.roomCount(themeId), 1);
  });

  test('works under every prefix', async () => {
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      const room = await create();
      const response = await h.call('DELETE', `${prefix}/rooms/${room.id}`);
      assert.equal(response.statusCode, 204, prefix);
      assert.equal((await h.call('GET', `/v1/meetings/rooms/${room.id}`)).statusCode, 404);
    }
  });

  test('a deleted room can be neither updated nor deleted again', async () => {
    const room = await create({ type: 'long_term', expires_at: '2026-05-01T00:00:00Z' });
    await h.call('DELETE', `/v1/meetings/rooms/${room.id}`);
    const notFound = { status: 404, body: vonageError('NotFoundError', 404, `Room ${room.id} was not found`) };
    await assertRefused(h, () => h.call('PATCH', `/v1/meetings/rooms/${room.id}`, { update_details: { display_name: 'back' } }), notFound);
    await assertRefused(h, () => h.call('DELETE', `/v1/meetings/rooms/${room.id}`), notFound);
  });

  test("answers 404 for another application's room and deletes nothing", async () => {
    const room = await create();
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    await assertRefused(h, () => h.app.inject({ method: 'DELETE', url: `/v1/meetings/rooms/${room.id}`, headers: { authorization: `Bearer ${token}` } }), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Room ${room.id} was not found`),
    });
    assert.equal((await h.call('GET', `/v1/meetings/rooms/${room.id}`)).statusCode, 200);
  });

  test('answers 404 for a room that does not exist', async () => {
    const id = '7f1d2c66-0000-4000-8000-000000000000';
    await assertRefused(h, () => h.call('DELETE', `/v1/meetings/rooms/${id}`), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Room ${id} was not found`),
    });
  });
});
