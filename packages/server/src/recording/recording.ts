/**
 * A recording of one session of a room, as the domain knows it. The recording pipeline writes it (a
 * row when recording starts, the playable file once post-processing is done); the APIs read it.
 */
export interface Recording {
  id: string;
  roomId: string;
  sessionId: string;
  status: RecordingStatus;
  startedAt: string;
  endedAt: string | null;
  /** The playable mp4, relative to the data folder; `null` until post-processing has produced it. */
  filePath: string | null;
  byteSize: number | null;
  createdAt: string;
}

/**
 * `started` and `paused` while the session records, `stopped` once recording ended and the file is
 * being made, `uploaded` once the file can be downloaded (Vonage's word: its files went to S3).
 */
export const RECORDING_STATUSES = ['started', 'paused', 'stopped', 'uploaded'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** Only a finished recording may be deleted: deleting one still being written would leave its file half-made. */
export const DELETABLE_RECORDING_STATUS: RecordingStatus = 'uploaded';
