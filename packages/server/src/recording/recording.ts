/**
 * A recording of one session of a room, as the domain knows it. The live session writes it (a row when
 * recording starts, its end when recording stops); post-processing moves it on to a playable file.
 */
export interface Recording {
  id: string;
  roomId: string;
  sessionId: string;
  status: RecordingStatus;
  startedAt: string;
  endedAt: string | null;
  /**
   * Where the playable mp4 is in recording storage (a key such as `recordings/<id>.mp4`; with local
   * storage, a path under the data folder); `null` until post-processing has stored it.
   */
  filePath: string | null;
  byteSize: number | null;
  /** The room's `record_only_owner` when recording started: only the host's camera (and screens) are shown. */
  onlyOwner: boolean;
  /** How much of post-processing is done, 0 to 100 (100 once uploaded). */
  progress: number;
  /** Why post-processing failed, in a sentence; only for `failed`. */
  failureReason: string | null;
  createdAt: string;
}

/**
 * The life of a recording: `started` while the session records; `ended` once recording stopped and
 * its raw files are complete, waiting for post-processing; `processing` while they become one mp4;
 * `uploaded` once the mp4 is in storage (Vonage's word: its files went to S3); `failed` when
 * post-processing could not finish (the reason is kept, so are the raw files, and a retry puts it
 * back to `ended`).
 */
export const RECORDING_STATUSES = ['started', 'ended', 'processing', 'uploaded', 'failed'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** Only a finished recording may be deleted: deleting one still being written would leave its file half-made. */
export const DELETABLE_RECORDING_STATUS: RecordingStatus = 'uploaded';

/** A recording's length in whole seconds, as the webhooks report it. */
export function recordingDurationSeconds(recording: { startedAt: string; endedAt: string }): number {
  return Math.round((Date.parse(recording.endedAt) - Date.parse(recording.startedAt)) / 1000);
}
