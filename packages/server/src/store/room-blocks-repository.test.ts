import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RoomService } from '../rooms/room-service.js';
import { createTestServices, insertTestApplication, TestClock } from '../test-support/test-services.js';

describe('RoomBlocksRepository', () => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let rooms: { id: string }[];
  const moderator = 'moderator-1';

  before(async () => {
    services = await createTestServices({ clock });
    const applicationId = await insertTestApplication(services);
    const roomService = new RoomService(services);
    rooms = [await roomService.create(applicationId, { displayName: 'one' }), await roomService.create(applicationId, { displayName: 'two' })];
    // A block names the moderator who made it: a participant of a session of the room.
    await services.sessions.start({ id: 'session-1', roomId: rooms[0]!.id, startedAt: clock.now().toISOString() });
    await services.sessions.addParticipant({ id: moderator, sessionId: 'session-1', roomId: rooms[0]!.id, displayName: 'Host', role: 'host', joinedAt: clock.now().toISOString() });
  });
  after(() => services.dispose());

  test('blocks an identity from one room only, and keeps the first block when blocked again', async () => {
    const [one, two] = [rooms[0]!.id, rooms[1]!.id];
    const blocks = services.roomBlocks;
    assert.equal(await blocks.isBlocked(one, 'guest:abc'), false);
    await blocks.block({ roomId: one, identity: 'guest:abc', displayName: 'Ann', blockedBy: moderator, blockedAt: '2026-01-01T12:00:00.000Z' });
    await blocks.block({ roomId: one, identity: 'guest:abc', displayName: 'Ann again', blockedBy: moderator, blockedAt: '2026-01-01T13:00:00.000Z' });
    assert.equal(await blocks.isBlocked(one, 'guest:abc'), true);
    assert.equal(await blocks.isBlocked(two, 'guest:abc'), false, 'another room does not know the block');
    assert.equal(await blocks.isBlocked(one, 'guest:abd'), false);
    const rows = await services.store.db.selectFrom('room_blocks').select(['display_name', 'blocked_at']).execute();
    assert.deepEqual(rows, [{ display_name: 'Ann', blocked_at: '2026-01-01T12:00:00.000Z' }]);
  });
});
