import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { JoinRequest } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { createAccount } from '../identity/accounts.js';
import type { ParticipantClaims } from '../identity/participant-tokens.js';
import { UserService } from '../identity/users.js';
import type { User } from '../store/users-repository.js';
import type { BridgeCaller, BridgeInput } from './bridge.js';
import { BridgeService } from './bridge-service.js';
import type { LiveRooms } from './live-rooms.js';
import type { Room } from './room.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection, settled } from './test-support/recorded-connection.js';

/**
 * What a bridge's security and preferences make the server enforce at the door of its meeting, over a
 * real Janus and database: who may enter (`sameAccount`, `noGuests`), who waits for the host
 * (`waitingRoomRequired`, `joinBeforeHost`), the password from a link (`?pw=`), muted on join.
 */
describe('bridges: admission into their meetings', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('bridge-admission', { rtpPorts: { min: 46000, max: 46999 } });
  let bridges: BridgeService;
  let owner: User;
  let colleague: User;
  let stranger: User;
  let ownerCaller: BridgeCaller;

  before(async () => {
    const { services } = suite;
    bridges = new BridgeService({ ...services, db: services.store.db });
    const application = await services.applications.findApplication(suite.applicationId);
    assert.ok(application);
    const users = new UserService(services);
    owner = await users.create({ accountId: application.accountId, name: 'Olga Owner', email: 'olga@home.example' });
    colleague = await users.create({ accountId: application.accountId, name: 'Carl Colleague', email: 'carl@home.example' });
    const elsewhere = await createAccount(services, { name: 'Elsewhere' });
    stranger = await users.create({ accountId: elsewhere.id, name: 'Sam Stranger', email: 'sam@elsewhere.example' });
    ownerCaller = callerOf(owner);
  });

  const callerOf = (user: User): BridgeCaller => ({ userId: user.id, accountId: user.accountId, isAdmin: false, applicationId: suite.applicationId });

  const newBridge = async (input: BridgeInput): Promise<Room> => (await bridges.create(ownerCaller, { accountId: owner.accountId, userId: owner.id }, { type: 'Scheduled', ...input })).bridge.room;

  /** The token of the bridge's join URL for this user (the owner's makes them host). */
  const tokenOf = async (room: Room, user: User): Promise<string> => suite.services.participantTokens.mint((await bridges.participantOf(callerOf(user), room.id)).claims);

  /**
   * A token naming a user of another account. No Parley API hands one out for a bridge of this
   * account (the account is the tenancy), but the rules must hold for it all the same.
   */
  const strangerToken = (room: Room): string => {
    const claims: ParticipantClaims = { participantId: 'stranger', roomId: room.id, role: 'guest', user: { userId: stranger.id, accountId: stranger.accountId } };
    return suite.services.participantTokens.mint(claims);
  };

  interface Arrival {
    connection: RecordedConnection;
    outcome: Promise<Awaited<ReturnType<LiveRooms['join']>> | Error>;
  }

  function arrive(room: Room, displayName: string, options: { token?: string; password?: string; audioMuted?: boolean } = {}): Arrival {
    const connection = new RecordedConnection();
    const request: JoinRequest = {
      type: 'join',
      meetingCode: room.meetingCode,
      displayName,
      audioMuted: options.audioMuted ?? true,
      videoMuted: true,
      ...(options.token !== undefined ? { participantToken: options.token } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
    };
    return { connection, outcome: suite.liveRooms.join(request, connection, { address: '203.0.113.7' }).catch((error: Error) => error) };
  }

  async function joined(arrival: Arrival) {
    const result = await arrival.outcome;
    if (result instanceof Error) throw result;
    return result;
  }

  async function refused(arrival: Arrival, code: ParleyError['code'], message: string): Promise<void> {
    const result = await arrival.outcome;
    assert.ok(result instanceof ParleyError, `expected a refusal, got ${String(result)}`);
    assert.deepEqual([result.code, result.message], [code, message]);
  }

  async function waiting(arrival: Arrival): Promise<boolean> {
    const pending = Symbol('pending');
    await settled();
    return (await Promise.race([arrival.outcome, Promise.resolve(pending)])) === pending && arrival.connection.last('waiting') !== undefined;
  }

  const leaveAll = async (room: Room) => suite.liveRooms.endSessionOf(room.id);

  test('sameAccount: only users of the bridge\'s account (and its host) get in', async () => {
    const room = await newBridge({ security: { sameAccount: true } });
    const sameAccountOnly = "Only users of the meeting's organization may join this meeting";
    await refused(arrive(room, 'Guest'), 'forbidden', sameAccountOnly);
    await refused(arrive(room, 'Sam', { token: strangerToken(room) }), 'forbidden', sameAccountOnly);
    assert.equal(suite.liveRooms.find(room.id), undefined, 'refused arrivals start nothing');
    const carl = await joined(arrive(room, 'Carl', { token: await tokenOf(room, colleague) }));
    await joined(arrive(room, 'Olga', { token: await tokenOf(room, owner) }));
    assert.deepEqual(carl.session.participantList().map((p) => [p.displayName, p.role]), [['Carl', 'guest'], ['Olga', 'host']]);
    await leaveAll(room);
  });

  test('noGuests: users of any account get in, guests do not', async () => {
    const room = await newBridge({ security: { noGuests: true } });
    await refused(arrive(room, 'Guest'), 'forbidden', 'Only signed-in users may join this meeting');
    const sam = await joined(arrive(room, 'Sam', { token: strangerToken(room) }));
    await joined(arrive(room, 'Carl', { token: await tokenOf(room, colleague) }));
    assert.equal(sam.session.participantList().length, 2);
    await leaveAll(room);
  });

  test('waitingRoomRequired GuestsOnly: guests wait for the host, users go straight in', async () => {
    const room = await newBridge({ preferences: { join: { waitingRoomRequired: 'GuestsOnly' } } });
    const carl = await joined(arrive(room, 'Carl', { token: await tokenOf(room, colleague) }));
    const guest = arrive(room, 'Guest');
    assert.equal(await waiting(guest), true);
    assert.deepEqual(guest.connection.last('waiting'), { type: 'waiting', reason: 'host_absent' });
    await joined(arrive(room, 'Olga', { token: await tokenOf(room, owner) }));
    assert.equal((await joined(guest)).session, carl.session);
    await leaveAll(room);
  });

  test('waitingRoomRequired OtherAccount: the account\'s users go in, other accounts\' wait for the host', async () => {
    const room = await newBridge({ preferences: { join: { waitingRoomRequired: 'OtherAccount' } } });
    await joined(arrive(room, 'Carl', { token: await tokenOf(room, colleague) }));
    const sam = arrive(room, 'Sam', { token: strangerToken(room) });
    assert.equal(await waiting(sam), true);
    await joined(arrive(room, 'Olga', { token: await tokenOf(room, owner) }));
    await joined(sam);
    await leaveAll(room);
  });

  test('joinBeforeHost false: even the account\'s users wait until the host is in', async () => {
    const room = await newBridge({ preferences: { joinBeforeHost: false } });
    const carl = arrive(room, 'Carl', { token: await tokenOf(room, colleague) });
    assert.equal(await waiting(carl), true);
    await joined(arrive(room, 'Olga', { token: await tokenOf(room, owner) }));
    await joined(carl);
    await leaveAll(room);
  });

  test('the password of a join URL (?pw=) lets a guest in until the password changes; who joined as which user is recorded', async () => {
    const created = await bridges.create(ownerCaller, { accountId: owner.accountId, userId: owner.id }, { type: 'Scheduled', security: { password: 'first-secret' } });
    const room = created.bridge.room;
    const joinQuery = suite.services.roomPasswordLinks.joinQuery(room) ?? '';
    await refused(arrive(room, 'Guest'), 'password_required', 'This meeting needs a password');
    const guest = await joined(arrive(room, 'Guest', { password: joinQuery }));
    await joined(arrive(room, 'Carl', { token: await tokenOf(room, colleague), password: 'first-secret' }));
    const participants = await suite.services.sessions.listParticipants(guest.session.id);
    assert.deepEqual(participants.map((p) => [p.displayName, p.userId]), [['Guest', null], ['Carl', colleague.id]]);
    await leaveAll(room);

    await bridges.update(ownerCaller, room.id, { security: { password: 'second-secret' } });
    await refused(arrive(room, 'Guest', { password: joinQuery }), 'password_incorrect', 'That password is not right');
    const changed = await suite.services.rooms.findById(room.id);
    assert.ok(changed);
    await joined(arrive(room, 'Guest', { password: suite.services.roomPasswordLinks.joinQuery(changed) ?? '' }));
    await leaveAll(room);
  });

  test('audioMuted: everyone joins muted, whatever their page asked', async () => {
    const room = await newBridge({ preferences: { join: { audioMuted: true } } });
    const guest = await joined(arrive(room, 'Guest', { audioMuted: false }));
    assert.equal(guest.participant.info.audioMuted, true);
    await leaveAll(room);
  });
});
