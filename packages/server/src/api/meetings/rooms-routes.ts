import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { roomLinks } from '../../rooms/room-links.js';
import type { Room } from '../../rooms/room.js';
import type { RoomPageRequest, RoomService } from '../../rooms/room-service.js';
import type { Services } from '../../services.js';
import type { Application } from '../../store/applications-repository.js';
import { applicationOf } from './authenticate.js';
import { createRoomInputOf } from './create-room-request.js';
import { vonageRoomOf, type VonageRoom } from './room-json.js';
import { vonageRoomPageOf, type VonageRoomPage } from './room-page-json.js';
import { CreateRoomBody, DEFAULT_PAGE_SIZE, RoomPageQuery, RoomParams, UpdateRoomBody } from './room-schemas.js';
import { ThemeParams } from './theme-schemas.js';
import { updateRoomInputOf } from './update-room-request.js';

export interface RoomRoutesDeps {
  services: Pick<Services, 'config' | 'participantTokens' | 'themes' | 'applications'>;
  rooms: RoomService;
}

/** `/rooms` (create, get, update, delete, list) and `/themes/:theme_id/rooms`, as in Vonage's API reference. */
export function registerRoomRoutes(app: FastifyInstance, deps: RoomRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { publicUrl } = deps.services.config;
  const linksDeps = { ...deps.services, publicUrl };

  /** Host URLs carry a freshly minted token on every answer, as Vonage's did. */
  const present = async (room: Room, caller: Application): Promise<VonageRoom> =>
    vonageRoomOf(room, await roomLinks(linksDeps, room, caller));

  /** Both listings page alike; links lead back to the endpoint (`listPath`) that was called. */
  const listPage = async (caller: Application, listPath: string, query: RoomPageQuery, themeId?: string): Promise<VonageRoomPage> => {
    const pageRequest: RoomPageRequest = {
      startId: query.start_id,
      endId: query.end_id,
      pageSize: query.page_size ?? DEFAULT_PAGE_SIZE,
      ...(themeId !== undefined ? { themeId } : {}),
    };
    const page = await deps.rooms.page(caller.id, pageRequest);
    return vonageRoomPageOf(`${publicUrl}${app.prefix}${listPath}`, pageRequest, page, await Promise.all(page.rooms.map((room) => present(room, caller))));
  };

  api.post(
    '/rooms',
    { schema: { summary: 'Create a room', tags: ['Rooms'], body: CreateRoomBody } },
    async (request, reply) => {
      const room = await deps.rooms.create(applicationOf(request).id, createRoomInputOf(request.body));
      return reply.code(201).type('application/json').send(await present(room, applicationOf(request)));
    },
  );

  api.get(
    '/rooms/:room_id',
    { schema: { summary: 'Get a room', tags: ['Rooms'], params: RoomParams } },
    async (request, reply) => {
      const room = await deps.rooms.get(applicationOf(request).id, request.params.room_id);
      return reply.type('application/json').send(await present(room, applicationOf(request)));
    },
  );

  api.patch(
    '/rooms/:room_id',
    {
      schema: {
        summary: 'Update a long-term room',
        description: 'Takes the changes in `update_details` (or `update_options`, as the Node SDK sends them). Instant rooms and rooms no longer available cannot be updated.',
        tags: ['Rooms'],
        params: RoomParams,
        body: UpdateRoomBody,
      },
    },
    async (request, reply) => {
      const room = await deps.rooms.update(applicationOf(request).id, request.params.room_id, updateRoomInputOf(request.body));
      return reply.type('application/json').send(await present(room, applicationOf(request)));
    },
  );

  api.delete(
    '/rooms/:room_id',
    {
      schema: {
        summary: 'Delete a room',
        description: 'The room becomes unavailable at once and disappears; anyone in it is sent away. Its sessions and recordings are kept.',
        tags: ['Rooms'],
        params: RoomParams,
      },
    },
    async (request, reply) => {
      await deps.rooms.delete(applicationOf(request).id, request.params.room_id);
      return reply.code(204).send();
    },
  );

  api.get(
    '/rooms',
    { schema: { summary: 'List rooms', tags: ['Rooms'], querystring: RoomPageQuery } },
    async (request, reply) => {
      const page = await listPage(applicationOf(request), '/rooms', request.query);
      return reply.type('application/json').send(page);
    },
  );

  api.get(
    '/themes/:theme_id/rooms',
    { schema: { summary: 'List the rooms using a theme', tags: ['Themes'], params: ThemeParams, querystring: RoomPageQuery } },
    async (request, reply) => {
      const { theme_id } = request.params;
      const page = await listPage(applicationOf(request), `/themes/${encodeURIComponent(theme_id)}/rooms`, request.query, theme_id);
      return reply.type('application/json').send(page);
    },
  );
}
