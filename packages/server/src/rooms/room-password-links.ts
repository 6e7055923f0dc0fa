import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadServerKey, purposeKey } from '../identity/server-keys.js';
import type { Database } from '../store/schema.js';
import type { Room } from './room.js';

/**
 * A room's password, as a link may carry it: RingCentral's `joinQuery` (`?pw=` of a bridge's join URL).
 * It is an HMAC of the room and its password hash under a server key, so it proves knowledge of the
 * password without being it, and stops working the moment the password changes. The meeting page sends
 * it where a typed password would go; the room's entrance accepts either.
 */
export class RoomPasswordLinks {
  private constructor(private readonly key: Uint8Array) {}

  static async load(db: Kysely<Database>, now: () => Date): Promise<RoomPasswordLinks> {
    return new RoomPasswordLinks(purposeKey(await loadServerKey(db, now), 'room password link'));
  }

  /** The room's join query; undefined for a room without a password. */
  joinQuery(room: Pick<Room, 'id' | 'passwordHash'>): string | undefined {
    if (room.passwordHash === null) return undefined;
    return createHmac('sha256', this.key).update(`${room.id}\n${room.passwordHash}`).digest('hex').slice(0, JOIN_QUERY_LENGTH);
  }

  /** Whether `given` is the room's join query. */
  matches(room: Pick<Room, 'id' | 'passwordHash'>, given: string): boolean {
    const expected = this.joinQuery(room);
    return expected !== undefined && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  }
}

/** 32 hex digits (128 bits), the length of RingCentral's own (`99e4f8e6a241fc71279449a9c8f46eef`). */
const JOIN_QUERY_LENGTH = 32;
