/** Recordings of sessions on the wire. Kept in step with the server's `api/meetings/recording-schemas.ts`. */

export type RecordingStatus = 'started' | 'stopped' | 'paused' | 'uploaded';

export interface Recording {
  id: string;
  /** The session (one live meeting of a room) that was recorded. */
  session_id: string;
  started_at: string;
  /** Null while the session still records. */
  ended_at: string | null;
  /** Only `uploaded` recordings have a file, and only they can be deleted. */
  status: RecordingStatus;
  /** Only for an `uploaded` recording: a signed download link (mp4), fresh on every answer and valid for an hour. */
  _links?: { url: { href: string } };
}

/** `GET /sessions/:session_id/recordings`: every recording of the session at once, no paging. */
export interface SessionRecordings {
  _embedded: { recordings: Recording[] };
}
