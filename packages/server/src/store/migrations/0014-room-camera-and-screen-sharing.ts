import type { Kysely } from 'kysely';

/**
 * Two room settings RingCentral's bridges have and Vonage's rooms do not: cameras off on join
 * (`preferences.join.videoMuted`) and screen sharing for everyone or only for hosts and co-hosts
 * (`preferences.screenSharing`). Every room so far lets people choose and lets everyone share.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rooms').addColumn('camera_state', 'text', (c) => c.notNull().defaultTo('default')).execute();
  await db.schema.alterTable('rooms').addColumn('is_screen_sharing_available', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}
