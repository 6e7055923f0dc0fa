import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('default_theme_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rooms')
    // 64-bit on both engines, as SQLite's integers are: paging cursors up to 2^53 compare with it.
    .addColumn('serial', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('expire_after_use', 'integer', (c) => c.notNull())
    .addColumn('auto_record', 'integer', (c) => c.notNull())
    .addColumn('record_only_owner', 'integer', (c) => c.notNull())
    .addColumn('meeting_code', 'text', (c) => c.notNull().unique())
    .addColumn('is_available', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'text')
    .addColumn('join_approval_level', 'text', (c) => c.notNull())
    .addColumn('microphone_state', 'text', (c) => c.notNull())
    .addColumn('rooms_callback_url', 'text')
    .addColumn('sessions_callback_url', 'text')
    .addColumn('recordings_callback_url', 'text')
    .addColumn('is_recording_available', 'integer', (c) => c.notNull())
    .addColumn('is_chat_available', 'integer', (c) => c.notNull())
    .addColumn('is_whiteboard_available', 'integer', (c) => c.notNull())
    .addColumn('is_locale_switcher_available', 'integer', (c) => c.notNull())
    .addColumn('is_captions_available', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('host_participant_id', 'text', (c) => c.notNull())
    .addColumn('close_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rooms_application_serial').on('rooms').columns(['application_id', 'serial']).execute();
  await db.schema.createIndex('rooms_close_at').on('rooms').columns(['is_available', 'close_at']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_room').on('sessions').columns(['room_id', 'started_at']).execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema.createIndex('participants_session').on('participants').columns(['session_id']).execute();

  await db.schema
    .createTable('server_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
