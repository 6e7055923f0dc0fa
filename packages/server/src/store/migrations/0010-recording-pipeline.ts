import type { Kysely } from 'kysely';

/**
 * The recording pipeline: a recording's post-processing progress, why it failed (if it did), and
 * whether it shows only the owner's camera (the room's `record_only_owner` when it started). Statuses
 * become the pipeline's own (`started`, `ended`, `processing`, `uploaded`, `failed`); the Meetings API
 * maps them onto Vonage's. Nothing ever wrote `paused` or `stopped` but tests; either is `ended` now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recordings').addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('recordings').addColumn('failure_reason', 'text').execute();
  await db.schema.alterTable('recordings').addColumn('only_owner', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const recordings = db as Kysely<{ recordings: { status: string } }>;
  await recordings.updateTable('recordings').set({ status: 'ended' }).where('status', 'in', ['paused', 'stopped']).execute();
  // Post-processing looks for recordings to resume by status.
  await db.schema.createIndex('recordings_status').on('recordings').columns(['status', 'created_at']).execute();
}
