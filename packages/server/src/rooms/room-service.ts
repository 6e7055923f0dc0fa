import { randomUUID } from 'node:crypto';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { NewRoom, RoomsRepository } from '../store/rooms-repository.js';
import { freshMeetingCode, isMeetingCodeClash, MEETING_CODE_ATTEMPTS, randomMeetingCode } from './meeting-codes.js';
import {
  ROOM_IDLE_LIFETIME_MS,
  ROOM_LANGUAGES,
  type JoinApprovalLevel,
  type MicrophoneState,
  type Room,
  type RoomFeatures,
  type RoomType,
} from './room.js';

export type RoomLanguage = (typeof ROOM_LANGUAGES)[number];

/** What a caller may choose when creating a room; everything left out takes the product default. */
export interface CreateRoomInput {
  displayName: string;
  metadata?: string | null;
  type?: RoomType;
  /** Required for long-term rooms, refused for instant ones (their expiry is fixed). */
  expiresAt?: Date;
  expireAfterUse?: boolean;
  recording?: Partial<Room['recording']>;
  themeId?: string | null;
  joinApprovalLevel?: JoinApprovalLevel;
  microphoneState?: MicrophoneState;
  callbackUrls?: Partial<Room['callbackUrls']>;
  features?: Partial<RoomFeatures>;
  language?: RoomLanguage;
}

export interface RoomPageRequest {
  /** Serial to start from, inclusive. */
  startId?: number;
  /** Serial to stop before, exclusive. */
  endId?: number;
  pageSize: number;
}

export interface RoomPage {
  rooms: Room[];
  /** Every room of the application, whatever the bounds. */
  total: number;
}

export const DEFAULT_ROOM_FEATURES: Readonly<RoomFeatures> = {
  recording: true,
  chat: true,
  whiteboard: true,
  localeSwitcher: false,
  captions: false,
};

export const DEFAULT_ROOM_LANGUAGE: RoomLanguage = 'en';

/** A long-term room must outlive the idle window of an instant one, or it would be pointless. */
export const MIN_EXPIRY_LEAD_MS = ROOM_IDLE_LIFETIME_MS;

export interface RoomServiceDeps {
  rooms: RoomsRepository;
  clock: Clock;
}

/**
 * Rooms as the product defines them, whatever API asked: defaults, lifecycle deadlines, meeting codes
 * and tenancy (an application never sees another application's room). Field names in messages are the
 * API's snake_case names, which every façade shares.
 */
export class RoomService {
  constructor(
    private readonly deps: RoomServiceDeps,
    private readonly drawMeetingCode: () => string = randomMeetingCode,
  ) {}

  async create(applicationId: string, input: CreateRoomInput): Promise<Room> {
    if (input.displayName.trim() === '') throw ParleyError.validation('"display_name" is not allowed to be empty');
    const now = this.deps.clock.now();
    const type = input.type ?? 'instant';
    const expiresAt = this.expiryOf(type, input, now);
    if (input.themeId != null) {
      // Themes do not exist yet, so no theme id can name one.
      throw ParleyError.notFound(`could not find theme ${input.themeId}`);
    }
    const room: Omit<NewRoom, 'meetingCode'> = {
      id: randomUUID(),
      applicationId,
      displayName: input.displayName,
      metadata: input.metadata ?? null,
      type,
      expiresAt: isoTimestamp(expiresAt),
      expireAfterUse: input.expireAfterUse ?? false,
      recording: { autoRecord: false, recordOnlyOwner: false, ...input.recording },
      isAvailable: true,
      themeId: null,
      joinApprovalLevel: input.joinApprovalLevel ?? 'none',
      microphoneState: input.microphoneState ?? 'default',
      callbackUrls: { rooms: null, sessions: null, recordings: null, ...input.callbackUrls },
      features: { ...DEFAULT_ROOM_FEATURES, ...input.features },
      language: input.language ?? DEFAULT_ROOM_LANGUAGE,
      hostParticipantId: randomUUID(),
      // Until a session starts, the room closes at its expiry: the lifecycle sweeper reads this.
      closeAt: isoTimestamp(expiresAt),
      createdAt: isoTimestamp(now),
    };
    return this.insertWithFreshCode(room);
  }

  /** The room, if it exists and belongs to this application; otherwise NotFound, never Forbidden. */
  async get(applicationId: string, id: string): Promise<Room> {
    const room = await this.deps.rooms.findById(id);
    if (!room || room.applicationId !== applicationId) throw ParleyError.notFound(`Room ${id} was not found`);
    return room;
  }

  async page(applicationId: string, request: RoomPageRequest): Promise<RoomPage> {
    return this.deps.rooms.page({
      applicationId,
      ...(request.startId !== undefined ? { startId: request.startId } : {}),
      ...(request.endId !== undefined ? { endId: request.endId } : {}),
      limit: request.pageSize,
    });
  }

  private expiryOf(type: RoomType, input: CreateRoomInput, now: Date): Date {
    if (type === 'instant') {
      if (input.expiresAt !== undefined) throw ParleyError.validation('"expires_at" is not allowed');
      if (input.expireAfterUse) throw ParleyError.validation('"expire_after_use" must be [false]');
      return new Date(now.getTime() + ROOM_IDLE_LIFETIME_MS);
    }
    if (input.expiresAt === undefined) throw ParleyError.validation('"expires_at" is required');
    const earliest = new Date(now.getTime() + MIN_EXPIRY_LEAD_MS);
    if (input.expiresAt.getTime() <= earliest.getTime()) {
      throw ParleyError.validation(`"expires_at" must be greater than "${isoTimestamp(earliest)}"`);
    }
    const latest = latestExpiry(now);
    if (input.expiresAt.getTime() > latest.getTime()) {
      throw ParleyError.validation(`"expires_at" must be less than or equal to "${isoTimestamp(latest)}"`);
    }
    return input.expiresAt;
  }

  private async insertWithFreshCode(room: Omit<NewRoom, 'meetingCode'>): Promise<Room> {
    for (let attempt = 1; ; attempt++) {
      const meetingCode = await freshMeetingCode((code) => this.deps.rooms.meetingCodeExists(code), this.drawMeetingCode);
      try {
        return await this.deps.rooms.insert({ ...room, meetingCode });
      } catch (error) {
        if (attempt >= MEETING_CODE_ATTEMPTS || !isMeetingCodeClash(error)) throw error;
      }
    }
  }
}

/** Long-term rooms live at most one calendar year. */
export function latestExpiry(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}
