import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { ApplicationsRepository } from '../store/applications-repository.js';
import { RoomsRepository, type NewRoom, type RoomChanges, type RoomPage } from '../store/rooms-repository.js';
import type { Database } from '../store/schema.js';
import { SessionsRepository } from '../store/sessions-repository.js';
import { ThemesRepository } from '../store/themes-repository.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { freshMeetingCode, MEETING_CODE_ATTEMPTS, randomMeetingCode } from './meeting-codes.js';
import type { RoomClosures } from './room-closures.js';
import { closeAtOfIdleRoom } from './room-deadlines.js';
import { hashRoomPassword } from './room-password.js';
import type { RoomUpdates } from './room-updates.js';
import {
  ROOM_IDLE_LIFETIME_MS,
  ROOM_LANGUAGES,
  type Admittance,
  type ApprovalAudience,
  type JoinApprovalLevel,
  type MicrophoneState,
  type Room,
  type RoomFeatures,
  type CameraState,
  type RoomKind,
  type RoomType,
} from './room.js';

export type RoomLanguage = (typeof ROOM_LANGUAGES)[number];
export type { RoomPage };

/** What a caller may set on a room when creating it and later; what is left out keeps its value. */
export interface RoomSettingsInput {
  metadata?: string | null;
  /** Long-term rooms only: an instant room's expiry is fixed. */
  expiresAt?: Date;
  expireAfterUse?: boolean;
  /** One of the application's themes; null for none (the application's default is then shown). */
  themeId?: string | null;
  joinApprovalLevel?: JoinApprovalLevel;
  /** Whom the approval level holds back; everyone when never set. No Vonage field carries it. */
  approvalAudience?: ApprovalAudience;
  /** Who may enter at all; anyone when never set. No Vonage field carries it. */
  admittance?: Admittance;
  /**
   * The password guests must give to join; null for none. Only its hash is stored. No Vonage field
   * carries it: RingCentral bridges set it.
   */
  password?: string | null;
  microphoneState?: MicrophoneState;
  cameraState?: CameraState;
  /** Merged into the room's: a key left out keeps its URL, a null one clears it. */
  callbackUrls?: Partial<Room['callbackUrls']>;
  /** Merged into the room's features. */
  features?: Partial<RoomFeatures>;
  language?: RoomLanguage;
}

/** What a caller may choose when creating a room; everything left out takes the product default. */
export interface CreateRoomInput extends RoomSettingsInput {
  displayName: string;
  type?: RoomType;
  /** `meeting` when absent; only the webinars domain makes `webinar` rooms. */
  kind?: RoomKind;
  recording?: Partial<Room['recording']>;
  /** A meeting code the caller chose (a bridge's web PIN); a fresh one is drawn when absent. */
  meetingCode?: string;
}

/**
 * What a caller may change in a long-term room. A room's type stays as created; its recording options
 * and meeting code can only be changed by a façade that has fields for them (RingCentral's bridges).
 */
export interface UpdateRoomInput extends RoomSettingsInput {
  displayName?: string;
  recording?: Partial<Room['recording']>;
  meetingCode?: string;
}

export interface RoomPageRequest {
  /** Serial to start from, inclusive. */
  startId?: number;
  /** Serial to stop before, exclusive. */
  endId?: number;
  pageSize: number;
  /** Only the rooms using this theme, which must be one of the application's. */
  themeId?: string;
}

export const DEFAULT_ROOM_FEATURES: Readonly<RoomFeatures> = {
  recording: true,
  chat: true,
  whiteboard: true,
  localeSwitcher: false,
  captions: false,
  screenSharing: true,
};

export const DEFAULT_ROOM_LANGUAGE: RoomLanguage = 'en';

/** A long-term room must outlive the idle window of an instant one, or it would be pointless. */
export const MIN_EXPIRY_LEAD_MS = ROOM_IDLE_LIFETIME_MS;

export interface RoomServiceDeps {
  rooms: RoomsRepository;
  themes: ThemesRepository;
  applications: ApplicationsRepository;
  sessions: SessionsRepository;
  roomClosures: RoomClosures;
  roomUpdates: RoomUpdates;
  clock: Clock;
}

