import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Cluster, ClusterNode } from './cluster.js';
import { KEY_PREFIX, RedisLeases } from './redis-leases.js';

/**
 * How often a node says it is alive and renews its leases, and how long Redis keeps either without
 * news: a node killed with `kill -9` leaves `nodes()` and frees its rooms within `ttlMs`, so that its
 * pages, which come back within a second or two, find a node that may take their room over.
 */
export interface ClusterTimings {
  heartbeatMs: number;
  ttlMs: number;
}

export const DEFAULT_CLUSTER_TIMINGS: ClusterTimings = { heartbeatMs: 1_000, ttlMs: 3_000 };

const NODE_KEY = `${KEY_PREFIX}node:`;
const ROOM_KEY = `${KEY_PREFIX}room:`;
const WORK_KEY = `${KEY_PREFIX}work:`;

/**
 * Nodes sharing a Redis: a registry of live nodes (one key per node, its `ClusterNode` as JSON, with
 * a TTL refreshed by a heartbeat), one lease per live room (`parley:room:<id>` holding the owner's
 * node id, the same TTL, renewed with the heartbeat), and one per kind of work done once
 * (`parley:work:<name>`, likewise).
 */
export class RedisCluster implements Cluster {
  readonly self: ClusterNode;
  private readonly rooms: RedisLeases;
  private readonly work: RedisLeases;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    node: Omit<ClusterNode, 'draining'>,
    private readonly timings: ClusterTimings,
    private readonly logger: Logger,
  ) {
    this.self = { ...node, draining: false };
    this.rooms = new RedisLeases(redis, ROOM_KEY, node.id, timings.ttlMs, logger);
    this.work = new RedisLeases(redis, WORK_KEY, node.id, timings.ttlMs, logger);
    this.heartbeat = setInterval(() => void this.beat(), timings.heartbeatMs).unref();
  }

  /** Connects to Redis and enters this node in the registry; fails fast when Redis cannot be reached. */
  static async start(options: { redisUrl: string; node: Omit<ClusterNode, 'draining'>; logger: Logger; timings?: ClusterTimings }): Promise<RedisCluster> {
    const redis = connectRedis(options.redisUrl);
    // Failed commands are reported where they were made; this only keeps an outage from crashing the node.
    redis.on('error', (error: Error) => options.logger.debug({ err: error }, 'Redis connection error'));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`Cannot reach Redis at ${redactedUrl(options.redisUrl)} (PARLEY_REDIS_URL): ${(error as Error).message}`);
    }
    const cluster = new RedisCluster(redis, options.node, options.timings ?? DEFAULT_CLUSTER_TIMINGS, options.logger);
    await cluster.register();
    return cluster;
  }

  /** The connection, for the parts of the node that share Redis (the bus, work leases). */
  get connection(): Redis {
    return this.redis;
  }

  async nodes(): Promise<ClusterNode[]> {
    const keys: string[] = [];
    for await (const batch of this.redis.scanStream({ match: `${NODE_KEY}*`, count: 100 })) keys.push(...(batch as string[]));
    if (keys.length === 0) return [];
    const records = await this.redis.mget(...keys);
    return records.flatMap((record) => (record === null ? [] : [JSON.parse(record) as ClusterNode]));
  }

  async claimRoom(roomId: string): Promise<boolean> {
    if (await this.rooms.claim(roomId)) return true;
    // A lease outlives its node by at most a TTL; the room of a node gone from the registry is free.
    const holder = await this.rooms.holderOf(roomId);
    if (holder === undefined || holder === this.self.id || (await this.redis.exists(NODE_KEY + holder)) === 1) return false;
    return this.rooms.takeOver(roomId, holder);
  }

  async ownerOfRoom(roomId: string): Promise<ClusterNode | undefined> {
    // A room this node holds is its own, whether Redis answers just now or not (see `RedisLeases`).
    if (this.rooms.holds(roomId)) return this.self;
    const nodeId = await this.rooms.holderOf(roomId);
    if (nodeId === undefined) return undefined;
    if (nodeId === this.self.id) return this.self;
    // A lease outlives its node by at most a TTL; a node gone from the registry owns nothing.
    const record = await this.redis.get(NODE_KEY + nodeId);
    return record === null ? undefined : (JSON.parse(record) as ClusterNode);
  }

  releaseRoom(roomId: string): Promise<void> {
    return this.rooms.release(roomId);
  }

  async forgetNode(nodeId: string): Promise<void> {
    if (nodeId !== this.self.id) await this.redis.del(NODE_KEY + nodeId);
  }

  onRoomLost(listener: (roomId: string) => void): () => void {
    return this.rooms.onLost(listener);
  }

  claimWork(work: string): Promise<boolean> {
    return this.work.claim(work);
  }

  async startDraining(): Promise<void> {
    this.self.draining = true;
    await this.register();
  }

  /** Releases this node's rooms and leaves the registry, so that nobody waits for its TTL. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    try {
      await Promise.all([this.rooms.releaseAll(), this.work.releaseAll()]);
      await this.redis.del(NODE_KEY + this.self.id);
      await this.redis.quit();
    } catch (error) {
      this.logger.warn({ err: error }, 'leaving the cluster cleanly failed; the other nodes will see this one go when its keys expire');
      this.redis.disconnect();
    }
  }

  private async register(): Promise<void> {
    await this.redis.set(NODE_KEY + this.self.id, JSON.stringify(this.self), 'PX', this.timings.ttlMs);
  }

  private async beat(): Promise<void> {
    if (this.closed) return;
    try {
      await this.register();
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot reach Redis to say this node is alive');
    }
    await Promise.all([this.rooms.renew(), this.work.renew()]);
  }
}

/**
 * One connection, opened by `connect()` (so a wrong URL fails the start rather than retrying for
 * ever), and every command timed: a Redis that hangs must not hang a join.
 */
export function connectRedis(url: string): Redis {
  return new Redis(url, { lazyConnect: true, connectTimeout: 3_000, commandTimeout: 2_000, maxRetriesPerRequest: 1 });
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
