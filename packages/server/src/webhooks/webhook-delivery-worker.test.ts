import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, it } from 'node:test';
import pino from 'pino';
import { createApplication } from '../identity/applications.js';
import { closeAtAfterSession } from '../rooms/room-deadlines.js';
import { RoomLifecycle } from '../rooms/room-lifecycle.js';
import { RoomService } from '../rooms/room-service.js';
import type { Room } from '../rooms/room.js';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { ApplicationWebhooks } from './application-webhooks.js';
import { DeliveryLog } from './delivery-log.js';
import { TestWebhookReceiver } from './test-support/webhook-receiver.js';
import { WebhookDeliveryWorker, type WebhookDeliveryOptions } from './webhook-delivery-worker.js';

const silent = pino({ level: 'silent' });
const HOUR_MS = 60 * 60_000;

describeEachDialect('webhook outbox and delivery worker', (dialect) => {
  let clock: TestClock;
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let receivers: TestWebhookReceiver[];
  let workers: WebhookDeliveryWorker[];
  let applicationId: string;
  let settings: ApplicationWebhooks;

  beforeEach(async () => {
    clock = new TestClock();
    services = await createTestServices({ clock, dialect });
    applicationId = (await createApplication({ store: services.store, clock }, { name: 'webhooks' })).application.id;
    settings = new ApplicationWebhooks(services);
    receivers = [];
    workers = [];
  });

  afterEach(async () => {
    for (const worker of workers) await worker.stop();
    for (const receiver of receivers) await receiver.close();
    await services.dispose();
  });

  async function receiver(): Promise<TestWebhookReceiver> {
    const started = await TestWebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  /** Jitter pinned to 0: every wait is exactly half its backoff step. */
  function worker(options: Partial<WebhookDeliveryOptions> = {}): WebhookDeliveryWorker {
    const made = new WebhookDeliveryWorker({ ...services, logger: silent }, { timeoutMs: 2_000, pollIntervalMs: 20, concurrency: 4, random: () => 0, ...options });
    workers.push(made);
    return made;
  }

  function room(callbackUrls: Partial<Room['callbackUrls']> = {}): Promise<Room> {
    return new RoomService(services).create(applicationId, { displayName: 'Hooked', callbackUrls });
  }

  /** A whole session as LiveSession records it: start, a host and a guest join, the guest leaves, the session ends with the host in it. */
  async function meeting(roomId: string, sessionId = 'session-1'): Promise<void> {
    const at = () => clock.now().toISOString();
    await services.sessions.start({ id: sessionId, roomId, startedAt: at() });
    clock.advance(1000);
    await services.sessions.addParticipant({ id: `${sessionId}-host`, sessionId, roomId, displayName: 'Ada', role: 'host', joinedAt: at() });
    clock.advance(1000);
    await services.sessions.addParticipant({ id: `${sessionId}-guest`, sessionId, roomId, displayName: 'Bo', role: 'guest', joinedAt: at() });
    clock.advance(1000);
    await services.sessions.markParticipantLeft(`${sessionId}-guest`, at());
    clock.advance(1000);
    const stored = await services.rooms.findById(roomId);
    assert.ok(stored);
    await services.sessions.end({ id: sessionId, roomId, endedAt: at(), roomCloseAt: closeAtAfterSession(stored, clock.now()) });
  }

  function statuses(): Promise<{ id: string; event: string; status: string; attempts: number; receiver_url: string }[]> {
    return services.store.db.selectFrom('webhook_deliveries').select(['id', 'event', 'status', 'attempts', 'receiver_url']).orderBy('serial').execute();
  }

  it('sends each session event, with the exact payload, signed, to the application’s sessions URL, in order', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    await meeting(roomId);
    const run = worker();
    // One attempt per receiver at a time: each call sends the next event.
    for (let i = 0; i < 6; i++) await run.deliverDue();

    const t = (seconds: number) => new Date(Date.parse('2026-01-01T12:00:00.000Z') + seconds * 1000).toISOString();
    const participant = (id: string, name: string, isHost: boolean) => ({
      participant_id: id, session_id: 'session-1', room_id: roomId, name, type: isHost ? 'Host' : 'Guest', is_host: isHost,
    });
    assert.deepEqual(sessions.events(), [
      { event: 'session:started', session_id: 'session-1', room_id: roomId, started_at: t(0) },
      { event: 'session:participant:joined', ...participant('session-1-host', 'Ada', true) },
      { event: 'session:participant:joined', ...participant('session-1-guest', 'Bo', false) },
      { event: 'session:participant:left', ...participant('session-1-guest', 'Bo', false) },
      { event: 'session:participant:left', ...participant('session-1-host', 'Ada', true) },
      { event: 'session:ended', session_id: 'session-1', room_id: roomId, started_at: t(0), ended_at: t(4) },
    ]);
    // Key order as in the API reference, too: the body is what was signed.
    assert.equal(sessions.received[0]?.body, JSON.stringify({ event: 'session:started', session_id: 'session-1', room_id: roomId, started_at: t(0) }));

    const { current: secret } = await settings.secrets(applicationId);
    for (const { headers, body } of sessions.received) {
      const id = String(headers['webhook-id']);
      const timestamp = String(headers['webhook-timestamp']);
      assert.match(id, /^msg_[0-9a-f]{32}$/);
      assert.equal(timestamp, String(Math.floor(clock.now().getTime() / 1000)));
      const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64');
      assert.equal(headers['webhook-signature'], `v1,${expected}`);
      assert.equal(headers['content-type'], 'application/json');
    }
    assert.deepEqual((await statuses()).map((d) => [d.status, d.attempts]), Array(6).fill(['delivered', 1]));
  });

  it('sends to the room’s own callback URL over the application’s, and writes nothing when neither is set', async () => {
    const application = await receiver();
    const own = await receiver();
    const bare = await room();
    await meeting(bare.id, 'unheard');
    assert.deepEqual(await statuses(), [], 'no receiver, no delivery');

    await settings.setUrls(applicationId, { sessions: application.url, rooms: application.url });
    const hooked = await room({ sessions: own.url });
    await meeting(hooked.id, 'heard');
    assert.deepEqual(new Set((await statuses()).map((d) => d.receiver_url)), new Set([own.url]));

    // Room events follow the rooms URL: the room has none of its own, so the application's.
    clock.advance(11 * 60_000);
    await new RoomLifecycle(services.rooms, clock, silent, 1000, services.roomUpdates).sweep();
    const expired = (await statuses()).filter((d) => d.event === 'room:expired');
    assert.deepEqual(expired.map((d) => d.receiver_url), [application.url, application.url], 'both rooms expired, reported to the rooms URL');
    const run = worker();
    await run.deliverDue();
    await run.deliverDue();
    const roomEvents = application.events().filter((e) => e.event === 'room:expired');
    assert.deepEqual(roomEvents.find((e) => e.room_id === hooked.id), {
      event: 'room:expired', room_id: hooked.id, room_type: 'instant', expires_at: hooked.expiresAt, created_at: hooked.createdAt,
    });
  });

  it('writes no event when the change it reports is refused: the outbox shares the transaction', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    await new RoomService(services).delete(applicationId, roomId);
    await assert.rejects(services.sessions.start({ id: 'refused', roomId, startedAt: clock.now().toISOString() }));
    assert.deepEqual(await statuses(), []);
  });

  it('retries 5xx, 429 and no answer with growing waits, keeps the receiver’s next event waiting, and never resends a delivered one', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    await services.sessions.start({ id: 's', roomId, startedAt: clock.now().toISOString() });
    await services.sessions.addParticipant({ id: 'p', sessionId: 's', roomId, displayName: 'Ada', role: 'host', joinedAt: clock.now().toISOString() });
    const answers = [500, 429, 503];
    sessions.answer = (_request, index) => answers[index] ?? 204;
    const run = worker();

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await run.deliverDue();
      const [first] = await services.webhookDeliveries.listForApplication(applicationId, { limit: 10 }).then((list) => list.reverse());
      assert.equal(first?.status, 'pending');
      assert.equal(first?.attempts, attempt);
      waits.push(Date.parse(first?.nextAttemptAt ?? '') - clock.now().getTime());
      // Not due yet: nothing is sent, not even the next event.
      clock.advance((waits.at(-1) ?? 0) - 1);
      await run.deliverDue();
      assert.equal(sessions.received.length, attempt, 'sent before its time, or the next event jumped the queue');
      clock.advance(1);
    }
    assert.deepEqual(waits, [2_500, 5_000, 10_000], 'half of 5 s, 10 s, 20 s with the jitter at 0');
    await run.deliverDue();
    await run.deliverDue();
    assert.deepEqual(sessions.events().map((e) => e.event), ['session:started', 'session:started', 'session:started', 'session:started', 'session:participant:joined']);
    assert.equal(new Set(sessions.received.slice(0, 4).map((r) => r.headers['webhook-id'])).size, 1, 'webhook-id stable across retries');
    await run.deliverDue();
    assert.equal(sessions.received.length, 5);
  });

  it('marks a delivery failed at once on a 4xx or a redirect, which it does not follow, and moves to the next', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    await meeting(roomId);
    sessions.answer = (_request, index) => [400, 301][index] ?? 204;
    const run = worker();
    for (let i = 0; i < 6; i++) await run.deliverDue();
    const log = (await services.webhookDeliveries.listForApplication(applicationId, { limit: 10 })).reverse();
    assert.deepEqual(log.map((d) => d.status), ['failed', 'failed', 'delivered', 'delivered', 'delivered', 'delivered']);
    assert.equal(log[0]?.lastResponseStatus, 400);
    assert.match(log[1]?.lastError ?? '', /^HTTP 301 \(redirected to nowhere; redirects are not followed/);
    assert.equal(sessions.received.length, 6, 'nothing retried, nothing followed');
  });

  it('gives up 24 hours after the event, after the last retry at that time, and marks the delivery failed', async () => {
    const sessions = await receiver();
    sessions.answer = () => 502;
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    const queuedAt = clock.now().getTime();
    await services.sessions.start({ id: 's', roomId, startedAt: clock.now().toISOString() });
    const run = worker();
    for (let guard = 0; guard < 100; guard++) {
      await run.deliverDue();
      const [delivery] = await services.webhookDeliveries.listForApplication(applicationId, { limit: 1 });
      if (delivery?.status !== 'pending') break;
      clock.advance(Date.parse(delivery.nextAttemptAt ?? '') - clock.now().getTime());
    }
    const [delivery] = await services.webhookDeliveries.listForApplication(applicationId, { limit: 1 });
    assert.equal(delivery?.status, 'failed');
    assert.equal(delivery?.lastAttemptAt, new Date(queuedAt + 24 * HOUR_MS).toISOString(), 'the last attempt falls on the 24th hour');
    assert.match(delivery?.lastError ?? '', /^HTTP 502; gave up after \d+ attempts, 24 hours after the event$/);
    // With the jitter at 0 each wait is half its step: 2.5 s doubling 11 times (5117.5 s in all), then
    // the hour's cap, halved, 45 times, then one last wait cut short at the 24th hour.
    assert.equal(delivery?.attempts, 1 + 11 + 45 + 1);
    assert.equal(sessions.received.length, delivery?.attempts);
  });

  it('redelivers a delivered or failed delivery on request, with the same webhook-id', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    await services.sessions.start({ id: 's', roomId, startedAt: clock.now().toISOString() });
    const run = worker();
    await run.deliverDue();
    const [delivered] = await statuses();
    assert.equal(delivered?.status, 'delivered');

    const log = new DeliveryLog(services);
    const again = await log.redeliver(applicationId, delivered?.id ?? '');
    assert.equal(again.status, 'pending');
    assert.equal(again.attempts, 0);
    await run.deliverDue();
    assert.deepEqual(sessions.received.map((r) => r.headers['webhook-id']), [delivered?.id, delivered?.id]);
    assert.equal((await log.get(applicationId, delivered?.id ?? '')).status, 'delivered');
    await assert.rejects(log.redeliver('another-application', delivered?.id ?? ''), /was not found/);
  });

  it('signs with both secrets for a day after a rotation, then with the new one only', async () => {
    const sessions = await receiver();
    await settings.setUrls(applicationId, { sessions: sessions.url });
    const { id: roomId } = await room();
    const before = await settings.secrets(applicationId);
    const rotated = await settings.rotateSecret(applicationId);
    assert.notEqual(rotated.current, before.current);
    assert.equal(rotated.previous, before.current);
    await services.sessions.start({ id: 's1', roomId, startedAt: clock.now().toISOString() });
    await worker().deliverDue();
    assert.equal(String(sessions.received[0]?.headers['webhook-signature']).split(' ').length, 2);
    clock.advance(24 * HOUR_MS);
    await services.sessions.end({ id: 's1', roomId, endedAt: clock.now().toISOString(), roomCloseAt: null });
    await worker().deliverDue();
    assert.equal(String(sessions.received[1]?.headers['webhook-signature']).split(' ').length, 1);
  });

  it('keeps delivering to other receivers while one never answers', async () => {
    const dead = await receiver();
    dead.answer = () => 'hang';
    const alive = await receiver();
    await settings.setUrls(applicationId, { sessions: alive.url });
    const deadRoom = await room({ sessions: dead.url });
    const aliveRoom = await room();
    await meeting(deadRoom.id, 'dead-session');
    await meeting(aliveRoom.id, 'alive-session');
    worker({ timeoutMs: 60_000 }).start();
    const deadline = Date.now() + 15_000;
    while (alive.received.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(alive.received.length, 6, 'the live receiver got all its events while the other hung');
    assert.equal(dead.received.length, 1, 'the hung receiver holds its own queue: its next event waits');
  });

  it('times an attempt out and retries it', async () => {
    const slow = await receiver();
    slow.answer = (_request, index) => (index === 0 ? 'hang' : 204);
    await settings.setUrls(applicationId, { sessions: slow.url });
    const { id: roomId } = await room();
    await services.sessions.start({ id: 's', roomId, startedAt: clock.now().toISOString() });
    const run = worker({ timeoutMs: 200 });
    await run.deliverDue();
    const [timedOut] = await services.webhookDeliveries.listForApplication(applicationId, { limit: 1 });
    assert.equal(timedOut?.status, 'pending');
    assert.equal(timedOut?.lastError, 'no answer within 200 ms');
    clock.advance(2_500);
    await run.deliverDue();
    assert.equal((await statuses())[0]?.status, 'delivered');
  });
});
