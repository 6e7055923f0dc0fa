import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../errors.js';
import { RECORDING_DOWNLOAD_ROUTE } from '../../recording/recording-download-links.js';
import type { Services } from '../../services.js';
import { requestedRange } from './byte-range.js';

export type RecordingDownloadDeps = Pick<Services, 'recordings' | 'recordingDownloadLinks' | 'recordingStorage'>;

/**
 * `GET /recordings/:recording_id/download?expires=…&signature=…`: the mp4 of an uploaded recording, for
 * whoever holds the signed link the Meetings API handed out (`_links.url.href`). Outside the
 * authenticated API on purpose: a browser or a video player follows the link with no token. Served
 * from recording storage with Range support (players seek), as an attachment named
 * `<room display name>_<started_at>.mp4`.
 */
export async function recordingDownloadRoutes(app: FastifyInstance, options: { services: RecordingDownloadDeps }): Promise<void> {
  const { recordings, recordingDownloadLinks, recordingStorage } = options.services;

  app.setErrorHandler((error, _request, reply) => {
    // Anything else goes on to Fastify's own handler, which hides the details of a fault of ours.
    if (!(error instanceof ParleyError) || error.status >= 500) throw error;
    return reply.code(error.status).send({ code: error.code, message: error.message });
  });

  app.get<{ Params: { recording_id: string }; Querystring: Record<string, unknown> }>(
    RECORDING_DOWNLOAD_ROUTE,
    async (request, reply) => {
      const id = request.params.recording_id;
      const { expires, signature } = request.query;
      recordingDownloadLinks.verify(id, typeof expires === 'string' ? expires : undefined, typeof signature === 'string' ? signature : undefined);
      const download = await recordings.findDownload(id);
      const size = download && (await recordingStorage.size(download.filePath));
      // Deleted since the link was made, or its file is gone: the link has nothing left to give.
      if (!download || size === undefined) throw ParleyError.notFound(`Recording ${id} has no file to download`);
      reply
        // The link is a credential: no shared cache may keep what it fetched.
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', attachment(`${download.roomDisplayName}_${download.startedAt}.mp4`))
        .header('accept-ranges', 'bytes')
        .type('video/mp4');
      const range = requestedRange(request.headers.range, size);
      if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
      if (range === undefined) return reply.header('content-length', size).send(recordingStorage.read(download.filePath));
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(recordingStorage.read(download.filePath, range));
    },
  );
}

/**
 * `attachment; filename="…"` (RFC 6266), the name Vonage gave its files. A name that is not plain ASCII
 * also gets `filename*` in UTF-8, with an ASCII stand-in for clients that do not read it.
 */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === filename) return `attachment; filename="${filename}"`;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
