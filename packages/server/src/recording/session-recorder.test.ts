import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { CreateRoomInput } from '../rooms/room-service.js';
import type { Room } from '../rooms/room.js';
import { liveRoomsForSuite } from '../rooms/test-support/live-rooms-for-suite.js';
import { RecordedConnection } from '../rooms/test-support/recorded-connection.js';
import { parleyErrorWith } from '../test-support/test-services.js';
import { rawRecordingFolder } from './recording-folders.js';

/** Recording live sessions over a real Janus (no media flows) and a real database: the rules, the state everyone sees, the rows. */
describe('recording a live session', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('recording', { rtpPorts: { min: 45000, max: 45999 } });
  const { clock } = suite;

  const newRoom = (input: Partial<CreateRoomInput> = {}): Promise<Room> =>
    suite.rooms.create(suite.applicationId, { displayName: 'Recorded', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000), ...input });
  const hostToken = (room: Room) => suite.services.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });
  const join = async (room: Room, displayName: string, as: { host?: boolean } = {}) => {
    const connection = new RecordedConnection();
    const who = as.host ? { participantToken: hostToken(room) } : { guestId: `guest-${displayName.toLowerCase()}-id` };
    const joined = await suite.liveRooms.join({ type: 'join', meetingCode: room.meetingCode, displayName, audioMuted: false, videoMuted: false, ...who }, connection);
    return { connection, ...joined };
  };
  const recordingsOf = (room: Room) => suite.services.store.db.selectFrom('recordings').selectAll().where('room_id', '=', room.id).orderBy('started_at').execute();

  test('moderators start and stop recording; everyone sees it, newcomers included; guests may not', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    assert.deepEqual(ann.connection.last('recording-state')?.recording, { active: false, automatic: false }, 'told on joining');

    await assert.rejects(ann.session.setRecording(ann.participant, true), parleyErrorWith('forbidden', 'Only the host or a co-host can start or stop recording'));
    clock.advance(1000);
    await host.session.setRecording(host.participant, true);
    const [row] = await recordingsOf(room);
    assert.equal(row?.status, 'started');
    assert.equal(row.session_id, host.session.id);
    const started = { active: true, startedAt: row.started_at, automatic: false };
    for (const person of [host, ann]) assert.deepEqual(person.connection.last('recording-state')?.recording, started);
    assert.ok(fs.existsSync(rawRecordingFolder(suite.services.config.dataDir, row.id)), 'the media server records into the recording\'s own folder');
    const bob = await join(room, 'Bob');
    assert.deepEqual(bob.connection.last('recording-state')?.recording, started, 'a newcomer is told it is recorded');
    await assert.rejects(host.session.setRecording(host.participant, true), parleyErrorWith('conflict', 'This meeting is already being recorded'));

    await assert.rejects(ann.session.setRecording(ann.participant, false), parleyErrorWith('forbidden', 'Only the host or a co-host can start or stop recording'));
    clock.advance(5000);
    await host.session.setRecording(host.participant, false);
    for (const person of [host, ann, bob]) assert.deepEqual(person.connection.last('recording-state')?.recording, { active: false, automatic: false });
    const [ended] = await recordingsOf(room);
    assert.deepEqual([ended?.status, ended?.ended_at], ['ended', new Date(Date.parse(row.started_at) + 5000).toISOString()]);
    await assert.rejects(host.session.setRecording(host.participant, false), parleyErrorWith('conflict', 'This meeting is not being recorded'));

    // A promoted co-host may record.
    await host.session.controls.handle(host.participant, { type: 'set-role', participantId: ann.participant.id, role: 'cohost' });
    await ann.session.setRecording(ann.participant, true);
    assert.equal((await recordingsOf(room)).length, 2);
    await Promise.all([host, ann, bob].map((p) => p.session.leave(p.participant)));
    assert.deepEqual((await recordingsOf(room)).map((r) => r.status), ['ended', 'ended'], 'the last one out ends the recording with the session');
  });

  test('auto_record records every session from its start, cannot be stopped, and ends with it', async () => {
    const room = await newRoom({ recording: { autoRecord: true, recordOnlyOwner: true } });
    const host = await join(room, 'Host', { host: true });
    const [row] = await recordingsOf(room);
    assert.deepEqual([row?.status, row?.only_owner, row?.session_id], ['started', 1, host.session.id]);
    assert.deepEqual(host.connection.last('recording-state')?.recording, { active: true, startedAt: row?.started_at, automatic: true });
    await assert.rejects(
      host.session.setRecording(host.participant, false),
      parleyErrorWith('forbidden', 'This room records every meeting: its recording cannot be stopped'),
    );
    await host.session.leave(host.participant);
    assert.deepEqual((await recordingsOf(room)).map((r) => r.status), ['ended']);

    const again = await join(room, 'Host', { host: true });
    assert.equal((await recordingsOf(room)).length, 2, 'the next session is recorded too');
    await again.session.leave(again.participant);
  });

  test("a room whose recording is off is not recorded, auto_record or not; turned off meanwhile, what records can still stop", async () => {
    const room = await newRoom({ recording: { autoRecord: true }, features: { recording: false } });
    const host = await join(room, 'Host', { host: true });
    assert.deepEqual(await recordingsOf(room), []);
    await assert.rejects(host.session.setRecording(host.participant, true), parleyErrorWith('recording_unavailable', 'Recording is turned off in this meeting'));
    await host.session.leave(host.participant);

    const other = await newRoom();
    const hana = await join(other, 'Hana', { host: true });
    await hana.session.setRecording(hana.participant, true);
    hana.session.roomChanged({ ...other, features: { ...other.features, recording: false } });
    await hana.session.setRecording(hana.participant, false);
    assert.deepEqual((await recordingsOf(other)).map((r) => r.status), ['ended']);
    await hana.session.leave(hana.participant);
  });
});
