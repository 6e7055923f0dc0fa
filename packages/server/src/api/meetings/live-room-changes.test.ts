import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { MINUTE_MS } from '../../clock.js';
import { JanusBackend } from '../../media/janus/janus-backend.js';
import { LiveRooms } from '../../rooms/live-rooms.js';
import { RecordedConnection } from '../../rooms/test-support/recorded-connection.js';
import { startMeetingsHarness, type MeetingsHarness } from './test-support/meetings-harness.js';

/** Rooms changed through the API while people are in them, over a real Janus (no media flows). */
describe('room changes during a live session', { timeout: 60_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-live-changes-'));
  let h: MeetingsHarness;
  let media: JanusBackend;
  let liveRooms: LiveRooms;

  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness();
    const logger = pino({ level: 'silent' });
    media = await JanusBackend.start({ url: '', binary: 'janus', dataDir, rtpPorts: { min: 42000, max: 42999 }, requestTimeoutMs: 5000, logger });
    liveRooms = new LiveRooms({ ...h.services, media, logger });
  });
  after(async () => {
    await liveRooms.shutdown();
    await media.close();
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const join = async (meetingCode: string, displayName: string) => {
    const connection = new RecordedConnection();
    const joined = await liveRooms.join({ type: 'join', meetingCode, displayName, audioMuted: true, videoMuted: true }, connection);
    return { connection, ...joined };
  };

  test('deleting a room ends its live session: everyone is told and let go, the session is stored as ended', async () => {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Live' })).json();
    const ann = await join(room.meeting_code, 'Ann');
    const bob = await join(room.meeting_code, 'Bob');
    assert.equal(ann.session, bob.session);
    assert.equal(liveRooms.stats().participants, 2);

    const response = await h.call('DELETE', `/v1/meetings/rooms/${room.id}`);
    assert.equal(response.statusCode, 204);

    // Done by the time the API answered.
    for (const { connection } of [ann, bob]) {
      assert.deepEqual(connection.received.at(-1), { type: 'room-closed', reason: 'ended' });
      assert.equal(connection.closed, true);
    }
    assert.equal(ann.session.isEnded, true);
    assert.equal(liveRooms.find(room.id), undefined);
    assert.deepEqual(liveRooms.stats(), { sessions: 0, participants: 0 });
    const [stored] = await h.services.sessions.listForRoom(room.id);
    assert.equal(stored?.endedAt, h.clock.now().toISOString());
    const participants = await h.services.sessions.listParticipants(ann.session.id);
    assert.deepEqual(participants.map((p) => p.leftAt !== null), [true, true]);
    // Nobody gets back in: the meeting code no longer names a room.
    await assert.rejects(join(room.meeting_code, 'Carl'), { code: 'not_found' });
  });

  test('deleting a room with nobody in it ends nothing else', async () => {
    const busy = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Busy' })).json();
    const empty = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Empty' })).json();
    const ann = await join(busy.meeting_code, 'Ann');
    assert.equal((await h.call('DELETE', `/v1/meetings/rooms/${empty.id}`)).statusCode, 204);
    assert.equal(ann.connection.closed, false);
    assert.equal(ann.session.isEnded, false);
    await ann.session.leave(ann.participant);
  });

  test('a session that ends after expires_at changed sets the deadline from the room as it is now', async () => {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Moving', type: 'long_term', expires_at: '2026-04-01T00:00:00.000Z' })).json();
    const ann = await join(room.meeting_code, 'Ann');
    const patched = await h.call('PATCH', `/v1/meetings/rooms/${room.id}`, { update_details: { expires_at: '2026-05-01T00:00:00.000Z', expire_after_use: true } });
    assert.equal(patched.statusCode, 200, patched.body);
    h.clock.advance(MINUTE_MS);
    await ann.session.leave(ann.participant);
    const row = await h.services.store.db.selectFrom('rooms').select('close_at').where('id', '=', room.id).executeTakeFirstOrThrow();
    assert.equal(row.close_at, new Date(h.clock.now().getTime() + 10 * MINUTE_MS).toISOString(), 'expire_after_use, turned on during the session, applies');
  });
});
