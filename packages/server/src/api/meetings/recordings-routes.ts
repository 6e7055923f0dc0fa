import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { RecordingService } from '../../recording/recording-service.js';
import { applicationOf } from './authenticate.js';
import { vonageRecordingOf } from './recording-json.js';
import { RecordingJson, RecordingParams } from './recording-schemas.js';

export interface RecordingRoutesDeps {
  recordings: RecordingService;
  downloadLinks: RecordingDownloadLinks;
}

/** `/recordings/:recording_id`: get one, with its download link, delete a finished one, retry a failed one. */
export function registerRecordingRoutes(app: FastifyInstance, deps: RecordingRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/recordings/:recording_id',
    {
      schema: {
        summary: 'Get a recording',
        description: 'An `uploaded` recording carries `_links.url.href`, a signed mp4 download link valid for one hour.',
        tags: ['Recordings'],
        params: RecordingParams,
        response: { 200: RecordingJson },
      },
    },
    async (request, reply) => {
      const recording = await deps.recordings.get(applicationOf(request).id, request.params.recording_id);
      return reply.type('application/json').send(vonageRecordingOf(recording, deps.downloadLinks));
    },
  );

  api.post(
    '/recordings/:recording_id/retry',
    {
      schema: {
        summary: 'Process a failed recording again',
        description:
          'A Parley extension (Vonage recordings could not fail visibly). A recording whose post-processing failed (`state` `failed`, with ' +
          '`failure_reason`) kept what was recorded: this processes it again, and answers it waiting for that (`state` `ended`). ' +
          'Any other recording is refused with 409.',
        tags: ['Recordings'],
        params: RecordingParams,
        response: { 202: RecordingJson },
      },
    },
    async (request, reply) => {
      const recording = await deps.recordings.retry(applicationOf(request).id, request.params.recording_id);
      return reply.code(202).type('application/json').send(vonageRecordingOf(recording, deps.downloadLinks));
    },
  );

  api.delete(
    '/recordings/:recording_id',
    {
      schema: {
        summary: 'Delete a recording and its file',
        description: "Only a recording in `uploaded` status can be deleted; any other is refused with 403.",
        tags: ['Recordings'],
        params: RecordingParams,
        response: { 204: Type.Null({ description: 'Deleted; no body.' }) },
      },
    },
    async (request, reply) => {
      await deps.recordings.delete(applicationOf(request).id, request.params.recording_id);
      return reply.code(204).send(null);
    },
  );
}
