import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { MeetingsWebhookEvent } from '@parley/protocol';
import type { Database } from './schema.js';

/** How long a delivery is retried before it is marked failed: Standard Webhooks' usual day. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Puts a Meetings webhook event in the outbox, inside `tx`: the transaction that records the change
 * the event reports, so the event exists exactly when the change does (a crash loses neither, nor
 * keeps one without the other). The delivery worker sends it afterwards.
 *
 * The receiver is decided now, as the room and application are configured when the event happens:
 * the room's callback URL for the event's class (`rooms_callback_url`, `sessions_callback_url`,
 * `recordings_callback_url`), else the application's (`room_changed`, `session_changed`,
 * `recording_changed`). With neither, the event goes nowhere and nothing is written.
 *
 * `roomId` is the room the event is about (recording events name only their session in the payload).
 */
export async function enqueueWebhook(tx: Transaction<Database>, roomId: string, event: MeetingsWebhookEvent, occurredAt: string): Promise<void> {
  const [roomColumn, applicationColumn] = RECEIVER_COLUMNS[eventClassOf(event)];
  const target = await tx
    .selectFrom('rooms')
    .innerJoin('applications', 'applications.id', 'rooms.application_id')
    .select(['rooms.application_id as applicationId', `rooms.${roomColumn} as roomUrl`, `applications.${applicationColumn} as applicationUrl`])
    .where('rooms.id', '=', roomId)
    .executeTakeFirst();
  const receiverUrl = target?.roomUrl ?? target?.applicationUrl ?? null;
  if (!target || receiverUrl === null) return;
  await insertDelivery(tx, { applicationId: target.applicationId, roomId, event: event.event, payload: JSON.stringify(event), receiverUrl, occurredAt });
}

/**
 * Puts one delivery in the outbox, pending from `occurredAt`, inside `tx`. Every receiver kind goes
 * through here: the Meetings API's webhooks, and webinar notification subscriptions (`subscriptionId`).
 */
export async function insertDelivery(
  tx: Transaction<Database>,
  delivery: { applicationId: string; roomId: string; event: string; payload: string; receiverUrl: string; occurredAt: string; subscriptionId?: string },
): Promise<void> {
  // The worker sends each receiver's events in serial order, so an event must not become visible before
  // one with a lower serial: on PostgreSQL two transactions could take serials 10 and 11 and commit 11
  // first. Locking the application's row (a write that changes nothing) until this transaction ends
  // makes the application's events take their serials in commit order. SQLite has one writer anyway.
  await tx.updateTable('applications').set((eb) => ({ id: eb.ref('id') })).where('id', '=', delivery.applicationId).execute();
  await tx
    .insertInto('webhook_deliveries')
    .values({
      // Standard Webhooks' message id: unique per event, the same on every attempt.
      id: `msg_${randomUUID().replaceAll('-', '')}`,
      application_id: delivery.applicationId,
      room_id: delivery.roomId,
      event: delivery.event,
      payload: delivery.payload,
      receiver_url: delivery.receiverUrl,
      status: 'pending',
      attempts: 0,
      last_attempt_at: null,
      last_response_status: null,
      last_error: null,
      next_attempt_at: delivery.occurredAt,
      give_up_at: new Date(Date.parse(delivery.occurredAt) + WEBHOOK_RETRY_WINDOW_MS).toISOString(),
      delivered_at: null,
      created_at: delivery.occurredAt,
      subscription_id: delivery.subscriptionId ?? null,
    })
    .execute();
}

type EventClass = 'room' | 'session' | 'recording';

const RECEIVER_COLUMNS = {
  room: ['rooms_callback_url', 'rooms_webhook_url'],
  session: ['sessions_callback_url', 'sessions_webhook_url'],
  recording: ['recordings_callback_url', 'recordings_webhook_url'],
} as const satisfies Record<EventClass, readonly [string, string]>;

/** Room events go to the rooms URL, session and participant events to the sessions URL, recording events to the recordings URL. */
function eventClassOf(event: MeetingsWebhookEvent): EventClass {
  if (event.event.startsWith('room:')) return 'room';
  if (event.event.startsWith('session:')) return 'session';
  return 'recording';
}
