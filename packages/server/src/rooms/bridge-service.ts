import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoTimestamp } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { ParticipantClaims } from '../identity/participant-tokens.js';
import { BridgesRepository, type BridgeRecord } from '../store/bridges-repository.js';
import type { Database } from '../store/schema.js';
import type { User, UsersRepository } from '../store/users-repository.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { Bridge, BridgeCaller, BridgeInput, BridgeType } from './bridge.js';
import type { BridgePasswords, BridgeSecrets } from './bridge-secrets.js';
import {
  bridgeOf,
  defaultPreferences,
  mergePreferences,
  randomBridgePassword,
  randomPstnPassword,
  randomPstnPin,
  roomSettingsOf,
  type StoredBridgeSettings,
} from './bridge-settings.js';
import { checkRoomPassword } from './room-password.js';
import type { Room } from './room.js';
import { latestExpiry, RoomService, roomServiceOn, type RoomServiceDeps } from './room-service.js';

/** A bridge as one caller may see it. */
export interface BridgeView {
  bridge: Bridge;
  /** The owner or a Super Admin: may change it, and sees its passwords. */
  privileged: boolean;
}

export interface BridgeServiceDeps extends RoomServiceDeps {
  db: Kysely<Database>;
  users: Pick<UsersRepository, 'findById'>;
  bridgeSecrets: BridgeSecrets;
}

/** An Instant bridge is kept three days (RingCentral's developer guide), and closes after its meeting. */
const INSTANT_BRIDGE_LIFETIME_MS = 3 * 24 * 60 * 60_000;
/** A default bridge is renewed for a year when it is read with less than this left: it lives as long as its owner. */
const DEFAULT_BRIDGE_RENEWAL_MS = 30 * 24 * 60 * 60_000;
const PSTN_PIN = /^\d{8,16}$/;
const PSTN_PIN_ATTEMPTS = 8;

/**
 * RingCentral Video's bridges over Parley's rooms: every bridge is a long-term room of the application
 * the caller's token was issued to, made and changed through `RoomService`, plus its bridge record.
 * Tenancy is the account: a bridge of another account does not exist for the caller. Within the
 * account, the owner and Super Admins (role `admin`) may change a bridge and see its passwords; other
 * users may read it.
 */
export class BridgeService {
  private readonly bridges: BridgesRepository;
  private readonly rooms: RoomService;

  constructor(private readonly deps: BridgeServiceDeps) {
    this.bridges = new BridgesRepository(deps.db);
    this.rooms = new RoomService(deps);
  }

  /** A new bridge for `ownerId` of `accountId` (the caller, or another user for a Super Admin). */
  async create(caller: BridgeCaller, target: { accountId: string; userId: string }, input: BridgeInput): Promise<BridgeView> {
    const owner = await this.ownerFor(caller, target);
    const type = input.type ?? 'Instant';
    if (type === 'PMI' && (await this.bridges.findDefault(owner.id))) throw ParleyError.conflict(`User ${owner.id} has a default (PMI) bridge already`);
    return { bridge: await this.insert(caller.applicationId, owner, type, input), privileged: true };
  }

  /** The bridge, if it is in the caller's account and still open; NotFound otherwise, never Forbidden. */
  async get(caller: BridgeCaller, bridgeId: string): Promise<BridgeView> {
    const record = await this.bridges.findByRoomId(bridgeId);
    const room = record && (await this.deps.rooms.findById(bridgeId));
    if (!record || !room?.isAvailable || record.accountId !== caller.accountId) throw ParleyError.notFound(`Bridge ${bridgeId} was not found`);
    return { bridge: this.bridgeOf(record, room), privileged: caller.isAdmin || record.ownerUserId === caller.userId };
  }

