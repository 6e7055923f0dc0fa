import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { RECONNECT_GRACE_MS } from '@parley/protocol';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection } from './test-support/recorded-connection.js';

/** Waits for work the session queued (a grace period running out) to finish. */
async function settled(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(await check(), what);
}

/** Participants whose connection drops keep their place for the grace period, over a real Janus and database. */
describe('reconnecting participants', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('reconnect', { rtpPorts: { min: 44000, max: 44999 }, clockRunsTimers: true });
  const { clock } = suite;

  const newRoom = async () =>
    (await suite.rooms.create(suite.applicationId, { displayName: 'Flaky network', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000) })).meetingCode;
  const join = async (meetingCode: string, displayName: string) => {
    const connection = new RecordedConnection();
    const joined = await suite.liveRooms.join({ type: 'join', meetingCode, displayName, audioMuted: true, videoMuted: true }, connection);
    return { connection, token: connection.one('joined').resumeToken, ...joined };
  };

  test('keeps a dropped participant, shown as reconnecting, and resumes them with their token as the same participant', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    assert.notEqual(ann.token, bob.token);

    ann.session.connectionLost(bob.participant, bob.connection);
    const away = ann.connection.of('participant-updated').at(-1);
    assert.deepEqual(away?.participant, { ...bob.participant.info, reconnecting: true });
    assert.deepEqual(ann.session.participantList().map((p) => p.displayName), ['Ann', 'Bob'], 'Bob keeps his place');
    assert.equal(ann.connection.of('participant-left').length, 0);

    // Ann speaks while Bob is away: he catches up when he is back.
    const said = await ann.session.sendChat(ann.participant, 'Are you there, Bob?');

    await assert.rejects(suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: bob.participant.id }, new RecordedConnection()), { code: 'resume_expired' });
    await assert.rejects(suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: ann.token.slice(1) }, new RecordedConnection()), { code: 'resume_expired' });

    const back = new RecordedConnection();
    const resumed = await suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: bob.token }, back);
    assert.equal(resumed.participant, bob.participant, 'the same participant, not a new one');
    assert.equal(resumed.session, bob.session);
    const state = back.one('resumed');
    assert.equal(state.self.id, bob.participant.id);
    assert.equal(state.self.reconnecting, undefined);
    assert.equal(state.sessionId, bob.session.id);
    assert.deepEqual(state.participants.map((p) => p.displayName), ['Ann']);
    assert.deepEqual(state.chatHistory, [said]);
    assert.equal(bob.participant.connection, back);
    assert.equal(bob.connection.closed, true, 'the replaced connection is closed');
    assert.equal(ann.connection.of('participant-updated').at(-1)?.participant.reconnecting, undefined, 'Ann sees Bob back');
    assert.equal(ann.connection.of('participant-joined').length, 1, 'nobody new joined: Bob came back');

    // The old socket noticing its close only now changes nothing.
    const updates = ann.connection.of('participant-updated').length;
    bob.session.connectionLost(bob.participant, bob.connection);
    assert.equal(ann.connection.of('participant-updated').length, updates);
    clock.advance(RECONNECT_GRACE_MS);
    assert.equal(bob.participant.left, false);

    const stored = await suite.services.sessions.listParticipants(bob.session.id);
    assert.deepEqual(stored.map((p) => [p.displayName, p.leftAt]), [['Ann', null], ['Bob', null]], 'one stored participant each, nobody left');
    await Promise.all([ann.session.leave(ann.participant), bob.session.leave(bob.participant)]);
  });

  test('lets a participant go once the grace period runs out, and refuses their late resume', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');

    bob.session.connectionLost(bob.participant, bob.connection);
    clock.advance(RECONNECT_GRACE_MS - 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(bob.participant.left, false, 'still held a millisecond before the end');
    clock.advance(1);
    await settled(() => ann.connection.of('participant-left').length === 1, 'Ann never saw Bob leave');
    assert.equal(ann.connection.one('participant-left').participantId, bob.participant.id);
    assert.deepEqual(ann.session.participantList().map((p) => p.displayName), ['Ann']);
    const stored = await suite.services.sessions.listParticipants(bob.session.id);
    assert.equal(stored.find((p) => p.displayName === 'Bob')?.leftAt, clock.now().toISOString());

    await assert.rejects(suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: bob.token }, new RecordedConnection()), {
      code: 'resume_expired',
    });

    // The last one out ends the session, waited for or not; a resume then finds no session at all.
    ann.session.connectionLost(ann.participant, ann.connection);
    clock.advance(RECONNECT_GRACE_MS);
    // Ended at once (nobody joins it any more), stored once the media room is gone.
    await settled(() => ann.session.isEnded, 'the session never ended');
    await settled(async () => Boolean((await suite.services.sessions.find(ann.session.id))?.endedAt), 'the session is not stored as ended');
    await assert.rejects(suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: ann.token }, new RecordedConnection()), {
      code: 'resume_expired',
    });
  });

  test('does not let a participant who left on purpose be resumed', async () => {
    const code = await newRoom();
    const ann = await join(code, 'Ann');
    const bob = await join(code, 'Bob');
    await bob.session.leave(bob.participant);
    await assert.rejects(suite.liveRooms.resume({ type: 'resume', meetingCode: code, resumeToken: bob.token }, new RecordedConnection()), {
      code: 'resume_expired',
    });
    await ann.session.leave(ann.participant);
  });
});
