import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { TestWebhookReceiver } from '../../server/src/webhooks/test-support/webhook-receiver.js';
import { WebhookDeliveryWorker } from '../../server/src/webhooks/webhook-delivery-worker.js';
import { ParleyApiError } from './api-error.js';
import { ParleyMeetingsClient } from './meetings-client.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import { verifyMeetingsWebhook } from './webhook-verification.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Runs the CLI as its users do, in a process of its own. */
function parley(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=source', '--import', TSX, CLI, ...args], { env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out: stdout.trimEnd(), err: stderr.trimEnd() }),
    );
  });
}

async function waitFor(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhooks, end to end: the server sends, the SDK configures, lists, redelivers and verifies', () => {
  let server: RunningServer;
  let receiver: TestWebhookReceiver;
  let worker: WebhookDeliveryWorker;
  let client: ParleyMeetingsClient;
  let work: string;
  let flags: string[];

  before(async () => {
    server = await startParleyServer();
    receiver = await TestWebhookReceiver.start();
    worker = new WebhookDeliveryWorker({ ...server.services, logger: pino({ level: 'silent' }) }, { timeoutMs: 5_000, pollIntervalMs: 20, concurrency: 4 });
    worker.start();
    client = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey: server.privateKeyPem });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-webhooks-test-'));
    const keyFile = path.join(work, 'app.key');
    fs.writeFileSync(keyFile, server.privateKeyPem, { mode: 0o600 });
    flags = ['--url', server.url, '--app-id', server.applicationId, '--key', keyFile];
  });
  after(async () => {
    await worker.stop();
    await receiver.close();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** A session of a new room, as a live meeting records it: started, one participant in and out, ended. */
  async function meeting(): Promise<{ roomId: string; sessionId: string }> {
    const room = await client.createRoom({ display_name: 'Hooked' });
    const { sessions } = server.services;
    const at = () => new Date().toISOString();
    const sessionId = `session-${room.id}`;
    await sessions.start({ id: sessionId, roomId: room.id, startedAt: at() });
    await sessions.addParticipant({ id: `p-${room.id}`, sessionId, roomId: room.id, displayName: 'Ada', role: 'host', joinedAt: at() });
    await sessions.markParticipantLeft(`p-${room.id}`, at());
    await sessions.end({ id: sessionId, roomId: room.id, endedAt: at(), roomCloseAt: null });
    return { roomId: room.id, sessionId };
  }

  test('sets the receivers, and every event arrives with a signature verifyMeetingsWebhook accepts', async () => {
    const set = await client.updateWebhooks({ session_changed: { address: receiver.url }, room_changed: { address: receiver.url } });
    assert.deepEqual(set, { room_changed: { address: receiver.url, http_method: 'POST' }, session_changed: { address: receiver.url, http_method: 'POST' }, recording_changed: null });
    assert.deepEqual(await client.getWebhooks(), set);

    const { secret } = await client.getWebhookSecret();
    const { sessionId } = await meeting();
    await waitFor('4 events', () => receiver.received.length >= 4);
    const verified = receiver.received.map(({ body, headers }) => verifyMeetingsWebhook(body, headers, secret));
    assert.deepEqual(verified.map((event) => event.event), ['session:started', 'session:participant:joined', 'session:participant:left', 'session:ended']);
    assert.ok(verified.every((event) => 'session_id' in event && event.session_id === sessionId));
    assert.throws(() => verifyMeetingsWebhook(receiver.received[0]?.body ?? '', receiver.received[0]?.headers ?? {}, `whsec_${Buffer.alloc(32).toString('base64')}`), /signature/);
  });

  test('after a rotation deliveries verify under the new secret and, for a day, under the old one', async () => {
    const old = (await client.getWebhookSecret()).secret;
    const rotated = await client.rotateWebhookSecret();
    assert.notEqual(rotated.secret, old);
    assert.ok(rotated.previous_secret_expires_at);
    const already = receiver.received.length;
    await meeting();
    await waitFor('4 more events', () => receiver.received.length >= already + 4);
    for (const { body, headers } of receiver.received.slice(already)) {
      verifyMeetingsWebhook(body, headers, rotated.secret);
      verifyMeetingsWebhook(body, headers, old);
    }
  });

  test('lists deliveries newest first, pages them, shows one, and redelivers it with the same webhook-id', async () => {
    const page = await client.listWebhookDeliveries({ page_size: 3 });
    assert.equal(page.page_size, 3);
    assert.deepEqual(page._embedded.deliveries.map((d) => d.event), ['session:ended', 'session:participant:left', 'session:participant:joined']);
    assert.ok(page._embedded.deliveries.every((d) => d.status === 'delivered' && d.attempts === 1 && d.receiver_url === receiver.url && d.last_response_status === 204));
    const next = new URL(page._links.next?.href ?? '').searchParams;
    const second = await client.listWebhookDeliveries({ page_size: 3, before: Number(next.get('before')) });
    assert.equal(second._embedded.deliveries[0]?.event, 'session:started');
    assert.deepEqual((await client.listWebhookDeliveries({ status: 'failed' }))._embedded.deliveries, []);

    const newest = page._embedded.deliveries[0];
    assert.ok(newest);
    assert.deepEqual(await client.getWebhookDelivery(newest.id), newest);
    const before = receiver.received.length;
    const queued = await client.redeliverWebhook(newest.id);
    assert.equal(queued.status, 'pending');
    await waitFor('the redelivery', () => receiver.received.length > before);
    assert.equal(receiver.received[before]?.headers['webhook-id'], newest.id);
    assert.equal(receiver.received[before]?.body, JSON.stringify(newest.payload));
  });

  test('refusals come in the Vonage error format', async () => {
    await assert.rejects(client.getWebhookDelivery('msg_nope'), (error) => {
      assert.ok(error instanceof ParleyApiError);
      assert.equal(error.status, 404);
      assert.equal(error.name, 'NotFoundError');
      assert.equal(error.message, 'Webhook delivery msg_nope was not found');
      return true;
    });
    await assert.rejects(client.updateWebhooks({ room_changed: { address: 'ftp://example.com/hooks' } }), (error) => error instanceof ParleyApiError && error.status === 400 && error.name === 'InputValidationError');
    await assert.rejects(client.updateWebhooks({}), /"update_details" must have at least 1 key/);
  });

  test('the CLI shows the receivers, the secret and the log, redelivers, and exits 1 or 2 on refusals and mistakes', async () => {
    const urls = await parley(['webhooks', 'urls', ...flags]);
    assert.equal(urls.code, 0, urls.err);
    assert.equal(urls.out, `Rooms:       ${receiver.url}\nSessions:    ${receiver.url}\nRecordings:  -`);

    const set = await parley(['webhooks', 'set-urls', ...flags, '--rooms', 'none', '--json']);
    assert.equal(set.code, 0, set.err);
    assert.equal((JSON.parse(set.out) as { room_changed: unknown }).room_changed, null);

    const secret = await parley(['webhooks', 'secret', ...flags]);
    assert.equal(secret.code, 0, secret.err);
    assert.match(secret.out, new RegExp(`^${(await client.getWebhookSecret()).secret.replace(/[+/]/g, '\\$&')}\n\\(the previous secret also signs deliveries until `));

    const log = await parley(['webhooks', 'deliveries', ...flags, '--page-size', '2']);
    assert.equal(log.code, 0, log.err);
    const [header, first] = log.out.split('\n');
    assert.match(header ?? '', /^WEBHOOK ID\s+EVENT\s+STATUS\s+ATTEMPTS\s+CREATED\s+NEXT ATTEMPT\s+RECEIVER\s+LAST ERROR$/);
    const newestId = (first ?? '').split(/\s+/)[0] ?? '';
    assert.match(newestId, /^msg_/);
    assert.match(log.out, /\n\n2 deliveries; older ones: --before \d+$/);

    const again = await parley(['webhooks', 'redeliver', newestId, ...flags]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, new RegExp(`^Delivery ${newestId} \\(session:\\w+(:\\w+)?\\) queued again for ${receiver.url}$`));

    const missing = await parley(['webhooks', 'delivery', 'msg_nope', ...flags]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, '404 NotFoundError: Webhook delivery msg_nope was not found');
    const mistake = await parley(['webhooks', 'deliveries', ...flags, '--status', 'lost']);
    assert.equal(mistake.code, 2);
    assert.equal(mistake.err, '--status must be one of pending, delivered, failed, not "lost"');
  });
});
