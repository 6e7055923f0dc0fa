import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { Recording, RecordingStatus } from '../../recording/recording.js';
import type { RecordingJson, VonageRecordingStatus } from './recording-schemas.js';

/**
 * Vonage's `status` for each of Parley's: a recording being recorded is `started`; one that stopped is
 * `stopped` until its file can be downloaded (`uploaded`), whether it is waiting for post-processing,
 * being processed, or failed (Vonage had no word for these; Parley's own `state` says which).
 * Vonage's `paused` is never answered: Parley does not pause recordings.
 */
const VONAGE_STATUS: Record<RecordingStatus, VonageRecordingStatus> = {
  started: 'started',
  ended: 'stopped',
  processing: 'stopped',
  failed: 'stopped',
  uploaded: 'uploaded',
};

/**
 * A recording as Vonage answered it, with Parley's extensions after Vonage's keys: `state`, `progress`
 * and, for a failed recording, `failure_reason`. Only an `uploaded` recording has a file, so only it
 * has `_links.url`, a fresh signed link on every answer; a recording still being made has no `_links`
 * at all, as there is nothing to download yet (the Node SDK then leaves `url` undefined).
 */
export function vonageRecordingOf(recording: Recording, links: RecordingDownloadLinks): RecordingJson {
  const json: RecordingJson = {
    id: recording.id,
    session_id: recording.sessionId,
    started_at: recording.startedAt,
    ended_at: recording.endedAt,
    status: VONAGE_STATUS[recording.status],
    state: recording.status,
    progress: recording.progress,
  };
  if (recording.status === 'failed' && recording.failureReason !== null) json.failure_reason = recording.failureReason;
  if (recording.status === 'uploaded' && recording.filePath !== null) json._links = { url: { href: links.linkTo(recording.id) } };
  return json;
}
