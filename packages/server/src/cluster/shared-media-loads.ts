import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Load } from '../media/media-pool.js';
import { KEY_PREFIX } from './redis-leases.js';

const LOAD_KEY = `${KEY_PREFIX}media-load:`;

/** What of the media pool the sharing uses: this node's counts, and where the others' go. */
export interface SharedPool {
  loadsByMember(): Record<string, Load>;
  countOtherNodes(loadOn: (member: string) => Load): void;
}

/**
 * Nodes sharing Janus servers place rooms by what all of them carry on each: every heartbeat, a node
 * writes its own counts per Janus (`parley:media-load:<node id>`, JSON, expiring with the node) and
 * reads the others', summed. Placement reads the sum in memory, never Redis: at most a heartbeat old,
 * which a burst of rooms all placed on one node's view may overshoot a little, never for long.
 */
export class SharedMediaLoads {
  private others = new Map<string, Load>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
    private readonly options: { intervalMs: number; ttlMs: number; logger: Logger },
  ) {}

  /** Publishes the pool's counts and counts the other nodes' from now on, until `close`. */
  share(pool: SharedPool): void {
    pool.countOtherNodes((member) => this.others.get(member) ?? { handles: 0, rooms: 0 });
    const exchange = () => void this.exchange(pool).catch((error: Error) => this.options.logger.warn({ err: error }, 'cannot share media server loads'));
    exchange();
    this.timer = setInterval(exchange, this.options.intervalMs).unref();
  }

  /** One round: this node's counts out, the others' in. */
  async exchange(pool: SharedPool): Promise<void> {
    await this.redis.set(LOAD_KEY + this.nodeId, JSON.stringify(pool.loadsByMember()), 'PX', this.options.ttlMs);
    const keys: string[] = [];
    for await (const batch of this.redis.scanStream({ match: `${LOAD_KEY}*`, count: 100 })) keys.push(...(batch as string[]));
    const otherKeys = keys.filter((key) => key !== LOAD_KEY + this.nodeId);
    const others = new Map<string, Load>();
    for (const record of otherKeys.length > 0 ? await this.redis.mget(...otherKeys) : []) {
      if (record === null) continue;
      for (const [member, load] of Object.entries(JSON.parse(record) as Record<string, Load>)) {
        const sum = others.get(member) ?? { handles: 0, rooms: 0 };
        others.set(member, { handles: sum.handles + load.handles, rooms: sum.rooms + load.rooms });
      }
    }
    this.others = others;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(LOAD_KEY + this.nodeId);
  }
}
