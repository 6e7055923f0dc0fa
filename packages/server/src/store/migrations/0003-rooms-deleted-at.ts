import type { Kysely } from 'kysely';

/**
 * Deleted rooms are kept, marked with when they were deleted: their sessions, participants and
 * recordings stay in the history, and their meeting codes are never handed out again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rooms').addColumn('deleted_at', 'text').execute();
}
