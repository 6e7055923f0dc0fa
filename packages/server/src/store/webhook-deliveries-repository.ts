import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable, WebhookDeliveryStatus } from './schema.js';
import { WEBHOOK_RETRY_WINDOW_MS } from './webhook-outbox.js';

export interface WebhookDelivery {
  /** Event order across the deployment; the log's paging cursor. */
  serial: number;
  /** The `webhook-id`. */
  id: string;
  applicationId: string;
  roomId: string;
  event: string;
  payload: string;
  receiverUrl: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  giveUpAt: string;
  deliveredAt: string | null;
  createdAt: string;
  /** A webinar notification subscription's delivery; null for the Meetings API's. */
  subscriptionId: string | null;
}

/** What one attempt came to, as the worker records it. */
export type AttemptOutcome =
  | { kind: 'delivered'; at: string; responseStatus: number }
  | { kind: 'retry'; at: string; responseStatus: number | null; error: string; nextAttemptAt: string }
  | { kind: 'failed'; at: string; responseStatus: number | null; error: string };

export interface DeliveryLogQuery {
  status?: WebhookDeliveryStatus | undefined;
  /** Only deliveries older than this serial: the next page of a newest-first log. */
  beforeSerial?: number | undefined;
  limit: number;
}

/** The webhook outbox as the delivery worker and the delivery log read and update it. */
export class WebhookDeliveriesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Deliveries to try now: for each receiver, its oldest pending delivery (order per receiver), when
   * that one is due. Receivers in `busy` (a delivery to them is under way) are left out. Most overdue first.
   */
  async dueHeads(now: string, limit: number, busy: readonly string[]): Promise<WebhookDelivery[]> {
    let query = this.db
      .selectFrom('webhook_deliveries as d')
      .selectAll()
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where(({ eb, selectFrom }) =>
        eb(
          'd.serial',
          '=',
          selectFrom('webhook_deliveries as older')
            .select(({ fn }) => fn.min('older.serial').as('serial'))
            .where('older.status', '=', 'pending')
            .whereRef('older.receiver_url', '=', 'd.receiver_url'),
        ),
      );
    if (busy.length > 0) query = query.where('d.receiver_url', 'not in', busy);
    const rows = await query.orderBy('d.next_attempt_at').orderBy('d.serial').limit(limit).execute();
    return rows.map(deliveryOf);
  }

  /** Records an attempt; a pending delivery only, so a redelivery asked for meanwhile is not overwritten. */
  async recordAttempt(id: string, attemptsBefore: number, outcome: AttemptOutcome): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.kind === 'retry' ? 'pending' : outcome.kind,
        attempts: attemptsBefore + 1,
        last_attempt_at: outcome.at,
        last_response_status: outcome.responseStatus,
        last_error: outcome.kind === 'delivered' ? null : outcome.error,
        next_attempt_at: outcome.kind === 'retry' ? outcome.nextAttemptAt : null,
        delivered_at: outcome.kind === 'delivered' ? outcome.at : null,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attemptsBefore)
      .execute();
  }

  /** The `Verification-Token` a subscription's deliveries carry; null when it has none (or is gone). */
  async subscriptionVerificationToken(subscriptionId: string): Promise<string | null> {
    const row = await this.db.selectFrom('webinar_subscriptions').select('verification_token').where('id', '=', subscriptionId).executeTakeFirst();
    return row?.verification_token ?? null;
  }

  /** One application's deliveries, newest first. */
  async listForApplication(applicationId: string, query: DeliveryLogQuery): Promise<WebhookDelivery[]> {
    let select = this.db.selectFrom('webhook_deliveries').selectAll().where('application_id', '=', applicationId);
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    if (query.beforeSerial !== undefined) select = select.where('serial', '<', query.beforeSerial);
    const rows = await select.orderBy('serial', 'desc').limit(query.limit).execute();
    return rows.map(deliveryOf);
  }

  async findForApplication(applicationId: string, id: string): Promise<WebhookDelivery | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('application_id', '=', applicationId).executeTakeFirst();
    return row && deliveryOf(row);
  }

  /**
   * Sends a delivery again, whatever became of it: pending from `now`, with a fresh day of retries and
   * its attempts counted afresh. Its `webhook-id` stays, so a receiver that had it can tell.
   */
  async redeliver(applicationId: string, id: string, now: string): Promise<WebhookDelivery | undefined> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        give_up_at: new Date(Date.parse(now) + WEBHOOK_RETRY_WINDOW_MS).toISOString(),
        delivered_at: null,
      })
      .where('id', '=', id)
      .where('application_id', '=', applicationId)
      .execute();
    return this.findForApplication(applicationId, id);
  }
}

function deliveryOf(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    serial: row.serial,
    id: row.id,
    applicationId: row.application_id,
    roomId: row.room_id,
    event: row.event,
    payload: row.payload,
    receiverUrl: row.receiver_url,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at,
    lastResponseStatus: row.last_response_status,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    giveUpAt: row.give_up_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    subscriptionId: row.subscription_id,
  };
}