  async update(caller: BridgeCaller, bridgeId: string, input: BridgeInput): Promise<BridgeView> {
    const { bridge } = await this.privileged(caller, bridgeId, 'change');
    const requested = input.security ?? {};
    const security = {
      noGuests: requested.noGuests ?? bridge.security.noGuests,
      sameAccount: requested.sameAccount ?? bridge.security.sameAccount,
      e2ee: requested.e2ee ?? bridge.security.e2ee,
    };
    const passwords = this.passwordsAfter(bridge.security.passwords, input.security);
    const preferences = mergePreferences(bridge.preferences, input.preferences);
    const room = await this.rooms.update(bridge.room.applicationId, bridge.id, {
      ...(input.name !== undefined ? { displayName: input.name } : {}),
      ...(input.pins?.web !== undefined ? { meetingCode: input.pins.web } : {}),
      password: passwords?.plainText ?? null,
      ...roomSettingsOf(preferences, security),
    });
    const stored: StoredBridgeSettings = { preferences, noGuests: security.noGuests, e2ee: security.e2ee };
    const changes = { sealedSecrets: passwords ? this.deps.bridgeSecrets.seal(passwords) : null, preferences: JSON.stringify(stored) };
    await this.bridges.update(bridge.id, changes);
    const record = await this.bridges.findByRoomId(bridge.id);
    if (!record) throw ParleyError.notFound(`Bridge ${bridgeId} was not found`);
    return { bridge: this.bridgeOf(record, room), privileged: true };
  }

  /** Deletes the bridge and its room: whoever is in its meeting is sent away; its history stays. */
  async delete(caller: BridgeCaller, bridgeId: string): Promise<void> {
    const { bridge } = await this.privileged(caller, bridgeId, 'delete');
    await this.rooms.delete(bridge.room.applicationId, bridge.id);
    await this.bridges.markDeleted(bridge.id, isoTimestamp(this.deps.clock.now()));
  }

  /** Deletes every bridge the user owns (they are being deleted). */
  async deleteAllOwnedBy(owner: User): Promise<void> {
    for (const record of await this.bridges.listByOwner(owner.id)) {
      const room = await this.deps.rooms.findById(record.roomId);
      if (room) await this.rooms.delete(room.applicationId, room.id);
      await this.bridges.markDeleted(record.roomId, isoTimestamp(this.deps.clock.now()));
    }
  }

  /** The bridge whose web PIN (its room's meeting code) this is. */
  async findByWebPin(caller: BridgeCaller, pin: string): Promise<BridgeView> {
    const room = await this.deps.rooms.findByMeetingCode(pin);
    if (!room) throw ParleyError.notFound(`No bridge has the web PIN ${pin}`);
    return this.get(caller, room.id).catch((error: unknown) => {
      throw error instanceof ParleyError && error.code === 'not_found' ? ParleyError.notFound(`No bridge has the web PIN ${pin}`) : error;
    });
  }

  /** The bridge whose host or participant PSTN PIN this is. */
  async findByPstnPin(caller: BridgeCaller, pin: string): Promise<BridgeView> {
    const record = await this.bridges.findByPstnPin(pin);
    if (!record) throw ParleyError.notFound(`No bridge has the PSTN PIN ${pin}`);
    return this.get(caller, record.roomId).catch((error: unknown) => {
      throw error instanceof ParleyError && error.code === 'not_found' ? ParleyError.notFound(`No bridge has the PSTN PIN ${pin}`) : error;
    });
  }

