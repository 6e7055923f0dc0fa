import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import { RECONNECT_GRACE_MS } from '@parley/protocol';
import { LiveRooms } from './live-rooms.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection } from './test-support/recorded-connection.js';

/** Waits for work a session queued (a grace period running out) to finish. */
async function settled(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(await check(), what);
}

/**
 * A node takes over a live session another node started, over the same database and media server:
 * the other node is gone without a word (killed), or handed its meetings over (drained).
 */
describe('taking a session over', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('adoption', { rtpPorts: { min: 45000, max: 45999 }, clockRunsTimers: true });
  const { clock } = suite;
  /** Another node on the same database and media server: its sessions are never ended by the suite. */
  const node = () => new LiveRooms({ ...suite.services, media: suite.media, logger: pino({ level: 'silent' }), scheduler: clock });

  const newRoom = () =>
    suite.rooms.create(suite.applicationId, { displayName: 'Outlives its node', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000) });
  const join = async (liveRooms: LiveRooms, room: { id: string; meetingCode: string }, displayName: string, host = false) => {
    const connection = new RecordedConnection();
    const participantToken = host ? suite.services.participantTokens.mint({ participantId: `host-${displayName}`, roomId: room.id, role: 'host' }) : undefined;
    const joined = await liveRooms.join({ type: 'join', meetingCode: room.meetingCode, displayName, audioMuted: true, videoMuted: true, ...(participantToken ? { participantToken } : {}) }, connection);
    return { connection, token: connection.one('joined').resumeToken, ...joined };
  };
  const resume = async (liveRooms: LiveRooms, meetingCode: string, resumeToken: string) => {
    const connection = new RecordedConnection();
    const resumed = await liveRooms.resume({ type: 'resume', meetingCode, resumeToken }, connection);
    return { connection, ...resumed };
  };

  test('a killed node’s session goes on on another: same session, people, chat and lock; who does not come back leaves', async () => {
    const room = await newRoom();
    const dying = node();
    const ann = await join(dying, room, 'Ann', true);
    const bob = await join(dying, room, 'Bob');
    const carol = await join(dying, room, 'Carol');
    const dave = await join(dying, room, 'Dave');
    assert.deepEqual(ann.connection.one('joined').nodeUrls, [suite.services.config.publicUrl], 'the page learns where to resume');
    const said = await ann.session.sendChat(ann.participant, 'Before the crash');
    await ann.session.setLocked(ann.participant, true);
    await ann.session.setRecording(ann.participant, true);
    await ann.session.controls.handle(ann.participant, { type: 'set-role', participantId: bob.participant.id, role: 'cohost' });
    await dave.session.leave(dave.participant);
    const sessionId = ann.session.id;

    // The node dies here, with nothing ended. Bob's page reaches another node first.
    const taker = node();
    await assert.rejects(resume(taker, room.meetingCode, `${bob.token.slice(0, -2)}xx`), { code: 'resume_expired' }, 'a tampered token');
    const other = await newRoom();
    await assert.rejects(resume(taker, other.meetingCode, bob.token), { code: 'resume_expired' }, 'a token of another room');
    const bobBack = await resume(taker, room.meetingCode, bob.token);
    const state = bobBack.connection.one('resumed');
    assert.equal(state.sessionId, sessionId, 'the same session');
    assert.equal(state.self.id, bob.participant.id);
    assert.equal(state.self.displayName, 'Bob');
    assert.equal(state.self.role, 'cohost', 'promoted during the meeting, and still');
    assert.deepEqual(state.chatHistory, [said]);
    assert.deepEqual(
      state.participants.map((p) => [p.displayName, p.reconnecting]),
      [['Ann', true], ['Carol', true]],
      'those not back yet are shown reconnecting, Dave who left is not',
    );
    assert.equal(bobBack.connection.received.filter((m) => m.type === 'media-reconnect').length, 1, 'the page starts its media again');
    assert.equal(bobBack.session.settings().locked, true, 'the lock holds');
    assert.equal(bobBack.connection.one('recording-state').recording.active, true, 'the meeting is still recorded');
    const recordings = await suite.services.recordings.listBySession(suite.applicationId, sessionId);
    assert.deepEqual(
      recordings.map((r) => r.status).sort(),
      ['ended', 'started'],
      'the killed node’s recording ended where its files end, and a new one goes on',
    );
    await assert.rejects(resume(taker, room.meetingCode, dave.token), { code: 'resume_expired' }, 'a participant who left');

    const annBack = await resume(taker, room.meetingCode, ann.token);
    assert.equal(annBack.session, bobBack.session, 'one session on the node that took over');
    assert.equal(annBack.participant.info.role, 'host');
    assert.deepEqual(annBack.connection.one('resumed').participants.map((p) => [p.displayName, p.reconnecting]), [['Bob', undefined], ['Carol', true]]);
    assert.equal(bobBack.connection.last('participant-updated')?.participant.reconnecting, undefined, 'Bob sees Ann back');
    assert.equal(bobBack.connection.of('participant-joined').length, 0, 'nobody new: no duplicate tiles');

    clock.advance(RECONNECT_GRACE_MS);
    await settled(() => bobBack.connection.of('participant-left').length === 1, 'Carol never left');
    assert.equal(bobBack.connection.one('participant-left').participantId, carol.participant.id);
    const stored = await suite.services.sessions.listParticipants(sessionId);
    assert.deepEqual(
      stored.map((p) => [p.displayName, p.leftAt !== null]),
      [['Ann', false], ['Bob', false], ['Carol', true], ['Dave', true]],
    );
    await assert.rejects(resume(taker, room.meetingCode, carol.token), { code: 'resume_expired' }, 'too late');

    await annBack.session.leave(annBack.participant);
    await bobBack.session.leave(bobBack.participant);
    assert.ok((await suite.services.sessions.find(sessionId))?.endedAt, 'the last one out ends the session');
    await assert.rejects(resume(node(), room.meetingCode, bob.token), { code: 'resume_expired' }, 'an ended session is not taken over');
  });

  test('a draining node hands its session over: pages are told, the session stays open, and another node takes it', async () => {
    const room = await newRoom();
    const draining = node();
    const ann = await join(draining, room, 'Ann', true);
    const said = await ann.session.sendChat(ann.participant, 'Before the drain');
    await ann.session.setRecording(ann.participant, true);
    await draining.drain();
    assert.deepEqual((await suite.services.recordings.listBySession(suite.applicationId, ann.session.id)).map((r) => r.status), ['ended'], 'the recording ended cleanly');
    assert.equal(ann.connection.received.at(-1)?.type, 'node-draining');
    assert.equal(ann.connection.closed, true);
    assert.equal((await suite.services.sessions.find(ann.session.id))?.endedAt, null, 'left open for another node');
    await assert.rejects(resume(draining, room.meetingCode, ann.token), { code: 'try_again' }, 'the draining node takes nothing over');
    await assert.rejects(join(draining, room, 'Late'), { code: 'try_again' }, 'nor starts anything');

    const annBack = await resume(node(), room.meetingCode, ann.token);
    const state = annBack.connection.one('resumed');
    assert.equal(state.sessionId, ann.session.id);
    assert.deepEqual(state.chatHistory, [said]);
    assert.equal(annBack.session.recorder.state().active, true, 'recorded on, in a new recording');
    await annBack.session.leave(annBack.participant);
  });
});
