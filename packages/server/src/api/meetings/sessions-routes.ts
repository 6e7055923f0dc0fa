import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { RecordingService } from '../../recording/recording-service.js';
import { applicationOf } from './authenticate.js';
import { vonageRecordingOf } from './recording-json.js';
import { SessionParams, SessionRecordingsJson } from './recording-schemas.js';

export interface SessionRoutesDeps {
  recordings: RecordingService;
  downloadLinks: RecordingDownloadLinks;
}

/**
 * `/sessions/:session_id/recordings`, and the same answer at `/sessions/:session_id`, the path the Node
 * SDK's `getSessionRecordings()` calls (an SDK bug that every Node user depends on).
 */
export function registerSessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const paths = [
    { url: '/sessions/:session_id/recordings', summary: 'List the recordings of a session' },
    { url: '/sessions/:session_id', summary: 'List the recordings of a session (the path the Node SDK calls)' },
  ];
  for (const { url, summary } of paths) {
    api.get(
      url,
      { schema: { summary, tags: ['Recordings'], params: SessionParams, response: { 200: SessionRecordingsJson } } },
      async (request, reply) => {
        const recordings = await deps.recordings.listForSession(applicationOf(request).id, request.params.session_id);
        const body: SessionRecordingsJson = { _embedded: { recordings: recordings.map((r) => vonageRecordingOf(r, deps.downloadLinks)) } };
        return reply.type('application/json').send(body);
      },
    );
  }
}