  /**
   * The user's default (PMI) bridge, made on first asking (RingCentral's users always have one). It lives
   * as long as its owner: reading it renews its room's expiry when that comes near.
   */
  async getDefault(caller: BridgeCaller, target: { accountId: string; userId: string }): Promise<BridgeView> {
    const owner = await this.ownerFor(caller, target);
    const record = await this.bridges.findDefault(owner.id);
    if (record) {
      const room = await this.deps.rooms.findById(record.roomId);
      if (room?.isAvailable) {
        const now = this.deps.clock.now();
        const renewed = Date.parse(room.expiresAt) - now.getTime() < DEFAULT_BRIDGE_RENEWAL_MS ? await this.rooms.update(room.applicationId, room.id, { expiresAt: latestExpiry(now) }) : room;
        return { bridge: this.bridgeOf(record, renewed), privileged: true };
      }
      // Its room closed (a year unread): the bridge went with it, and a new one takes its place.
      await this.bridges.markDeleted(record.roomId, isoTimestamp(this.deps.clock.now()));
    }
    try {
      return { bridge: await this.insert(caller.applicationId, owner, 'PMI', {}), privileged: true };
    } catch (error) {
      // Two first reads at once: the other one made it.
      const made = await this.bridges.findDefault(owner.id);
      if (!made) throw error;
      return this.get(caller, made.roomId);
    }
  }

  /**
   * Who the caller is in the bridge's meeting, for a participant token: its owner is its host; anyone
   * else of the account joins as a guest the token names as a user, whom `noGuests`, `sameAccount` and
   * the waiting room's audience recognise.
   */
  async participantOf(caller: BridgeCaller, bridgeId: string): Promise<{ room: Room; claims: ParticipantClaims }> {
    const { bridge } = await this.get(caller, bridgeId);
    const { room } = bridge;
    const user = { userId: caller.userId, accountId: caller.accountId };
    const host = bridge.ownerUserId === caller.userId;
    return { room, claims: { participantId: host ? room.hostParticipantId : randomUUID(), roomId: room.id, role: host ? 'host' : 'guest', user } };
  }

  /** The owner a caller may act for: themselves, or, for a Super Admin, any user of their account. */
  private async ownerFor(caller: BridgeCaller, target: { accountId: string; userId: string }): Promise<User> {
    if (target.accountId !== caller.accountId) throw ParleyError.forbidden('Bridges of another account cannot be managed');
    const user = await this.deps.users.findById(target.userId);
    if (!user || user.accountId !== caller.accountId) throw ParleyError.notFound(`Extension ${target.userId} was not found`);
    if (user.id !== caller.userId && !caller.isAdmin) throw ParleyError.forbidden("Only a Super Admin may manage other users' bridges");
    return user;
  }

  private async privileged(caller: BridgeCaller, bridgeId: string, action: string): Promise<BridgeView> {
    const view = await this.get(caller, bridgeId);
    if (!view.privileged) throw ParleyError.forbidden(`Only the bridge's owner or a Super Admin may ${action} it`);
    return view;
  }

