import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { MeetingsWebhookEvent } from '@parley/protocol';
import { RoomService } from '../rooms/room-service.js';
import { createTestServices, insertTestApplication } from '../test-support/test-services.js';
import { openStore, type Store } from './database.js';
import { enqueueWebhook } from './webhook-outbox.js';

/**
 * The outbox on PostgreSQL, where transactions commit in parallel: the worker sends a receiver's events
 * in serial order, so an event's serial must never be lower than one already committed for the same
 * application.
 */
describe('the webhook outbox on PostgreSQL', { timeout: 60_000 }, () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let otherNode: Store;
  let roomId: string;
  before(async () => {
    services = await createTestServices({ dialect: 'postgres' });
    otherNode = await openStore(services.config.databaseUrl);
    const applicationId = await insertTestApplication(services);
    await services.store.db.updateTable('applications').set({ sessions_webhook_url: 'http://receiver.test/hook' }).where('id', '=', applicationId).execute();
    roomId = (await new RoomService(services).create(applicationId, { displayName: 'Ordered' })).id;
  });
  after(async () => {
    await otherNode?.close();
    await services?.dispose();
  });

  const event = (sessionId: string) => ({ event: 'session:started', session_id: sessionId, room_id: roomId }) as unknown as MeetingsWebhookEvent;

  test('a transaction that enqueues while another is open waits for it, so serials follow commit order', async () => {
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstEnqueued!: () => void;
    const firstHasEnqueued = new Promise<void>((resolve) => (firstEnqueued = resolve));
    const commits: string[] = [];
    const first = services.store.db.transaction().execute(async (tx) => {
      await enqueueWebhook(tx, roomId, event('first'), new Date().toISOString());
      firstEnqueued();
      await firstMayCommit;
    }).then(() => commits.push('first'));
    await firstHasEnqueued;
    let secondSettled = false;
    const second = otherNode.db.transaction().execute((tx) => enqueueWebhook(tx, roomId, event('second'), new Date().toISOString())).finally(() => {
      secondSettled = true;
      commits.push('second');
    });
    try {
      // The second must be waiting on a lock while the first is open; committing first would break the order.
      for (;;) {
        assert.equal(secondSettled, false, 'the second transaction committed while the first was still open');
        const waiting = await sql<{ count: string }>`select count(*) as count from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`.execute(services.store.db);
        if (Number(waiting.rows[0]?.count) > 0) break;
        await sleep(20);
      }
    } finally {
      releaseFirst();
      await Promise.all([first, second]);
    }
    assert.deepEqual(commits, ['first', 'second']);
    const rows = await services.store.db.selectFrom('webhook_deliveries').select(['serial', 'payload']).orderBy('serial').execute();
    assert.deepEqual(rows.map((row) => (JSON.parse(row.payload) as { session_id: string }).session_id), ['first', 'second']);
  });
});
