import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import type { RecordingState, ServerMessage } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { MediaRoom } from '../media/media-backend.js';
import type { Room, RoomFeatures } from '../rooms/room.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import { rawRecordingFolder } from './recording-folders.js';
import type { Recording } from './recording.js';

export interface SessionRecorderDeps {
  recordings: Pick<RecordingsRepository, 'start' | 'end'>;
  /** Told when a recording ended, to make its playable file. */
  recordingWorker: { wake(): void };
  config: Pick<Config, 'dataDir'>;
  clock: Clock;
  logger: Logger;
}

/** The live session being recorded, as the recorder needs it. */
export interface RecordedSession {
  id: string;
  room: Room;
  mediaRoom: Pick<MediaRoom, 'startRecording' | 'stopRecording'>;
  /** The room's features as they are now (the API may change them during the session). */
  features(): RoomFeatures;
  /** To everyone in the session. */
  broadcast(message: ServerMessage): void;
}

/**
 * Recording of one live session: at most one recording at a time, started and stopped by a moderator
 * or through the API, or started with the session in an `auto_record` room (and then not stoppable,
 * as Vonage's rooms were). The media server records every stream on its own; this keeps the
 * recording's row, its webhooks and everyone's indicator in step with it. Starts and stops are carried
 * out one at a time.
 */
export class SessionRecorder {
  private current: { recording: Recording; automatic: boolean } | undefined;
  private closed = false;
  private readonly queue = new SerialQueue();

  constructor(
    private readonly session: RecordedSession,
    private readonly deps: SessionRecorderDeps,
  ) {}

  state(): RecordingState {
    const { current } = this;
    return current ? { active: true, startedAt: current.recording.startedAt, automatic: current.automatic } : { active: false, automatic: false };
  }

  /**
   * Starts recording; `automatic` for the recording an `auto_record` room starts with each session.
   * Rejects with `recording_unavailable` when the room's recording is off, `conflict` when already
   * recording.
   */
  start(options: { automatic?: boolean } = {}): Promise<Recording> {
    return this.queue.run(async () => {
      if (this.closed) throw ParleyError.conflict('This meeting has ended');
      if (!this.session.features().recording) throw new ParleyError('recording_unavailable', 'Recording is turned off in this meeting');
      if (this.current) throw ParleyError.conflict('This meeting is already being recorded');
      const id = randomUUID();
      const folder = rawRecordingFolder(this.deps.config.dataDir, id);
      await fs.mkdir(folder, { recursive: true });
      // Taken before the media server starts: every stream's first packet comes after it.
      const startedAt = this.deps.clock.now().toISOString();
      await this.session.mediaRoom.startRecording(folder);
      let recording: Recording;
      try {
        recording = await this.deps.recordings.start({
          id,
          roomId: this.session.room.id,
          sessionId: this.session.id,
          startedAt,
          onlyOwner: this.session.room.recording.recordOnlyOwner,
        });
      } catch (error) {
        await this.session.mediaRoom.stopRecording().catch(() => undefined);
        await fs.rm(folder, { recursive: true, force: true });
        throw error;
      }
      this.current = { recording, automatic: options.automatic ?? false };
      this.deps.logger.info({ sessionId: this.session.id, recordingId: id, automatic: this.current.automatic }, 'recording started');
      this.announce();
      return recording;
    });
  }

  /**
   * Stops recording. Rejects with `forbidden` for the recording of an `auto_record` room, `conflict`
   * when nothing is being recorded.
   */
  stop(): Promise<Recording> {
    return this.queue.run(async () => {
      if (!this.current) throw ParleyError.conflict('This meeting is not being recorded');
      if (this.current.automatic) throw ParleyError.forbidden('This room records every meeting: its recording cannot be stopped');
      return this.finish();
    });
  }

  /** The session is ending: whatever is being recorded stops, an automatic recording included. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      this.closed = true;
      if (this.current) await this.finish();
    });
  }

  private async finish(): Promise<Recording> {
    const { recording } = this.current as { recording: Recording };
    this.current = undefined;
    // A media server that is gone (it restarted) has closed its files already: the recording still ends.
    await this.session.mediaRoom.stopRecording().catch((error: Error) =>
      this.deps.logger.warn({ err: error, recordingId: recording.id }, 'the media server did not stop recording; its files end where it stopped'),
    );
    const ended = (await this.deps.recordings.end(recording.id, this.deps.clock.now().toISOString())) ?? recording;
    this.deps.logger.info({ sessionId: this.session.id, recordingId: recording.id }, 'recording ended');
    this.deps.recordingWorker.wake();
    if (!this.closed) this.announce();
    return ended;
  }

  private announce(): void {
    this.session.broadcast({ type: 'recording-state', recording: this.state() });
  }
}
