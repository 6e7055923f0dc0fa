import type { Kysely } from 'kysely';

/**
 * A room may ask guests for a password (RingCentral bridges have one). Only its scrypt hash is kept:
 * a copy of the database never hands out the passwords themselves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rooms').addColumn('join_password_hash', 'text').execute();
}
