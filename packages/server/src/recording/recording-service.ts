import fs from 'node:fs/promises';
import path from 'node:path';
import { ParleyError } from '../errors.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import { DELETABLE_RECORDING_STATUS, type Recording } from './recording.js';

export interface RecordingServiceDeps {
  recordings: RecordingsRepository;
  sessions: Pick<SessionsRepository, 'find'>;
  rooms: Pick<RoomsRepository, 'findById'>;
  /** Recording files are stored relative to the data folder. */
  dataDir: string;
}

/**
 * Recordings as an application sees them: only its own (another application's recording is not found,
 * never forbidden), and deleted only once finished, file and all.
 */
export class RecordingService {
  constructor(private readonly deps: RecordingServiceDeps) {}

  async get(applicationId: string, id: string): Promise<Recording> {
    const recording = await this.deps.recordings.findById(applicationId, id);
    if (!recording) throw ParleyError.notFound(`Recording ${id} was not found`);
    return recording;
  }

  /**
   * Deletes the row first and the file after: a crash in between leaves an orphaned file on disk rather
   * than a recording whose file is gone.
   */
  async delete(applicationId: string, id: string): Promise<void> {
    const recording = await this.deps.recordings.findById(applicationId, id);
    if (!recording) throw ParleyError.notFound('Could not find recording');
    if (recording.status !== DELETABLE_RECORDING_STATUS) {
      throw ParleyError.forbidden(`Can only delete recordings in '${DELETABLE_RECORDING_STATUS}' status`);
    }
    // Changed between the read and the delete (a concurrent delete won): answer for what it is now.
    if (!(await this.deps.recordings.deleteInStatus(id, DELETABLE_RECORDING_STATUS))) return this.delete(applicationId, id);
    if (recording.filePath !== null) await fs.rm(path.resolve(this.deps.dataDir, recording.filePath), { force: true });
  }

  /** A session's recordings; the session must exist and be of one of the application's rooms. */
  async listForSession(applicationId: string, sessionId: string): Promise<Recording[]> {
    const session = await this.deps.sessions.find(sessionId);
    const room = session && (await this.deps.rooms.findById(session.roomId));
    if (!room || room.applicationId !== applicationId) {
      throw ParleyError.notFound(`Failed to find session recordings by id: ${sessionId}`);
    }
    return this.deps.recordings.listBySession(applicationId, sessionId);
  }
}
