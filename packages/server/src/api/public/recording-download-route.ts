import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../errors.js';
import { RECORDING_DOWNLOAD_ROUTE } from '../../recording/recording-download-links.js';
import type { Services } from '../../services.js';

export type RecordingDownloadDeps = Pick<Services, 'config' | 'recordings' | 'recordingDownloadLinks'>;

/**
 * `GET /recordings/:recording_id/download?expires=…&signature=…`: the mp4 of an uploaded recording, for
 * whoever holds the signed link the Meetings API handed out (`_links.url.href`). Outside the
 * authenticated API on purpose: a browser or a video player follows the link with no token. Served
 * with Range support (players seek), as an attachment named `<room display name>_<started_at>.mp4`.
 */
export async function recordingDownloadRoutes(app: FastifyInstance, options: { services: RecordingDownloadDeps }): Promise<void> {
  const { config, recordings, recordingDownloadLinks } = options.services;
  // Only for `reply.download` (Range, conditional requests) in this context; it serves no folder itself.
  await app.register(fastifyStatic, { serve: false });

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
      // Deleted since the link was made, or its file is gone: the link has nothing left to give.
      if (!download) throw ParleyError.notFound(`Recording ${id} has no file to download`);
      return reply
        // The link is a credential: no shared cache may keep what it fetched.
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', attachment(`${download.roomDisplayName}_${download.startedAt}.mp4`))
        .sendFile(download.filePath, config.dataDir, { cacheControl: false });
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
