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
