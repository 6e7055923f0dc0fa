import { sql, type Kysely } from 'kysely';
import type { Recording } from '../recording/recording.js';
import { recordingFromRow } from './recordings-repository.js';
import type { Database } from './schema.js';

/** One meeting (a session) of a bridge, with what the history shows of its bridge and owner. */
export interface MeetingRow {
  sessionId: string;
  startedAt: string;
  endedAt: string | null;
  roomId: string;
  meetingCode: string;
  displayName: string;
  roomDeleted: boolean;
  accountId: string;
  ownerUserId: string;
  ownerName: string;
}

export interface HistoryParticipantRow {
  id: string;
  sessionId: string;
  displayName: string;
  joinedAt: string;
  leftAt: string | null;
  userId: string | null;
  accountId: string | null;
}

/** Where a page starts: after this meeting (or recording), in the page's order. */
export interface HistoryCursor {
  startedAt: string;
  id: string;
}

export interface MeetingQuery {
  accountId: string;
  /** Only meetings this user hosted (owns the bridge of), or also took part in. */
  user?: { id: string; orParticipant: boolean };
  /** Only meetings of deleted bridges (true), of bridges still there (false), or either (undefined). */
  bridgeDeleted?: boolean;
  endedOnly?: boolean;
  withRecordings?: boolean;
  /** Part of the bridge's name, any case. */
  text?: string;
  /** Bounds on the start, ISO, inclusive. */
  startedFrom?: string;
  startedTo?: string;
  after?: HistoryCursor;
  order: 'asc' | 'desc';
  limit: number;
}

export interface RecordingQuery {
  accountId: string;
  /** Only recordings of bridges this user owns. */
  ownerUserId?: string;
  after?: HistoryCursor;
  limit: number;
}

export interface RecordingRow {
  recording: Recording;
  meeting: MeetingRow;
}

/**
 * The meeting history of bridges: sessions of rooms that are bridges, read with their bridge's account
 * and owner, so every query is scoped to an account (the RingCentral API's tenancy).
 */
