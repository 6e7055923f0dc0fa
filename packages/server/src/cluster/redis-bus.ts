import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ClusterBus } from './cluster-bus.js';
import { connectRedis } from './redis-cluster.js';
import { KEY_PREFIX } from './redis-leases.js';

/** What travels on a channel: the payload and the node that sent it, which ignores its own. */
interface Envelope {
  from: string;
  payload: string;
}

/**
 * The bus over Redis pub/sub. A subscribed connection can do nothing else, so the bus has its own,
 * and publishes on the node's ordinary one.
 */
export class RedisBus implements ClusterBus {
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly nodeId: string,
    private readonly logger: Logger,
  ) {
    subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
  }

  static async start(options: { redisUrl: string; publisher: Redis; nodeId: string; logger: Logger }): Promise<RedisBus> {
    const subscriber = connectRedis(options.redisUrl);
    subscriber.on('error', (error: Error) => options.logger.debug({ err: error }, 'Redis bus connection error'));
    await subscriber.connect();
    return new RedisBus(options.publisher, subscriber, options.nodeId, options.logger);
  }

  async publish(topic: string, payload: string): Promise<void> {
    const envelope: Envelope = { from: this.nodeId, payload };
    await this.publisher.publish(channelOf(topic), JSON.stringify(envelope));
  }

  subscribe(topic: string, listener: (payload: string) => void): () => void {
    let listeners = this.listeners.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(topic, listeners);
      this.subscriber.subscribe(channelOf(topic)).catch((error: Error) => this.logger.error({ err: error, topic }, 'cannot subscribe to a cluster topic'));
    }
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private deliver(channel: string, message: string): void {
    const topic = channel.slice(CHANNEL_PREFIX.length);
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      this.logger.warn({ channel }, 'unreadable cluster bus message ignored');
      return;
    }
    if (envelope.from === this.nodeId) return;
    for (const listener of this.listeners.get(topic) ?? []) {
      try {
        listener(envelope.payload);
      } catch (error) {
        this.logger.error({ err: error, topic }, 'a cluster bus listener failed');
      }
    }
  }
}

const CHANNEL_PREFIX = `${KEY_PREFIX}bus:`;

function channelOf(topic: string): string {
  return CHANNEL_PREFIX + topic;
}
