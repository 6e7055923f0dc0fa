import type { Kysely } from 'kysely';

/** Whether a room is a meeting or a webinar session's stage and audience; every room so far is a meeting. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('rooms')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('meeting'))
    .execute();
}
