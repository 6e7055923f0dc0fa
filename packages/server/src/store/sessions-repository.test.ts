import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { RoomService } from '../rooms/room-service.js';
import type { Room } from '../rooms/room.js';
import { createTestServices, insertTestApplication, TestClock } from '../test-support/test-services.js';
import { describeEachDialect } from './test-support/test-dialects.js';

/**
 * What the outbox records when writes race. On SQLite they queue on the one connection; on PostgreSQL
 * they run at once on pooled connections, so each write must decide in one statement, not read and
 * then write. Each race runs in rounds: the first may run one after the other while the pool opens
 * its second connection.
 */
describeEachDialect('SessionsRepository under concurrent writes', (dialect) => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let room: Room;
  const clock = new TestClock();
  beforeEach(async () => {
    services = await createTestServices({ clock, dialect });
    const applicationId = await insertTestApplication(services);
    room = await new RoomService(services).create(applicationId, { displayName: 'Busy', callbackUrls: { sessions: 'http://receiver.test/sessions' } });
  });
  afterEach(() => services.dispose());

  const at = (minute: number) => `2026-01-01T12:${String(minute).padStart(2, '0')}:00.000Z`;
  /** The outbox, as `event participant` lines, in order. */
  const outbox = async () =>
    (await services.webhookDeliveries.listForApplication(room.applicationId, { limit: 100 }))
      .reverse()
      .map((delivery) => {
        const payload = JSON.parse(delivery.payload) as { participant_id?: string };
        return payload.participant_id ? `${delivery.event} ${payload.participant_id}` : delivery.event;
      });

  async function sessionWith(sessionId: string, participantIds: string[]): Promise<void> {
    await services.sessions.start({ id: sessionId, roomId: room.id, startedAt: at(0) });
    for (const [i, id] of participantIds.entries()) {
      await services.sessions.addParticipant({ id, sessionId, roomId: room.id, displayName: id, role: i === 0 ? 'host' : 'guest', joinedAt: at(i + 1) });
    }
  }

  test('a session ended twice at once ends once', async () => {
    for (const round of [1, 2, 3]) {
      await sessionWith(`s${round}`, [`host${round}`, `guest${round}`]);
      await Promise.all([1, 2].map(() => services.sessions.end({ id: `s${round}`, roomId: room.id, endedAt: at(30), roomCloseAt: at(40) })));
      assert.equal((await services.sessions.find(`s${round}`))?.endedAt, at(30));
    }
    assert.deepEqual(
      await outbox(),
      [1, 2, 3].flatMap((round) => [
        'session:started',
        `session:participant:joined host${round}`,
        `session:participant:joined guest${round}`,
        `session:participant:left host${round}`,
        `session:participant:left guest${round}`,
        'session:ended',
      ]),
    );
  });

  test('a participant leaving as the session ends leaves once', async () => {
    for (const round of [1, 2, 3]) {
      await sessionWith(`s${round}`, [`host${round}`, `guest${round}`]);
      await Promise.all([
        services.sessions.markParticipantLeft(`guest${round}`, at(30)),
        services.sessions.end({ id: `s${round}`, roomId: room.id, endedAt: at(30), roomCloseAt: at(40) }),
      ]);
    }
    const events = await outbox();
    for (const round of [1, 2, 3]) {
      for (const who of ['host', 'guest']) {
        assert.equal(events.filter((event) => event === `session:participant:left ${who}${round}`).length, 1, events.join('\n'));
      }
    }
    assert.equal(events.filter((event) => event === 'session:ended').length, 3, events.join('\n'));
  });

  test('a participant marked left twice at once leaves once', async () => {
    for (const round of [1, 2, 3]) {
      await sessionWith(`s${round}`, [`host${round}`, `guest${round}`]);
      await Promise.all([1, 2].map(() => services.sessions.markParticipantLeft(`guest${round}`, at(20))));
    }
    assert.deepEqual(
      (await outbox()).filter((event) => event.startsWith('session:participant:left')),
      ['session:participant:left guest1', 'session:participant:left guest2', 'session:participant:left guest3'],
    );
  });
});
