import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { BridgeInput } from '../../rooms/bridge.js';
import type { BridgeService, BridgeView } from '../../rooms/bridge-service.js';
import { participantUrl, roomLinks } from '../../rooms/room-links.js';
import type { Services } from '../../services.js';
import { bridgeResponseOf, type BridgeResponse } from './bridge-json.js';
import { AccountExtensionParams, BridgeParams, CreateBridgeRequest, PasswordQuery, PinParams, PstnPinQuery, UpdateBridgeRequest } from './bridge-schemas.js';
import { accountIdOf, callerOfRequest, extensionIdOf } from './ringcentral-auth.js';

const TAGS = ['RingCentral Video bridges'];

export interface BridgeRoutesDeps {
  services: Pick<Services, 'config' | 'participantTokens' | 'themes' | 'applications' | 'roomPasswordLinks'>;
  bridges: BridgeService;
}

/** The bridge operations of RingCentral Video's API (spec §3.2.3), under `/rcvideo`. */
export function registerBridgeRoutes(app: FastifyInstance, deps: BridgeRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services, bridges } = deps;
  const linksDeps = { ...services, publicUrl: services.config.publicUrl };

  const present = async (view: BridgeView, givenJoinQuery?: string): Promise<BridgeResponse> => {
    const { room } = view.bridge;
    const joinQuery = services.roomPasswordLinks.joinQuery(room);
    const knowsJoinQuery = givenJoinQuery !== undefined && services.roomPasswordLinks.matches(room, givenJoinQuery);
    return bridgeResponseOf(view.bridge, { privileged: view.privileged, guestUrl: (await roomLinks(linksDeps, room)).guestUrl, joinQuery, knowsJoinQuery });
  };

  api.post(
    '/v2/account/:accountId/extension/:extensionId/bridges',
    {
      schema: {
        summary: 'Create a bridge',
        description:
          'Creates a bridge (a Parley room of the calling client app) for the user: `~`/`~` is the caller; a Super Admin may create one for any user of the account. ' +
          'An empty body makes an Instant bridge. 409 for a second default (PMI) bridge, a taken PIN, or a password with `passwordProtected: false`.',
        tags: TAGS,
        params: AccountExtensionParams,
        body: CreateBridgeRequest,
      },
    },
    async (request, reply) => {
      const caller = callerOfRequest(request);
      const target = { accountId: accountIdOf(request.params.accountId, caller), userId: extensionIdOf(request.params.extensionId, caller) };
      const view = await bridges.create(caller, target, (request.body ?? {}) as BridgeInput);
      return reply.code(201).send(await present(view));
    },
  );

  api.get(
    '/v2/account/:accountId/extension/:extensionId/bridges/default',
    {
      schema: {
        summary: "Get a user's default bridge",
        description: 'The user\'s default (PMI) bridge, made on first asking: password protected, waiting room for other accounts, nobody before the host.',
        tags: TAGS,
        params: AccountExtensionParams,
      },
    },
    async (request, reply) => {
      const caller = callerOfRequest(request);
      const target = { accountId: accountIdOf(request.params.accountId, caller), userId: extensionIdOf(request.params.extensionId, caller) };
      return reply.send(await present(await bridges.getDefault(caller, target)));
    },
  );

  api.get(
    '/v2/bridges/:bridgeId',
    {
      schema: {
        summary: 'Get a bridge',
        description: 'Any user of the bridge\'s account may read it; its passwords only its owner and Super Admins. A bridge of another account is not found.',
        tags: TAGS,
        params: BridgeParams,
        querystring: PasswordQuery,
      },
    },
    async (request, reply) => reply.send(await present(await bridges.get(callerOfRequest(request), request.params.bridgeId), request.query.pw)),
  );

  api.patch(
    '/v2/bridges/:bridgeId',
    {
      schema: {
        summary: 'Update a bridge',
        description: 'Changes what the body names, the rest stays. Owner or Super Admin only (403 otherwise). A meeting going on follows the new settings.',
        tags: TAGS,
        params: BridgeParams,
        body: UpdateBridgeRequest,
      },
    },
    async (request, reply) => {
      const view = await bridges.update(callerOfRequest(request), request.params.bridgeId, (request.body ?? {}) as BridgeInput);
      return reply.send(await present(view));
    },
  );

  api.delete(
    '/v2/bridges/:bridgeId',
    {
      schema: {
        summary: 'Delete a bridge',
        description: 'Owner or Super Admin only. Whoever is in its meeting is sent away; its meetings stay in the history.',
        tags: TAGS,
        params: BridgeParams,
      },
    },
    async (request, reply) => {
      await bridges.delete(callerOfRequest(request), request.params.bridgeId);
      return reply.code(204).send();
    },
  );

  api.get(
    '/v2/bridges/pin/web/:pin',
    { schema: { summary: 'Find a bridge by web PIN', tags: TAGS, params: PinParams, querystring: PasswordQuery } },
    async (request, reply) => reply.send(await present(await bridges.findByWebPin(callerOfRequest(request), request.params.pin), request.query.pw)),
  );

  api.get(
    '/v2/bridges/pin/pstn/:pin',
    { schema: { summary: 'Find a bridge by PSTN PIN (host or participant)', tags: TAGS, params: PinParams, querystring: PstnPinQuery } },
    async (request, reply) => reply.send(await present(await bridges.findByPstnPin(callerOfRequest(request), request.params.pin), request.query.pw)),
  );

  api.get(
    '/v2/bridges/:bridgeId/join-url',
    {
      schema: {
        summary: 'A join URL for the caller (Parley extension)',
        description:
          'The meeting page URL with a participant token naming the caller: the owner joins as host; any other user of the account as a guest known as that user, ' +
          'which `noGuests`, `sameAccount` and the waiting room\'s `GuestsOnly`/`OtherAccount` recognise. Not part of RingCentral\'s API.',
        tags: TAGS,
        params: BridgeParams,
      },
    },
    async (request, reply) => {
      const { room, claims } = await bridges.participantOf(callerOfRequest(request), request.params.bridgeId);
      return reply.send({ url: await participantUrl(linksDeps, room, claims), role: claims.role });
    },
  );
}
