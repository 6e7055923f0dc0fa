import type { Logger } from 'pino';
import { ParleyError } from '../errors.js';
import type { MediaBackend, MediaHealth, MediaRoom, MediaRoomOptions } from './media-backend.js';
import { CascadingRoom } from './cascading-room.js';
import { PooledRoom } from './pooled-room.js';
import { leastLoaded } from './room-placement.js';

/** One SFU of the pool: its own backend, and a name for logs and health reasons (its URL). */
export interface PoolMember {
  name: string;
  backend: MediaBackend;
}

export interface MediaPoolOptions {
  /** How long a room whose SFU died waits for a healthy one to be re-created on before it ends. */
  restoreTimeoutMs: number;
  /** How many attendees of one webinar a member carries before the next ones go to another (see `CascadingRoom`). */
  attendeesPerServer: number;
  logger: Logger;
}

/** What the pool counts on each member, for placement. */
export interface Load {
  handles: number;
  rooms: number;
}

/**
 * The MediaBackend over several SFUs: each room goes to the least loaded healthy member, and when the
 * member holding a room dies the room is re-created on a healthy one (see `PooledRoom`). Ready while
 * at least one member is.
 */
export class MediaPool implements MediaBackend {
  private readonly loads = new Map<MediaBackend, Load>();
  private readonly healthListeners = new Set<(health: MediaHealth) => void>();
  private readonly stopWatching: (() => void)[];
  private lastHealth: MediaHealth;
  /** What the other nodes of a cluster carry on each member (by name): they share the same servers. */
  private othersLoadOn: (member: string) => Load = () => ({ handles: 0, rooms: 0 });

  constructor(
    private readonly members: readonly PoolMember[],
    private readonly options: MediaPoolOptions,
  ) {
    if (members.length === 0) throw new Error('A media pool needs at least one media server');
    for (const member of members) this.loads.set(member.backend, { handles: 0, rooms: 0 });
    this.lastHealth = this.health();
    this.stopWatching = members.map((member) =>
      member.backend.onHealthChanged((health) => {
        options.logger.info({ mediaServer: member.name, ready: health.ready, reason: health.reason }, 'media server health changed');
        this.reportHealth();
      }),
    );
  }

  health(): MediaHealth {
    const unready: string[] = [];
    for (const member of this.members) {
      const health = member.backend.health();
      if (health.ready) return { ready: true };
      unready.push(this.members.length === 1 ? (health.reason ?? 'not ready') : `${member.name}: ${health.reason ?? 'not ready'}`);
    }
    return { ready: false, reason: unready.join('; ') };
  }

  onHealthChanged(listener: (health: MediaHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  async createRoom(options: MediaRoomOptions): Promise<MediaRoom> {
    const backend = this.place();
    if (!backend) throw new ParleyError('media_unavailable', `The media server is not available: ${this.health().reason ?? 'none is ready'}`);
    if (options.cascade && this.members.length > 1) return CascadingRoom.create(this, backend, options, this.options);
    return PooledRoom.create(this, backend, options, this.options);
  }

  /** The healthy member a room goes to now (see `leastLoaded`), if any: by what every node carries on each. */
  place(): MediaBackend | undefined {
    return this.placeAvoiding(new Set());
  }

  /** The healthy member a room goes to now among those not `excluded`, if any. */
  placeAvoiding(excluded: ReadonlySet<MediaBackend>): MediaBackend | undefined {
    return leastLoaded(
      this.members
        .filter(({ backend }) => !excluded.has(backend))
        .map(({ name, backend }) => {
          const own = this.loads.get(backend) ?? { handles: 0, rooms: 0 };
          const others = this.othersLoadOn(name);
          return { server: backend, ready: backend.health().ready, handles: own.handles + others.handles, rooms: own.rooms + others.rooms };
        }),
    );
  }

  /** The name (URL) of a member, for reports. */
  nameOf(backend: MediaBackend): string | undefined {
    return this.members.find((member) => member.backend === backend)?.name;
  }

  /** In a cluster: where to read what the other nodes carry on each member, to place rooms by the total. */
  countOtherNodes(loadOn: (member: string) => Load): void {
    this.othersLoadOn = loadOn;
  }

  /**
   * The member a room goes to once one is healthy: now if one is, else as soon as one turns healthy.
   * Rejects at `deadline` (ms since the epoch), or once `cancelled()` says the room no longer needs one.
   */
  async whenPlaceable(deadline: number, cancelled: () => boolean): Promise<MediaBackend> {
    for (;;) {
      const backend = this.place();
      if (backend) return backend;
      if (cancelled()) throw new ParleyError('media_unavailable', 'The room no longer needs a media server');
      const left = deadline - Date.now();
      if (left <= 0) throw new ParleyError('media_unavailable', `No media server became available: ${this.health().reason ?? ''}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, Math.min(left, 1000));
        const stop = this.onHealthChanged(finish);
        function finish(): void {
          clearTimeout(timer);
          stop();
          resolve();
        }
      });
    }
  }

  /** A room placed on `backend` took (positive) or released (negative) handles or a room. */
  carry(backend: MediaBackend, change: Partial<Load>): void {
    const load = this.loads.get(backend);
    if (!load) return;
    load.handles += change.handles ?? 0;
    load.rooms += change.rooms ?? 0;
  }

  /** What each member carries for this node now, by name. */
  loadsByMember(): Record<string, Load & { ready: boolean }> {
    const loads: Record<string, Load & { ready: boolean }> = {};
    for (const { name, backend } of this.members) loads[name] = { ready: backend.health().ready, ...(this.loads.get(backend) ?? { handles: 0, rooms: 0 }) };
    return loads;
  }

  async close(): Promise<void> {
    for (const stop of this.stopWatching) stop();
    await Promise.all(this.members.map((member) => member.backend.close()));
  }

  private reportHealth(): void {
    const health = this.health();
    if (health.ready === this.lastHealth.ready && health.reason === this.lastHealth.reason) return;
    this.lastHealth = health;
    for (const listener of this.healthListeners) {
      try {
        listener(health);
      } catch (error) {
        this.options.logger.error({ err: error }, 'a media health listener failed');
      }
    }
  }
}
