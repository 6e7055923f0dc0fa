import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Room } from '../rooms/room.js';
import { alwaysChanged, type ChangeStamp } from './change-tracking.js';
import { ReadCache } from './read-cache.js';
import type { Database, RoomsTable } from './schema.js';
import { roomExpiredWebhook } from './webhook-events.js';
import { enqueueWebhook } from './webhook-outbox.js';

export type NewRoom = Omit<Room, 'serial'>;
/** What may change of a stored room; its deadline moves only through `update`'s own argument. */
export type RoomChanges = Partial<Omit<Room, 'serial' | 'id' | 'applicationId' | 'createdAt' | 'closeAt'>>;

export interface RoomPageQuery {
  applicationId: string;
  themeId?: string;
  /** Serial to start from (inclusive). */
  startId?: number;
  /** Serial to stop before (exclusive). */
  endId?: number;
  limit: number;
}

export interface RoomPage {
  rooms: Room[];
  /** Every matching room (of the application, of the theme), whatever the bounds. */
  total: number;
  /**
   * The page before this one: the `limit` matching rooms just before its first room (or before
   * `startId` when it is empty), as the serial they start from and how many there are.
   */
  previousPage?: { startId: number; size: number };
}

/**
 * Rooms in the database. Converts between the domain's `Room` and the portable row format. Deleted
 * rooms stay stored for the history of their sessions, but no method here returns or counts them.
 */
export class RoomsRepository {
  /** Rooms are read on every API call and page load about them: kept until the next write. */
  private readonly cache: ReadCache<Room>;

  constructor(
    private readonly db: Kysely<Database>,
    changes?: ChangeStamp,
  ) {
    this.cache = new ReadCache(changes ?? alwaysChanged());
  }

  async insert(room: NewRoom): Promise<Room> {
    await this.db.insertInto('rooms').values(toRow(room)).execute();
    const stored = await this.findById(room.id);
    if (!stored) throw new Error(`room ${room.id} vanished after insert`);
    return stored;
  }

  findById(id: string): Promise<Room | undefined> {
    return this.cache.get(id, () => this.readById(id));
  }

