import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Cluster } from '../cluster/cluster.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import { closeAtAfterSession } from './room-deadlines.js';

/**
 * How long an open session no node runs stays open for its pages to resume it on some node (which
 * takes it over), counted from when a node first noticed it: twice the pages' reconnection grace.
 */
export const ORPHAN_GRACE_MS = 60_000;

interface Dependencies {
  sessions: Pick<SessionsRepository, 'listOpen' | 'end'>;
  rooms: Pick<RoomsRepository, 'findById'>;
  cluster: Pick<Cluster, 'self' | 'ownerOfRoom' | 'claimRoom' | 'releaseRoom'>;
  /** Whether the room's session runs (or is starting) on this node. */
  runsHere: (roomId: string) => boolean;
  clock: Clock;
  logger: Logger;
}

/**
 * Sessions left open by a node that died or drained. They are not ended at once: their pages resume
 * on another node, which takes them over. One nobody took over within `ORPHAN_GRACE_MS` ends, as a
 * session whose last participant left does. Several nodes may sweep at once: a node ends a session only
 * once it claimed the session's room, and ending an ended session changes nothing.
 */
export class OrphanedSessions {
  /** When this node first saw each session with no node running it. */
  private readonly noticedAt = new Map<string, number>();

  constructor(private readonly deps: Dependencies) {}

  /** Ends the sessions orphaned for longer than the grace period; resolves with how many. */
  async sweep(): Promise<number> {
    const open = await this.deps.sessions.listOpen();
    const now = this.deps.clock.now();
    const stillOpen = new Set(open.map((session) => session.id));
    for (const id of this.noticedAt.keys()) if (!stillOpen.has(id)) this.noticedAt.delete(id);
    let ended = 0;
    for (const session of open) {
      if (!(await this.isOrphaned(session.roomId))) {
        this.noticedAt.delete(session.id);
        continue;
      }
      const noticedAt = this.noticedAt.get(session.id) ?? now.getTime();
      this.noticedAt.set(session.id, noticedAt);
      if (now.getTime() - noticedAt < ORPHAN_GRACE_MS) continue;
      // Claimed, no other node is taking it over meanwhile; one taking it over now is refused the room.
      if (!(await this.deps.cluster.claimRoom(session.roomId))) continue;
      try {
        if (this.deps.runsHere(session.roomId)) continue;
        const room = await this.deps.rooms.findById(session.roomId);
        const closeAt = room ? closeAtAfterSession(room, now) : null;
        await this.deps.sessions.end({ id: session.id, roomId: session.roomId, endedAt: now.toISOString(), roomCloseAt: closeAt });
        this.noticedAt.delete(session.id);
        ended++;
        this.deps.logger.warn({ roomId: session.roomId, sessionId: session.id }, 'ended a session nobody took over');
      } finally {
        if (!this.deps.runsHere(session.roomId)) await this.deps.cluster.releaseRoom(session.roomId);
      }
    }
    return ended;
  }

  /** No live node runs the room's session: none owns the room, or this one does without running it. */
  private async isOrphaned(roomId: string): Promise<boolean> {
    if (this.deps.runsHere(roomId)) return false;
    const owner = await this.deps.cluster.ownerOfRoom(roomId);
    return owner === undefined || owner.id === this.deps.cluster.self.id;
  }
}
