import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { MediaBackend } from '../media/media-backend.js';
import { MediaPool, type Load } from '../media/media-pool.js';
import { connectRedis } from './redis-cluster.js';
import { SharedMediaLoads } from './shared-media-loads.js';
import { RedisTestServer } from './test-support/redis-test-server.js';

const logger = pino({ level: 'silent' });

/** A media server that is always ready and never asked for anything else here. */
function readyServer(): MediaBackend {
  return {
    health: () => ({ ready: true }),
    onHealthChanged: () => () => undefined,
    createRoom: () => Promise.reject(new Error('not in this test')),
    close: async () => undefined,
  };
}

describe('SharedMediaLoads', () => {
  let redis: RedisTestServer;
  const closing: (() => Promise<unknown>)[] = [];
  before(async () => (redis = await RedisTestServer.start()));
  after(async () => {
    for (const close of closing) await close();
    await redis.stop();
  });

  async function node(id: string): Promise<SharedMediaLoads> {
    const connection = connectRedis(redis.url);
    await connection.connect();
    const loads = new SharedMediaLoads(connection, id, { intervalMs: 60_000, ttlMs: 5_000, logger });
    closing.push(() => loads.close(), () => connection.quit());
    return loads;
  }

  test("a node places a new room by what every node carries on each Janus, not by its own counts alone", async () => {
    const first = readyServer();
    const second = readyServer();
    const poolOnB = new MediaPool([{ name: 'janus-1', backend: first }, { name: 'janus-2', backend: second }], { restoreTimeoutMs: 1_000, attendeesPerServer: 300, logger });
    assert.equal(poolOnB.place(), first, 'on its own, a tie goes to the first listed');

    const busyA: Record<string, Load> = { 'janus-1': { handles: 12, rooms: 1 }, 'janus-2': { handles: 2, rooms: 1 } };
    const busyC: Record<string, Load> = { 'janus-1': { handles: 3, rooms: 1 } };
    const a = await node('a');
    const c = await node('c');
    const b = await node('b');
    await a.exchange({ loadsByMember: () => busyA, countOtherNodes: () => undefined });
    await c.exchange({ loadsByMember: () => busyC, countOtherNodes: () => undefined });
    b.share(poolOnB);
    await b.exchange(poolOnB);
    assert.equal(poolOnB.place(), second, 'janus-1 carries 15 handles for the others, janus-2 only 2');

    // Node A's meeting on janus-1 ends and the one on janus-2 grows: janus-1 is the lighter now.
    busyA['janus-1'] = { handles: 0, rooms: 0 };
    busyA['janus-2'] = { handles: 9, rooms: 1 };
    await a.exchange({ loadsByMember: () => busyA, countOtherNodes: () => undefined });
    await b.exchange(poolOnB);
    assert.equal(poolOnB.place(), first, 'janus-1 carries 3 handles now, janus-2 9');
    await poolOnB.close();
  });
});
