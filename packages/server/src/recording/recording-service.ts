import { ParleyError } from '../errors.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import type { RecordingStorage } from './recording-storage.js';
import { DELETABLE_RECORDING_STATUS, type Recording } from './recording.js';

export interface RecordingServiceDeps {
  recordings: RecordingsRepository;
  sessions: Pick<SessionsRepository, 'find'>;
  rooms: Pick<RoomsRepository, 'findById'>;
  recordingStorage: Pick<RecordingStorage, 'delete'>;
  recordingWorker: { wake(): void };
}

/**
 * Recordings as an application sees them: only its own (another application's recording is not found,
 * never forbidden), deleted only once finished, file and all, and processed again after a failure.
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
    if (recording.filePath !== null) await this.deps.recordingStorage.delete(recording.filePath);
  }

  /**
   * Processes a `failed` recording again, from the raw streams it kept; answers it, `ended` (waiting
   * for post-processing). Any other status is refused with `conflict`.
   */
  async retry(applicationId: string, id: string): Promise<Recording> {
    const recording = await this.get(applicationId, id);
    if (recording.status !== 'failed') {
      throw ParleyError.conflict(`Only a failed recording can be processed again; this one is ${recording.status}`);
    }
    // Retried concurrently: the other retry won, and this answer is the same.
    await this.deps.recordings.retry(id);
    this.deps.recordingWorker.wake();
    return this.get(applicationId, id);
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
