import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ParleyApiError } from './api-error.js';
import { ParleyMeetingsClient } from './meetings-client.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';

describe('ParleyMeetingsClient against a running server', () => {
  let server: RunningServer;
  let client: ParleyMeetingsClient;
  before(async () => {
    server = await startParleyServer();
    client = new ParleyMeetingsClient({ baseUrl: `${server.url}/`, applicationId: server.applicationId, privateKey: server.privateKeyPem });
  });
  after(() => server.close());

  test('creates and reads back rooms', async () => {
    const instant = await client.createRoom({ display_name: 'SDK instant' });
    assert.equal(instant.type, 'instant');
    assert.match(instant._links.guest_url.href, /^http:\/\/parley\.test\/\d{10}$/);
    const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const longTerm = await client.createRoom({
      display_name: 'SDK long term',
      type: 'long_term',
      expires_at: expiresAt,
      ui_settings: { language: 'FR' },
      callback_urls: { rooms_callback_url: 'https://example.com/hook' },
    });
    assert.equal(longTerm.expires_at, expiresAt.toISOString());
    assert.equal(longTerm.ui_settings.language, 'fr');
    assert.deepEqual(longTerm.callback_urls, { rooms_callback_url: 'https://example.com/hook' });
    const fetched = await client.getRoom(longTerm.id);
    assert.equal(fetched.display_name, 'SDK long term');
    assert.equal(fetched.meeting_code, longTerm.meeting_code);
  });

  test('lists one page, and iterates every room across pages', async () => {
    for (let i = 0; i < 5; i++) await client.createRoom({ display_name: `paged ${i}` });
    const total = (await client.listRooms()).total_items;
    const page = await client.listRooms({ pageSize: 3 });
    assert.equal(page.page_size, 3);
    assert.equal(page.total_items, total);
    assert.ok(page._links.next);
    const all: string[] = [];
    for await (const room of client.rooms({ pageSize: 2 })) all.push(room.id);
    assert.equal(all.length, total);
    assert.equal(new Set(all).size, total);
    const fromSecond = [];
    for await (const room of client.rooms({ pageSize: 2, startId: Number(new URL(page._links.next!.href).searchParams.get('start_id')) })) fromSecond.push(room.id);
    assert.deepEqual(fromSecond, all.slice(3));
  });

  test('throws API refusals as ParleyApiError with the Vonage fields', async () => {
    await assert.rejects(client.createRoom({ display_name: 'x', type: 'long_term' }), (error: unknown) => {
      assert.ok(error instanceof ParleyApiError);
      assert.equal(error.status, 400);
      assert.equal(error.name, 'InputValidationError');
      assert.equal(error.message, '"expires_at" is required');
      assert.deepEqual(error.errors, []);
      return true;
    });
    await assert.rejects(client.getRoom('no-such-room'), { status: 404, name: 'NotFoundError', message: 'Room no-such-room was not found' });
  });

  test('throws the gateway 401 of a wrong key as ParleyApiError', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const impostor = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey });
    await assert.rejects(impostor.listRooms(), { status: 401, name: 'Unauthorized', message: 'You did not provide correct credentials' });
  });

  test('gives up on a server that does not answer in time', async () => {
    const slow = new ParleyMeetingsClient({
      baseUrl: server.url,
      applicationId: server.applicationId,
      privateKey: server.privateKeyPem,
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await assert.rejects(slow.listRooms(), /timed out after 50 ms/);
  });
});