/**
 * Rooms as the product defines them, whatever API asked: defaults, lifecycle deadlines, meeting codes,
 * themes and tenancy (an application never sees another application's room, nor uses its themes).
 * Field names in messages are the API's snake_case names, which every façade shares.
 */
export class RoomService {
  constructor(
    private readonly deps: RoomServiceDeps,
    private readonly drawMeetingCode: () => string = randomMeetingCode,
  ) {}

  async create(applicationId: string, input: CreateRoomInput): Promise<Room> {
    checkDisplayName(input.displayName);
    const now = this.deps.clock.now();
    const type = input.type ?? 'instant';
    const expiresAt = expiryOf(type, input, now);
    // A room made without a theme takes the application's default as its own, as Vonage's did.
    const themeId = input.themeId != null ? await this.ownThemeId(applicationId, input.themeId) : await this.defaultThemeId(applicationId);
    const room: Omit<NewRoom, 'meetingCode'> = {
      id: randomUUID(),
      applicationId,
      displayName: input.displayName,
      metadata: input.metadata ?? null,
      type,
      kind: input.kind ?? 'meeting',
      expiresAt: isoTimestamp(expiresAt),
      expireAfterUse: input.expireAfterUse ?? false,
      recording: { autoRecord: false, recordOnlyOwner: false, ...input.recording },
      isAvailable: true,
      themeId,
      joinApprovalLevel: input.joinApprovalLevel ?? 'none',
      approvalAudience: input.approvalAudience ?? 'everyone',
      admittance: input.admittance ?? 'anyone',
      passwordHash: await passwordHashOf(input.password ?? null),
      microphoneState: input.microphoneState ?? 'default',
      cameraState: input.cameraState ?? 'default',
      callbackUrls: { rooms: null, sessions: null, recordings: null, ...input.callbackUrls },
      features: { ...DEFAULT_ROOM_FEATURES, ...input.features },
      language: input.language ?? DEFAULT_ROOM_LANGUAGE,
      hostParticipantId: randomUUID(),
      // Until a session starts, the room closes at its expiry: the lifecycle sweeper reads this.
      closeAt: isoTimestamp(expiresAt),
      createdAt: isoTimestamp(now),
    };
    return input.meetingCode === undefined ? this.insertWithFreshCode(room) : this.insertWithChosenCode({ ...room, meetingCode: input.meetingCode });
  }

  /** The room, if it exists and belongs to this application; otherwise NotFound, never Forbidden. */
  async get(applicationId: string, id: string): Promise<Room> {
    const room = await this.deps.rooms.findById(id);
    if (!room || room.applicationId !== applicationId) throw ParleyError.notFound(`Room ${id} was not found`);
    return room;
  }