  /**
   * Makes the bridge's room and record in one transaction: a refused record (a PIN taken meanwhile, a
   * second default bridge) leaves no room behind.
   */
  private async insert(applicationId: string, owner: User, type: BridgeType, input: BridgeInput): Promise<Bridge> {
    const preferences = mergePreferences(defaultPreferences(type), input.preferences);
    const requested = input.security ?? {};
    if (requested.passwordProtected === false && requested.password !== undefined) {
      throw ParleyError.conflict('Conflicting settings: a password was given for a bridge that is not password protected');
    }
    if (requested.password !== undefined) checkRoomPassword(requested.password);
    // A password given means protection (spec); a default bridge is protected unless told otherwise.
    const passwordProtected = requested.passwordProtected ?? (requested.password !== undefined || type === 'PMI');
    const passwords = passwordProtected ? { plainText: requested.password ?? randomBridgePassword(), pstn: randomPstnPassword() } : undefined;
    const security = { noGuests: requested.noGuests ?? false, sameAccount: requested.sameAccount ?? false, e2ee: requested.e2ee ?? false };
    const pstn = await this.pstnPins(input.pins?.pstn);
    const now = this.deps.clock.now();
    const stored: StoredBridgeSettings = { preferences, noGuests: security.noGuests, e2ee: security.e2ee };
    try {
      return await this.deps.db.transaction().execute(async (tx) => {
        const room = await roomServiceOn(tx, this.deps).create(applicationId, {
          displayName: input.name ?? `${owner.name}'s meeting`,
          type: 'long_term',
          expiresAt: type === 'Instant' ? new Date(now.getTime() + INSTANT_BRIDGE_LIFETIME_MS) : latestExpiry(now),
          expireAfterUse: type === 'Instant',
          ...(input.pins?.web !== undefined ? { meetingCode: input.pins.web } : {}),
          password: passwords?.plainText ?? null,
          ...roomSettingsOf(preferences, security),
        });
        const record: BridgeRecord = {
          roomId: room.id,
          accountId: owner.accountId,
          ownerUserId: owner.id,
          type,
          pstnHostPin: pstn.host,
          pstnParticipantPin: pstn.participant,
          sealedSecrets: passwords ? this.deps.bridgeSecrets.seal(passwords) : null,
          preferences: JSON.stringify(stored),
          createdAt: isoTimestamp(now),
        };
        await new BridgesRepository(tx).insert(record);
        return bridgeOf(record, room, passwords);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pstn_host_pin') || isUniqueViolation(error, 'pstn_participant_pin')) throw ParleyError.conflict('A PSTN PIN of this bridge was taken meanwhile');
      if (isUniqueViolation(error, 'owner_user_id')) throw ParleyError.conflict(`User ${owner.id} has a default (PMI) bridge already`);
      throw error;
    }
  }

  /** The PINs asked for, if free and distinct, with fresh ones for those not asked for. */
  private async pstnPins(requested: { host?: string; participant?: string } | undefined): Promise<{ host: string; participant: string }> {
    for (const pin of [requested?.host, requested?.participant]) {
      if (pin === undefined) continue;
      if (!PSTN_PIN.test(pin)) throw ParleyError.validation('A PSTN PIN is 8 to 16 digits');
      if (await this.bridges.pstnPinExists(pin)) throw ParleyError.conflict(`The PSTN PIN ${pin} is taken`);
    }
    const host = requested?.host ?? (await this.freshPstnPin());
    let participant = requested?.participant ?? (await this.freshPstnPin());
    while (participant === host && requested?.participant === undefined) participant = await this.freshPstnPin();
    if (participant === host) throw ParleyError.conflict('The host and participant PSTN PINs must differ');
    return { host, participant };
  }

  private async freshPstnPin(): Promise<string> {
    for (let attempt = 0; attempt < PSTN_PIN_ATTEMPTS; attempt++) {
      const pin = randomPstnPin();
      if (!(await this.bridges.pstnPinExists(pin))) return pin;
    }
    throw new Error(`No free PSTN PIN after ${PSTN_PIN_ATTEMPTS} attempts`);
  }

  /**
   * The passwords after an update's `security`: `passwordProtected: false` takes them away, a `password`
   * replaces the meeting password (and protects the bridge), `passwordProtected: true` alone keeps them
   * or makes some. The PSTN password stays as long as the bridge is protected.
   */
  private passwordsAfter(current: BridgePasswords | undefined, requested: BridgeInput['security']): BridgePasswords | undefined {
    if (requested?.passwordProtected === false) {
      if (requested.password !== undefined) throw ParleyError.conflict('Conflicting settings: a password was given for a bridge that is not password protected');
      return undefined;
    }
    if (requested?.password !== undefined) {
      checkRoomPassword(requested.password);
      return { plainText: requested.password, pstn: current?.pstn ?? randomPstnPassword() };
    }
    if (requested?.passwordProtected === true) return current ?? { plainText: randomBridgePassword(), pstn: randomPstnPassword() };
    return current;
  }

  private bridgeOf(record: BridgeRecord, room: Bridge['room']): Bridge {
    return bridgeOf(record, room, record.sealedSecrets === null ? undefined : this.deps.bridgeSecrets.open(record.sealedSecrets));
  }
}
