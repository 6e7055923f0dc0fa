import type { MeetingsWebhookEvent, MeetingsWebhookEventName } from '@parley/protocol';

/** One receiver of an application's events: Parley always POSTs JSON. */
export interface WebhookReceiver {
  address: string;
  http_method: 'POST';
}

/**
 * Where the application's events go when a room has no `callback_urls` of its own (a Parley
 * extension, shaped like the Vonage Applications API's `capabilities.meetings.webhooks`).
 */
export interface ApplicationWebhooks {
  /** `room:expired`. */
  room_changed: WebhookReceiver | null;
  /** `session:started`, `session:ended`, `session:participant:joined` and `…:left`. */
  session_changed: WebhookReceiver | null;
  /** `recording:started`, `recording:ended`, `recording:uploaded`. */
  recording_changed: WebhookReceiver | null;
}

/** What to change: an address sets a receiver, `null` removes it, a key left out keeps it. */
export type UpdateApplicationWebhooksRequest = {
  [K in keyof ApplicationWebhooks]?: { address: string; http_method?: 'POST' } | null;
};

export interface WebhookSecret {
  /** Pass it to `verifyMeetingsWebhook`. */
  secret: string;
  /** After a rotation, deliveries are also signed with the previous secret until then. */
  previous_secret_expires_at: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent, or to be sent, to one receiver. */
export interface WebhookDelivery {
  /** The `webhook-id` header: the same on every attempt and redelivery. */
  id: string;
  event: MeetingsWebhookEventName;
  room_id: string;
  receiver_url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_attempt_at: string | null;
  last_response_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
  payload: MeetingsWebhookEvent;
}

export interface WebhookDeliveryPage {
  page_size: number;
  _embedded: { deliveries: WebhookDelivery[] };
  _links: { self: { href: string }; next?: { href: string } };
}

export interface WebhookDeliveryQuery {
  status?: WebhookDeliveryStatus;
  page_size?: number;
  /** From a page's `_links.next`: where the previous page ended. */
  before?: number;
}
