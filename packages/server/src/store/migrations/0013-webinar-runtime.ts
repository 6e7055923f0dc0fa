import type { Kysely } from 'kysely';

/**
 * A webinar session's runtime status (Practice, Live, Break, Debrief), kept with the session so that
 * its history and anyone reading it later know where it stood; null for a meeting's sessions. And the
 * questions its attendees asked the panel, with their answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('runtime_status', 'text').execute();
  await db.schema
    .createTable('webinar_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('asked_by', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('participants.id'))
    .addColumn('answerer_name', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('webinar_questions_session').on('webinar_questions').columns(['session_id', 'asked_at']).execute();
}
