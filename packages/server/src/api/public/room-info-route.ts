import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger';
import Type, { type Static } from 'typebox';
import type { PublicRoomInfo, PublicTheme } from '@parley/protocol';
import type { Room } from '../../rooms/room.js';
import type { Services } from '../../services.js';
import { logoUrl } from '../../themes/logo-urls.js';
import { roomByMeetingCode } from './room-by-meeting-code.js';
import { themeOfRoom } from '../../themes/room-theme.js';
import type { Theme } from '../../themes/theme.js';

const RoomInfoParams = Type.Object({ meetingCode: Type.String({ maxLength: 64 }) });
const RoomInfoQuery = Type.Object({
  company: Type.Optional(
    Type.String({ maxLength: 128, description: "The `short_company_url` segment the page was opened under (`/<company>/<meeting code>`)." }),
  ),
});

/**
 * What the meeting page reads before joining: `GET /api/public/rooms/:meetingCode`. Public on purpose:
 * the meeting code is the guest's key; nothing here is secret, so any origin may read it.
 */
export async function roomInfoRoutes(app: FastifyInstance, options: { services: Services }): Promise<void> {
  const { services } = options;
  app.get<{ Params: Static<typeof RoomInfoParams>; Querystring: Static<typeof RoomInfoQuery> }>(
    '/api/public/rooms/:meetingCode',
    {
      schema: {
        summary: 'What the meeting page shows before joining a room: its name, availability, features and theme',
        tags: ['Meeting page'],
        params: RoomInfoParams,
        querystring: RoomInfoQuery,
      },
    },
    async (request, reply) => {
      // Custom UIs built on @parley/client read it from their own origin (docs/client-sdk.md).
      reply.header('access-control-allow-origin', '*');
      const { meetingCode } = request.params;
      const { company } = request.query;
      const room = await roomByMeetingCode(services.rooms, meetingCode);
      const theme = room ? await themeOfRoom(services, room) : null;
      // A company's URL shows only its own rooms: under another company's segment (or one the room's
      // theme does not have) the room does not exist.
      if (!room || (company !== undefined && theme?.shortCompanyUrl !== company)) {
        return reply.code(404).send({ code: 'not_found', message: `There is no meeting with code ${meetingCode}` });
      }
      return reply.send(toPublicRoomInfo(room, theme, services.config.publicUrl));
    },
  );
}

function toPublicRoomInfo(room: Room, theme: Theme | null, publicUrl: string): PublicRoomInfo {
  return {
    meetingCode: room.meetingCode,
    displayName: room.displayName,
    isAvailable: room.isAvailable,
    ...(room.isAvailable ? {} : { unavailableReason: 'expired' as const }),
    language: room.language,
    microphoneState: room.microphoneState,
    cameraState: room.cameraState,
    features: { ...room.features },
    passwordRequired: room.passwordHash !== null,
    kind: room.kind,
    theme: theme && toPublicTheme(theme, publicUrl),
  };
}

function toPublicTheme(theme: Theme, publicUrl: string): PublicTheme {
  return {
    mainColor: theme.mainColor,
    brandText: theme.brandText,
    brandImageColoredUrl: logoUrl(publicUrl, theme.logos.colored),
    brandImageWhiteUrl: logoUrl(publicUrl, theme.logos.white),
    brandedFaviconUrl: logoUrl(publicUrl, theme.logos.favicon),
  };
}