  /**
   * Changes a long-term room. Instant rooms cannot be changed (Vonage called them "temporary"), nor can
   * a room that is no longer available: once closed a room stays closed, and a new `expires_at` would
   * otherwise claim a life it will not have. A changed expiry moves the room's deadline at once.
   */
  async update(applicationId: string, id: string, input: UpdateRoomInput): Promise<Room> {
    const room = await this.get(applicationId, id);
    if (room.type === 'instant') {
      throw ParleyError.badRequest(`The room with id: ${id} could not be updated because of its type: temporary`);
    }
    if (!room.isAvailable) {
      throw ParleyError.badRequest(`The room with id: ${id} could not be updated because it is no longer available`);
    }
    const now = this.deps.clock.now();
    if (input.displayName !== undefined) checkDisplayName(input.displayName);
    if (input.expiresAt !== undefined) checkLongTermExpiry(input.expiresAt, now);
    const changes: RoomChanges = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.metadata !== undefined) changes.metadata = input.metadata;
    if (input.expiresAt !== undefined) changes.expiresAt = isoTimestamp(input.expiresAt);
    if (input.expireAfterUse !== undefined) changes.expireAfterUse = input.expireAfterUse;
    if (input.themeId !== undefined) changes.themeId = input.themeId === null ? null : await this.ownThemeId(applicationId, input.themeId);
    if (input.joinApprovalLevel !== undefined) changes.joinApprovalLevel = input.joinApprovalLevel;
    if (input.approvalAudience !== undefined) changes.approvalAudience = input.approvalAudience;
    if (input.admittance !== undefined) changes.admittance = input.admittance;
    if (input.recording !== undefined) changes.recording = { ...room.recording, ...input.recording };
    if (input.meetingCode !== undefined && input.meetingCode !== room.meetingCode) {
      await this.checkMeetingCodeFree(input.meetingCode);
      changes.meetingCode = input.meetingCode;
    }
    if (input.password !== undefined) changes.passwordHash = await passwordHashOf(input.password);
    if (input.microphoneState !== undefined) changes.microphoneState = input.microphoneState;
    if (input.cameraState !== undefined) changes.cameraState = input.cameraState;
    if (input.callbackUrls !== undefined) changes.callbackUrls = { ...room.callbackUrls, ...input.callbackUrls };
    if (input.features !== undefined) changes.features = { ...room.features, ...input.features };
    if (input.language !== undefined) changes.language = input.language;
    const expiryChanged = changes.expiresAt !== undefined || changes.expireAfterUse !== undefined;
    const idleCloseAt = expiryChanged ? closeAtOfIdleRoom({ ...room, ...changes }, await this.lastSessionEnd(room.id), now) : undefined;
    let updated: Room | undefined;
    try {
      updated = await this.deps.rooms.update(room.id, changes, idleCloseAt);
    } catch (error) {
      throw isUniqueViolation(error, 'meeting_code') ? meetingCodeTaken(input.meetingCode ?? '') : error;
    }
    if (!updated) throw ParleyError.notFound(`Room ${id} was not found`);
    // A meeting going on in the room follows: features appear or go, waiting guests may now enter.
    this.deps.roomUpdates.announce(updated);
    return updated;
  }

  /**
   * Deletes a room: at once unavailable and gone for every reader (its meeting page says it does not
   * exist), and whoever is in it is sent away. Its sessions and recordings stay in the history.
   */
  async delete(applicationId: string, id: string): Promise<void> {
    const room = await this.get(applicationId, id);
    const deleted = await this.deps.rooms.softDelete(room.id, isoTimestamp(this.deps.clock.now()));
    // A concurrent delete got there first: to this caller the room is as gone as to any other.
    if (!deleted) throw ParleyError.notFound(`Room ${id} was not found`);
    await this.deps.roomClosures.announce(room.id);
  }

  /** A page of the application's rooms, or of its rooms using one of its themes. */
  async page(applicationId: string, request: RoomPageRequest): Promise<RoomPage> {
    if (request.themeId !== undefined) {
      const theme = await this.deps.themes.findById(request.themeId);
      if (!theme || theme.applicationId !== applicationId) {
        throw ParleyError.notFound(`Failed to get rooms because theme id ${request.themeId} not found`);
      }
    }
    return this.deps.rooms.page({
      applicationId,
      ...(request.themeId !== undefined ? { themeId: request.themeId } : {}),
      ...(request.startId !== undefined ? { startId: request.startId } : {}),
      ...(request.endId !== undefined ? { endId: request.endId } : {}),
      limit: request.pageSize,
    });
  }

  /** The theme's id when it is one of the application's; another application's theme does not exist. */
  private async ownThemeId(applicationId: string, themeId: string): Promise<string> {
    const theme = await this.deps.themes.findById(themeId);
    if (!theme || theme.applicationId !== applicationId) throw ParleyError.notFound(`could not find theme ${themeId}`);
    return theme.id;
  }

  private async defaultThemeId(applicationId: string): Promise<string | null> {
    return (await this.deps.applications.findApplication(applicationId))?.defaultThemeId ?? null;
  }

  /** When the room's last session ended; undefined when it never had one or one is live now. */
  private async lastSessionEnd(roomId: string): Promise<Date | undefined> {
    const sessions = await this.deps.sessions.listForRoom(roomId);
    const endedAt = sessions[sessions.length - 1]?.endedAt;
    return endedAt ? new Date(endedAt) : undefined;
  }

  /** A code chosen by the caller is theirs only if no room, even a deleted one, ever had it. */
  private async insertWithChosenCode(room: NewRoom): Promise<Room> {
    await this.checkMeetingCodeFree(room.meetingCode);
    try {
      return await this.deps.rooms.insert(room);
    } catch (error) {
      throw isUniqueViolation(error, 'meeting_code') ? meetingCodeTaken(room.meetingCode) : error;
    }
  }

  /** A chosen code is digits (the page's URLs take nothing else), long enough not to be guessed, and unused. */
  private async checkMeetingCodeFree(meetingCode: string): Promise<void> {
    if (!CHOSEN_MEETING_CODE.test(meetingCode)) throw ParleyError.validation(`A meeting code is ${CHOSEN_MEETING_CODE_DIGITS} digits`);
    if (await this.deps.rooms.meetingCodeExists(meetingCode)) throw meetingCodeTaken(meetingCode);
  }

  private async insertWithFreshCode(room: Omit<NewRoom, 'meetingCode'>): Promise<Room> {
    for (let attempt = 1; ; attempt++) {
      const meetingCode = await freshMeetingCode((code) => this.deps.rooms.meetingCodeExists(code), this.drawMeetingCode);
      try {
        return await this.deps.rooms.insert({ ...room, meetingCode });
      } catch (error) {
        // Another request took the code between the check and the insert: draw again.
        if (attempt >= MEETING_CODE_ATTEMPTS || !isUniqueViolation(error, 'meeting_code')) throw error;
      }
    }
  }
}

