import type { Kysely } from 'kysely';

/**
 * The email outbox: each email Parley sends (a webinar registrant's confirmation, an invitee's
 * invitation or cancellation) is written here in the transaction of the change it tells of, then sent
 * by a worker, retried with backoff. A worker claims rows before sending (`claimed_by`, until
 * `claimed_until`), so several nodes running the worker never send one email twice at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** What it is about, e.g. `invitation:<invitee id>`: how `hasUnsentInvites` finds sent invitations. */
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ics', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('give_up_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('email_outbox_topic').on('email_outbox').columns(['topic', 'status']).execute();
}
