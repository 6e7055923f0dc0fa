import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface RoomBlock {
  roomId: string;
  identity: string;
  displayName: string;
  blockedBy: string;
  blockedAt: string;
}

/** Who is blocked from which room, for good. */
export class RoomBlocksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Blocks an identity from a room; blocking it again keeps the first block. */
  async block(block: RoomBlock): Promise<void> {
    await this.db
      .insertInto('room_blocks')
      .values({ room_id: block.roomId, identity: block.identity, display_name: block.displayName, blocked_by: block.blockedBy, blocked_at: block.blockedAt })
      .onConflict((conflict) => conflict.columns(['room_id', 'identity']).doNothing())
      .execute();
  }

  async isBlocked(roomId: string, identity: string): Promise<boolean> {
    const row = await this.db.selectFrom('room_blocks').select('identity').where('room_id', '=', roomId).where('identity', '=', identity).executeTakeFirst();
    return row !== undefined;
  }
}
