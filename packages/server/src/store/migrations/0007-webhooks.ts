import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { newWebhookSecret } from '../webhook-secret.js';

/**
 * Webhooks: each application's receivers (the Vonage Applications API's `room_changed`,
 * `session_changed` and `recording_changed` addresses) and signing secret, and the outbox of
 * deliveries. A delivery row is written in the same transaction as the change it reports, and is the
 * log of its attempts afterwards. `serial` orders deliveries as the events happened, which is the
 * order a receiver gets them in.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const column of ['webhook_secret', 'previous_webhook_secret', 'previous_webhook_secret_until', 'rooms_webhook_url', 'sessions_webhook_url', 'recordings_webhook_url']) {
    await db.schema.alterTable('applications').addColumn(column, 'text').execute();
  }
  // Applications made before webhooks existed get their secret now, so every application has one.
  const applications = db as Kysely<{ applications: { id: string; webhook_secret: string | null } }>;
  for (const { id } of await applications.selectFrom('applications').select('id').execute()) {
    await applications.updateTable('applications').set({ webhook_secret: newWebhookSecret() }).where('id', '=', id).execute();
  }

  await db.schema
    .createTable('webhook_deliveries')
    // 64-bit on both engines, as SQLite's integers are: paging cursors up to 2^53 compare with it.
    .addColumn('serial', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('receiver_url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('give_up_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The worker's question: the oldest pending delivery of each receiver.
  await db.schema.createIndex('webhook_deliveries_pending').on('webhook_deliveries').columns(['status', 'receiver_url', 'serial']).execute();
  // The delivery log, newest first, per application.
  await db.schema.createIndex('webhook_deliveries_application').on('webhook_deliveries').columns(['application_id', 'serial']).execute();
}