export class MeetingHistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async meetings(query: MeetingQuery): Promise<MeetingRow[]> {
    let select = this.meetingRows().where('bridges.account_id', '=', query.accountId);
    if (query.user) {
      const { id, orParticipant } = query.user;
      select = select.where((eb) =>
        orParticipant
          ? eb.or([
              eb('bridges.owner_user_id', '=', id),
              eb.exists(eb.selectFrom('participants').select('participants.id').whereRef('participants.session_id', '=', 'sessions.id').where('participants.user_id', '=', id)),
            ])
          : eb('bridges.owner_user_id', '=', id),
      );
    }
    if (query.bridgeDeleted !== undefined) select = select.where('rooms.deleted_at', query.bridgeDeleted ? 'is not' : 'is', null);
    if (query.endedOnly) select = select.where('sessions.ended_at', 'is not', null);
    if (query.withRecordings) select = select.where((eb) => eb.exists(eb.selectFrom('recordings').select('recordings.id').whereRef('recordings.session_id', '=', 'sessions.id')));
    if (query.text) select = select.where(sql<boolean>`lower(rooms.display_name) like ${`%${escapeLike(query.text.toLowerCase())}%`} escape '\\'`);
    if (query.startedFrom !== undefined) select = select.where('sessions.started_at', '>=', query.startedFrom);
    if (query.startedTo !== undefined) select = select.where('sessions.started_at', '<=', query.startedTo);
    const { after, order } = query;
    if (after) {
      const beyond = order === 'desc' ? '<' : '>';
      select = select.where((eb) => eb.or([eb('sessions.started_at', beyond, after.startedAt), eb.and([eb('sessions.started_at', '=', after.startedAt), eb('sessions.id', beyond, after.id)])]));
    }
    const rows = await select.orderBy('sessions.started_at', order).orderBy('sessions.id', order).limit(query.limit).execute();
    return rows.map(meetingOf);
  }

  async meeting(sessionId: string): Promise<MeetingRow | undefined> {
    const row = await this.meetingRows().where('sessions.id', '=', sessionId).executeTakeFirst();
    return row && meetingOf(row);
  }

  /** The participants of these sessions, in the order they joined, with the account of those who were users. */
  async participants(sessionIds: readonly string[]): Promise<HistoryParticipantRow[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('participants')
      .leftJoin('users', 'users.id', 'participants.user_id')
      .select(['participants.id', 'participants.session_id', 'participants.display_name', 'participants.joined_at', 'participants.left_at', 'participants.user_id', 'users.account_id'])
      .where('participants.session_id', 'in', sessionIds)
      .orderBy('participants.joined_at')
      .orderBy('participants.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      displayName: row.display_name,
      joinedAt: row.joined_at,
      leftAt: row.left_at,
      userId: row.user_id,
      accountId: row.account_id,
    }));
  }

  async recordingsOf(sessionIds: readonly string[]): Promise<Recording[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db.selectFrom('recordings').selectAll().where('session_id', 'in', sessionIds).orderBy('started_at').orderBy('id').execute();
    return rows.map(recordingFromRow);
  }

  /** Recordings that can be downloaded, newest first, with their meeting. */
  async downloadableRecordings(query: RecordingQuery): Promise<RecordingRow[]> {
    let select = this.meetingRows()
      .innerJoin('recordings', 'recordings.session_id', 'sessions.id')
      .selectAll('recordings')
      .where('bridges.account_id', '=', query.accountId)
      .where('recordings.status', '=', 'uploaded')
      .where('recordings.file_path', 'is not', null);
    if (query.ownerUserId !== undefined) select = select.where('bridges.owner_user_id', '=', query.ownerUserId);
    const { after } = query;
    if (after) {
      select = select.where((eb) => eb.or([eb('recordings.started_at', '<', after.startedAt), eb.and([eb('recordings.started_at', '=', after.startedAt), eb('recordings.id', '<', after.id)])]));
    }
    const rows = await select.orderBy('recordings.started_at', 'desc').orderBy('recordings.id', 'desc').limit(query.limit).execute();
    return rows.map((row) => ({ recording: recordingFromRow(row), meeting: meetingOf(row) }));
  }

  private meetingRows() {
    return this.db
      .selectFrom('sessions')
      .innerJoin('bridges', 'bridges.room_id', 'sessions.room_id')
      .innerJoin('rooms', 'rooms.id', 'sessions.room_id')
      .innerJoin('users', 'users.id', 'bridges.owner_user_id')
      .select([
        'sessions.id as meeting_session_id',
        'sessions.started_at as meeting_started_at',
        'sessions.ended_at as meeting_ended_at',
        'rooms.id as meeting_room_id',
        'rooms.meeting_code as meeting_code',
        'rooms.display_name as meeting_display_name',
        'rooms.deleted_at as meeting_room_deleted_at',
        'bridges.account_id as meeting_account_id',
        'bridges.owner_user_id as meeting_owner_user_id',
        'users.name as meeting_owner_name',
      ]);
  }
}

interface MeetingColumns {
  meeting_session_id: string;
  meeting_started_at: string;
  meeting_ended_at: string | null;
  meeting_room_id: string;
  meeting_code: string;
  meeting_display_name: string;
  meeting_room_deleted_at: string | null;
  meeting_account_id: string;
  meeting_owner_user_id: string;
  meeting_owner_name: string;
}

function meetingOf(row: MeetingColumns): MeetingRow {
  return {
    sessionId: row.meeting_session_id,
    startedAt: row.meeting_started_at,
    endedAt: row.meeting_ended_at,
    roomId: row.meeting_room_id,
    meetingCode: row.meeting_code,
    displayName: row.meeting_display_name,
    roomDeleted: row.meeting_room_deleted_at !== null,
    accountId: row.meeting_account_id,
    ownerUserId: row.meeting_owner_user_id,
    ownerName: row.meeting_owner_name,
  };
}

/** `%`, `_` and the escape itself, taken literally by LIKE. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
