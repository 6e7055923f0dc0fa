import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import type { JoinRequest } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { parleyErrorWith } from '../test-support/test-services.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection, settled } from './test-support/recorded-connection.js';
import type { LiveRooms } from './live-rooms.js';
import { PASSWORD_ATTEMPT_LIMIT } from './password-attempts.js';
import { RoomLifecycle } from './room-lifecycle.js';
import type { CreateRoomInput } from './room-service.js';
import { ROOM_IDLE_LIFETIME_MS, type Room } from './room.js';

/** Admission into live meetings (password, lock, waiting room, starting muted), over a real Janus and database. */
describe('admission into live meetings', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('admission', { rtpPorts: { min: 44000, max: 44999 } });
  const { clock } = suite;

  const newRoom = (settings: Omit<CreateRoomInput, 'displayName'> = {}): Promise<Room> =>
    suite.rooms.create(suite.applicationId, {
      displayName: 'Admission',
      type: 'long_term',
      expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000),
      ...settings,
    });

  const hostToken = (room: Room): string => suite.services.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });

  interface Arrival {
    connection: RecordedConnection;
    /** Resolves with the join's outcome, so a test can look at it later without an unhandled rejection. */
    outcome: Promise<Awaited<ReturnType<LiveRooms['join']>> | Error>;
    gone: AbortController;
  }

  /** Someone arriving; `host` comes through the host URL. Their join may still be waiting. */
  function arrive(room: Room, displayName: string, options: { host?: boolean; password?: string; address?: string; audioMuted?: boolean; videoMuted?: boolean } = {}): Arrival {
    const connection = new RecordedConnection();
    const gone = new AbortController();
    const request: JoinRequest = {
      type: 'join',
      meetingCode: room.meetingCode,
      displayName,
      audioMuted: options.audioMuted ?? true,
      videoMuted: options.videoMuted ?? true,
      ...(options.host ? { participantToken: hostToken(room) } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
    };
    const outcome = suite.liveRooms.join(request, connection, { address: options.address ?? '203.0.113.1', signal: gone.signal }).catch((error: Error) => error);
    return { connection, outcome, gone };
  }

  async function joined(arrival: Arrival) {
    const result = await arrival.outcome;
    if (result instanceof Error) throw result;
    return result;
  }

  /** Asserts the arrival was refused with this code (and message, when given). */
  async function refused(arrival: Arrival, code: ParleyError['code'], message?: string): Promise<void> {
    const result = await arrival.outcome;
    assert.ok(result instanceof ParleyError, `expected a refusal, got ${String(result)}`);
    assert.equal(result.code, code);
    if (message !== undefined) assert.equal(result.message, message);
  }

  /** Whether the arrival is still waiting (their join has neither resolved nor failed). */
  async function stillWaiting(arrival: Arrival): Promise<boolean> {
    const pending = Symbol('pending');
    await settled();
    return (await Promise.race([arrival.outcome, Promise.resolve(pending)])) === pending;
  }

  describe('the lock', () => {
    test('keeps guests out while locked, lets hosts in, and shows everyone the state', async () => {
      const room = await newRoom();
      const host = await joined(arrive(room, 'Hana', { host: true }));
      const guestArrival = arrive(room, 'Gus');
      const guest = await joined(guestArrival);
      assert.deepEqual(guestArrival.connection.last('joined')?.settings, { locked: false, features: room.features });

      await assert.rejects(guest.session.setLocked(guest.participant, true), parleyErrorWith('forbidden', 'Only the host can lock or unlock the meeting'));
      await host.session.setLocked(host.participant, true);
      assert.deepEqual(guestArrival.connection.last('room-updated'), { type: 'room-updated', settings: { locked: true, features: room.features } });

      const late = arrive(room, 'Lou');
      await refused(late, 'room_locked', 'This meeting is locked');
      assert.equal(host.session.participantList().length, 2, 'nobody new got in');
      const secondHost = arrive(room, 'Hal', { host: true });
      await joined(secondHost);
      assert.equal(secondHost.connection.last('joined')?.settings.locked, true);

      await host.session.setLocked(host.participant, false);
      assert.equal(guestArrival.connection.last('room-updated')?.settings.locked, false);
      await joined(arrive(room, 'Lou'));
      assert.equal(host.session.participantList().length, 4);
    });
  });

  describe('the room password', () => {
    test('asks guests for it, refuses a wrong one, lets the right one and hosts in', async () => {
      const room = await newRoom({ password: 'open sesame' });
      assert.match(room.passwordHash ?? '', /^scrypt\$/);
      const stored = await suite.services.store.db.selectFrom('rooms').select('join_password_hash').where('id', '=', room.id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes('sesame'), 'the password itself is never stored');

      await refused(arrive(room, 'Gus'), 'password_required', 'This meeting needs a password');
      await refused(arrive(room, 'Gus', { password: 'open sesame!' }), 'password_incorrect', 'That password is not right');
      assert.equal(suite.liveRooms.find(room.id), undefined, 'refused guests start nothing');
      const host = await joined(arrive(room, 'Hana', { host: true }));
      await joined(arrive(room, 'Gus', { password: 'open sesame' }));
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Hana', 'Gus']);
    });

    test(`refuses every guess from an address after ${PASSWORD_ATTEMPT_LIMIT} wrong ones, the right one too, but not other addresses`, async () => {
      const room = await newRoom({ password: 'right' });
      for (let i = 0; i < PASSWORD_ATTEMPT_LIMIT; i++) {
        await refused(arrive(room, 'Mallory', { password: `guess ${i}`, address: '198.51.100.9' }), 'password_incorrect');
      }
      await refused(arrive(room, 'Mallory', { password: 'right', address: '198.51.100.9' }), 'rate_limited', 'Too many wrong passwords; try again in 60 seconds');
      await joined(arrive(room, 'Gus', { password: 'right', address: '198.51.100.10' }));
      clock.advance(60_000);
      await joined(arrive(room, 'Mallory', { password: 'right', address: '198.51.100.9' }));
    });

    test('can be changed and removed through the room service', async () => {
      const room = await newRoom({ password: 'first' });
      await suite.rooms.update(suite.applicationId, room.id, { password: 'second' });
      await refused(arrive(room, 'Gus', { password: 'first' }), 'password_incorrect');
      await joined(arrive(room, 'Gus', { password: 'second' }));
      const open = await suite.rooms.update(suite.applicationId, room.id, { password: null });
      assert.equal(open.passwordHash, null);
      await joined(arrive(room, 'Gil'));
    });
  });

  describe('after_owner_only', () => {
    test('holds guests until the host arrives, then lets them in; the meeting stays open when the host leaves', async () => {
      const room = await newRoom({ joinApprovalLevel: 'after_owner_only' });
      const gus = arrive(room, 'Gus');
      await settled();
      assert.deepEqual(gus.connection.received, [{ type: 'waiting', reason: 'host_absent' }]);
      assert.equal(await stillWaiting(gus), true);
      assert.equal(suite.liveRooms.find(room.id), undefined, 'a waiting guest is in no session');

      const host = await joined(arrive(room, 'Hana', { host: true }));
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Hana']);
      assert.equal((await joined(gus)).session, host.session);
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Hana', 'Gus']);

      await host.session.leave(host.participant);
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Gus']);
      const gil = arrive(room, 'Gil');
      await joined(gil);
      assert.equal(gil.connection.of('waiting').length, 0, 'the meeting the host opened stays open');
    });

    test('tells guests waiting for a host who never came that the room closed', async () => {
      const room = await suite.rooms.create(suite.applicationId, { displayName: 'Instant', joinApprovalLevel: 'after_owner_only' });
      const gus = arrive(room, 'Gus');
      await settled();
      assert.equal(await stillWaiting(gus), true);
      clock.advance(ROOM_IDLE_LIFETIME_MS + 1);
      const lifecycle = new RoomLifecycle(suite.services.rooms, clock, pino({ level: 'silent' }), 60_000, suite.services.roomUpdates);
      assert.deepEqual((await lifecycle.sweep()).map((r) => r.id), [room.id]);
      await refused(gus, 'room_unavailable', 'This meeting is no longer available');
    });
  });

  describe('explicit_approval', () => {
    test('has every guest wait, shows moderators the list, lets them admit and deny', async () => {
      const room = await newRoom({ joinApprovalLevel: 'explicit_approval' });
      const ann = arrive(room, 'Ann');
      const bob = arrive(room, 'Bob');
      await settled();
      assert.deepEqual(ann.connection.received, [{ type: 'waiting', reason: 'approval_required' }]);

      const hostArrival = arrive(room, 'Hana', { host: true });
      const host = await joined(hostArrival);
      const listed = hostArrival.connection.last('waiting-room')?.waiting ?? [];
      assert.deepEqual(listed.map((g) => g.displayName), ['Ann', 'Bob'], 'the host sees who waits on arrival');
      assert.equal(await stillWaiting(ann), true, 'the host arriving admits nobody');
      const [annId, bobId] = listed.map((g) => g.id) as [string, string];

      await suite.liveRooms.answerWaiting(host.session, host.participant, [annId], true);
      const annIn = await joined(ann);
      assert.deepEqual(hostArrival.connection.last('waiting-room')?.waiting.map((g) => g.displayName), ['Bob']);
      assert.equal(ann.connection.of('waiting-room').length, 0, 'guests are not shown the waiting room');
      await assert.rejects(suite.liveRooms.answerWaiting(annIn.session, annIn.participant, [bobId], true), parleyErrorWith('forbidden', 'Only the host can let people in or turn them away'));
      assert.equal(await stillWaiting(bob), true);

      await suite.liveRooms.answerWaiting(host.session, host.participant, [bobId], false);
      await refused(bob, 'admission_denied', 'Someone in the meeting declined your request to join');
      assert.deepEqual(hostArrival.connection.last('waiting-room')?.waiting, []);
      await assert.rejects(suite.liveRooms.answerWaiting(host.session, host.participant, [bobId], true), parleyErrorWith('not_found', 'Nobody of those is waiting to join any more'));
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Hana', 'Ann']);
    });

    test('admits all those listed at once; someone who gives up leaves the list', async () => {
      const room = await newRoom({ joinApprovalLevel: 'explicit_approval' });
      const hostArrival = arrive(room, 'Hana', { host: true });
      const host = await joined(hostArrival);
      const guests = ['Ann', 'Bob', 'Carl', 'Dee'].map((name) => arrive(room, name));
      await settled();
      assert.deepEqual(hostArrival.connection.last('waiting-room')?.waiting.map((g) => g.displayName), ['Ann', 'Bob', 'Carl', 'Dee']);

      guests[3]!.gone.abort();
      await refused(guests[3]!, 'bad_request', 'You left the waiting room');
      const waiting = hostArrival.connection.last('waiting-room')?.waiting ?? [];
      assert.deepEqual(waiting.map((g) => g.displayName), ['Ann', 'Bob', 'Carl']);

      await suite.liveRooms.answerWaiting(host.session, host.participant, waiting.map((g) => g.id), true);
      for (const guest of guests.slice(0, 3)) await joined(guest);
      assert.deepEqual(host.session.participantList().map((p) => p.displayName), ['Hana', 'Ann', 'Bob', 'Carl']);
    });

    test('lets waiting guests in when the room stops asking for approval, and away when it is deleted', async () => {
      const room = await newRoom({ joinApprovalLevel: 'explicit_approval' });
      const ann = arrive(room, 'Ann');
      await settled();
      await suite.rooms.update(suite.applicationId, room.id, { joinApprovalLevel: 'none' });
      await joined(ann);

      await suite.rooms.update(suite.applicationId, room.id, { joinApprovalLevel: 'explicit_approval' });
      const bob = arrive(room, 'Bob');
      await settled();
      assert.equal(await stillWaiting(bob), true);
      await suite.rooms.delete(suite.applicationId, room.id);
      await refused(bob, 'room_unavailable');
    });
  });

  describe('room settings in the meeting', () => {
    test('microphone_state off has everyone start muted, whatever their page asked', async () => {
      const room = await newRoom({ microphoneState: 'off' });
      const host = arrive(room, 'Hana', { host: true, audioMuted: false });
      assert.equal((await joined(host)).participant.info.audioMuted, true);
      assert.equal(host.connection.last('joined')?.self.audioMuted, true);

      const chatty = await newRoom({ microphoneState: 'on' });
      assert.equal((await joined(arrive(chatty, 'Gus', { audioMuted: false }))).participant.info.audioMuted, false);
      // A person without a microphone stays muted even where everyone starts unmuted.
      assert.equal((await joined(arrive(chatty, 'Mo', { audioMuted: true }))).participant.info.audioMuted, true);
    });

    test('cameras off on join (a bridge\'s video muted) has everyone start with the camera off', async () => {
      const room = await newRoom({ cameraState: 'off' });
      const host = arrive(room, 'Hana', { host: true, videoMuted: false });
      assert.equal((await joined(host)).participant.info.videoMuted, true);
      assert.equal(host.connection.last('joined')?.self.videoMuted, true);
      const open = await newRoom();
      assert.equal((await joined(arrive(open, 'Gus', { videoMuted: false }))).participant.info.videoMuted, false);
    });

    test('where screen sharing is left to moderators, a guest\'s screen share is refused and a host\'s is not', async () => {
      const room = await newRoom({ features: { screenSharing: false } });
      const host = await joined(arrive(room, 'Hana', { host: true }));
      const guest = await joined(arrive(room, 'Gus'));
      const screenOffer = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:0', 'a=sendonly', ''].join('\r\n');
      const share = (joinedAs: typeof host) => joinedAs.session.publish(joinedAs.participant, { sdp: screenOffer, sources: { '0': 'screen' } }).then(() => undefined, (error: unknown) => error);
      assert.ok(parleyErrorWith('forbidden', 'Only the host and co-hosts may share their screen in this meeting')(await share(guest)));
      // The host's share gets past the rule (this bare offer then fails at the SFU, for its own reasons).
      const hostOutcome = await share(host);
      assert.ok(!(hostOutcome instanceof ParleyError && hostOutcome.code === 'forbidden'), `the host was refused: ${String(hostOutcome)}`);
      await suite.rooms.update(suite.applicationId, room.id, { features: { screenSharing: true } });
      const guestOutcome = await share(guest);
      assert.ok(!(guestOutcome instanceof ParleyError && guestOutcome.code === 'forbidden'), `the guest was refused once everyone may share: ${String(guestOutcome)}`);
    });

    test('features turned off through the API reach everyone in the meeting', async () => {
      const room = await newRoom();
      const ann = arrive(room, 'Ann');
      await joined(ann);
      await suite.rooms.update(suite.applicationId, room.id, { features: { chat: false } });
      assert.deepEqual(ann.connection.last('room-updated')?.settings, { locked: false, features: { ...room.features, chat: false } });
      const count = ann.connection.of('room-updated').length;
      await suite.rooms.update(suite.applicationId, room.id, { metadata: 'unrelated' });
      assert.equal(ann.connection.of('room-updated').length, count, 'a change pages do not show is not announced');
    });
  });
});