const CHOSEN_MEETING_CODE_DIGITS = '9 to 32';
const CHOSEN_MEETING_CODE = /^\d{9,32}$/;

function meetingCodeTaken(meetingCode: string): ParleyError {
  return ParleyError.conflict(`The meeting code ${meetingCode} is taken`);
}

function passwordHashOf(password: string | null): Promise<string | null> {
  return password === null ? Promise.resolve(null) : hashRoomPassword(password);
}

function checkDisplayName(displayName: string): void {
  if (displayName.trim() === '') throw ParleyError.validation('"display_name" is not allowed to be empty');
}

function expiryOf(type: RoomType, input: CreateRoomInput, now: Date): Date {
  if (type === 'instant') {
    if (input.expiresAt !== undefined) throw ParleyError.validation('"expires_at" is not allowed');
    if (input.expireAfterUse) throw ParleyError.validation('"expire_after_use" must be [false]');
    return new Date(now.getTime() + ROOM_IDLE_LIFETIME_MS);
  }
  if (input.expiresAt === undefined) throw ParleyError.validation('"expires_at" is required');
  checkLongTermExpiry(input.expiresAt, now);
  return input.expiresAt;
}

/** A long-term room expires more than ten minutes and at most a year from now. */
function checkLongTermExpiry(expiresAt: Date, now: Date): void {
  const earliest = new Date(now.getTime() + MIN_EXPIRY_LEAD_MS);
  if (expiresAt.getTime() <= earliest.getTime()) {
    throw ParleyError.validation(`"expires_at" must be greater than "${isoTimestamp(earliest)}"`);
  }
  const latest = latestExpiry(now);
  if (expiresAt.getTime() > latest.getTime()) {
    throw ParleyError.validation(`"expires_at" must be less than or equal to "${isoTimestamp(latest)}"`);
  }
}

/** Long-term rooms live at most one calendar year. */
export function latestExpiry(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/**
 * A RoomService whose every read and write goes through the transaction, for a room made or retired
 * together with the record it backs (a bridge, a webinar session): SQLite has one connection, so
 * anything else would wait for the transaction.
 */
export function roomServiceOn(tx: Kysely<Database>, deps: RoomServiceDeps): RoomService {
  return new RoomService({
    ...deps,
    rooms: new RoomsRepository(tx),
    applications: new ApplicationsRepository(tx),
    themes: new ThemesRepository(tx),
    sessions: new SessionsRepository(tx),
  });
}
