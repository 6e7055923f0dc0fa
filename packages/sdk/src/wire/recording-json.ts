/** Recordings of sessions on the wire. Kept in step with the server's `api/meetings/recording-schemas.ts`. */

/** Vonage's status: `started` while recording, `stopped` until the file is ready, then `uploaded` (`paused` is never answered). */
export type RecordingStatus = 'started' | 'stopped' | 'paused' | 'uploaded';

/** Parley's finer view of a recording's life. */
export type RecordingState = 'started' | 'ended' | 'processing' | 'uploaded' | 'failed';

export interface Recording {
  id: string;
  /** The session (one live meeting of a room) that was recorded. */
  session_id: string;
  started_at: string;
  /** Null while the session still records. */
  ended_at: string | null;
  /** Only `uploaded` recordings have a file, and only they can be deleted. */
  status: RecordingStatus;
  /**
   * A Parley extension: `started` (recording), `ended` (waiting for post-processing), `processing`,
   * `uploaded`, or `failed` (see `failure_reason`; `retryRecording` processes it again).
   */
  state: RecordingState;
  /** A Parley extension: how much of post-processing is done, in percent. */
  progress: number;
  /** A Parley extension, only for a `failed` recording: why post-processing failed. */
  failure_reason?: string;
  /** Only for an `uploaded` recording: a signed download link (mp4), fresh on every answer and valid for an hour. */
  _links?: { url: { href: string } };
}

/** `GET /sessions/:session_id/recordings`: every recording of the session at once, no paging. */
export interface SessionRecordings {
  _embedded: { recordings: Recording[] };
}
