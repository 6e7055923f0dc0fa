import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientMessage, MediaStateUpdate, ParticipantInfo } from '@parley/protocol';
import { parseClientMessage } from '../signaling/client-messages.js';
import { parleyErrorWith } from '../test-support/test-services.js';
import { REACTION_RATE_LIMIT, REACTION_RATE_WINDOW_MS, RENAME_RATE_LIMIT, RENAME_RATE_WINDOW_MS, type SessionControlRequest } from './meeting-controls.js';
import type { Room } from './room.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection } from './test-support/recorded-connection.js';

/** Hands, reactions and moderation in live sessions, over a real Janus (no media flows) and a real database. */
describe('meeting controls', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('controls', { rtpPorts: { min: 44000, max: 44999 } });
  const { clock } = suite;

  const newRoom = (): Promise<Room> =>
    suite.rooms.create(suite.applicationId, { displayName: 'Controls', type: 'long_term', expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000) });
  const hostToken = (room: Room) => suite.services.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });
  /** A guest with a guest id of their own (as a page keeps), or the host with the room's host token. */
  const join = async (room: Room, displayName: string, as: { host?: boolean; guestId?: string; audioMuted?: boolean } = {}) => {
    const connection = new RecordedConnection();
    const who = as.host ? { participantToken: hostToken(room) } : { guestId: as.guestId ?? `guest-${displayName.toLowerCase()}-id` };
    const joined = await suite.liveRooms.join(
      { type: 'join', meetingCode: room.meetingCode, displayName, audioMuted: as.audioMuted ?? false, videoMuted: false, ...who },
      connection,
    );
    return { connection, ...joined };
  };
  type Person = Awaited<ReturnType<typeof join>>;
  const act = (person: Person, request: SessionControlRequest) => person.session.controls.handle(person.participant, request);
  const leaveAll = (...people: Person[]) => Promise.all(people.map((p) => p.session.leave(p.participant)));
  /** What a person's page last heard about someone. */
  const lastUpdateOf = (observer: Person, subject: Person): ParticipantInfo | undefined =>
    observer.connection.of('participant-updated').filter((m) => m.participant.id === subject.participant.id).at(-1)?.participant;

  test('hands queue in the order raised; late joiners get the queue; a hand goes down with its owner', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(bob, { type: 'raise-hand' });
    clock.advance(10);
    await act(ann, { type: 'raise-hand' });
    await act(bob, { type: 'raise-hand' }); // already up: keeps its place, tells nobody again
    assert.deepEqual(host.connection.of('hand-raised').map((m) => m.hand.participantId), [bob.participant.id, ann.participant.id]);
    assert.deepEqual(bob.connection.of('hand-raised').length, 2, 'the one who raised it hears it too');

    const carl = await join(room, 'Carl');
    assert.deepEqual(carl.connection.joined().raisedHands.map((h) => h.participantId), [bob.participant.id, ann.participant.id]);

    await bob.session.leave(bob.participant);
    assert.deepEqual(host.session.controls.raisedHands().map((h) => h.participantId), [ann.participant.id]);
    await leaveAll(host, ann, carl);
  });

  test('people lower their own hand; moderators lower anyone’s, and are named; a guest cannot lower another’s', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(ann, { type: 'raise-hand' });
    await act(bob, { type: 'raise-hand' });

    await assert.rejects(act(bob, { type: 'lower-hand', participantId: ann.participant.id }), parleyErrorWith('forbidden', "Only hosts and co-hosts can lower someone else's hand"));
    assert.equal(host.connection.of('hand-lowered').length, 0, 'a refused request changes nothing');

    await act(host, { type: 'lower-hand', participantId: ann.participant.id });
    await act(bob, { type: 'lower-hand' });
    assert.deepEqual(ann.connection.of('hand-lowered'), [
      { type: 'hand-lowered', participantId: ann.participant.id, by: { id: host.participant.id, displayName: 'Host' } },
      { type: 'hand-lowered', participantId: bob.participant.id },
    ]);
    await act(bob, { type: 'lower-hand' }); // already down: nothing to tell
    assert.equal(ann.connection.of('hand-lowered').length, 2);
    await assert.rejects(act(host, { type: 'lower-hand', participantId: 'nobody' }), parleyErrorWith('not_found', 'That participant is no longer in the meeting'));
    await leaveAll(host, ann, bob);
  });

  test(`reactions reach everyone, at most ${REACTION_RATE_LIMIT} per participant every ${REACTION_RATE_WINDOW_MS} ms`, async () => {
    const room = await newRoom();
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(ann, { type: 'send-reaction', emoji: '🎉' });
    assert.deepEqual(bob.connection.of('reaction'), [{ type: 'reaction', participantId: ann.participant.id, emoji: '🎉', sentAt: clock.now().toISOString() }]);
    assert.equal(ann.connection.of('reaction').length, 1, 'the sender sees it too');
    for (let i = 1; i < REACTION_RATE_LIMIT; i++) await act(ann, { type: 'send-reaction', emoji: '👍' });
    await assert.rejects(act(ann, { type: 'send-reaction', emoji: '👍' }), parleyErrorWith('rate_limited', 'Too many reactions: at most 5 every 5 seconds'));
    await act(bob, { type: 'send-reaction', emoji: '😂' });
    assert.equal(bob.connection.of('reaction').length, REACTION_RATE_LIMIT + 1, 'one person’s limit is not another’s');
    clock.advance(REACTION_RATE_WINDOW_MS);
    await act(ann, { type: 'send-reaction', emoji: '❤️' });
    await leaveAll(ann, bob);
  });

  test('a participant renames themselves: tidied, stored, told to everyone; a bad or too frequent name changes nothing', async () => {
    const room = await newRoom();
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(ann, { type: 'set-display-name', displayName: '  Ann   Lee ' });
    assert.equal(ann.participant.info.displayName, 'Ann Lee');
    for (const observer of [ann, bob]) assert.deepEqual(lastUpdateOf(observer, ann), ann.participant.info, 'everyone hears it, Ann included');
    const stored = await suite.services.sessions.listParticipants(ann.session.id);
    assert.equal(stored.find((p) => p.id === ann.participant.id)?.displayName, 'Ann Lee');

    const heard = bob.connection.of('participant-updated').length;
    await act(ann, { type: 'set-display-name', displayName: 'Ann Lee' });
    await assert.rejects(act(ann, { type: 'set-display-name', displayName: ' \t ' }), parleyErrorWith('validation_failed', 'A display name must be 1 to 100 characters long'));
    await assert.rejects(act(ann, { type: 'set-display-name', displayName: 'x'.repeat(101) }), { code: 'validation_failed' });
    await assert.rejects(act(ann, { type: 'set-display-name', displayName: 'Ann\u0000' }), parleyErrorWith('validation_failed', 'A display name cannot contain control characters'));
    assert.equal(bob.connection.of('participant-updated').length, heard, 'the same name, or a refused one, tells nobody');
    assert.equal(ann.participant.info.displayName, 'Ann Lee');

    for (let i = 1; i < RENAME_RATE_LIMIT; i++) await act(ann, { type: 'set-display-name', displayName: `Ann ${i}` });
    await assert.rejects(act(ann, { type: 'set-display-name', displayName: 'Ann again' }), parleyErrorWith('rate_limited', 'Too many new names: at most 5 a minute'));
    assert.equal(ann.participant.info.displayName, `Ann ${RENAME_RATE_LIMIT - 1}`);
    clock.advance(RENAME_RATE_WINDOW_MS);
    await act(ann, { type: 'set-display-name', displayName: 'Ann again' });
    assert.equal(lastUpdateOf(bob, ann)?.displayName, 'Ann again');
    await leaveAll(ann, bob);
  });

  test('a media-state message changes the microphone and camera everyone sees, and nothing else', async () => {
    const room = await newRoom();
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    const message: MediaStateUpdate = { type: 'media-state', audioMuted: true, videoMuted: true };
    ann.session.updateMediaState(ann.participant, message);
    assert.deepEqual(lastUpdateOf(bob, ann), { ...bob.connection.joined().participants[0]!, audioMuted: true, videoMuted: true });
    await leaveAll(ann, bob);
  });

  test('a join’s name is tidied the same way, and a blank one is refused', async () => {
    const room = await newRoom();
    const ann = await join(room, ' Ann \n Lee ');
    assert.equal(ann.participant.info.displayName, 'Ann Lee');
    await assert.rejects(join(room, '   '), parleyErrorWith('validation_failed', 'A display name must be 1 to 100 characters long'));
    await leaveAll(ann);
  });

  test('a guest’s attempt at any host control is refused with forbidden and changes nothing', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    const target = bob.participant.id;
    const attempts: SessionControlRequest[] = [
      { type: 'stop-media', participantId: target, kind: 'audio' },
      { type: 'stop-media', participantId: target, kind: 'video' },
      { type: 'mute-everyone' },
      { type: 'ask-to-unmute', participantId: target, kind: 'audio' },
      { type: 'remove-participant', participantId: target, block: false },
      { type: 'remove-participant', participantId: target, block: true },
      { type: 'set-role', participantId: ann.participant.id, role: 'cohost' },
    ];
    for (const request of attempts) await assert.rejects(act(ann, request), { code: 'forbidden', message: /^Only hosts and co-hosts can / }, request.type);
    await assert.rejects(suite.liveRooms.endMeeting(ann.session, ann.participant), parleyErrorWith('forbidden', 'Only a host can end the meeting for everyone'));
    assert.deepEqual(host.session.participantList().map((p) => [p.displayName, p.role, p.audioMuted]), [['Host', 'host', false], ['Ann', 'guest', false], ['Bob', 'guest', false]]);
    // Beyond what joining brings (the recording and captions states; a moderator is shown the waiting room on arrival), nothing reached anyone.
    const arrival = new Set(['joined', 'recording-state', 'captions-state', 'participant-joined', 'waiting-room']);
    for (const person of [host, bob]) assert.deepEqual(person.connection.received.filter((m) => !arrival.has(m.type)), []);
    assert.equal(await suite.services.roomBlocks.isBlocked(room.id, 'guest:guest-bob-id'), false);
    await leaveAll(host, ann, bob);
  });

  test('nobody moderates a host, and moderators do not moderate themselves', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    await act(host, { type: 'set-role', participantId: ann.participant.id, role: 'cohost' });
    await assert.rejects(act(ann, { type: 'stop-media', participantId: host.participant.id, kind: 'audio' }), parleyErrorWith('forbidden', 'Nobody can moderate a host'));
    await assert.rejects(act(ann, { type: 'set-role', participantId: host.participant.id, role: 'guest' }), parleyErrorWith('forbidden', 'Nobody can moderate a host'));
    await assert.rejects(act(host, { type: 'remove-participant', participantId: host.participant.id, block: false }), parleyErrorWith('bad_request', 'You cannot moderate yourself'));
    await leaveAll(host, ann);
  });

  test('a muted guest is told who muted them, everyone sees it, and their own unmute is refused until asked and accepted', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(host, { type: 'stop-media', participantId: ann.participant.id, kind: 'audio' });
    assert.deepEqual(ann.connection.of('media-stopped'), [{ type: 'media-stopped', kind: 'audio', by: { id: host.participant.id, displayName: 'Host' } }]);
    assert.equal(bob.connection.of('media-stopped').length, 0, 'only the muted person is told who did it');
    for (const observer of [host, ann, bob]) {
      assert.deepEqual(lastUpdateOf(observer, ann), { ...ann.participant.info, audioMuted: true, moderated: { audio: true, video: false } });
    }

    assert.throws(() => ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: false }), parleyErrorWith('media_moderated', 'A moderator muted you: you can unmute once a moderator asks you to'));
    assert.equal(ann.participant.info.audioMuted, true);
    ann.session.updateMediaState(ann.participant, { audioMuted: true, videoMuted: true }); // what is not stopped stays hers
    await assert.rejects(act(ann, { type: 'accept-unmute', kind: 'audio' }), parleyErrorWith('bad_request', 'No moderator asked you to unmute'));

    await act(host, { type: 'ask-to-unmute', participantId: ann.participant.id, kind: 'audio' });
    assert.deepEqual(ann.connection.of('unmute-requested'), [{ type: 'unmute-requested', kind: 'audio', by: { id: host.participant.id, displayName: 'Host' } }]);
    await act(ann, { type: 'accept-unmute', kind: 'audio' });
    assert.deepEqual(lastUpdateOf(bob, ann)?.moderated, { audio: false, video: false });
    ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: true });
    assert.equal(ann.participant.info.audioMuted, false);
    await assert.rejects(act(ann, { type: 'accept-unmute', kind: 'audio' }), { code: 'bad_request' }, 'an ask is accepted once');
    await assert.rejects(act(host, { type: 'ask-to-unmute', participantId: ann.participant.id, kind: 'audio' }), parleyErrorWith('bad_request', 'Ann is not muted'));
    await leaveAll(host, ann, bob);
  });

  test('a stopped camera works the same way, and stopping twice tells nobody twice', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    await act(host, { type: 'stop-media', participantId: ann.participant.id, kind: 'video' });
    await act(host, { type: 'stop-media', participantId: ann.participant.id, kind: 'video' });
    assert.deepEqual(ann.connection.of('media-stopped').map((m) => m.kind), ['video']);
    assert.deepEqual([ann.participant.info.videoMuted, ann.participant.info.moderated], [true, { audio: false, video: true }]);
    assert.throws(() => ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: false }), { code: 'media_moderated', message: /turned off your camera/ });
    await act(host, { type: 'ask-to-unmute', participantId: ann.participant.id, kind: 'video' });
    await act(ann, { type: 'accept-unmute', kind: 'video' });
    ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: false });
    await leaveAll(host, ann);
  });

  test('leaving and coming back does not lift a mute: it holds for the same identity', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    await act(host, { type: 'stop-media', participantId: ann.participant.id, kind: 'audio' });
    await ann.session.leave(ann.participant);
    const back = await join(room, 'Ann', { audioMuted: false });
    assert.deepEqual([back.connection.joined().self.audioMuted, back.connection.joined().self.moderated], [true, { audio: true, video: false }]);
    assert.equal(host.connection.of('participant-joined').at(-1)?.participant.audioMuted, true);
    const other = await join(room, 'Other Ann', { guestId: 'another-guest-id' });
    assert.equal(other.connection.joined().self.moderated.audio, false, 'someone else is not muted');
    await leaveAll(host, back, other);
  });

  test('mute everyone mutes every guest, not hosts or co-hosts', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const cohost = await join(room, 'Cohost');
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    await act(host, { type: 'set-role', participantId: cohost.participant.id, role: 'cohost' });
    await act(cohost, { type: 'mute-everyone' });
    const muted = (p: Person) => p.participant.info.moderated.audio;
    assert.deepEqual([host, cohost, ann, bob].map(muted), [false, false, true, true]);
    assert.deepEqual(bob.connection.of('media-stopped'), [{ type: 'media-stopped', kind: 'audio', by: { id: cohost.participant.id, displayName: 'Cohost' } }]);
    await leaveAll(host, cohost, ann, bob);
  });

  test('a host promotes a guest to co-host, who can then moderate and sees the waiting room, and demotes them again', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    assert.deepEqual(ann.connection.of('waiting-room'), [], 'a guest is not shown the waiting room');
    await act(host, { type: 'set-role', participantId: ann.participant.id, role: 'cohost' });
    assert.equal(lastUpdateOf(ann, ann)?.role, 'cohost', 'the promoted person hears of it');
    assert.deepEqual(ann.connection.of('waiting-room'), [{ type: 'waiting-room', waiting: [] }], 'a new co-host is shown the waiting room');
    assert.equal(lastUpdateOf(bob, ann)?.role, 'cohost');
    await act(ann, { type: 'stop-media', participantId: bob.participant.id, kind: 'audio' });
    assert.equal(bob.participant.info.moderated.audio, true);
    await act(host, { type: 'set-role', participantId: ann.participant.id, role: 'guest' });
    await assert.rejects(act(ann, { type: 'ask-to-unmute', participantId: bob.participant.id, kind: 'audio' }), { code: 'forbidden' });
    await leaveAll(host, ann, bob);
  });

  test('removing someone tells them who did it, closes their connection and lets them come back', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    await act(host, { type: 'remove-participant', participantId: ann.participant.id, block: false });
    assert.deepEqual(ann.connection.received.at(-1), { type: 'removed', blocked: false, by: { id: host.participant.id, displayName: 'Host' } });
    assert.equal(ann.connection.closed, true);
    assert.deepEqual(host.connection.of('participant-left'), [{ type: 'participant-left', participantId: ann.participant.id }]);
    assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Host']);
    const back = await join(room, 'Ann');
    await leaveAll(host, back);
  });

  test('a blocked guest is removed, with every tab of theirs, and cannot join this room again, in this session or a later one', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    const annAgain = await join(room, 'Ann on her phone', { guestId: 'guest-ann-id' });
    const bob = await join(room, 'Bob');
    await act(host, { type: 'remove-participant', participantId: ann.participant.id, block: true });
    for (const tab of [ann, annAgain]) {
      assert.deepEqual(tab.connection.received.at(-1), { type: 'removed', blocked: true, by: { id: host.participant.id, displayName: 'Host' } });
      assert.equal(tab.connection.closed, true);
    }
    const row = await suite.services.store.db.selectFrom('room_blocks').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(row, { room_id: room.id, identity: 'guest:guest-ann-id', display_name: 'Ann', blocked_by: host.participant.id, blocked_at: clock.now().toISOString() });

    const refusal = parleyErrorWith('participant_blocked', 'A host removed you from this meeting and blocked you from joining it again');
    await assert.rejects(join(room, 'Ann'), refusal);
    await leaveAll(host, bob);
    await assert.rejects(join(room, 'Ann, later', { guestId: 'guest-ann-id' }), refusal, 'the block outlives the session');
    const other = await join(room, 'Someone else');
    assert.notEqual(other.session.id, host.session.id);
    const elsewhere = await join(await newRoom(), 'Ann');
    await leaveAll(other, elsewhere);
  });

  test('only a host ends the meeting: everyone is told the host ended it, and let go', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    await act(host, { type: 'set-role', participantId: ann.participant.id, role: 'cohost' });
    await assert.rejects(suite.liveRooms.endMeeting(ann.session, ann.participant), { code: 'forbidden' });
    await suite.liveRooms.endMeeting(host.session, host.participant);
    for (const person of [host, ann]) {
      assert.deepEqual(person.connection.received.at(-1), { type: 'room-closed', reason: 'ended_by_host' });
      assert.equal(person.connection.closed, true);
    }
    assert.equal(host.session.isEnded, true);
    assert.equal(suite.liveRooms.find(room.id), undefined);
    assert.ok((await suite.services.sessions.find(host.session.id))?.endedAt);
  });

  test('the signaling schema accepts each control request and refuses malformed ones', () => {
    const valid: ClientMessage[] = [
      { type: 'raise-hand' },
      { type: 'lower-hand', participantId: 'p1', requestId: 'r1' },
      { type: 'send-reaction', emoji: '❤️' },
      { type: 'stop-media', participantId: 'p1', kind: 'video' },
      { type: 'mute-everyone' },
      { type: 'ask-to-unmute', participantId: 'p1', kind: 'audio' },
      { type: 'accept-unmute', kind: 'audio' },
      { type: 'remove-participant', participantId: 'p1', block: true },
      { type: 'set-role', participantId: 'p1', role: 'cohost' },
      { type: 'end-meeting' },
      { type: 'set-display-name', displayName: 'Ann Lee', requestId: 'r2' },
      { type: 'join', meetingCode: '123', displayName: `Ann${' '.repeat(150)}Lee`, audioMuted: true, videoMuted: true },
      { type: 'join', meetingCode: '123', displayName: 'A', audioMuted: true, videoMuted: true, guestId: 'abcdef12-3456' },
    ];
    for (const message of valid) assert.deepEqual(parseClientMessage(JSON.stringify(message)), message);
    const invalid = [
      { type: 'send-reaction', emoji: '💩' },
      { type: 'stop-media', participantId: 'p1', kind: 'screen' },
      { type: 'stop-media', kind: 'audio' },
      { type: 'set-role', participantId: 'p1', role: 'host' },
      { type: 'remove-participant', participantId: 'p1' },
      { type: 'set-display-name' },
      { type: 'set-display-name', displayName: 42 },
      { type: 'join', meetingCode: '123', displayName: 'A', audioMuted: true, videoMuted: true, guestId: 'short' },
      { type: 'join', meetingCode: '123', displayName: 'A', audioMuted: true, videoMuted: true, guestId: 'has spaces in it' },
    ];
    for (const message of invalid) assert.equal(parseClientMessage(JSON.stringify(message)), undefined, JSON.stringify(message));
  });
});
