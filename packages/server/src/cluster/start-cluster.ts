import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Cluster } from './cluster.js';
import type { ClusterBus } from './cluster-bus.js';
import { LocalCluster } from './local-cluster.js';
import { nodeInternalUrl } from './node-address.js';
import { RedisBus } from './redis-bus.js';
import { DEFAULT_CLUSTER_TIMINGS, RedisCluster } from './redis-cluster.js';
import { SharedMediaLoads, type SharedPool } from './shared-media-loads.js';

/** This node's part in the cluster: the cluster itself, and the bus to the other nodes (none on its own). */
export interface ClusterMembership {
  cluster: Cluster;
  bus: ClusterBus | undefined;
  /** Places rooms on the pool's servers by what every node carries on them (alone: by this node's counts). */
  shareMediaLoads(pool: SharedPool): void;
  close(): Promise<void>;
}

/**
 * Chosen once at start-up: with `PARLEY_REDIS_URL` the node joins the others in Redis, else it runs on
 * its own. Everything else runs the same code either way.
 */
export async function startCluster(config: Pick<Config, 'redisUrl' | 'nodeInternalUrl' | 'host' | 'port' | 'publicUrl'>, logger: Logger): Promise<ClusterMembership> {
  const node = { id: randomUUID(), publicUrl: config.publicUrl, internalUrl: nodeInternalUrl(config) };
  if (config.redisUrl === '') {
    const cluster = new LocalCluster(node);
    return { cluster, bus: undefined, shareMediaLoads: () => undefined, close: () => cluster.close() };
  }
  const cluster = await RedisCluster.start({ redisUrl: config.redisUrl, node, logger });
  let bus: RedisBus;
  try {
    bus = await RedisBus.start({ redisUrl: config.redisUrl, publisher: cluster.connection, nodeId: node.id, logger });
  } catch (error) {
    await cluster.close();
    throw error;
  }
  logger.info({ nodeId: node.id, internalUrl: node.internalUrl }, 'joined the cluster');
  const { heartbeatMs, ttlMs } = DEFAULT_CLUSTER_TIMINGS;
  const mediaLoads = new SharedMediaLoads(cluster.connection, node.id, { intervalMs: heartbeatMs, ttlMs, logger });
  return {
    cluster,
    bus,
    shareMediaLoads: (pool) => mediaLoads.share(pool),
    async close() {
      await mediaLoads.close().catch(() => undefined);
      await bus.close();
      await cluster.close();
    },
  };
}
