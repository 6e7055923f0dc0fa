import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { containsText } from './contains-text.js';
import type { Database, WebinarSessionsTable } from './schema.js';

export interface WebinarSessionRecord {
  id: string;
  webinarId: string;
  roomId: string;
  title: string;
  description: string;
  scheduledStartTime: string;
  scheduledDuration: number;
  timeZone: string;
  localeCode: string;
  panelJoinTimeOffset: number;
  registrationStatus: 'Open' | 'Closed';
  /** JSON, as the webinars domain writes it. */
  registrationSettings: string;
  /** JSON, as the webinars domain writes it. */
  registrationQuestions: string;
  createdAt: string;
  updatedAt: string;
}

export type WebinarSessionChanges = Partial<Omit<WebinarSessionRecord, 'id' | 'webinarId' | 'roomId' | 'createdAt'>> & { updatedAt: string };

/**
 * Where a session is, read from its room's live sessions: `Active` while one is going on, `Finished`
 * once one has been and none is going on, `Scheduled` before any.
 */
export type WebinarSessionStatus = 'Scheduled' | 'Active' | 'Finished';

/** Which sessions a list wants: the hosts' (all of the account's when none are named), ending at or after `endTimeFrom`. */
export interface WebinarSessionFilter {
  accountId: string;
  hostUserIds?: readonly string[];
  endTimeFrom: string;
  endTimeTo?: string;
  statuses?: readonly WebinarSessionStatus[];
  /** A piece of the session's title or, when it has none, its webinar's. */
  nameFragment?: string;
}

/** Webinar sessions; deleting one deletes its invitees and registrants. */
export class WebinarSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: WebinarSessionRecord): Promise<void> {
    await this.db.insertInto('webinar_sessions').values(rowOf(session)).execute();
  }

  async findById(id: string): Promise<WebinarSessionRecord | undefined> {
    const row = await this.db.selectFrom('webinar_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async findByRoomId(roomId: string): Promise<WebinarSessionRecord | undefined> {
    const row = await this.db.selectFrom('webinar_sessions').selectAll().where('room_id', '=', roomId).executeTakeFirst();
    return row && fromRow(row);
  }

  async listByWebinar(webinarId: string): Promise<WebinarSessionRecord[]> {
    const rows = await this.db.selectFrom('webinar_sessions').selectAll().where('webinar_id', '=', webinarId).orderBy('scheduled_start_time').orderBy('id').execute();
    return rows.map(fromRow);
  }

  /** The status of each session, by session id. */
  async statuses(sessions: readonly Pick<WebinarSessionRecord, 'id' | 'roomId'>[]): Promise<Map<string, WebinarSessionStatus>> {
    const statuses = new Map<string, WebinarSessionStatus>(sessions.map((s) => [s.id, 'Scheduled']));
    if (sessions.length === 0) return statuses;
    const rows = await this.db
      .selectFrom('sessions')
      .select(['room_id', 'ended_at'])
      .where(
        'room_id',
        'in',
        sessions.map((s) => s.roomId),
      )
      .execute();
    const byRoom = new Map(sessions.map((s) => [s.roomId, s.id]));
    for (const row of rows) {
      const id = byRoom.get(row.room_id) as string;
      if (row.ended_at === null) statuses.set(id, 'Active');
      else if (statuses.get(id) !== 'Active') statuses.set(id, 'Finished');
    }
    return statuses;
  }

  /** A page of the sessions the filter wants, by scheduled start (`order: 'start'`) or latest end first (`'end-desc'`). */
  async list(filter: WebinarSessionFilter, page: { offset: number; limit: number }, order: 'start' | 'end-desc'): Promise<WebinarSessionRecord[]> {
    let query = this.db
      .selectFrom('webinar_sessions')
      .innerJoin('webinars', 'webinars.id', 'webinar_sessions.webinar_id')
      .selectAll('webinar_sessions')
      .where('webinars.account_id', '=', filter.accountId)
      .where('webinar_sessions.scheduled_end_time', '>=', filter.endTimeFrom);
    if (filter.hostUserIds && filter.hostUserIds.length > 0) query = query.where('webinars.host_user_id', 'in', [...filter.hostUserIds]);
    if (filter.endTimeTo !== undefined) query = query.where('webinar_sessions.scheduled_end_time', '<=', filter.endTimeTo);
    if (filter.nameFragment !== undefined) {
      const fragment = filter.nameFragment;
      query = query.where((eb) =>
        eb.or([containsText('webinar_sessions.title', fragment), eb.and([eb('webinar_sessions.title', '=', ''), containsText('webinars.title', fragment)])]),
      );
    }
    if (filter.statuses && filter.statuses.length > 0) {
      const statuses = filter.statuses;
      query = query.where((eb) => eb.or(statuses.map((status) => statusCondition(eb, status))));
    }
    query =
      order === 'start'
        ? query.orderBy('webinar_sessions.scheduled_start_time').orderBy('webinar_sessions.id')
        : query.orderBy('webinar_sessions.scheduled_end_time', 'desc').orderBy('webinar_sessions.id', 'desc');
    const rows = await query.offset(page.offset).limit(page.limit).execute();
    return rows.map(fromRow);
  }

  async update(id: string, changes: WebinarSessionChanges): Promise<void> {
    const row: Partial<Selectable<WebinarSessionsTable>> = { updated_at: changes.updatedAt };
    if (changes.title !== undefined) row.title = changes.title;
    if (changes.description !== undefined) row.description = changes.description;
    if (changes.scheduledStartTime !== undefined) row.scheduled_start_time = changes.scheduledStartTime;
    if (changes.scheduledDuration !== undefined) row.scheduled_duration = changes.scheduledDuration;
    if (changes.scheduledStartTime !== undefined || changes.scheduledDuration !== undefined) {
      const current = await this.findById(id);
      if (current) row.scheduled_end_time = endTimeOf(changes.scheduledStartTime ?? current.scheduledStartTime, changes.scheduledDuration ?? current.scheduledDuration);
    }
    if (changes.timeZone !== undefined) row.time_zone = changes.timeZone;
    if (changes.localeCode !== undefined) row.locale_code = changes.localeCode;
    if (changes.panelJoinTimeOffset !== undefined) row.panel_join_time_offset = changes.panelJoinTimeOffset;
    if (changes.registrationStatus !== undefined) row.registration_status = changes.registrationStatus;
    if (changes.registrationSettings !== undefined) row.registration_settings = changes.registrationSettings;
    if (changes.registrationQuestions !== undefined) row.registration_questions = changes.registrationQuestions;
    await this.db.updateTable('webinar_sessions').set(row).where('id', '=', id).execute();
  }

  /**
   * Holds the session's row until the transaction ends: a no-op write, which takes PostgreSQL's row
   * lock (SQLite lets one writer in at a time anyway). Writers of the same session then go one by one.
   */
  async lock(id: string): Promise<void> {
    await this.db.updateTable('webinar_sessions').set((eb) => ({ registration_status: eb.ref('registration_status') })).where('id', '=', id).execute();
  }

  /** Deletes the session with its invitees and registrants. */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('webinar_invitees').where('session_id', '=', id).execute();
    await this.db.deleteFrom('webinar_registrants').where('session_id', '=', id).execute();
    await this.db.deleteFrom('webinar_sessions').where('id', '=', id).execute();
  }
}

