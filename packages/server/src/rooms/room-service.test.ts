import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, insertTestApplication, parleyErrorWith, TestClock } from '../test-support/test-services.js';
import { RoomService } from './room-service.js';

describeEachDialect('RoomService', (dialect) => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let applicationId: string;
  let otherApplicationId: string;
  before(async () => {
    services = await createTestServices({ clock, dialect });
    applicationId = await insertTestApplication(services);
    otherApplicationId = await insertTestApplication(services);
  });
  after(() => services.dispose());


  test('instant rooms expire and close ten minutes after creation', async () => {
    const room = await new RoomService(services).create(applicationId, { displayName: 'now' });
    assert.equal(room.createdAt, '2026-01-01T12:00:00.000Z');
    assert.equal(room.expiresAt, '2026-01-01T12:10:00.000Z');
    assert.equal(room.closeAt, room.expiresAt);
    assert.equal(room.isAvailable, true);
    assert.match(room.hostParticipantId, /^[0-9a-f-]{36}$/);
  });

  test('long-term rooms close at their expiry', async () => {
    const expiresAt = new Date('2026-06-01T00:00:00.000Z');
    const room = await new RoomService(services).create(applicationId, { displayName: 'later', type: 'long_term', expiresAt, expireAfterUse: true });
    assert.equal(room.expiresAt, '2026-06-01T00:00:00.000Z');
    assert.equal(room.closeAt, '2026-06-01T00:00:00.000Z');
    assert.equal(room.expireAfterUse, true);
  });

  test('draws again when a meeting code is taken', async () => {
    const existing = await new RoomService(services).create(applicationId, { displayName: 'first' });
    const draws = [existing.meetingCode, existing.meetingCode, '5550001112'];
    const service = new RoomService(services, () => draws.shift() ?? '5550001113');
    const room = await service.create(applicationId, { displayName: 'second' });
    assert.equal(room.meetingCode, '5550001112');
  });

  test('retries the insert when another request took the code in between', async () => {
    const taken = await new RoomService(services).create(applicationId, { displayName: 'taken' });
    // The existence check says free, as it would in a race, and the unique index refuses the insert.
    const racing: typeof services.rooms = Object.assign(Object.create(services.rooms) as typeof services.rooms, { meetingCodeExists: async () => false });
    const draws = [taken.meetingCode, '5550002223'];
    const service = new RoomService({ ...services, rooms: racing }, () => draws.shift() ?? '5550002224');
    assert.equal((await service.create(applicationId, { displayName: 'raced' })).meetingCode, '5550002223');
  });

  test('an application only sees its own rooms', async () => {
    const service = new RoomService(services);
    const room = await service.create(applicationId, { displayName: 'mine' });
    assert.equal((await service.get(applicationId, room.id)).id, room.id);
    await assert.rejects(service.get(otherApplicationId, room.id), parleyErrorWith('not_found', `Room ${room.id} was not found`));
    const theirs = await service.page(otherApplicationId, { pageSize: 100 });
    assert.equal(theirs.rooms.some((r) => r.id === room.id), false);
  });

  test("refuses a theme that does not exist or is another application's", async () => {
    const theirs = { id: randomUUID(), applicationId: otherApplicationId, name: 'theirs', domain: 'VCP' as const, mainColor: '#000', brandText: 'b', shortCompanyUrl: null, logos: { white: null, colored: null, favicon: null }, createdAt: clock.now().toISOString() };
    await services.themes.insert(theirs);
    for (const themeId of ['abc', theirs.id]) {
      await assert.rejects(
        new RoomService(services).create(applicationId, { displayName: 'x', themeId }),
        parleyErrorWith('not_found', `could not find theme ${themeId}`),
      );
    }
  });

  test('refuses expiry rules broken by any caller, not only the Vonage façade', async () => {
    const service = new RoomService(services);
    const soon = new Date(clock.now().getTime() + 5 * 60_000);
    await assert.rejects(service.create(applicationId, { displayName: 'x', type: 'long_term' }), parleyErrorWith('validation_failed', '"expires_at" is required'));
    await assert.rejects(service.create(applicationId, { displayName: 'x', expiresAt: soon }), parleyErrorWith('validation_failed', '"expires_at" is not allowed'));
    await assert.rejects(
      service.create(applicationId, { displayName: 'x', type: 'long_term', expiresAt: soon }),
      parleyErrorWith('validation_failed', '"expires_at" must be greater than "2026-01-01T12:10:00.000Z"'),
    );
    await assert.rejects(service.create(applicationId, { displayName: ' ' }), parleyErrorWith('validation_failed', '"display_name" is not allowed to be empty'));
  });
});
