import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { waitUntil } from '../../../../e2e/support/wait.js';
import { RedisCluster, type ClusterTimings } from '../cluster/redis-cluster.js';
import { RedisTestServer } from '../cluster/test-support/redis-test-server.js';
import { createApplication } from '../identity/applications.js';
import { RoomService } from '../rooms/room-service.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { ApplicationWebhooks } from './application-webhooks.js';
import { TestWebhookReceiver } from './test-support/webhook-receiver.js';
import { WebhookDeliveryWorker } from './webhook-delivery-worker.js';

const logger = pino({ level: 'silent' });
const TIMINGS: ClusterTimings = { heartbeatMs: 100, ttlMs: 400 };

describe('webhook delivery on two nodes', () => {
  let redis: RedisTestServer;
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let receiver: TestWebhookReceiver;
  let roomId: string;
  const clusters: RedisCluster[] = [];
  const workers: WebhookDeliveryWorker[] = [];

  before(async () => {
    redis = await RedisTestServer.start();
    services = await createTestServices({ clock: new TestClock(), dialect: 'postgres' });
    const applicationId = (await createApplication({ store: services.store, clock: services.clock }, { name: 'two nodes' })).application.id;
    receiver = await TestWebhookReceiver.start();
    await new ApplicationWebhooks(services).setUrls(applicationId, { sessions: receiver.url });
    roomId = (await new RoomService(services).create(applicationId, { displayName: 'Hooked' })).id;
  });
  after(async () => {
    for (const worker of workers) await worker.stop();
    for (const cluster of clusters) await cluster.close();
    await receiver.close();
    await services.dispose();
    await redis.stop();
  });

  /** A node's delivery worker: the same outbox, its own place in the cluster. */
  async function node(id: string): Promise<{ cluster: RedisCluster; worker: WebhookDeliveryWorker }> {
    const cluster = await RedisCluster.start({ redisUrl: redis.url, node: { id, publicUrl: `http://${id}`, internalUrl: `http://${id}` }, logger, timings: TIMINGS });
    const worker = new WebhookDeliveryWorker({ ...services, logger, cluster }, { timeoutMs: 2_000, pollIntervalMs: 20, concurrency: 4 });
    clusters.push(cluster);
    workers.push(worker);
    worker.start();
    return { cluster, worker };
  }

  async function session(id: string): Promise<void> {
    const at = services.clock.now().toISOString();
    await services.sessions.start({ id, roomId, startedAt: at });
    await services.sessions.end({ id, roomId, endedAt: at, roomCloseAt: null });
  }

  function deliveredOf(sessionId: string): string[] {
    return receiver.received.filter((r) => r.event.session_id === sessionId).map((r) => String(r.headers['webhook-id']));
  }

  it('sends each event once while both nodes poll, and goes on from the other node when the sender dies', async () => {
    const a = await node('a');
    const b = await node('b');
    await session('first');
    await waitUntil(() => (deliveredOf('first').length === 2 ? undefined : `delivered ${deliveredOf('first').length} of 2`), 10_000, 20);
    // Both nodes poll every 20 ms: a second sending would come well within this.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size, receiver.received.length, 'each webhook-id once');

    const sender = (await a.cluster.claimWork('webhook-delivery')) ? a : b;
    const other = sender === a ? b : a;
    // The sender dies without a word: its worker stops, its lease is left to lapse.
    await sender.worker.stop();
    (sender.cluster as unknown as { heartbeat: NodeJS.Timeout }).heartbeat.close();
    await session('second');
    await waitUntil(() => (deliveredOf('second').length === 2 ? undefined : `delivered ${deliveredOf('second').length} of 2 after the sender died`), 10_000, 20);
    assert.equal(await other.cluster.claimWork('webhook-delivery'), true, 'the other node sends now');
  });
});
