import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../../server/src/free-port.js';
import { ParleyMeetingsClient } from './meetings-client.js';
import { roomPageQueryOf } from './room-pages.js';
import { assertApiError } from './test-support/api-errors.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import type { MeetingRoom } from './wire/room-json.js';

const DIAL_IN_NUMBERS = [
  { number: '541139862166', locale: 'es-AR', display_name: 'Argentina' },
  { number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' },
];

describe('ParleyMeetingsClient: rooms and dial-in numbers, against a running server', () => {
  let server: RunningServer;
  let client: ParleyMeetingsClient;
  before(async () => {
    // Its public URL (http://parley.test) is not where it listens, as behind a proxy.
    server = await startParleyServer({ config: { dialInNumbers: DIAL_IN_NUMBERS } });
    client = new ParleyMeetingsClient({ baseUrl: `${server.url}/`, applicationId: server.applicationId, privateKey: server.privateKeyPem });
  });
  after(() => server.close());

  test('creates and reads back rooms', async () => {
    const instant = await client.createRoom({ display_name: 'SDK instant' });
    assert.equal(instant.type, 'instant');
    assert.match(instant._links.guest_url.href, /^http:\/\/parley\.test\/\d{10}$/);
    assert.equal(instant._links.guest_url.href, `http://parley.test/${instant.meeting_code}`);
    assert.equal(Date.parse(instant.expires_at) - Date.parse(instant.created_at), 10 * 60_000);
    const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const longTerm = await client.createRoom({
      display_name: 'SDK long term',
      metadata: 'code=1123',
      type: 'long_term',
      expires_at: expiresAt,
      expire_after_use: true,
      join_approval_level: 'explicit_approval',
      recording_options: { auto_record: true },
      initial_join_options: { microphone_state: 'off' },
      available_features: { is_chat_available: false, is_captions_available: true },
      ui_settings: { language: 'FR' },
      callback_urls: { rooms_callback_url: 'https://example.com/hook' },
    });
    assert.equal(longTerm.expires_at, expiresAt.toISOString());
    assert.equal(longTerm.metadata, 'code=1123');
    assert.equal(longTerm.expire_after_use, true);
    assert.equal(longTerm.join_approval_level, 'explicit_approval');
    assert.deepEqual(longTerm.recording_options, { auto_record: true, record_only_owner: false });
    assert.deepEqual(longTerm.initial_join_options, { microphone_state: 'off' });
    assert.deepEqual(longTerm.available_features, {
      is_recording_available: true,
      is_chat_available: false,
      is_whiteboard_available: true,
      is_locale_switcher_available: false,
      is_captions_available: true,
    });
    assert.equal(longTerm.ui_settings.language, 'fr');
    assert.deepEqual(longTerm.callback_urls, { rooms_callback_url: 'https://example.com/hook' });
    const fetched = await client.getRoom(longTerm.id);
    assert.equal(fetched.display_name, 'SDK long term');
    assert.equal(fetched.meeting_code, longTerm.meeting_code);
    assert.equal(fetched.created_at, longTerm.created_at);
  });

  test('updates a long-term room with update_details, and refuses to update an instant one', async () => {
    const room = await client.createRoom({ display_name: 'To change', type: 'long_term', expires_at: new Date(Date.now() + 86_400_000) });
    const expiresAt = new Date(Date.now() + 3 * 86_400_000);
    const updated = await client.updateRoom(room.id, {
      display_name: 'Changed',
      expires_at: expiresAt,
      expire_after_use: true,
      join_approval_level: 'after_owner_only',
      initial_join_options: { microphone_state: 'on' },
      callback_urls: { sessions_callback_url: 'https://example.com/sessions' },
      available_features: { is_whiteboard_available: false },
      ui_settings: { language: 'pt-BR' },
    });
    assert.equal(updated.id, room.id);
    assert.equal(updated.display_name, 'Changed');
    assert.equal(updated.expires_at, expiresAt.toISOString());
    assert.equal(updated.expire_after_use, true);
    assert.equal(updated.join_approval_level, 'after_owner_only');
    assert.equal(updated.initial_join_options.microphone_state, 'on');
    assert.deepEqual(updated.callback_urls, { sessions_callback_url: 'https://example.com/sessions' });
    assert.equal(updated.available_features.is_whiteboard_available, false);
    assert.equal(updated.available_features.is_chat_available, true);
    assert.equal(updated.ui_settings.language, 'pt-br');
    assert.equal(updated.meeting_code, room.meeting_code);
    assert.equal(updated.type, 'long_term');
    // The host URL's token carries the second it was minted in, so two answers' links may differ.
    const withoutLinks = ({ _links, ...rest }: MeetingRoom) => rest;
    assert.deepEqual(withoutLinks(await client.getRoom(room.id)), withoutLinks(updated));

    const cleared = await client.updateRoom(room.id, { callback_urls: { sessions_callback_url: null } });
    assert.equal(cleared.callback_urls, undefined);

    await assertApiError(client.updateRoom(room.id, {}), { status: 400, name: 'InputValidationError', message: '"update_details" must have at least 1 key' });
    const instant = await client.createRoom({ display_name: 'Fixed' });
    await assertApiError(client.updateRoom(instant.id, { expire_after_use: true }), {
      status: 400,
      name: 'BadRequestError',
      message: `The room with id: ${instant.id} could not be updated because of its type: temporary`,
    });
  });

  test('deletes a room, which is then not found', async () => {
    const room = await client.createRoom({ display_name: 'Short-lived' });
    await client.deleteRoom(room.id);
    await assertApiError(client.getRoom(room.id), { status: 404, name: 'NotFoundError', message: `Room ${room.id} was not found` });
    await assertApiError(client.deleteRoom(room.id), { status: 404, name: 'NotFoundError', message: `Room ${room.id} was not found` });
    for await (const listed of client.rooms()) assert.notEqual(listed.id, room.id);
  });

  test('lists one page, and iterates every room across pages', async () => {
    for (let i = 0; i < 5; i++) await client.createRoom({ display_name: `paged ${i}` });
    const first = await client.listRooms();
    const total = first.total_items;
    const page = await client.listRooms({ pageSize: 3 });
    assert.equal(page.page_size, 3);
    assert.equal(page._embedded.length, 3);
    assert.equal(page.total_items, total);
    assert.ok(page._links.next);
    const all: string[] = [];
    for await (const room of client.rooms({ pageSize: 2 })) all.push(room.id);
    assert.equal(all.length, total);
    assert.equal(new Set(all).size, total);
    assert.deepEqual(all.slice(0, first._embedded.length), first._embedded.map((room) => room.id));
    const fromSecond: string[] = [];
    for await (const room of client.rooms({ pageSize: 2, ...roomPageQueryOf(page._links.next) })) fromSecond.push(room.id);
    assert.deepEqual(fromSecond, all.slice(3));
  });

  test('pages forward through next links and back through prev links', async () => {
    const ids = (rooms: readonly MeetingRoom[]) => rooms.map((room) => room.id);
    const all: string[] = [];
    for await (const room of client.rooms({ pageSize: 1000 })) all.push(room.id);
    assert.ok(all.length >= 9, `needs 9 rooms, has ${all.length}`);

    const first = await client.listRooms({ pageSize: 3 });
    assert.equal(first._links.prev, undefined, 'the first page has no prev link');
    const second = await client.listRooms(roomPageQueryOf(first._links.next!));
    const third = await client.listRooms(roomPageQueryOf(second._links.next!));
    assert.deepEqual([...ids(first._embedded), ...ids(second._embedded), ...ids(third._embedded)], all.slice(0, 9));

    const backToSecond = await client.listRooms(roomPageQueryOf(third._links.prev!));
    assert.deepEqual(ids(backToSecond._embedded), ids(second._embedded));
    const backToFirst = await client.listRooms(roomPageQueryOf(second._links.prev!));
    assert.deepEqual(ids(backToFirst._embedded), ids(first._embedded));

    const last = await client.listRooms({ ...roomPageQueryOf(third._links.next!), pageSize: all.length });
    assert.deepEqual(ids(last._embedded), all.slice(9));
    assert.equal(last._links.next, undefined, 'a page that is not full has no next link');
  });

  test('lists the dial-in numbers the server is configured with', async () => {
    assert.deepEqual(await client.listDialInNumbers(), DIAL_IN_NUMBERS);
  });

  test('throws API refusals as ParleyApiError with the Vonage fields', async () => {
    await assertApiError(client.createRoom({ display_name: 'x', type: 'long_term' }), { status: 400, name: 'InputValidationError', message: '"expires_at" is required' });
    await assertApiError(client.getRoom('no-such-room'), { status: 404, name: 'NotFoundError', message: 'Room no-such-room was not found' });
  });

  test('keeps ids inside their path segment', async () => {
    await assertApiError(client.getRoom('../themes'), { status: 404, name: 'NotFoundError', message: 'Room ../themes was not found' });
  });

  test('throws the gateway 401 of a wrong key as ParleyApiError', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const impostor = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey });
    await assertApiError(impostor.listRooms(), { status: 401, name: 'Unauthorized', message: 'You did not provide correct credentials' });
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
    await assert.rejects(slow.listRooms(), /^Error: GET http:\/\/127\.0\.0\.1:\d+\/v1\/meetings\/rooms timed out after 50 ms$/);
  });

  test('says why a server cannot be reached', async () => {
    const port = await freePort();
    const nowhere = new ParleyMeetingsClient({ baseUrl: `http://127.0.0.1:${port}`, applicationId: server.applicationId, privateKey: server.privateKeyPem });
    await assert.rejects(nowhere.listRooms(), { message: `GET http://127.0.0.1:${port}/v1/meetings/rooms failed: fetch failed (ECONNREFUSED)` });
  });
});
