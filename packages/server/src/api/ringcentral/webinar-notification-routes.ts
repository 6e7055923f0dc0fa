import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.js';
import type { SubscriptionRecord } from '../../store/webinar-subscriptions-repository.js';
import type { SubscriptionService } from '../../webinars/subscription-service.js';
import { callerOfRequest } from './ringcentral-auth.js';
import { CreateSubscriptionRequest, SubscriptionParams, UpdateSubscriptionRequest } from './webinar-schemas.js';

const TAGS = ['RingCentral Webinar notifications'];
const SUBSCRIPTIONS = '/subscriptions';

/** `SubscriptionInfo` (spec §4.5.1). */
export interface SubscriptionInfo {
  uri: string;
  id: string;
  eventFilters: string[];
  expirationTime: string;
  expiresIn: number;
  status: 'Active';
  creationTime: string;
  deliveryMode: { transportType: 'WebHook'; address: string; encryption: false };
}

export interface WebinarNotificationRoutesDeps {
  subscriptions: SubscriptionService;
  clock: Clock;
  /** The public URL of the API: each subscription's `uri` is under it. */
  publicUrl: string;
}

/** RingCentral's Webinar Notifications API (spec §4.5), under `/webinar/notifications/v1`. */
export function registerWebinarNotificationRoutes(app: FastifyInstance, deps: WebinarNotificationRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { subscriptions, clock } = deps;
  const collectionUri = `${deps.publicUrl}/webinar/notifications/v1${SUBSCRIPTIONS}`;
  const infoOf = (subscription: SubscriptionRecord): SubscriptionInfo => ({
    uri: `${collectionUri}/${subscription.id}`,
    id: subscription.id,
    eventFilters: subscription.eventFilters,
    expirationTime: subscription.expiresAt,
    expiresIn: Math.max(0, Math.floor((Date.parse(subscription.expiresAt) - clock.now().getTime()) / 1000)),
    status: 'Active',
    creationTime: subscription.createdAt,
    deliveryMode: { transportType: 'WebHook', address: subscription.address, encryption: false },
  });

  api.get(SUBSCRIPTIONS, { schema: { summary: "List the caller's webinar subscriptions", description: 'Those the caller made through this client app.', tags: TAGS } }, async (request, reply) =>
    reply.send({ uri: collectionUri, records: (await subscriptions.list(callerOfRequest(request))).map(infoOf) }),
  );

  api.post(
    SUBSCRIPTIONS,
    {
      schema: {
        summary: 'Subscribe to webinar events',
        description:
          'Before answering, POSTs to the address with a `Validation-Token` header (and `Verification-Token`, if given), which it must echo in a 200 within 3 s (else 400 SUB-525). ' +
          'Unknown filters are 400 SUB-508; more than 20 subscriptions, 403 SUB-505. Events then come through the webhook outbox, in order, retried for a day.',
        tags: TAGS,
        body: CreateSubscriptionRequest,
      },
    },
    async (request, reply) => {
      const { eventFilters, deliveryMode, expiresIn } = request.body;
      const created = await subscriptions.create(callerOfRequest(request), {
        eventFilters,
        address: deliveryMode.address,
        ...(deliveryMode.verificationToken !== undefined ? { verificationToken: deliveryMode.verificationToken } : {}),
        ...(expiresIn !== undefined ? { expiresIn } : {}),
      });
      return reply.code(201).send(infoOf(created));
    },
  );

  api.get(`${SUBSCRIPTIONS}/:subscriptionId`, { schema: { summary: 'Get a webinar subscription', tags: TAGS, params: SubscriptionParams } }, async (request, reply) =>
    reply.send(infoOf(await subscriptions.get(callerOfRequest(request), request.params.subscriptionId))),
  );

  api.put(
    `${SUBSCRIPTIONS}/:subscriptionId`,
    {
      schema: {
        summary: 'Update a webinar subscription',
        description: 'New `eventFilters` and `expiresIn`; an empty body renews it for the default 7 days.',
        tags: TAGS,
        params: SubscriptionParams,
        body: UpdateSubscriptionRequest,
      },
    },
    async (request, reply) => reply.send(infoOf(await subscriptions.update(callerOfRequest(request), request.params.subscriptionId, request.body ?? {}))),
  );

  api.delete(`${SUBSCRIPTIONS}/:subscriptionId`, { schema: { summary: 'Delete a webinar subscription', description: 'Events not yet delivered are dropped.', tags: TAGS, params: SubscriptionParams } }, async (request, reply) => {
    await subscriptions.delete(callerOfRequest(request), request.params.subscriptionId);
    return reply.code(204).send();
  });

  api.post(`${SUBSCRIPTIONS}/:subscriptionId/renew`, { schema: { summary: 'Renew a webinar subscription', description: 'For as long again as it was last made or renewed for.', tags: TAGS, params: SubscriptionParams } }, async (request, reply) =>
    reply.send(infoOf(await subscriptions.renew(callerOfRequest(request), request.params.subscriptionId))),
  );
}
