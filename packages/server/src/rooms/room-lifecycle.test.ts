import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import pino from 'pino';
import { MINUTE_MS } from '../clock.js';
import { createApplication } from '../identity/applications.js';
import { ApplicationsRepository } from '../store/applications-repository.js';
import { openStore } from '../store/database.js';
import { RoomsRepository } from '../store/rooms-repository.js';
import { SessionsRepository } from '../store/sessions-repository.js';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { closeAtAfterSession } from './room-deadlines.js';
import { RoomLifecycle } from './room-lifecycle.js';
import { RoomService } from './room-service.js';
import { RoomUpdates } from './room-updates.js';

const silent = pino({ level: 'silent' });

describeEachDialect('room lifecycle', (dialect) => {
  let clock: TestClock;
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let lifecycle: RoomLifecycle;
  let roomService: RoomService;
  let applicationId: string;

  beforeEach(async () => {
    clock = new TestClock();
    services = await createTestServices({ clock, dialect });
    lifecycle = new RoomLifecycle(services.rooms, clock, silent, 1000, services.roomUpdates);
    roomService = new RoomService(services);
    applicationId = (await createApplication({ store: services.store, clock }, { name: 'lifecycle' })).application.id;
  });

  afterEach(async () => {
    await lifecycle.stop();
    await services.dispose();
  });

  /** Runs a whole session, as LiveSession does: start, then end after `durationMs`. */
  async function holdSession(roomId: string, durationMs: number): Promise<void> {
    const room = await services.rooms.findById(roomId);
    assert.ok(room);
    await services.sessions.start({ id: `s-${clock.now().getTime()}`, roomId, startedAt: clock.now().toISOString() });
    clock.advance(durationMs);
    await services.sessions.end({ id: `s-${clock.now().getTime() - durationMs}`, roomId, endedAt: clock.now().toISOString(), roomCloseAt: closeAtAfterSession(room, clock.now()) });
  }

  async function isAvailable(roomId: string): Promise<boolean | undefined> {
    return (await services.rooms.findById(roomId))?.isAvailable;
  }

  /** The room stays open until exactly `ms` from now, and closes then. */
  async function assertClosesAfter(roomId: string, ms: number): Promise<void> {
    clock.advance(ms - 1);
    await lifecycle.sweep();
    assert.equal(await isAvailable(roomId), true, 'closed before its deadline');
    clock.advance(1);
    await lifecycle.sweep();
    assert.equal(await isAvailable(roomId), false, 'still open at its deadline');
  }

  it('starts no session in a room that closed or was deleted after it was read', async () => {
    const closing = await roomService.create(applicationId, { displayName: 'closes' });
    const deleted = await roomService.create(applicationId, { displayName: 'deleted' });
    clock.advance(11 * MINUTE_MS);
    await lifecycle.sweep();
    await services.rooms.softDelete(deleted.id, clock.now().toISOString());
    for (const room of [closing, deleted]) {
      await assert.rejects(
        services.sessions.start({ id: `late-${room.id}`, roomId: room.id, startedAt: clock.now().toISOString() }),
        { code: 'room_unavailable' },
      );
      assert.deepEqual(await services.sessions.listForRoom(room.id), []);
    }
  });

  it('closes and reports each room once when two nodes sweep at once', async () => {
    const otherNode = new RoomLifecycle(services.rooms, clock, silent, 1000, services.roomUpdates);
    // Rounds: the first race may run one after the other while the pool opens its second connection.
    for (const round of [1, 2, 3]) {
      const room = await roomService.create(applicationId, { displayName: `swept ${round}`, callbackUrls: { rooms: 'http://receiver.test/rooms' } });
      clock.advance(11 * MINUTE_MS);
      const closed = await Promise.all([lifecycle.sweep(), otherNode.sweep()]);
      assert.deepEqual(closed.flat().map((r) => r.id), [room.id]);
    }
    const deliveries = await services.webhookDeliveries.listForApplication(applicationId, { limit: 100 });
    assert.equal(deliveries.filter((delivery) => delivery.event === 'room:expired').length, 3);
  });

  it('closes an instant room nobody joined ten minutes after creation', async () => {
    const room = await roomService.create(applicationId, { displayName: 'unused' });
    clock.advance(10 * MINUTE_MS - 1);
    assert.deepEqual(await lifecycle.sweep(), []);
    assert.equal(await isAvailable(room.id), true);
    clock.advance(1);
    const closed = await lifecycle.sweep();
    assert.deepEqual(closed.map((r) => r.id), [room.id]);
    assert.equal(await isAvailable(room.id), false);
  });

  it('keeps an instant room open during its session and closes it ten minutes after the last leave', async () => {
    const room = await roomService.create(applicationId, { displayName: 'used' });
    clock.advance(5 * MINUTE_MS);
    const session = { id: 'live', roomId: room.id, startedAt: clock.now().toISOString() };
    await services.sessions.start(session);
    clock.advance(30 * MINUTE_MS);
    await lifecycle.sweep();
    assert.equal(await isAvailable(room.id), true, 'a live session holds the room open past its first deadline');
    await services.sessions.end({ ...session, endedAt: clock.now().toISOString(), roomCloseAt: closeAtAfterSession(room, clock.now()) });
    await assertClosesAfter(room.id, 10 * MINUTE_MS);
  });

  it('closes a long-term room at expires_at, used or not', async () => {
    const expiresAt = new Date(clock.now().getTime() + 60 * MINUTE_MS);
    const room = await roomService.create(applicationId, { displayName: 'weekly', type: 'long_term', expiresAt });
    await holdSession(room.id, 5 * MINUTE_MS);
    clock.advance(30 * MINUTE_MS);
    await lifecycle.sweep();
    assert.equal(await isAvailable(room.id), true, 'without expire_after_use a session does not shorten its life');
    clock.advance(25 * MINUTE_MS);
    await lifecycle.sweep();
    assert.equal(await isAvailable(room.id), false);
  });

  it('closes a long-term room with expire_after_use ten minutes after its session', async () => {
    const expiresAt = new Date(clock.now().getTime() + 7 * 24 * 60 * MINUTE_MS);
    const room = await roomService.create(applicationId, { displayName: 'once', type: 'long_term', expiresAt, expireAfterUse: true });
    await holdSession(room.id, 20 * MINUTE_MS);
    await assertClosesAfter(room.id, 10 * MINUTE_MS);
  });

  it('keeps deadlines across a restart: they live in the database', async () => {
    const room = await roomService.create(applicationId, { displayName: 'survives' });
    const databaseUrl = services.config.databaseUrl;
    await services.store.close();
    clock.advance(11 * MINUTE_MS);
    const reopened = await openStore(databaseUrl);
    try {
      const rooms = new RoomsRepository(reopened.db);
      const afterRestart = new RoomLifecycle(rooms, clock, silent, 1000, new RoomUpdates());
      const closed = await afterRestart.sweep();
      assert.deepEqual(closed.map((r) => r.id), [room.id]);
      assert.equal((await rooms.findById(room.id))?.isAvailable, false);
      // The rest of the store is intact too.
      assert.ok(await new ApplicationsRepository(reopened.db).findApplication(applicationId));
      assert.deepEqual(await new SessionsRepository(reopened.db).listOpen(), []);
    } finally {
      await reopened.close();
      // Re-open for afterEach's dispose.
      services.store = await openStore(databaseUrl);
    }
  });
});
