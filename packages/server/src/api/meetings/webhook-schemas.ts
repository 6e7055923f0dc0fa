import Type, { type Static } from 'typebox';
import { MEETINGS_WEBHOOK_EVENTS } from '@parley/protocol';

/**
 * Webhook settings and the delivery log: Parley extensions to the Meetings API. The receivers take
 * the shape of the Vonage Applications API's `capabilities.meetings.webhooks`, where Vonage
 * applications configured them.
 */

const ReceiverUrl = Type.String({ pattern: '^https?:\\/\\/.+$', maxLength: 2048, description: 'An absolute http(s) URL. Redirects are not followed.' });

export const WebhookReceiverJson = Type.Object({
  address: ReceiverUrl,
  http_method: Type.Literal('POST', { description: 'Events are always POSTed as JSON.' }),
});
export type WebhookReceiverJson = Static<typeof WebhookReceiverJson>;

const Receiver = (what: string) => Type.Union([WebhookReceiverJson, Type.Null()], { description: `${what}; null when none is set.` });

export const ApplicationWebhooksJson = Type.Object(
  {
    room_changed: Receiver('Where `room:expired` goes'),
    session_changed: Receiver('Where `session:started`, `session:ended` and `session:participant:joined`/`left` go'),
    recording_changed: Receiver('Where `recording:started`, `recording:ended` and `recording:uploaded` go'),
  },
  { description: "The application's receivers. A room's own `callback_urls` take precedence over them." },
);
export type ApplicationWebhooksJson = Static<typeof ApplicationWebhooksJson>;

const ReceiverChange = Type.Union([
  Type.Object({ address: ReceiverUrl, http_method: Type.Optional(Type.Literal('POST')) }),
  Type.Null(),
]);

export const UpdateApplicationWebhooksBody = Type.Object({
  update_details: Type.Optional(
    Type.Object({
      room_changed: Type.Optional(ReceiverChange),
      session_changed: Type.Optional(ReceiverChange),
      recording_changed: Type.Optional(ReceiverChange),
    }),
  ),
});
export type UpdateApplicationWebhooksBody = Static<typeof UpdateApplicationWebhooksBody>;

export const WebhookSecretJson = Type.Object({
  secret: Type.String({ pattern: '^whsec_', description: 'Verifies the `webhook-signature` of every delivery (Standard Webhooks).' }),
  previous_secret_expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'After a rotation, deliveries also carry a signature under the previous secret until this time.',
  }),
});
export type WebhookSecretJson = Static<typeof WebhookSecretJson>;

const DeliveryStatus = Type.Enum(['pending', 'delivered', 'failed'], {
  description: '`pending`: waiting for its (next) attempt; `delivered`: the receiver answered 2xx; `failed`: refused (4xx, redirect) or still failing 24 hours after the event.',
});

export const WebhookDeliveryJson = Type.Object({
  id: Type.String({ description: 'The `webhook-id` header: the same on every attempt and redelivery.' }),
  event: Type.Enum([...MEETINGS_WEBHOOK_EVENTS]),
  room_id: Type.String(),
  receiver_url: Type.String(),
  status: DeliveryStatus,
  attempts: Type.Integer({ minimum: 0, description: 'Attempts since the event (or since the last redelivery).' }),
  last_attempt_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_response_status: Type.Union([Type.Integer(), Type.Null()], { description: "The receiver's HTTP status on the last attempt; null when it gave none." }),
  last_error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt did not deliver.' }),
  next_attempt_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When a pending delivery is tried next.' }),
  created_at: Type.String({ format: 'date-time', description: 'When the event happened.' }),
  delivered_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  payload: Type.Unknown({ description: 'The event, exactly as sent.' }),
});
export type WebhookDeliveryJson = Static<typeof WebhookDeliveryJson>;

export const MAX_DELIVERY_PAGE_SIZE = 100;
export const DEFAULT_DELIVERY_PAGE_SIZE = 20;

export const WebhookDeliveryPageQuery = Type.Object({
  status: Type.Optional(DeliveryStatus),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DELIVERY_PAGE_SIZE })),
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Where the previous page ended: follow `_links.next`.' })),
});
export type WebhookDeliveryPageQuery = Static<typeof WebhookDeliveryPageQuery>;

const Link = Type.Object({ href: Type.String() });

export const WebhookDeliveryPageJson = Type.Object(
  {
    page_size: Type.Integer({ description: 'How many deliveries are on this page.' }),
    _embedded: Type.Object({ deliveries: Type.Array(WebhookDeliveryJson) }),
    _links: Type.Object({ self: Link, next: Type.Optional(Link) }),
  },
  { description: 'Newest first; `next` is there when the page is full.' },
);
export type WebhookDeliveryPageJson = Static<typeof WebhookDeliveryPageJson>;

export const WebhookDeliveryParams = Type.Object({ delivery_id: Type.String({ minLength: 1, maxLength: 128 }) });
export type WebhookDeliveryParams = Static<typeof WebhookDeliveryParams>;
