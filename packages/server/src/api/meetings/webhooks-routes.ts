import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { MeetingsWebhookEventName } from '@parley/protocol';
import { ParleyError } from '../../errors.js';
import type { WebhookDelivery } from '../../store/webhook-deliveries-repository.js';
import type { WebhookSecrets, WebhookUrls } from '../../store/webhook-settings-repository.js';
import type { ApplicationWebhooks } from '../../webhooks/application-webhooks.js';
import type { DeliveryLog } from '../../webhooks/delivery-log.js';
import { applicationOf } from './authenticate.js';
import {
  ApplicationWebhooksJson,
  DEFAULT_DELIVERY_PAGE_SIZE,
  UpdateApplicationWebhooksBody,
  WebhookDeliveryJson,
  WebhookDeliveryPageJson,
  WebhookDeliveryPageQuery,
  WebhookDeliveryParams,
  WebhookSecretJson,
} from './webhook-schemas.js';

export interface WebhookRoutesDeps {
  publicUrl: string;
  applicationWebhooks: ApplicationWebhooks;
  deliveryLog: DeliveryLog;
}

const EXTENSION = 'A Parley extension (the Vonage Meetings API had no such endpoint). ';

/** `/applications/webhooks…` and `/webhooks/deliveries…`: where events go, what signs them, what became of each. */
export function registerWebhookRoutes(app: FastifyInstance, deps: WebhookRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { applicationWebhooks, deliveryLog } = deps;

  api.get(
    '/applications/webhooks',
    {
      schema: {
        summary: "Read the application's webhook receivers",
        description: `${EXTENSION}Where room, session and recording events go when a room has no \`callback_urls\` of its own.`,
        tags: ['Webhooks'],
        response: { 200: ApplicationWebhooksJson },
      },
    },
    async (request, reply) => reply.type('application/json').send(receiversJson(await applicationWebhooks.urls(applicationOf(request).id))),
  );

  api.patch(
    '/applications/webhooks',
    {
      schema: {
        summary: "Set the application's webhook receivers",
        description: `${EXTENSION}Each receiver given is set (\`null\` removes it); the others stay. Events already queued keep the receiver they were queued for.`,
        tags: ['Webhooks'],
        body: UpdateApplicationWebhooksBody,
        response: { 200: ApplicationWebhooksJson },
      },
    },
    async (request, reply) => {
      const details = request.body.update_details;
      if (details === undefined || Object.keys(details).length === 0) throw ParleyError.validation('"update_details" must have at least 1 key');
      const address = (receiver: { address: string } | null | undefined) => (receiver === undefined ? undefined : (receiver?.address ?? null));
      const changes: Partial<WebhookUrls> = {};
      const rooms = address(details.room_changed);
      const sessions = address(details.session_changed);
      const recordings = address(details.recording_changed);
      if (rooms !== undefined) changes.rooms = rooms;
      if (sessions !== undefined) changes.sessions = sessions;
      if (recordings !== undefined) changes.recordings = recordings;
      const urls = await applicationWebhooks.setUrls(applicationOf(request).id, changes);
      return reply.type('application/json').send(receiversJson(urls));
    },
  );

  api.get(
    '/applications/webhooks/secret',
    {
      schema: {
        summary: 'Read the webhook signing secret',
        description: `${EXTENSION}The secret that verifies every delivery's \`webhook-signature\` (Standard Webhooks; \`verifyMeetingsWebhook\` in \`@parley/sdk\`).`,
        tags: ['Webhooks'],
        response: { 200: WebhookSecretJson },
      },
    },
    async (request, reply) => reply.type('application/json').send(secretJson(await applicationWebhooks.secrets(applicationOf(request).id))),
  );

  api.post(
    '/applications/webhooks/secret',
    {
      schema: {
        summary: 'Rotate the webhook signing secret',
        description:
          `${EXTENSION}Answers a new secret. For the next 24 hours deliveries carry a signature under the old secret too, ` +
          'so receivers can switch over without refusing any.',
        tags: ['Webhooks'],
        response: { 200: WebhookSecretJson },
      },
    },
    async (request, reply) => reply.type('application/json').send(secretJson(await applicationWebhooks.rotateSecret(applicationOf(request).id))),
  );

  api.get(
    '/webhooks/deliveries',
    {
      schema: {
        summary: "List the application's webhook deliveries",
        description: `${EXTENSION}Every event sent or to be sent, newest first, with its receiver, status, attempts, last error and next attempt.`,
        tags: ['Webhooks'],
        querystring: WebhookDeliveryPageQuery,
        response: { 200: WebhookDeliveryPageJson },
      },
    },
    async (request, reply) => {
      const { status, before } = request.query;
      const pageSize = request.query.page_size ?? DEFAULT_DELIVERY_PAGE_SIZE;
      const deliveries = await deliveryLog.list(applicationOf(request).id, { status, beforeSerial: before, limit: pageSize });
      const href = (cursor: number | undefined) => {
        const query = new URLSearchParams({ page_size: String(pageSize) });
        if (status !== undefined) query.set('status', status);
        if (cursor !== undefined) query.set('before', String(cursor));
        return { href: `${deps.publicUrl}${app.prefix}/webhooks/deliveries?${query.toString()}` };
      };
      const last = deliveries[deliveries.length - 1];
      const page: WebhookDeliveryPageJson = {
        page_size: deliveries.length,
        _embedded: { deliveries: deliveries.map(deliveryJson) },
        _links: { self: href(before), ...(last && deliveries.length === pageSize ? { next: href(last.serial) } : {}) },
      };
      return reply.type('application/json').send(page);
    },
  );

  api.get(
    '/webhooks/deliveries/:delivery_id',
    {
      schema: {
        summary: 'Read one webhook delivery',
        description: `${EXTENSION}By its \`webhook-id\`.`,
        tags: ['Webhooks'],
        params: WebhookDeliveryParams,
        response: { 200: WebhookDeliveryJson },
      },
    },
    async (request, reply) => reply.type('application/json').send(deliveryJson(await deliveryLog.get(applicationOf(request).id, request.params.delivery_id))),
  );

  api.post(
    '/webhooks/deliveries/:delivery_id/redeliver',
    {
      schema: {
        summary: 'Send a webhook delivery again',
        description:
          `${EXTENSION}Queues the delivery again, whatever became of it, with the same \`webhook-id\` (receivers that ` +
          'had it can tell) and a fresh 24 hours of retries. Answers 202 with the delivery, now pending.',
        tags: ['Webhooks'],
        params: WebhookDeliveryParams,
        response: { 202: WebhookDeliveryJson },
      },
    },
    async (request, reply) => {
      const delivery = await deliveryLog.redeliver(applicationOf(request).id, request.params.delivery_id);
      return reply.code(202).type('application/json').send(deliveryJson(delivery));
    },
  );
}

function receiversJson(urls: WebhookUrls): ApplicationWebhooksJson {
  const receiver = (address: string | null) => (address === null ? null : { address, http_method: 'POST' as const });
  return { room_changed: receiver(urls.rooms), session_changed: receiver(urls.sessions), recording_changed: receiver(urls.recordings) };
}

function secretJson(secrets: WebhookSecrets): WebhookSecretJson {
  return { secret: secrets.current, previous_secret_expires_at: secrets.previousUntil };
}

function deliveryJson(delivery: WebhookDelivery): WebhookDeliveryJson {
  return {
    id: delivery.id,
    event: delivery.event as MeetingsWebhookEventName,
    room_id: delivery.roomId,
    receiver_url: delivery.receiverUrl,
    status: delivery.status,
    attempts: delivery.attempts,
    last_attempt_at: delivery.lastAttemptAt,
    last_response_status: delivery.lastResponseStatus,
    last_error: delivery.lastError,
    next_attempt_at: delivery.nextAttemptAt,
    created_at: delivery.createdAt,
    delivered_at: delivery.deliveredAt,
    payload: JSON.parse(delivery.payload) as unknown,
  };
}
