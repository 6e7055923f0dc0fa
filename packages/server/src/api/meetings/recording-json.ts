import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { Recording } from '../../recording/recording.js';
import type { RecordingJson } from './recording-schemas.js';

/**
 * A recording as Vonage answered it. Only an `uploaded` recording has a file, so only it has
 * `_links.url`, a fresh signed link on every answer; a recording still being made (`started`,
 * `paused`, `stopped`) has no `_links` at all, as there is nothing to download yet (the Node SDK then
 * leaves `url` undefined).
 */
export function vonageRecordingOf(recording: Recording, links: RecordingDownloadLinks): RecordingJson {
  const json: RecordingJson = {
    id: recording.id,
    session_id: recording.sessionId,
    started_at: recording.startedAt,
    ended_at: recording.endedAt,
    status: recording.status,
  };
  if (recording.status === 'uploaded' && recording.filePath !== null) json._links = { url: { href: links.linkTo(recording.id) } };
  return json;
}
