import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Chat messages, kept with the session they were said in: late joiners read them, and so does the
 * transcript endpoint. `serial` orders them as they were sent; `sent_at` alone would tie within a
 * millisecond.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('chat_messages')
    // 64-bit on both engines, as SQLite's integers are, like every serial.
    .addColumn('serial', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_messages_session').on('chat_messages').columns(['session_id', 'serial']).execute();
}
