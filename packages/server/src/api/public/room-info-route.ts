import type { FastifyInstance } from 'fastify';
import type { PublicRoomInfo } from '@parley/protocol';
import type { Room } from '../../rooms/room.js';
import type { Services } from '../../services.js';

/**
 * What the meeting page reads before joining: `GET /api/public/rooms/:meetingCode`. Public on purpose:
 * the meeting code is the guest's key; nothing here is secret.
 */
export async function roomInfoRoutes(app: FastifyInstance, options: { services: Services }): Promise<void> {
  const { rooms } = options.services;
  app.get<{ Params: { meetingCode: string } }>('/api/public/rooms/:meetingCode', async (request, reply) => {
    const room = /^\d{1,32}$/.test(request.params.meetingCode) ? await rooms.findByMeetingCode(request.params.meetingCode) : undefined;
    if (!room) {
      return reply.code(404).send({ code: 'not_found', message: `There is no meeting with code ${request.params.meetingCode}` });
    }
    return reply.send(toPublicRoomInfo(room));
  });
}

function toPublicRoomInfo(room: Room): PublicRoomInfo {
  return {
    meetingCode: room.meetingCode,
    displayName: room.displayName,
    isAvailable: room.isAvailable,
    ...(room.isAvailable ? {} : { unavailableReason: 'expired' as const }),
    language: room.language,
    microphoneState: room.microphoneState,
    features: { ...room.features },
    theme: null,
  };
}
