import type { Kysely } from 'kysely';

/**
 * People a host blocked from a room, by identity (a guest's page-kept id, or the participant of a
 * participant token): kept with the room, so a blocked person cannot rejoin any later session of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('room_blocks')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('blocked_by', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('blocked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_blocks_pk', ['room_id', 'identity'])
    .execute();
}
