import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { waitUntil } from '../../../../e2e/support/wait.js';
import { RoomClosures } from './room-closures.js';
import { RoomUpdates } from './room-updates.js';
import type { Room } from './room.js';
import { RedisBus } from '../cluster/redis-bus.js';
import { connectRedis } from '../cluster/redis-cluster.js';
import { shareRoomAnnouncements } from './shared-room-announcements.js';
import { RedisTestServer } from '../cluster/test-support/redis-test-server.js';

const logger = pino({ level: 'silent' });

describe('room announcements shared over the Redis bus', () => {
  let redis: RedisTestServer;
  const closing: (() => Promise<unknown>)[] = [];
  before(async () => (redis = await RedisTestServer.start()));
  after(async () => {
    for (const close of closing.reverse()) await close();
    await redis.stop();
  });

  /** A node's announcements and what it heard: room closures and updates, each by room id. */
  const warmedUp = new Set<string>();
  async function node(id: string, stored: Record<string, Room>) {
    const publisher = connectRedis(redis.url);
    await publisher.connect();
    const bus = await RedisBus.start({ redisUrl: redis.url, publisher, nodeId: id, logger });
    closing.push(() => publisher.quit(), () => bus.close());
    const roomClosures = new RoomClosures();
    const roomUpdates = new RoomUpdates();
    const heard = { closed: [] as string[], updated: [] as string[] };
    roomClosures.onClosed(async (roomId) => void (roomId === 'warm-up' && warmedUp.add(id)));
    // Announcements made to wait for the subscriptions are not counted.
    roomClosures.onClosed(async (roomId) => void (roomId !== 'warm-up' && heard.closed.push(roomId)));
    roomUpdates.onUpdated((room) => void heard.updated.push(room.id));
    closing.push(async () => stop());
    const stop = shareRoomAnnouncements({ bus, roomClosures, roomUpdates, rooms: { findById: async (roomId) => stored[roomId] }, logger });
    return { roomClosures, roomUpdates, heard };
  }

  test('a room closed or changed on one node is announced on every other, once, and not echoed back', async () => {
    const stored = { 'room-1': { id: 'room-1' } as Room };
    const a = await node('a', stored);
    const b = await node('b', stored);
    const c = await node('c', stored);
    // Until each subscription is in place nothing arrives: announce until B and C hear one.
    await waitUntil(async () => {
      await a.roomClosures.announce('warm-up');
      return warmedUp.has('b') && warmedUp.has('c') ? undefined : 'not subscribed yet';
    }, 5_000, 50);

    await a.roomClosures.announce('room-1');
    b.roomUpdates.announce(stored['room-1']);
    await waitUntil(() => (c.heard.closed.length === 1 && c.heard.updated.length === 1 && a.heard.updated.length === 1 && b.heard.closed.length === 1 ? undefined : JSON.stringify({ a: a.heard, b: b.heard, c: c.heard })), 5_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(a.heard, { closed: ['room-1'], updated: ['room-1'] }, 'A heard its own closure locally, and B\'s update once');
    assert.deepEqual(b.heard, { closed: ['room-1'], updated: ['room-1'] });
    assert.deepEqual(c.heard, { closed: ['room-1'], updated: ['room-1'] });
  });
});
