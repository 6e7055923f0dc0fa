import { ROOM_IDLE_LIFETIME_MS, type Room } from './room.js';

/**
 * When a room stops being available after its session ended at `endedAt`: instant rooms ten minutes
 * later; long-term rooms at `expires_at`, or ten minutes after use with `expire_after_use`.
 */
export function closeAtAfterSession(room: Room, endedAt: Date): string {
  const idleDeadline = new Date(endedAt.getTime() + ROOM_IDLE_LIFETIME_MS).toISOString();
  if (room.type === 'instant') return idleDeadline;
  if (room.expireAfterUse) return idleDeadline < room.expiresAt ? idleDeadline : room.expiresAt;
  return room.expiresAt;
}

/**
 * When a room without a live session closes, worked out afresh after its expiry settings changed at
 * `now`: at `expires_at`, unless the ten minutes after its last session (`expire_after_use`) are still
 * running. A session that ended longer ago does not close the room after the fact: turning
 * `expire_after_use` on applies from the next session.
 */
export function closeAtOfIdleRoom(room: Room, lastSessionEndedAt: Date | undefined, now: Date): string {
  if (lastSessionEndedAt) {
    const afterSession = closeAtAfterSession(room, lastSessionEndedAt);
    if (afterSession > now.toISOString()) return afterSession;
  }
  return room.expiresAt;
}
