import type { Kysely } from 'kysely';
import type { Recording, RecordingStatus } from '../recording/recording.js';
import { containsText } from './contains-text.js';
import { recordingFromRow } from './recordings-repository.js';
import type { Database } from './schema.js';

/** Which recordings of webinar sessions a list wants. */
export interface WebinarRecordingFilter {
  accountId: string;
  /** The hosts whose webinars' recordings; every host of the account when empty. */
  hostUserIds: readonly string[];
  createdFrom: string;
  createdTo: string;
  statuses: readonly RecordingStatus[];
  /** A piece of the session's title, or of its webinar's. */
  nameFragment?: string;
}

/** Recordings of webinar sessions' rooms, with the session each belongs to. */
export class WebinarRecordingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of the recordings the filter wants, newest first. */
  async list(filter: WebinarRecordingFilter, page: { offset: number; limit: number }): Promise<{ recording: Recording; sessionId: string }[]> {
    let query = this.base(filter.accountId)
      .where('recordings.created_at', '>=', filter.createdFrom)
      .where('recordings.created_at', '<=', filter.createdTo);
    if (filter.hostUserIds.length > 0) query = query.where('webinars.host_user_id', 'in', [...filter.hostUserIds]);
    if (filter.statuses.length > 0) query = query.where('recordings.status', 'in', [...filter.statuses]);
    if (filter.nameFragment !== undefined) {
      const fragment = filter.nameFragment;
      query = query.where((eb) => eb.or([containsText('webinar_sessions.title', fragment), containsText('webinars.title', fragment)]));
    }
    const rows = await query.orderBy('recordings.created_at', 'desc').orderBy('recordings.id', 'desc').offset(page.offset).limit(page.limit).execute();
    return rows.map((row) => ({ recording: recordingFromRow(row), sessionId: row.webinar_session_id }));
  }

  /** The recording, if it is of a webinar session of the account. */
  async find(accountId: string, recordingId: string): Promise<{ recording: Recording; sessionId: string } | undefined> {
    const row = await this.base(accountId).where('recordings.id', '=', recordingId).executeTakeFirst();
    return row && { recording: recordingFromRow(row), sessionId: row.webinar_session_id };
  }

  private base(accountId: string) {
    return this.db
      .selectFrom('recordings')
      .innerJoin('webinar_sessions', 'webinar_sessions.room_id', 'recordings.room_id')
      .innerJoin('webinars', 'webinars.id', 'webinar_sessions.webinar_id')
      .selectAll('recordings')
      .select('webinar_sessions.id as webinar_session_id')
      .where('webinars.account_id', '=', accountId);
  }
}
