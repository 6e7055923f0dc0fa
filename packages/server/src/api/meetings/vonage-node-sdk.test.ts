import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Auth } from '@vonage/auth';
import { JoinType, LogoType, MeetingType, Meetings, type MeetingRoom, type Theme } from '@vonage/meetings';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { freePort } from '../../free-port.js';
import { createApplication } from '../../identity/applications.js';
import { transparentLogo } from '../../themes/test-support/test-pngs.js';
import { createTestServices } from '../../test-support/test-services.js';

/**
 * The official Vonage Node SDK, unchanged, pointed at Parley with `meetingsHost`: the compatibility
 * promise to existing users, checked over a real socket for every method the SDK has.
 *
 * Its types describe its input loosely (every room needs `type` and `availableFeatures`, `startId` is
 * a string), so a few literals are built as `MeetingRoom` and `Theme` the way its users write them.
 */

/** What the SDK throws for an answer other than 2xx: a VetchError carrying the fetch Response. */
interface VetchError extends Error {
  response: Response;
}

/** The refusal `send` must end in: the SDK's error for the status, and Parley's Vonage error body. */
async function assertRefusedWith(send: Promise<unknown>, status: number, body: Record<string, unknown>): Promise<void> {
  let caught: unknown;
  await send.catch((error: unknown) => {
    caught = error;
  });
  assert.ok(caught instanceof Error, `expected a refusal with status ${status}, got success`);
  assert.equal(caught.message, `Request failed with status code ${status}`);
  const response = (caught as VetchError).response;
  assert.match(response.headers.get('content-type') ?? '', /^application\/json\b/);
  assert.deepEqual(await response.json(), { status, ...body });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * Parley's refusal of what `uploadIcon` posts, which the SDK passes on after its own prefix. Only how
 * the body arrived may vary, with the SDK's HTTP layer: nothing, or the text "[object FormData]" (the
 * two bodies the advice itself names). The rest is exact.
 */
