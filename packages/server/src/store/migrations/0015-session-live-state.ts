import type { Kysely } from 'kysely';

/**
 * What of a live meeting must outlive the node running it (the lock, the recording, captions, what
 * moderators stopped), so that the node taking the meeting over carries on where it was: JSON, see
 * `rooms/live-session-state.ts`. Null until the session's meeting state first changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('live_state', 'text').execute();
}