function statusCondition(eb: ExpressionBuilder<Database & { webinar_sessions: WebinarSessionsTable }, 'webinar_sessions'>, status: WebinarSessionStatus) {
  const anyLive = eb.exists(eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.room_id', '=', 'webinar_sessions.room_id').where('sessions.ended_at', 'is', null));
  const anyAtAll = eb.exists(eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.room_id', '=', 'webinar_sessions.room_id'));
  if (status === 'Active') return anyLive;
  if (status === 'Finished') return eb.and([anyAtAll, eb.not(anyLive)]);
  return eb.not(anyAtAll);
}

/** When a session is scheduled to end. */
export function endTimeOf(scheduledStartTime: string, scheduledDuration: number): string {
  return new Date(Date.parse(scheduledStartTime) + scheduledDuration * 1000).toISOString();
}

function rowOf(session: WebinarSessionRecord): Selectable<WebinarSessionsTable> {
  return {
    id: session.id,
    webinar_id: session.webinarId,
    room_id: session.roomId,
    title: session.title,
    description: session.description,
    scheduled_start_time: session.scheduledStartTime,
    scheduled_duration: session.scheduledDuration,
    scheduled_end_time: endTimeOf(session.scheduledStartTime, session.scheduledDuration),
    time_zone: session.timeZone,
    locale_code: session.localeCode,
    panel_join_time_offset: session.panelJoinTimeOffset,
    registration_status: session.registrationStatus,
    registration_settings: session.registrationSettings,
    registration_questions: session.registrationQuestions,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

function fromRow(row: Selectable<WebinarSessionsTable>): WebinarSessionRecord {
  return {
    id: row.id,
    webinarId: row.webinar_id,
    roomId: row.room_id,
    title: row.title,
    description: row.description,
    scheduledStartTime: row.scheduled_start_time,
    scheduledDuration: row.scheduled_duration,
    timeZone: row.time_zone,
    localeCode: row.locale_code,
    panelJoinTimeOffset: row.panel_join_time_offset,
    registrationStatus: row.registration_status,
    registrationSettings: row.registration_settings,
    registrationQuestions: row.registration_questions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