const UPLOAD_ICON_REFUSAL = new RegExp(
  '^' +
    escapeRegExp('Failed to upload to AWS: The body is not a multipart/form-data upload: ') +
    '(it arrived empty, with no Content-Type|it arrived as 17 bytes with Content-Type [^.":]+: "\\[object FormData\\]")' +
    escapeRegExp(
      '. An upload is a multipart/form-data POST (or PUT) of every field of the upload target, in the order given, then the PNG in a part named "file". ' +
        'The @vonage/meetings Node SDK cannot send one (its uploadIcon posts "[object FormData]" or nothing): ' +
        'upload the file with any multipart client, then call PUT /v1/meetings/themes/<theme_id>/finalizeLogos with its key.',
    ) +
    '$',
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('@vonage/meetings against Parley', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let app: FastifyInstance;
  let meetings: Meetings;
  let meetingsHost: string;
  let applicationId: string;
  let accountId: string;
  /** Every request the server received, as `METHOD /path?query`, to check which calls the SDK made. */
  let requests: string[] = [];

  before(async () => {
    // Published where it listens: the SDK follows the upload target the server hands out.
    const port = await freePort();
    meetingsHost = `http://127.0.0.1:${port}`;
    services = await createTestServices({
      config: { port, publicUrl: meetingsHost, rateLimitPerSecond: 0, dialInNumbers: [{ number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' }] },
    });
    app = await buildApp(services);
    app.addHook('onRequest', async (request) => {
      requests.push(`${request.method} ${request.url}`);
    });
    await app.listen({ host: '127.0.0.1', port });
    const { application, privateKeyPem } = await createApplication(services, { name: 'Vonage SDK' });
    applicationId = application.id;
    accountId = application.accountId;
    meetings = new Meetings(new Auth({ applicationId: application.id, privateKey: privateKeyPem }), { meetingsHost, timeout: 5000 });
  });
  beforeEach(() => {
    requests = [];
  });
  after(async () => {
    await app.close();
    await services.dispose();
  });

  describe('rooms', () => {
    test('createRoom sends only the top-level keys it knows, and gets a camel-cased room back', async () => {
      const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const room = await meetings.createRoom({
        displayName: 'From @vonage/meetings',
        metadata: 'code=1123',
        type: MeetingType.LONG_TERM,
        expiresAt,
        expireAfterUse: true,
        joinApprovalLevel: JoinType.AFTER_OWNER_ONLY,
        // Dropped by the SDK's lodash.pick (no dotted paths): the server must apply its defaults.
        availableFeatures: { isChatAvailable: false },
      });
      assert.match(room.id ?? '', /^[0-9a-f-]{36}$/);
      // Compared as plain data: the SDK's types say `themeId?: string`, the wire says null.
      assert.deepEqual<unknown>(room, {
        id: room.id,
        displayName: 'From @vonage/meetings',
        metadata: 'code=1123',
        type: 'long_term',
        expiresAt,
        recordingOptions: { autoRecord: false, recordOnlyOwner: false },
        meetingCode: room.meetingCode,
        createdAt: room.createdAt,
        isAvailable: true,
        expireAfterUse: true,
        themeId: null,
        initialJoinOptions: { microphoneState: 'default' },
        joinApprovalLevel: 'after_owner_only',
        uiSettings: { language: 'en' },
        availableFeatures: {
          isRecordingAvailable: true,
          isChatAvailable: true,
          isWhiteboardAvailable: true,
          isLocaleSwitcherAvailable: false,
          isCaptionsAvailable: false,
        },
        hostUrl: room.hostUrl,
        guestUrl: `${meetingsHost}/${room.meetingCode}`,
      });
      assert.match(room.meetingCode ?? '', /^\d{10}$/);
      assert.match(room.hostUrl ?? '', new RegExp(`^${meetingsHost}/\\?room_token=${room.meetingCode}&participant_token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
      assert.deepEqual(requests, ['POST /v1/meetings/rooms']);
    });

    test('getRoom reads a room back', async () => {
      const created = await meetings.createRoom({ displayName: 'Read me' } as MeetingRoom);
      const room = await meetings.getRoom(created.id as string);
      assert.deepEqual({ ...room, hostUrl: undefined }, { ...created, hostUrl: undefined });
      assert.equal(room.type, 'instant');
      assert.equal(Date.parse(room.expiresAt ?? '') - Date.parse(room.createdAt ?? ''), 10 * 60_000);
    });

    test('updateRoom sends update_options, which Parley applies to a long-term room', async () => {
      const room = await meetings.createRoom({ displayName: 'Before', type: MeetingType.LONG_TERM, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } as MeetingRoom);
      const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
      const updated = await meetings.updateRoom(room.id as string, {
        displayName: 'After',
        // The SDK sends the room type too; a room's type is fixed, so it is ignored.
        type: MeetingType.INSTANT,
        expiresAt,
        expireAfterUse: true,
        joinApprovalLevel: JoinType.EXPLICIT_APPROVAL,
        availableFeatures: { isChatAvailable: false },
      });
      assert.deepEqual(requests.slice(-1), [`PATCH /v1/meetings/rooms/${room.id}`]);
      assert.equal(updated.id, room.id);
      assert.equal(updated.displayName, 'After');
      assert.equal(updated.type, 'long_term');
      assert.equal(updated.expiresAt, expiresAt);
      assert.equal(updated.expireAfterUse, true);
      assert.equal(updated.joinApprovalLevel, 'explicit_approval');
      // Not among the keys the SDK sends: unchanged.
      assert.equal(updated.availableFeatures.isChatAvailable, true);
      assert.equal(updated.meetingCode, room.meetingCode);
      assert.deepEqual({ ...(await meetings.getRoom(room.id as string)), hostUrl: undefined }, { ...updated, hostUrl: undefined });
    });

    test('updateRoom of an instant room is refused with Vonage\'s error', async () => {
      const room = await meetings.createRoom({ displayName: 'Instant' } as MeetingRoom);
      await assertRefusedWith(meetings.updateRoom(room.id as string, { displayName: 'No' } as MeetingRoom), 400, {
        name: 'BadRequestError',
        message: `The room with id: ${room.id} could not be updated because of its type: temporary`,
      });
      assert.equal((await meetings.getRoom(room.id as string)).displayName, 'Instant');
    });

    test('getRooms follows next links through every page and stops', async () => {
      for (let i = 0; i < 5; i++) await meetings.createRoom({ displayName: `paged ${i}` } as MeetingRoom);
      // getRoomPage hands back the raw page, snake_case keys and all.
      const total = ((await meetings.getRoomPage({})) as unknown as { total_items: number }).total_items;
      const everyRoom = await services.store.db.selectFrom('rooms').select('id').orderBy('serial').execute();
      assert.equal(total, everyRoom.length);
      requests = [];
      const seen = (await collect(meetings.getRooms({ pageSize: 2 }))).map((room) => room.id);
      assert.deepEqual(seen, everyRoom.map((row) => row.id));
      // One request per page; a full last page costs one more, empty, request and no more.
      const pages = Math.ceil(total / 2) + (total % 2 === 0 ? 1 : 0);
      assert.equal(requests.length, pages, requests.join('\n'));
      assert.deepEqual(requests[0], 'GET /v1/meetings/rooms?page_size=2');
      for (const request of requests.slice(1)) assert.match(request, /^GET \/v1\/meetings\/rooms\?page_size=2&start_id=\d+$/);
    });

    test('getRoomPage walks the pages by hand with start_id from the next link', async () => {
      const first = (await meetings.getRoomPage({ pageSize: 3 })) as unknown as { page_size: number; _embedded: { id: string }[]; _links: { next?: { href: string } } };
      assert.equal(first.page_size, 3);
      const startId = new URL(first._links.next?.href ?? '').searchParams.get('start_id') ?? '';
      assert.match(startId, /^\d+$/);
      const second = (await meetings.getRoomPage({ pageSize: 3, startId })) as unknown as { _embedded: { id: string }[] };
      const everyRoom = await services.store.db.selectFrom('rooms').select('id').orderBy('serial').limit(6).execute();
      assert.deepEqual([...first._embedded, ...second._embedded].map((room) => room.id), everyRoom.map((row) => row.id));
    });

    test('a refusal reaches the caller as the SDK error for that status', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      await assertRefusedWith(meetings.getRoom(missing), 404, { name: 'NotFoundError', message: `Room ${missing} was not found` });
    });
  });

  describe('themes', () => {
    let theme: Theme;

    test('createTheme, getTheme and getThemes', async () => {
      assert.deepEqual(await collect(meetings.getThemes()), []);
      theme = await meetings.createTheme({ themeName: 'Vonage SDK theme', mainColor: '#12f64e', brandText: 'Acme', shortCompanyUrl: 'acme-sdk' });
      assert.match(theme.themeId ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual<unknown>(theme, {
        themeId: theme.themeId,
        themeName: 'Vonage SDK theme',
        domain: 'VCP',
        accountId,
        applicationId,
        mainColor: '#12f64e',
        shortCompanyUrl: 'acme-sdk',
        brandText: 'Acme',
        brandImageColored: null,
        brandImageWhite: null,
        brandedFavicon: null,
        brandImageWhiteUrl: null,
        brandImageColoredUrl: null,
        brandedFaviconUrl: null,
      });
      assert.deepEqual(await meetings.getTheme(theme.themeId as string), theme);
      const second = await meetings.createTheme({ mainColor: '#fff', brandText: 'Second' });
      assert.match(second.themeName ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(await collect(meetings.getThemes()), [theme, second]);
      await meetings.deleteTheme(second.themeId as string);
    });

    test('createTheme of a name in use is refused with 409', async () => {
      await assertRefusedWith(meetings.createTheme({ themeName: 'Vonage SDK theme', mainColor: '#000', brandText: 'Again' }), 409, {
        name: 'ConflictError',
        message: 'theme_name already exists in application',
      });
    });

    test('updateTheme sends update_details and gets the theme back', async () => {
      const updated = await meetings.updateTheme(theme.themeId as string, { mainColor: '#000000', brandText: 'Acme Inc.' });
      assert.deepEqual(updated, { ...theme, mainColor: '#000000', brandText: 'Acme Inc.' });
      assert.deepEqual(requests, [`PATCH /v1/meetings/themes/${theme.themeId}`]);
      theme = updated;
    });

    test('getRoomsForTheme pages through the rooms of a theme; getRoomsForThemePage gives one page', async () => {
      const themed: string[] = [];
      for (let i = 0; i < 5; i++) {
        themed.push((await meetings.createRoom({ displayName: `themed ${i}`, themeId: theme.themeId } as MeetingRoom)).id as string);
        await meetings.createRoom({ displayName: `unthemed ${i}` } as MeetingRoom);
      }
      requests = [];
      const rooms = await collect(meetings.getRoomsForTheme(theme.themeId as string, { pageSize: 2 }));
      assert.deepEqual(rooms.map((room) => room.id), themed);
      assert.ok(rooms.every((room) => room.themeId === theme.themeId && room.guestUrl === `${meetingsHost}/acme-sdk/${room.meetingCode}`));
      assert.equal(requests.length, 3, requests.join('\n'));
      for (const request of requests.slice(1)) assert.match(request, new RegExp(`^GET /v1/meetings/themes/${theme.themeId}/rooms\\?page_size=2&start_id=\\d+$`));

      const page = (await meetings.getRoomsForThemePage(theme.themeId as string, { pageSize: 3 })) as unknown as { page_size: number; total_items: number; _embedded: { id: string }[] };
      assert.equal(page.page_size, 3);
      assert.equal(page.total_items, 5);
      assert.deepEqual(page._embedded.map((room) => room.id), themed.slice(0, 3));
    });

    test('setDefaultTheme makes new rooms take the theme', async () => {
      assert.equal(await meetings.setDefaultTheme(theme.themeId as string), true);
      assert.deepEqual(requests, ['PATCH /v1/meetings/applications']);
      const app = await services.applications.findApplication(applicationId);
      assert.equal(app?.defaultThemeId, theme.themeId);
      assert.equal((await meetings.createRoom({ displayName: 'Defaulted' } as MeetingRoom)).themeId, theme.themeId);
      await assertRefusedWith(meetings.setDefaultTheme('not-a-real-theme-id'), 400, {
        name: 'BadRequestError',
        message: 'Failed to update application because theme id not-a-real-theme-id not found',
      });
    });

    test('uploadIcon is refused at the upload step, with a message saying why and what to do', async () => {
      // A logo that meets every requirement: the refusal is the SDK's upload, never the file.
      const logoFile = path.join(services.config.dataDir, 'logo.png');
      fs.writeFileSync(logoFile, transparentLogo(200, 80));
      await assert.rejects(meetings.uploadIcon(theme.themeId as string, LogoType.WHITE, logoFile), (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, UPLOAD_ICON_REFUSAL);
        return true;
      });
      // The SDK asked for targets, posted to Parley's, and stopped: the theme is untouched, the targets
      // it was handed took no file, and nothing reached the logo store.
      assert.deepEqual(requests.map((request) => request.replace(/\?.*/, '')), ['GET /v1/meetings/themes/logos-upload-urls', 'POST /uploads/logos']);
      assert.deepEqual(await meetings.getTheme(theme.themeId as string), theme);
      const uploads = await services.store.db.selectFrom('logo_uploads').select(['uploaded_at']).execute();
      assert.deepEqual(uploads, [{ uploaded_at: null }, { uploaded_at: null }, { uploaded_at: null }]);
      assert.equal(fs.existsSync(path.join(services.config.dataDir, 'logos')), false);
    });

    test('deleteTheme of a theme in use is refused; with force it goes, and its rooms lose it', async () => {
      const themedRooms = await services.store.db.selectFrom('rooms').select('id').where('theme_id', '=', theme.themeId as string).execute();
      await assertRefusedWith(meetings.deleteTheme(theme.themeId as string), 400, {
        name: 'BadRequestError',
        message: 'could not delete theme',
        errors: [`Theme ${theme.themeId} is used by ${themedRooms.length} rooms`, `Theme ${theme.themeId} is used as application ${applicationId} default theme`],
      });
      requests = [];
      await meetings.deleteTheme(theme.themeId as string, true);
      assert.deepEqual(requests, [`DELETE /v1/meetings/themes/${theme.themeId}?force=true`]);
      await assertRefusedWith(meetings.getTheme(theme.themeId as string), 404, { name: 'NotFoundError', message: `could not find theme ${theme.themeId}` });
      for (const { id } of themedRooms) assert.equal((await meetings.getRoom(id)).themeId, null);
      assert.equal((await services.applications.findApplication(applicationId))?.defaultThemeId, null);
      assert.deepEqual(await collect(meetings.getThemes()), []);
    });
  });

  describe('recordings', () => {
    let sessionId: string;
    let uploadedId: string;
    let startedId: string;
    /** The uploaded recording's times as stored, which the SDK must hand back unchanged. */
    let uploadedTimes: { startedAt: string; endedAt: string };
    let fileBytes: Buffer;
    let filePath: string;

    /** A finished session with two recordings, written through the repositories as the recording pipeline (a later part) will. */
    before(async () => {
      const room = await meetings.createRoom({ displayName: 'Recorded' } as MeetingRoom);
      sessionId = randomUUID();
      const startedAt = Date.now() - 120_000;
      const at = (offsetMs: number) => new Date(startedAt + offsetMs).toISOString();
      await services.sessions.start({ id: sessionId, roomId: room.id as string, startedAt: at(0) });
      uploadedId = randomUUID();
      const relativePath = path.join('recordings', `${uploadedId}.mp4`);
      filePath = path.join(services.config.dataDir, relativePath);
      fileBytes = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.from(`recording ${uploadedId}`)]);
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, fileBytes);
      const base = { roomId: room.id as string, sessionId, onlyOwner: false, failureReason: null };
      uploadedTimes = { startedAt: at(1_000), endedAt: at(39_000) };
      await services.recordings.insert({ ...base, id: uploadedId, status: 'uploaded', ...uploadedTimes, filePath: relativePath, byteSize: fileBytes.length, progress: 100, createdAt: at(1_000) });
      startedId = randomUUID();
      await services.recordings.insert({ ...base, id: startedId, status: 'started', startedAt: at(60_000), endedAt: null, filePath: null, byteSize: null, progress: 0, createdAt: at(60_000) });
    });

    test('getRecording gives the recording, its url a download of the file', async () => {
      const recording = await meetings.getRecording(uploadedId);
      const url = recording.url;
      assert.deepEqual(recording, {
        id: uploadedId,
        sessionId,
        ...uploadedTimes,
        status: 'uploaded',
        // Parley's extensions come through, camel-cased like every key.
        state: 'uploaded',
        progress: 100,
        links: { url: { href: url } },
        url,
      });
      assert.match(url, new RegExp(`^${meetingsHost}/recordings/${uploadedId}/download\\?expires=\\d+&signature=[\\w-]+$`));
      const download = await fetch(url);
      assert.equal(download.status, 200);
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), fileBytes);
    });

    test('getSessionRecordings calls /sessions/:id and yields every recording of the session', async () => {
      const recordings = await collect(meetings.getSessionRecordings(sessionId));
      assert.deepEqual(requests, [`GET /v1/meetings/sessions/${sessionId}`]);
      assert.deepEqual(recordings.map((r) => [r.id, r.sessionId, r.status, typeof r.url]), [
        [uploadedId, sessionId, 'uploaded', 'string'],
        [startedId, sessionId, 'started', 'undefined'],
      ]);
      await assertRefusedWith(collect(meetings.getSessionRecordings('not-a-real-session-id')), 404, {
        name: 'NotFoundError',
        message: 'Failed to find session recordings by id: not-a-real-session-id',
      });
    });

    test('deleteRecording deletes an uploaded recording and its file, and refuses one still being made', async () => {
      await assertRefusedWith(meetings.deleteRecording(startedId), 403, { name: 'ForbiddenError', message: "Can only delete recordings in 'uploaded' status" });
      await meetings.deleteRecording(uploadedId);
      assert.equal(fs.existsSync(filePath), false);
      await assertRefusedWith(meetings.getRecording(uploadedId), 404, { name: 'NotFoundError', message: `Recording ${uploadedId} was not found` });
      await assertRefusedWith(meetings.deleteRecording(uploadedId), 404, { name: 'NotFoundError', message: 'Could not find recording' });
    });
  });

  test('getDialInNumbers yields the configured numbers, camel-cased', async () => {
    assert.deepEqual(await collect(meetings.getDialInNumbers()), [{ number: '442381924626', locale: 'en-GB', displayName: 'United Kingdom' }]);
    assert.deepEqual(requests, ['GET /v1/meetings/dial-in-numbers']);
  });
});
