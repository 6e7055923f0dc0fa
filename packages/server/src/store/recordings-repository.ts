import type { Kysely, Selectable } from 'kysely';
import type { Recording, RecordingStatus } from '../recording/recording.js';
import type { Database, RecordingsTable } from './schema.js';
import { recordingEndedWebhook, recordingStartedWebhook, recordingUploadedWebhook } from './webhook-events.js';
import { enqueueWebhook } from './webhook-outbox.js';

/** What serving a recording's file needs: where it is, and what to call it. */
export interface RecordingDownload {
  filePath: string;
  startedAt: string;
  roomDisplayName: string;
}

/** What starting a recording stores; the rest follows from it. */
export interface RecordingStart {
  id: string;
  roomId: string;
  sessionId: string;
  startedAt: string;
  onlyOwner: boolean;
}

/**
 * Recordings in the database. Every read an API makes is scoped to the calling application through the
 * recording's room, so one application never learns of another's recordings. Each change of status a
 * webhook reports (`recording:started`, `recording:ended`, `recording:uploaded`) puts that webhook in
 * the outbox in the same transaction; each is guarded by the status it moves from, so a change made
 * twice (a stop racing the session's end, two workers) happens, and is reported, once.
 */
export class RecordingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a recording as it is, reporting nothing: for tests and imports. */
  async insert(recording: Recording): Promise<Recording> {
    await this.db.insertInto('recordings').values(toRow(recording)).execute();
    return recording;
  }

  /** A recording that starts now, `started`, with `recording:started` in the outbox. */
  async start(start: RecordingStart): Promise<Recording> {
    const recording: Recording = {
      ...start,
      status: 'started',
      endedAt: null,
      filePath: null,
      byteSize: null,
      progress: 0,
      failureReason: null,
      createdAt: start.startedAt,
    };
    await this.db.transaction().execute(async (tx) => {
      const row = toRow(recording);
      await tx.insertInto('recordings').values(row).execute();
      await enqueueWebhook(tx, start.roomId, recordingStartedWebhook(row), start.startedAt);
    });
    return recording;
  }

  /**
   * A `started` recording stopped: `ended` at `endedAt`, with `recording:ended` in the outbox. Answers
   * the recording as it now is, or `undefined` if it was not `started` (it had already ended).
   */
  async end(id: string, endedAt: string): Promise<Recording | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('recordings').selectAll().where('id', '=', id).where('status', '=', 'started').executeTakeFirst();
      if (!row) return undefined;
      await tx.updateTable('recordings').set({ status: 'ended', ended_at: endedAt }).where('id', '=', id).execute();
      await enqueueWebhook(tx, row.room_id, recordingEndedWebhook(row, endedAt), endedAt);
      return recordingFromRow({ ...row, status: 'ended', ended_at: endedAt });
    });
  }

  /** Recordings still `started`: at start-up, those a previous run left recording (their sessions are gone). */
  async listStarted(): Promise<Recording[]> {
    const rows = await this.db.selectFrom('recordings').selectAll().where('status', '=', 'started').execute();
    return rows.map(recordingFromRow);
  }

  /**
   * Takes the longest-waiting `ended` recording for post-processing: it becomes `processing`, for this
   * caller only. `undefined` when none waits.
   */
  async claimNextEnded(): Promise<Recording | undefined> {
    for (;;) {
      const row = await this.db.selectFrom('recordings').selectAll().where('status', '=', 'ended').orderBy('ended_at').orderBy('id').executeTakeFirst();
      if (!row) return undefined;
      const claimed = await this.db
        .updateTable('recordings')
        .set({ status: 'processing', progress: 0, failure_reason: null })
        .where('id', '=', row.id)
        .where('status', '=', 'ended')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) > 0) return recordingFromRow({ ...row, status: 'processing', progress: 0, failure_reason: null });
      // Another worker took it first: look again.
    }
  }

  /** Recordings left `processing` by a run that stopped midway go back to `ended`, to be processed again. */
  async requeueProcessing(): Promise<number> {
    const result = await this.db.updateTable('recordings').set({ status: 'ended', progress: 0 }).where('status', '=', 'processing').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.db.updateTable('recordings').set({ progress }).where('id', '=', id).where('status', '=', 'processing').execute();
  }

  /**
   * Post-processing stored the playable file: `uploaded`, with `recording:uploaded` (carrying
   * `downloadUrl`) in the outbox. Answers whether the recording was still `processing` (it may have
   * been deleted meanwhile).
   */
  async markUploaded(id: string, file: { filePath: string; byteSize: number }, downloadUrl: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('recordings').selectAll().where('id', '=', id).where('status', '=', 'processing').executeTakeFirst();
      if (!row || row.ended_at === null) return false;
      await tx
        .updateTable('recordings')
        .set({ status: 'uploaded', file_path: file.filePath, byte_size: file.byteSize, progress: 100 })
        .where('id', '=', id)
        .execute();
      await enqueueWebhook(tx, row.room_id, recordingUploadedWebhook({ ...row, ended_at: row.ended_at }, downloadUrl), at);
      return true;
    });
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db.updateTable('recordings').set({ status: 'failed', failure_reason: reason }).where('id', '=', id).where('status', '=', 'processing').execute();
  }

  /** A `failed` recording goes back to `ended`, to be processed again. Answers whether it was `failed`. */
  async retry(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('recordings')
      .set({ status: 'ended', progress: 0, failure_reason: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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

  /** A room's recordings over all its sessions, oldest first, if the room belongs to the application. */
  async listByRoom(applicationId: string, roomId: string): Promise<Recording[]> {
    const rows = await this.ofApplication(applicationId)
      .where('recordings.room_id', '=', roomId)
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

  /**
   * Deletes the recording only if it is still in `status`, so a recording the pipeline moved on in the
   * meantime is kept. Returns whether a row was deleted.
   */
  async deleteInStatus(id: string, status: RecordingStatus): Promise<boolean> {
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

function toRow(recording: Recording): Selectable<RecordingsTable> {
  return {
    id: recording.id,
    room_id: recording.roomId,
    session_id: recording.sessionId,
    status: recording.status,
    started_at: recording.startedAt,
    ended_at: recording.endedAt,
    file_path: recording.filePath,
    byte_size: recording.byteSize,
    progress: recording.progress,
    failure_reason: recording.failureReason,
    only_owner: recording.onlyOwner ? 1 : 0,
    created_at: recording.createdAt,
  };
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
    onlyOwner: row.only_owner === 1,
    progress: row.progress,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
  };
}
