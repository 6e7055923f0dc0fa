import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Recording } from '../recording/recording.js';
import type { Database, RecordingsTable } from './schema.js';

export type RecordingChanges = Partial<Pick<Recording, 'status' | 'endedAt' | 'filePath' | 'byteSize'>>;

/** What serving a recording's file needs: where it is, and what to call it. */
export interface RecordingDownload {
  filePath: string;
  startedAt: string;
  roomDisplayName: string;
}

/**
 * Recordings in the database. Every read an API makes is scoped to the calling application through the
 * recording's room, so one application never learns of another's recordings.
 */
export class RecordingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(recording: Recording): Promise<Recording> {
    await this.db
      .insertInto('recordings')
      .values({
        id: recording.id,
        room_id: recording.roomId,
        session_id: recording.sessionId,
        status: recording.status,
        started_at: recording.startedAt,
        ended_at: recording.endedAt,
        file_path: recording.filePath,
        byte_size: recording.byteSize,
        created_at: recording.createdAt,
      })
      .execute();
    return recording;
  }

  /** The recording, if it exists and its room belongs to the application. */
  async findById(applicationId: string, id: string): Promise<Recording | undefined> {
    const row = await this.ofApplication(applicationId).where('recordings.id', '=', id).executeTakeFirst();
    return row && recordingFromRow(row);
  }

  /** A session's recordings, oldest first, if its room belongs to the application. */
  async listBySession(applicationId: string, sessionId: string): Promise<Recording[]> {
    const rows = await this.ofApplication(applicationId)
      .where('recordings.session_id', '=', sessionId)
      .orderBy('recordings.started_at', 'asc')
      .orderBy('recordings.id', 'asc')
      .execute();
    return rows.map(recordingFromRow);
  }

  /**
   * The file of an uploaded recording, for whoever holds a valid download link: the link's signature
   * is the credential, so this read is not scoped to an application.
   */
  async findDownload(id: string): Promise<RecordingDownload | undefined> {
    const row = await this.db
      .selectFrom('recordings')
      .innerJoin('rooms', 'rooms.id', 'recordings.room_id')
      .select(['recordings.file_path', 'recordings.started_at', 'rooms.display_name'])
      .where('recordings.id', '=', id)
      .where('recordings.status', '=', 'uploaded')
      .where('recordings.file_path', 'is not', null)
      .executeTakeFirst();
    if (!row || row.file_path === null) return undefined;
    return { filePath: row.file_path, startedAt: row.started_at, roomDisplayName: row.display_name };
  }

  async update(id: string, changes: RecordingChanges): Promise<void> {
    const row: Updateable<RecordingsTable> = {};
    if (changes.status !== undefined) row.status = changes.status;
    if (changes.endedAt !== undefined) row.ended_at = changes.endedAt;
    if (changes.filePath !== undefined) row.file_path = changes.filePath;
    if (changes.byteSize !== undefined) row.byte_size = changes.byteSize;
    if (Object.keys(row).length > 0) await this.db.updateTable('recordings').set(row).where('id', '=', id).execute();
  }

  /**
   * Deletes the recording only if it is still in `status`, so a recording the pipeline moved on in the
   * meantime is kept. Returns whether a row was deleted.
   */
  async deleteInStatus(id: string, status: Recording['status']): Promise<boolean> {
    const result = await this.db.deleteFrom('recordings').where('id', '=', id).where('status', '=', status).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private ofApplication(applicationId: string) {
    return this.db
      .selectFrom('recordings')
      .innerJoin('rooms', 'rooms.id', 'recordings.room_id')
      .selectAll('recordings')
      .where('rooms.application_id', '=', applicationId);
  }
}

/** A stored recording as the domain knows it. */
export function recordingFromRow(row: Selectable<RecordingsTable>): Recording {
  return {
    id: row.id,
    roomId: row.room_id,
    sessionId: row.session_id,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    filePath: row.file_path,
    byteSize: row.byte_size,
    createdAt: row.created_at,
  };
}
