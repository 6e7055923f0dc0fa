import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Themes and their logo uploads (white-labelling), and recordings of sessions. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('main_color', 'text', (c) => c.notNull())
    .addColumn('brand_text', 'text', (c) => c.notNull())
    .addColumn('short_company_url', 'text', (c) => c.unique())
    .addColumn('brand_image_white', 'text')
    .addColumn('brand_image_colored', 'text')
    .addColumn('branded_favicon', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // theme_name is unique per application, short_company_url across the deployment (above).
  await db.schema.createIndex('themes_application_name').on('themes').columns(['application_id', 'name']).unique().execute();
  await db.schema.createIndex('rooms_theme').on('rooms').columns(['theme_id', 'serial']).execute();

  await db.schema
    .createTable('logo_uploads')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('logo_type', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text')
    .addColumn('byte_size', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logo_uploads_expires_at').on('logo_uploads').columns(['expires_at']).execute();

  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('file_path', 'text')
    // Recordings of long meetings pass 2 GiB: SQLite's integers are 64-bit, PostgreSQL's `integer` is not.
    .addColumn('byte_size', dialect === 'postgres' ? 'bigint' : 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recordings_session').on('recordings').columns(['session_id', 'started_at']).execute();
}
