import type { Kysely } from 'kysely';
import type { ParticipantRole, WebinarRuntimeStatus } from '@parley/protocol';
import type { Database } from './schema.js';

/** One visit of someone to a room: a `participants` row. */
export interface RoomVisit {
  id: string;
  identity: string | null;
  displayName: string;
  role: ParticipantRole;
  joinedAt: string;
  leftAt: string | null;
  userId: string | null;
}

/** What a room's live sessions and visitors were: what a webinar session's history is read from. */
export class WebinarAttendanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every visit to the room, in the order people came. */
  async visits(roomId: string): Promise<RoomVisit[]> {
    const rows = await this.db.selectFrom('participants').selectAll().where('room_id', '=', roomId).orderBy('joined_at').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, identity: row.identity, displayName: row.display_name, role: row.role, joinedAt: row.joined_at, leftAt: row.left_at, userId: row.user_id }));
  }

  /** When the room was first live and last ended; `lastEnd` undefined while live or before it ever was. */
  async liveSpan(roomId: string): Promise<{ firstStart?: string; lastEnd?: string; runtimeStatus?: WebinarRuntimeStatus }> {
    const rows = await this.db.selectFrom('sessions').select(['started_at', 'ended_at', 'runtime_status']).where('room_id', '=', roomId).orderBy('started_at').execute();
    const first = rows[0];
    const live = rows.find((row) => row.ended_at === null);
    const lastEnd = live ? undefined : rows.map((row) => row.ended_at as string).sort().pop();
    return {
      ...(first ? { firstStart: first.started_at } : {}),
      ...(lastEnd !== undefined ? { lastEnd } : {}),
      ...(live?.runtime_status ? { runtimeStatus: live.runtime_status } : {}),
    };
  }

  /** The identities a host blocked (ejected) from the room. */
  async blockedIdentities(roomId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('room_blocks').select('identity').where('room_id', '=', roomId).execute();
    return new Set(rows.map((row) => row.identity));
  }
}
