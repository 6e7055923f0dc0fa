import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import pino from 'pino';
import { waitUntil } from '../../../../e2e/support/wait.js';
import { RedisCluster, type ClusterTimings } from './redis-cluster.js';
import { RedisTestServer } from './test-support/redis-test-server.js';

/** Quicker than production, so that expiry is seen in well under a second. */
const TIMINGS: ClusterTimings = { heartbeatMs: 100, ttlMs: 400 };
const logger = pino({ level: 'silent' });

describe('RedisCluster', () => {
  let redis: RedisTestServer;
  const started: RedisCluster[] = [];
  before(async () => (redis = await RedisTestServer.start()));
  after(async () => {
    await Promise.all(started.map((cluster) => cluster.close()));
    await redis.stop();
  });

  async function node(id: string): Promise<RedisCluster> {
    const cluster = await RedisCluster.start({
      redisUrl: redis.url,
      node: { id, publicUrl: `http://${id}.example`, internalUrl: `http://${id}.internal:8080` },
      logger,
      timings: TIMINGS,
    });
    started.push(cluster);
    return cluster;
  }

  /** A node that dies without a word, as with `kill -9`: no more heartbeats, keys left to expire. */
  async function crash(cluster: RedisCluster): Promise<void> {
    // close() would release; stopping the heartbeat and dropping the connection is what a dead node does.
    (cluster as unknown as { heartbeat: NodeJS.Timeout }).heartbeat.close();
    cluster.connection.disconnect();
    started.splice(started.indexOf(cluster), 1);
  }

  test('the registry lists live nodes, drops one that stops heartbeating, and one that leaves', async () => {
    const a = await node('reg-a');
    const b = await node('reg-b');
    const c = await node('reg-c');
    const ids = async () => (await a.nodes()).map((n) => n.id).filter((id) => id.startsWith('reg-')).sort();
    assert.deepEqual(await ids(), ['reg-a', 'reg-b', 'reg-c']);
    await b.startDraining();
    assert.equal((await a.nodes()).find((n) => n.id === 'reg-b')?.draining, true, 'others see a draining node as draining');
    // Stays listed while it beats, longer than one TTL.
    await new Promise((resolve) => setTimeout(resolve, TIMINGS.ttlMs * 2));
    assert.deepEqual(await ids(), ['reg-a', 'reg-b', 'reg-c']);
    await crash(b);
    await waitUntil(async () => ((await ids()).includes('reg-b') ? 'reg-b still listed' : undefined), 5_000, 50);
    await c.close();
    assert.deepEqual(await ids(), ['reg-a'], 'a node that leaves is gone at once');
  });

  test('two nodes racing for a room: exactly one wins, and both agree who', async () => {
    const a = await node('race-a');
    const b = await node('race-b');
    for (let round = 0; round < 20; round++) {
      const room = `race-room-${round}`;
      const [wonA, wonB] = await Promise.all([a.claimRoom(room), b.claimRoom(room)]);
      assert.equal(Number(wonA) + Number(wonB), 1, `round ${round}: one winner`);
      const winner = wonA ? a : b;
      assert.equal((await a.ownerOfRoom(room))?.id, winner.self.id);
      assert.equal((await b.ownerOfRoom(room))?.internalUrl, winner.self.internalUrl);
      assert.equal(await winner.claimRoom(room), true, 'claiming again what one owns succeeds');
    }
  });

  test('the owner keeps its room beyond the TTL; the room is free once it stops heartbeating', async () => {
    const a = await node('lease-a');
    const b = await node('lease-b');
    assert.equal(await a.claimRoom('lease-room'), true);
    await new Promise((resolve) => setTimeout(resolve, TIMINGS.ttlMs * 3));
    assert.equal(await b.claimRoom('lease-room'), false, 'renewed by its owner');
    assert.equal((await b.ownerOfRoom('lease-room'))?.id, 'lease-a');
    await crash(a);
    await waitUntil(async () => ((await b.claimRoom('lease-room')) ? undefined : 'the dead owner still holds it'), 5_000, 50);
    assert.equal((await b.ownerOfRoom('lease-room'))?.id, 'lease-b');
  });

  test('a dead node forgotten by another (it refused a connection) frees its rooms at once', async () => {
    // Slow expiry here: anything claimed within this test was freed by forgetting, not by time.
    const slow: ClusterTimings = { heartbeatMs: 10_000, ttlMs: 30_000 };
    const start = (id: string) =>
      RedisCluster.start({ redisUrl: redis.url, node: { id, publicUrl: `http://${id}.example`, internalUrl: `http://${id}.internal:8080` }, logger, timings: slow });
    const [a, b] = await Promise.all([start('forgot-a'), start('forgot-b')]);
    started.push(a, b);
    assert.equal(await a.claimRoom('forgot-room'), true);
    await crash(a);
    assert.equal(await b.claimRoom('forgot-room'), false, 'still registered, so still the owner');
    assert.equal((await b.ownerOfRoom('forgot-room'))?.id, 'forgot-a');
    await b.forgetNode('forgot-a');
    assert.equal(await b.ownerOfRoom('forgot-room'), undefined);
    assert.equal(await b.claimRoom('forgot-room'), true);
    assert.equal((await b.ownerOfRoom('forgot-room'))?.id, 'forgot-b');
    await b.forgetNode('forgot-b');
    assert.ok((await b.nodes()).some((n) => n.id === 'forgot-b'), 'a node never forgets itself');
  });

  test('releasing gives the room up, but never a room another node took since', async () => {
    const a = await node('release-a');
    const b = await node('release-b');
    assert.equal(await a.claimRoom('release-room'), true);
    await a.releaseRoom('release-room');
    assert.equal(await a.ownerOfRoom('release-room'), undefined);
    assert.equal(await b.claimRoom('release-room'), true);
    await a.releaseRoom('release-room');
    assert.equal((await a.ownerOfRoom('release-room'))?.id, 'release-b', "a's late release leaves b's lease alone");
  });

  test('a node whose lease another took hears it lost, and stops renewing it', async () => {
    const a = await node('lost-a');
    const b = await node('lost-b');
    const lost: string[] = [];
    a.onRoomLost((roomId) => lost.push(roomId));
    assert.equal(await a.claimRoom('lost-room'), true);
    // As if a's lease lapsed while it was cut off from Redis, and b took the room meanwhile.
    await a.connection.del('parley:room:lost-room');
    assert.equal(await b.claimRoom('lost-room'), true);
    await waitUntil(() => (lost.includes('lost-room') ? undefined : 'not told yet'), 5_000, 20);
    assert.equal((await b.ownerOfRoom('lost-room'))?.id, 'lost-b');
    await new Promise((resolve) => setTimeout(resolve, TIMINGS.heartbeatMs * 3));
    assert.deepEqual(lost, ['lost-room'], 'told once');
  });

  test('while Redis is out of reach a node keeps its rooms, and takes them back once Redis answers again, empty', async () => {
    const own = await RedisTestServer.start();
    const port = Number(new URL(own.url).port);
    const cluster = await RedisCluster.start({ redisUrl: own.url, node: { id: 'steady', publicUrl: 'http://steady.example', internalUrl: 'http://steady.internal:8080' }, logger, timings: TIMINGS });
    let redisNow = own;
    try {
      const lost: string[] = [];
      cluster.onRoomLost((roomId) => lost.push(roomId));
      assert.equal(await cluster.claimRoom('room-9'), true);
      await redisNow.stop();
      // Several TTLs without Redis: nobody else could have taken the room, so it stays this node's.
      await new Promise((resolve) => setTimeout(resolve, TIMINGS.ttlMs * 4));
      assert.deepEqual(lost, [], 'no room lost while Redis was away');
      assert.equal((await cluster.ownerOfRoom('room-9'))?.id, 'steady', 'still the owner, without asking Redis');
      redisNow = await RedisTestServer.start(port);
      const checker = new Redis(redisNow.url);
      try {
        await waitUntil(async () => ((await checker.get('parley:room:room-9')) === 'steady' ? undefined : 'the lease is not back in Redis yet'), 10_000);
        await waitUntil(async () => ((await checker.get('parley:node:steady')) !== null ? undefined : 'the node is not registered again yet'), 10_000);
      } finally {
        checker.disconnect();
      }
      assert.deepEqual(lost, []);
    } finally {
      await cluster.close();
      await redisNow.stop();
    }
  });

  test('a Redis that cannot be reached stops the start with a message naming the variable', async () => {
    await assert.rejects(
      RedisCluster.start({ redisUrl: 'redis://127.0.0.1:1', node: { id: 'x', publicUrl: 'http://x', internalUrl: 'http://x' }, logger, timings: TIMINGS }),
      /Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(PARLEY_REDIS_URL\)/,
    );
  });
});
