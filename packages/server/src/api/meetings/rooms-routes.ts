import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { roomLinks } from '../../rooms/room-links.js';
import type { Room } from '../../rooms/room.js';
import type { RoomService } from '../../rooms/room-service.js';
import type { Services } from '../../services.js';
import { applicationOf } from './authenticate.js';
import { createRoomInputOf } from './create-room-request.js';
import { vonageRoomOf, type VonageRoom } from './room-json.js';
import { roomPageLinks, type VonageRoomPage } from './room-page-json.js';
import { CreateRoomBody, DEFAULT_PAGE_SIZE, RoomPageQuery, RoomParams } from './room-schemas.js';

export interface RoomRoutesDeps {
  services: Pick<Services, 'config' | 'participantTokens'>;
  rooms: RoomService;
}

/** `/rooms`: create, get and list, as in Vonage's API reference. */
export function registerRoomRoutes(app: FastifyInstance, deps: RoomRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { publicUrl } = deps.services.config;

  /** Host URLs carry a freshly minted token on every answer, as Vonage's did. */
  const present = async (room: Room): Promise<VonageRoom> =>
    vonageRoomOf(room, await roomLinks(room, publicUrl, deps.services.participantTokens));

  api.post('/rooms', { schema: { body: CreateRoomBody } }, async (request, reply) => {
    const room = await deps.rooms.create(applicationOf(request).id, createRoomInputOf(request.body));
    return reply.code(201).type('application/json').send(await present(room));
  });

  api.get('/rooms/:room_id', { schema: { params: RoomParams } }, async (request, reply) => {
    const room = await deps.rooms.get(applicationOf(request).id, request.params.room_id);
    return reply.type('application/json').send(await present(room));
  });

  api.get('/rooms', { schema: { querystring: RoomPageQuery } }, async (request, reply) => {
    const pageRequest = {
      startId: request.query.start_id,
      endId: request.query.end_id,
      pageSize: request.query.page_size ?? DEFAULT_PAGE_SIZE,
    };
    const { rooms, total } = await deps.rooms.page(applicationOf(request).id, pageRequest);
    const page: VonageRoomPage = {
      page_size: rooms.length,
      _embedded: await Promise.all(rooms.map(present)),
      _links: roomPageLinks(`${publicUrl}${app.prefix}/rooms`, pageRequest, rooms),
      total_items: total,
    };
    return reply.type('application/json').send(page);
  });
}
