import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { RoomRecordingControl } from '../../recording/room-recording-control.js';
import { applicationOf } from './authenticate.js';
import { vonageRecordingOf } from './recording-json.js';
import { RecordingJson } from './recording-schemas.js';
import { RoomParams } from './room-schemas.js';

export interface RoomRecordingRoutesDeps {
  control: RoomRecordingControl;
  downloadLinks: RecordingDownloadLinks;
}

const EXTENSION = 'A Parley extension (the Vonage Meetings API recorded only with `auto_record` or from the meeting page). ';

/** `/rooms/:room_id/recording`: start and stop recording the meeting in progress in a room. */
export function registerRoomRecordingRoutes(app: FastifyInstance, deps: RoomRecordingRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/rooms/:room_id/recording',
    {
      schema: {
        summary: "Start recording a room's meeting",
        description:
          `${EXTENSION}Starts recording the meeting in progress (everyone in it sees that it is recorded) and answers the new recording, \`started\`. ` +
          "Refused with 409 when nobody is in the meeting or it is already recorded, 403 when the room's recording is off (`is_recording_available`).",
        tags: ['Recordings'],
        params: RoomParams,
        response: { 201: RecordingJson },
      },
    },
    async (request, reply) => {
      const recording = await deps.control.start(applicationOf(request).id, request.params.room_id);
      return reply.code(201).type('application/json').send(vonageRecordingOf(recording, deps.downloadLinks));
    },
  );

  api.delete(
    '/rooms/:room_id/recording',
    {
      schema: {
        summary: "Stop recording a room's meeting",
        description:
          `${EXTENSION}Stops the recording under way and answers it, \`stopped\`: its file is made next (\`recording:uploaded\` says when it is ready). ` +
          'Refused with 409 when nothing is recorded, 403 in a room with `auto_record` (its recordings cannot be stopped).',
        tags: ['Recordings'],
        params: RoomParams,
        response: { 200: RecordingJson },
      },
    },
    async (request, reply) => {
      const recording = await deps.control.stop(applicationOf(request).id, request.params.room_id);
      return reply.type('application/json').send(vonageRecordingOf(recording, deps.downloadLinks));
    },
  );
}