  private async readById(id: string): Promise<Room | undefined> {
    const row = await this.existing().selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async findByMeetingCode(meetingCode: string): Promise<Room | undefined> {
    const row = await this.existing().selectAll().where('meeting_code', '=', meetingCode).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Deleted rooms count too: a code once handed out never opens another room. */
  async meetingCodeExists(meetingCode: string): Promise<boolean> {
    const row = await this.db.selectFrom('rooms').select('serial').where('meeting_code', '=', meetingCode).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Applies `changes`, and moves the room's deadline to `idleCloseAt` when given, unless a session is
   * live: a live session holds `close_at` at null, and its end sets the next deadline from the room
   * as it is then. Deciding that in the same statement leaves no gap for a session starting meanwhile.
   */
  async update(id: string, changes: RoomChanges, idleCloseAt?: string): Promise<Room | undefined> {
    const row = toRowChanges(changes);
    await this.db.transaction().execute(async (tx) => {
      if (Object.keys(row).length > 0) await tx.updateTable('rooms').set(row).where('id', '=', id).where('deleted_at', 'is', null).execute();
      if (idleCloseAt !== undefined) {
        await tx
          .updateTable('rooms')
          .set({ close_at: idleCloseAt })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .where('close_at', 'is not', null)
          .execute();
      }
    });
    return this.findById(id);
  }

  /** Makes the room unavailable and gone for every reader; false when it was already deleted. */
  async softDelete(id: string, deletedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('rooms')
      .set({ deleted_at: deletedAt, is_available: 0 })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A page of an application's rooms (or of its rooms of one theme) in creation order. */
  async page(query: RoomPageQuery): Promise<RoomPage> {
    let matching = this.existing().where('application_id', '=', query.applicationId);
    if (query.themeId !== undefined) matching = matching.where('theme_id', '=', query.themeId);
    const totalRow = await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let paged = matching.selectAll();
    if (query.startId !== undefined) paged = paged.where('serial', '>=', query.startId);
    if (query.endId !== undefined) paged = paged.where('serial', '<', query.endId);
    const rows = await paged.orderBy('serial', 'asc').limit(query.limit).execute();
    const page: RoomPage = { rooms: rows.map(fromRow), total: Number(totalRow.n) };
    const before = rows[0]?.serial ?? query.startId;
    if (before !== undefined) {
      // Counted backwards from this page, so the previous page is exact even when pages do not align.
      const previous = await matching.select('serial').where('serial', '<', before).orderBy('serial', 'desc').limit(query.limit).execute();
      const start = previous[previous.length - 1];
      if (start) page.previousPage = { startId: start.serial, size: previous.length };
    }
    return page;
  }

  /**
   * Marks unavailable every available room whose deadline has passed, putting a `room:expired` for each
   * in the outbox in the same transaction; returns those rooms. One statement picks and closes them, so
   * sweeps running at once (on PostgreSQL they do) close and report each room once.
   */
  async closeDue(now: string): Promise<Room[]> {
    return this.db.transaction().execute(async (tx) => {
      const closed = await tx
        .updateTable('rooms')
        .set({ is_available: 0 })
        .where('deleted_at', 'is', null)
        .where('is_available', '=', 1)
        .where('close_at', 'is not', null)
        .where('close_at', '<=', now)
        .returningAll()
        .execute();
      // Each application's rooms in order; applications in one order too, as the outbox locks each
      // application's row: two sweeps locking them in opposite orders could deadlock.
      closed.sort((a, b) => a.application_id.localeCompare(b.application_id) || a.serial - b.serial);
      for (const room of closed) await enqueueWebhook(tx, room.id, roomExpiredWebhook(room), now);
      return closed.map(fromRow);
    });
  }

  /** How many rooms that can still be joined offer live captions (`is_captions_available`). */
  async countOfferingCaptions(): Promise<number> {
    const row = await this.existing()
      .where('is_available', '=', 1)
      .where('is_captions_available', '=', 1)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every room that was not deleted. */
  private existing() {
    return this.db.selectFrom('rooms').where('deleted_at', 'is', null);
  }
}

const flag = (value: boolean): number => (value ? 1 : 0);

function toRow(room: NewRoom): Insertable<RoomsTable> {
  return {
    id: room.id,
    application_id: room.applicationId,
    display_name: room.displayName,
    metadata: room.metadata,
    type: room.type,
    kind: room.kind,
    expires_at: room.expiresAt,
    expire_after_use: flag(room.expireAfterUse),
    auto_record: flag(room.recording.autoRecord),
    record_only_owner: flag(room.recording.recordOnlyOwner),
    meeting_code: room.meetingCode,
    is_available: flag(room.isAvailable),
    theme_id: room.themeId,
    join_approval_level: room.joinApprovalLevel,
    join_approval_audience: room.approvalAudience,
    admittance: room.admittance,
    join_password_hash: room.passwordHash,
    microphone_state: room.microphoneState,
    camera_state: room.cameraState,
    rooms_callback_url: room.callbackUrls.rooms,
    sessions_callback_url: room.callbackUrls.sessions,
    recordings_callback_url: room.callbackUrls.recordings,
    is_recording_available: flag(room.features.recording),
    is_chat_available: flag(room.features.chat),
    is_whiteboard_available: flag(room.features.whiteboard),
    is_locale_switcher_available: flag(room.features.localeSwitcher),
    is_captions_available: flag(room.features.captions),
    is_screen_sharing_available: flag(room.features.screenSharing),
    language: room.language,
    host_participant_id: room.hostParticipantId,
    close_at: room.closeAt,
    created_at: room.createdAt,
  };
}

function toRowChanges(changes: RoomChanges): Updateable<RoomsTable> {
  const row: Updateable<RoomsTable> = {};
  if (changes.displayName !== undefined) row.display_name = changes.displayName;
  if (changes.metadata !== undefined) row.metadata = changes.metadata;
  if (changes.type !== undefined) row.type = changes.type;
  if (changes.expiresAt !== undefined) row.expires_at = changes.expiresAt;
  if (changes.expireAfterUse !== undefined) row.expire_after_use = flag(changes.expireAfterUse);
  if (changes.recording !== undefined) {
    row.auto_record = flag(changes.recording.autoRecord);
    row.record_only_owner = flag(changes.recording.recordOnlyOwner);
  }
  if (changes.meetingCode !== undefined) row.meeting_code = changes.meetingCode;
  if (changes.isAvailable !== undefined) row.is_available = flag(changes.isAvailable);
  if (changes.themeId !== undefined) row.theme_id = changes.themeId;
  if (changes.joinApprovalLevel !== undefined) row.join_approval_level = changes.joinApprovalLevel;
  if (changes.approvalAudience !== undefined) row.join_approval_audience = changes.approvalAudience;
  if (changes.admittance !== undefined) row.admittance = changes.admittance;
  if (changes.passwordHash !== undefined) row.join_password_hash = changes.passwordHash;
  if (changes.microphoneState !== undefined) row.microphone_state = changes.microphoneState;
  if (changes.cameraState !== undefined) row.camera_state = changes.cameraState;
  if (changes.callbackUrls !== undefined) {
    row.rooms_callback_url = changes.callbackUrls.rooms;
    row.sessions_callback_url = changes.callbackUrls.sessions;
    row.recordings_callback_url = changes.callbackUrls.recordings;
  }
  if (changes.features !== undefined) {
    row.is_recording_available = flag(changes.features.recording);
    row.is_chat_available = flag(changes.features.chat);
    row.is_whiteboard_available = flag(changes.features.whiteboard);
    row.is_locale_switcher_available = flag(changes.features.localeSwitcher);
    row.is_captions_available = flag(changes.features.captions);
    row.is_screen_sharing_available = flag(changes.features.screenSharing);
  }
  if (changes.language !== undefined) row.language = changes.language;
  if (changes.hostParticipantId !== undefined) row.host_participant_id = changes.hostParticipantId;
  return row;
}

function fromRow(row: Selectable<RoomsTable>): Room {
  return {
    serial: row.serial,
    id: row.id,
    applicationId: row.application_id,
    displayName: row.display_name,
    metadata: row.metadata,
    type: row.type,
    kind: row.kind,
    expiresAt: row.expires_at,
    expireAfterUse: row.expire_after_use === 1,
    recording: { autoRecord: row.auto_record === 1, recordOnlyOwner: row.record_only_owner === 1 },
    meetingCode: row.meeting_code,
    isAvailable: row.is_available === 1,
    themeId: row.theme_id,
    joinApprovalLevel: row.join_approval_level,
    approvalAudience: row.join_approval_audience,
    admittance: row.admittance,
    passwordHash: row.join_password_hash,
    microphoneState: row.microphone_state,
    cameraState: row.camera_state,
    callbackUrls: {
      rooms: row.rooms_callback_url,
      sessions: row.sessions_callback_url,
      recordings: row.recordings_callback_url,
    },
    features: {
      recording: row.is_recording_available === 1,
      chat: row.is_chat_available === 1,
      whiteboard: row.is_whiteboard_available === 1,
      localeSwitcher: row.is_locale_switcher_available === 1,
      captions: row.is_captions_available === 1,
      screenSharing: row.is_screen_sharing_available === 1,
    },
    language: row.language,
    hostParticipantId: row.host_participant_id,
    closeAt: row.close_at,
    createdAt: row.created_at,
  };
}
