import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { DialInNumber } from '../../config.js';
import type { Application } from '../../store/applications-repository.js';
import { transparentLogo } from '../../themes/test-support/test-pngs.js';
import { MEETINGS_PREFIXES } from './meetings-api.js';
import { startLogoFlowHarness, targetFor, uploadOk, type LogoFlowHarness, type UploadTarget } from './test-support/logo-flow.js';
import { assertRefused, vonageError } from './test-support/meetings-harness.js';
import type { StoredChatMessage } from '../../rooms/chat-message.js';
import { seedChatMessage } from './test-support/chat-fixtures.js';
import { seedRecording, type SeededRecording } from './test-support/recording-fixtures.js';

/**
 * Tenancy, endpoint by endpoint: whatever application B sends, it never reads, changes or lists
 * application A's rooms, themes, recordings, sessions, logo uploads or default theme. A's things are
 * simply not there for B: 404 (never 403, which would confirm they exist), or an answer made of B's
 * things only.
 *
 * The table below has a case for every operation of the Meetings API, and a test holds it against the
 * OpenAPI document, so an endpoint added later without a tenancy case fails here.
 */

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The prefix the OpenAPI document shows; the same routes are served under every one of MEETINGS_PREFIXES. */
const DOCUMENTED_PREFIX = '/v1/meetings';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Deployment-wide configuration, the same for every application: B may see it, and it is nothing of A's. */
const DIAL_IN_NUMBERS: DialInNumber[] = [{ number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' }];

/** Where A's events go: never contacted (no delivery worker runs here), only compared. */
const A_RECEIVER = 'https://receiver-of-a.example/hooks';

interface WireRoom {
  id: string;
  meeting_code: string;
  theme_id: string | null;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

interface WireTheme {
  theme_id: string;
  theme_name: string;
  application_id: string;
  short_company_url: string | null;
  brand_image_white: string | null;
}

interface WireRoomPage {
  page_size: number;
  _embedded: WireRoom[];
  _links: Record<string, { href: string }>;
  total_items: number;
}

interface TenancyCase {
  /** As the OpenAPI document names it: `METHOD /v1/meetings/path/{param}`. */
  operation: string;
  /** What B tries, and what it gets. */
  attempt: string;
  run(): Promise<void>;
}

/** Every row that is an application's or hangs off one of its rooms, and its files on disk. */
interface Footprint {
  accounts: unknown[];
  applications: unknown[];
  rooms: unknown[];
  sessions: unknown[];
  participants: unknown[];
  themes: unknown[];
  logo_uploads: unknown[];
  recordings: unknown[];
  chat_messages: unknown[];
  webhook_deliveries: unknown[];
  /** Base64 of each file, by what it is. */
  files: Record<string, string | null>;
}

describe('tenancy: one application never reaches another application’s things', () => {
  let h: LogoFlowHarness;
  let b: { application: Application; privateKey: KeyObject };

  // A's things, made in `before` as A would make them.
  let aTheme: WireTheme;
  let aRoom: WireRoom;
  let aRecorded: SeededRecording;
  let aRecordedRoom: WireRoom;
  /** What was said in A's recorded session. */
  let aChatMessage: StoredChatMessage;
  let aTargets: UploadTarget[];
  /** A's white logo: uploaded, not yet finalized on any theme. */
  let aUploadKey: string;
  let aRoomSerial: number;
  /** The delivery of A's recorded session's start, queued for A's receiver. */
  let aDeliveryId: string;
  let aWebhookSecret: string;
  /** Every row and file of A's, as it stood before B sent anything. */
  let aFootprint: Footprint;
  /** Strings that name something of A's: none may appear in any answer to B. */
  let aNames: string[];

  // B's own things, so that B's attempts are otherwise valid and its lists have something to filter.
  let bTheme: WireTheme;
  /** B's colored logo: uploaded, not yet finalized. */
  let bUploadKey: string;

  /** The documented operations, and the ones B's requests reached in the current case. */
  let documented: string[];
  let reached = new Set<string>();

  before(async () => {
    h = await startLogoFlowHarness({ config: { dialInNumbers: DIAL_IN_NUMBERS } });
    b = await h.otherApplication();
    documented = await documentedOperations();

    aTheme = await created<WireTheme>(h.call('POST', '/v1/meetings/themes', { theme_name: 'A theme', main_color: '#12f64e', brand_text: 'A brand', short_company_url: 'tenant-a' }));
    const setDefault = await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: aTheme.theme_id } });
    assert.equal(setDefault.statusCode, 200, setDefault.body);
    const receivers = { room_changed: { address: A_RECEIVER }, session_changed: { address: A_RECEIVER }, recording_changed: { address: A_RECEIVER } };
    assert.equal((await h.call('PATCH', '/v1/meetings/applications/webhooks', { update_details: receivers })).statusCode, 200);
    aWebhookSecret = (await h.call('GET', '/v1/meetings/applications/webhooks/secret')).json<{ secret: string }>().secret;
    aRoom = await created<WireRoom>(
      h.call('POST', '/v1/meetings/rooms', { display_name: 'A room', type: 'long_term', expires_at: '2026-06-01T00:00:00.000Z', theme_id: aTheme.theme_id }),
    );
    aRoomSerial = (await h.services.store.db.selectFrom('rooms').select('serial').where('id', '=', aRoom.id).executeTakeFirstOrThrow()).serial;
    // A session of a room of A's (which took A's default theme), with an uploaded recording and its mp4.
    aRecorded = await seedRecording(h, { roomName: 'A recorded room' });
    aRecordedRoom = (await h.call('GET', `/v1/meetings/rooms/${aRecorded.roomId}`)).json();
    aChatMessage = await seedChatMessage(h, aRecorded, 'A secret said in chat');
    aDeliveryId = (await h.services.store.db.selectFrom('webhook_deliveries').select('id').where('event', '=', 'session:started').executeTakeFirstOrThrow()).id;
    aTargets = await h.targets();
    aUploadKey = targetFor(aTargets, 'white').fields.key as string;
    await uploadOk(targetFor(aTargets, 'white'), transparentLogo(200, 80));

    bTheme = await created<WireTheme>(asB('POST', '/v1/meetings/themes', { theme_name: 'B theme', main_color: '#000', brand_text: 'B brand' }));
    const bTargets = (await asB('GET', '/v1/meetings/themes/logos-upload-urls')).json<UploadTarget[]>();
    bUploadKey = targetFor(bTargets, 'colored').fields.key as string;
    await uploadOk(targetFor(bTargets, 'colored'), transparentLogo(200, 80));

    aFootprint = await footprintOfA();
    assert.equal(aFootprint.rooms.length, 2, 'A has its two rooms');
    aNames = [
      h.application.id,
      h.application.accountId,
      aTheme.theme_id,
      aTheme.theme_name,
      'tenant-a',
      aRoom.id,
      aRoom.meeting_code,
      aRecordedRoom.id,
      aRecordedRoom.meeting_code,
      aRecorded.sessionId,
      aRecorded.recording.id,
      aChatMessage.id,
      aChatMessage.participantId,
      aChatMessage.text,
      A_RECEIVER,
      aWebhookSecret,
      aDeliveryId,
      ...aTargets.map((target) => target.fields.key as string),
    ];
  });
  after(() => h.close());

  // ---------------------------------------------------------------------------------------------
  // Calling as B, and what must hold after every call.

  /** A request as B, with a fresh token of B's; the operation it reaches is noted for the case. */
  async function asB(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const token = await h.token({ key: b.privateKey, applicationId: b.application.id });
    reached.add(operationOf(method, url));
    return h.call(method, url, body, { authorization: `Bearer ${token}` });
  }

  /**
   * B's request, under every prefix, is refused with exactly `expected`, and nothing changed: no row
   * of any table (assertRefused), and no file of A's. A GET is also sent as HEAD, which Fastify
   * serves with the same handler.
   */
  async function refused(method: Method, path: string, body: unknown, expected: { status: number; body: unknown }): Promise<void> {
    for (const prefix of MEETINGS_PREFIXES) {
      await assertRefused(h, () => asB(method, `${prefix}${path}`, body), expected);
      if (method === 'GET') {
        const before = await h.databaseSnapshot();
        const head = await asB('HEAD', `${prefix}${path}`);
        assert.equal(head.statusCode, expected.status, `HEAD ${prefix}${path}`);
        assert.equal(head.body, '');
        assert.deepEqual(await h.databaseSnapshot(), before, 'a refused HEAD changed the database');
      }
    }
    await assertAIntact();
  }

  /** B's request is answered with `status`, names nothing of A's (but `allowed`), and leaves A's things as they were. */
  async function answered(method: Method, url: string, body: unknown, status: number, allowed: string[] = []): Promise<LightMyRequestResponse> {
    const response = await asB(method, url, body);
    assert.equal(response.statusCode, status, response.body);
    for (const name of aNames.filter((candidate) => !allowed.includes(candidate))) {
      assert.ok(!response.body.includes(name), `the answer to B names ${name}, which is A's: ${response.body}`);
    }
    await assertAIntact();
    return response;
  }

  async function assertAIntact(): Promise<void> {
    assert.deepEqual(await footprintOfA(), aFootprint, "A's rows or files changed");
  }

  // ---------------------------------------------------------------------------------------------
  // A's footprint: every row that is A's or hangs off one of A's rooms, and A's files.

  async function footprintOfA(): Promise<Footprint> {
    const application = h.application;
    const db = h.services.store.db;
    const roomIds = db.selectFrom('rooms').select('id').where('application_id', '=', application.id);
    const readFile = (file: string | null) => (file !== null && fs.existsSync(file) ? fs.readFileSync(file).toString('base64') : null);
    const logo = await h.services.logoStorage.get(aUploadKey);
    return {
      accounts: await db.selectFrom('accounts').selectAll().where('id', '=', application.accountId).execute(),
      applications: await db.selectFrom('applications').selectAll().where('id', '=', application.id).execute(),
      rooms: await db.selectFrom('rooms').selectAll().where('application_id', '=', application.id).orderBy('serial').execute(),
      sessions: await db.selectFrom('sessions').selectAll().where('room_id', 'in', roomIds).orderBy('id').execute(),
      participants: await db.selectFrom('participants').selectAll().where('room_id', 'in', roomIds).orderBy('id').execute(),
      themes: await db.selectFrom('themes').selectAll().where('application_id', '=', application.id).orderBy('id').execute(),
      logo_uploads: await db.selectFrom('logo_uploads').selectAll().where('application_id', '=', application.id).orderBy('key').execute(),
      recordings: await db.selectFrom('recordings').selectAll().where('room_id', 'in', roomIds).orderBy('id').execute(),
      chat_messages: await db.selectFrom('chat_messages').selectAll().where('room_id', 'in', roomIds).orderBy('serial').execute(),
      webhook_deliveries: await db.selectFrom('webhook_deliveries').selectAll().where('application_id', '=', application.id).orderBy('serial').execute(),
      files: { recording: readFile(aRecorded.absoluteFile), uploadedLogo: logo ? logo.toString('base64') : null },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The OpenAPI document, and which of its operations a request reaches.

  async function documentedOperations(): Promise<string[]> {
    const response = await h.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(response.statusCode, 200);
    const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const operations: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      if (!path.startsWith(`${DOCUMENTED_PREFIX}/`)) continue;
      for (const method of Object.keys(item)) if (HTTP_METHODS.includes(method)) operations.push(`${method.toUpperCase()} ${path}`);
    }
    return operations;
  }

  /**
   * The documented operation `METHOD url` reaches, as the router picks it: under any prefix, static
   * segments before parameters (`/themes/logos-upload-urls` is not `/themes/{theme_id}`). HEAD is
   * named as is: it is not a documented operation, so it never counts for one.
   */
  function operationOf(method: Method, url: string): string {
    const prefix = MEETINGS_PREFIXES.find((candidate) => url.startsWith(`${candidate}/`));
    if (prefix === undefined) return `${method} ${url}`;
    const path = `${DOCUMENTED_PREFIX}${url.slice(prefix.length).replace(/\?.*$/, '')}`;
    const matches = documented.filter((operation) => {
      const [documentedMethod, template = ''] = operation.split(' ');
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return documentedMethod === method && pattern.test(path);
    });
    const parameters = (operation: string) => (operation.match(/\{/g) ?? []).length;
    return matches.sort((x, y) => parameters(x) - parameters(y))[0] ?? `${method} ${path}`;
  }

  // ---------------------------------------------------------------------------------------------
  // The cases. Each runs as B against A's things; refusals go through `refused`, answers through `answered`.

  const roomNotFound = (id: string) => ({ status: 404, body: vonageError('NotFoundError', 404, `Room ${id} was not found`) });
  const themeNotFound = (id: string) => ({ status: 404, body: vonageError('NotFoundError', 404, `could not find theme ${id}`) });
  const keysNotFound = (keys: string[]) => ({
    status: 400,
    body: { ...vonageError('BadRequestError', 400, 'could not finalize logos'), errors: keys.map((logoKey) => ({ logoKey, code: 'key_not_found' })) },
  });

  /** A long-term room of B's for one case; deleted after it, so B's room list stays empty for the others. */
  async function withRoomOfB(use: (room: WireRoom) => Promise<void>): Promise<void> {
    const room = await created<WireRoom>(asB('POST', '/v1/meetings/rooms', { display_name: 'B room', type: 'long_term', expires_at: '2026-06-01T00:00:00.000Z' }));
    try {
      await use(room);
    } finally {
      assert.equal((await asB('DELETE', `/v1/meetings/rooms/${room.id}`)).statusCode, 204);
    }
  }

  const cases: TenancyCase[] = [
    // Rooms
    {
      operation: 'GET /v1/meetings/rooms',
      attempt: "lists none of A's rooms: an empty page, total_items 0, under every prefix",
      async run() {
        for (const prefix of MEETINGS_PREFIXES) {
          const page = (await answered('GET', `${prefix}/rooms`, undefined, 200)).json<WireRoomPage>();
          const href = `${h.services.config.publicUrl}${prefix}/rooms?page_size=20`;
          assert.deepEqual(page, { page_size: 0, _embedded: [], _links: { first: { href }, self: { href } }, total_items: 0 });
        }
      },
    },
    {
      operation: 'GET /v1/meetings/rooms',
      attempt: "lists none of A's rooms even when paging from A's own room serials, and links to none",
      async run() {
        const page = (await answered('GET', `/v1/meetings/rooms?start_id=${aRoomSerial}&end_id=${aRoomSerial + 5}&page_size=1`, undefined, 200)).json<WireRoomPage>();
        assert.deepEqual(page._embedded, []);
        assert.equal(page.total_items, 0);
        assert.deepEqual(Object.keys(page._links).sort(), ['first', 'self'], 'no prev or next link into A’s rooms');
      },
    },
    {
      operation: 'POST /v1/meetings/rooms',
      attempt: "cannot give a new room A's theme: 404 could not find theme",
      async run() {
        await refused('POST', '/rooms', { display_name: 'B room', theme_id: aTheme.theme_id }, themeNotFound(aTheme.theme_id));
      },
    },
    {
      operation: 'POST /v1/meetings/rooms',
      attempt: "makes a room without a theme that takes B's default (none), never A's",
      async run() {
        const room = (await answered('POST', '/v1/meetings/rooms', { display_name: 'B room' }, 201)).json<WireRoom>();
        assert.equal(room.theme_id, null);
        assert.equal(room._links.guest_url.href, `${h.services.config.publicUrl}/${room.meeting_code}`, 'no short URL of A’s');
        assert.equal((await asB('DELETE', `/v1/meetings/rooms/${room.id}`)).statusCode, 204);
      },
    },
    {
      operation: 'GET /v1/meetings/rooms/{room_id}',
      attempt: "cannot read A's rooms: 404 room not found",
      async run() {
        for (const room of [aRoom, aRecordedRoom]) await refused('GET', `/rooms/${room.id}`, undefined, roomNotFound(room.id));
      },
    },
    {
      operation: 'PATCH /v1/meetings/rooms/{room_id}',
      attempt: "cannot change A's room, with update_details or the Node SDK's update_options: 404 room not found",
      async run() {
        const changes = { display_name: 'Taken by B', theme_id: bTheme.theme_id, expires_at: '2026-07-01T00:00:00.000Z' };
        await refused('PATCH', `/rooms/${aRoom.id}`, { update_details: changes }, roomNotFound(aRoom.id));
        await refused('PATCH', `/rooms/${aRoom.id}`, { update_options: changes }, roomNotFound(aRoom.id));
        await refused('PATCH', `/rooms/${aRoom.id}`, { update_details: { theme_id: null } }, roomNotFound(aRoom.id));
      },
    },
    {
      operation: 'PATCH /v1/meetings/rooms/{room_id}',
      attempt: "cannot give its own room A's theme: 404 could not find theme",
      async run() {
        await withRoomOfB(async (room) => {
          await refused('PATCH', `/rooms/${room.id}`, { update_details: { theme_id: aTheme.theme_id } }, themeNotFound(aTheme.theme_id));
        });
      },
    },
    {
      operation: 'DELETE /v1/meetings/rooms/{room_id}',
      attempt: "cannot delete A's rooms: 404 room not found",
      async run() {
        for (const room of [aRoom, aRecordedRoom]) await refused('DELETE', `/rooms/${room.id}`, undefined, roomNotFound(room.id));
      },
    },

    // Themes
    {
      operation: 'GET /v1/meetings/themes',
      attempt: "lists B's theme and none of A's, under every prefix",
      async run() {
        for (const prefix of MEETINGS_PREFIXES) {
          const themes = (await answered('GET', `${prefix}/themes`, undefined, 200)).json<WireTheme[]>();
          assert.deepEqual(themes, [bTheme]);
        }
      },
    },
    {
      operation: 'POST /v1/meetings/themes',
      attempt: "makes a theme of its own under A's theme name, which is free in B: names are per application",
      async run() {
        const theme = (await answered('POST', '/v1/meetings/themes', { theme_name: aTheme.theme_name, main_color: '#000', brand_text: 'B' }, 201, [aTheme.theme_name])).json<WireTheme>();
        assert.equal(theme.application_id, b.application.id);
        assert.notEqual(theme.theme_id, aTheme.theme_id);
        assert.equal((await asB('DELETE', `/v1/meetings/themes/${theme.theme_id}`)).statusCode, 204);
      },
    },
    {
      // Short URLs lead public meeting URLs, so one is unique across the deployment (Vonage's rule too):
      // the single thing of A's that B can bump into. The refusal names nothing else of A's and changes nothing.
      operation: 'POST /v1/meetings/themes',
      attempt: "cannot take A's short_company_url, which public URLs share: 409, nothing else of A's named",
      async run() {
        await refused('POST', '/themes', { main_color: '#000', brand_text: 'B', short_company_url: 'tenant-a' }, {
          status: 409,
          body: vonageError('ConflictError', 409, 'short_company_url already exists'),
        });
      },
    },
    {
      operation: 'GET /v1/meetings/themes/{theme_id}',
      attempt: "cannot read A's theme: 404 could not find theme",
      async run() {
        await refused('GET', `/themes/${aTheme.theme_id}`, undefined, themeNotFound(aTheme.theme_id));
      },
    },
    {
      operation: 'PATCH /v1/meetings/themes/{theme_id}',
      attempt: "cannot change A's theme: 404 could not find theme",
      async run() {
        const changes = { theme_name: 'Taken by B', main_color: '#fff', brand_text: 'B', short_company_url: 'taken-by-b' };
        await refused('PATCH', `/themes/${aTheme.theme_id}`, { update_details: changes }, themeNotFound(aTheme.theme_id));
        await refused('PATCH', `/themes/${aTheme.theme_id}`, { update_details: { short_company_url: null } }, themeNotFound(aTheme.theme_id));
      },
    },
    {
      operation: 'DELETE /v1/meetings/themes/{theme_id}',
      attempt: "cannot delete A's theme, forced or not, nor learn its uses: 404 could not find theme",
      async run() {
        for (const query of ['', '?force=false', '?force=true']) {
          await refused('DELETE', `/themes/${aTheme.theme_id}${query}`, undefined, themeNotFound(aTheme.theme_id));
        }
      },
    },
    {
      operation: 'GET /v1/meetings/themes/{theme_id}/rooms',
      attempt: "cannot list the rooms of A's theme: 404",
      async run() {
        await refused('GET', `/themes/${aTheme.theme_id}/rooms`, undefined, {
          status: 404,
          body: vonageError('NotFoundError', 404, `Failed to get rooms because theme id ${aTheme.theme_id} not found`),
        });
      },
    },
    {
      operation: 'GET /v1/meetings/themes/logos-upload-urls',
      attempt: "gets upload targets of its own, none of A's, and A's targets stay A's",
      async run() {
        for (const prefix of MEETINGS_PREFIXES) {
          const before = new Set((await h.services.store.db.selectFrom('logo_uploads').select('key').execute()).map((row) => row.key));
          const targets = (await answered('GET', `${prefix}/themes/logos-upload-urls`, undefined, 200)).json<UploadTarget[]>();
          assert.deepEqual(targets.map((target) => target.fields.logoType), ['white', 'colored', 'favicon']);
          const added = await h.services.store.db.selectFrom('logo_uploads').select(['key', 'application_id']).execute();
          assert.deepEqual(
            added.filter((row) => !before.has(row.key)).sort((x, y) => x.key.localeCompare(y.key)),
            targets.map((target) => ({ key: target.fields.key, application_id: b.application.id })).sort((x, y) => String(x.key).localeCompare(String(y.key))),
          );
        }
      },
    },
    {
      operation: 'PUT /v1/meetings/themes/{theme_id}/finalizeLogos',
      attempt: "cannot put A's uploaded logo on its own theme, even beside a good key of its own: 400 key_not_found",
      async run() {
        await refused('PUT', `/themes/${bTheme.theme_id}/finalizeLogos`, { keys: [aUploadKey] }, keysNotFound([aUploadKey]));
        await refused('PUT', `/themes/${bTheme.theme_id}/finalizeLogos`, { keys: [aUploadKey, bUploadKey] }, keysNotFound([aUploadKey]));
      },
    },
    {
      operation: 'PUT /v1/meetings/themes/{theme_id}/finalizeLogos',
      attempt: "cannot put any logo on A's theme, its own or A's: 404 could not find theme",
      async run() {
        for (const keys of [[bUploadKey], [aUploadKey]]) {
          await refused('PUT', `/themes/${aTheme.theme_id}/finalizeLogos`, { keys }, themeNotFound(aTheme.theme_id));
        }
      },
    },

    // The application default theme
    {
      operation: 'PATCH /v1/meetings/applications',
      attempt: "cannot make A's theme its default: 400, as for a theme that does not exist",
      async run() {
        await refused('PATCH', '/applications', { update_details: { default_theme_id: aTheme.theme_id } }, {
          status: 400,
          body: vonageError('BadRequestError', 400, `Failed to update application because theme id ${aTheme.theme_id} not found`),
        });
      },
    },
    {
      operation: 'PATCH /v1/meetings/applications',
      attempt: "sets and clears its own default, and A's default stays A's",
      async run() {
        for (const themeId of [bTheme.theme_id, null]) {
          const application = (await answered('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: themeId } }, 200)).json();
          assert.deepEqual(application, { application_id: b.application.id, account_id: b.application.accountId, default_theme_id: themeId });
        }
      },
    },

    // Recordings and sessions
    {
      operation: 'GET /v1/meetings/recordings/{recording_id}',
      attempt: "cannot read A's recording nor get its download link: 404",
      async run() {
        const id = aRecorded.recording.id;
        await refused('GET', `/recordings/${id}`, undefined, { status: 404, body: vonageError('NotFoundError', 404, `Recording ${id} was not found`) });
      },
    },
    {
      operation: 'DELETE /v1/meetings/recordings/{recording_id}',
      attempt: "cannot delete A's recording, row or file: 404",
      async run() {
        await refused('DELETE', `/recordings/${aRecorded.recording.id}`, undefined, { status: 404, body: vonageError('NotFoundError', 404, 'Could not find recording') });
      },
    },
    {
      operation: 'POST /v1/meetings/recordings/{recording_id}/retry',
      attempt: "cannot process A's recording again: 404",
      async run() {
        const id = aRecorded.recording.id;
        await refused('POST', `/recordings/${id}/retry`, undefined, { status: 404, body: vonageError('NotFoundError', 404, `Recording ${id} was not found`) });
      },
    },
    {
      operation: 'POST /v1/meetings/rooms/{room_id}/recording',
      attempt: "cannot start recording A's room: 404",
      async run() {
        await refused('POST', `/rooms/${aRoom.id}/recording`, undefined, roomNotFound(aRoom.id));
      },
    },
    {
      operation: 'DELETE /v1/meetings/rooms/{room_id}/recording',
      attempt: "cannot stop recording A's room: 404",
      async run() {
        await refused('DELETE', `/rooms/${aRoom.id}/recording`, undefined, roomNotFound(aRoom.id));
      },
    },
    {
      operation: 'GET /v1/meetings/sessions/{session_id}/recordings',
      attempt: "cannot list the recordings of A's session: 404",
      async run() {
        const id = aRecorded.sessionId;
        await refused('GET', `/sessions/${id}/recordings`, undefined, {
          status: 404,
          body: vonageError('NotFoundError', 404, `Failed to find session recordings by id: ${id}`),
        });
      },
    },
    {
      operation: 'GET /v1/meetings/sessions/{session_id}',
      attempt: "cannot list the recordings of A's session at the Node SDK's path either: 404",
      async run() {
        const id = aRecorded.sessionId;
        await refused('GET', `/sessions/${id}`, undefined, { status: 404, body: vonageError('NotFoundError', 404, `Failed to find session recordings by id: ${id}`) });
      },
    },

    // Chat transcripts (a Parley extension)
    {
      operation: 'GET /v1/meetings/sessions/{session_id}/chat',
      attempt: "cannot read the chat of A's session: 404, as for a session that does not exist",
      async run() {
        const id = aRecorded.sessionId;
        await refused('GET', `/sessions/${id}/chat`, undefined, { status: 404, body: vonageError('NotFoundError', 404, `Failed to find session by id: ${id}`) });
      },
    },

    // Webhooks (a Parley extension)
    {
      operation: 'GET /v1/meetings/applications/webhooks',
      attempt: "reads its own receivers (none), never A's",
      async run() {
        const receivers = (await answered('GET', '/v1/meetings/applications/webhooks', undefined, 200)).json();
        assert.deepEqual(receivers, { room_changed: null, session_changed: null, recording_changed: null });
      },
    },
    {
      operation: 'PATCH /v1/meetings/applications/webhooks',
      attempt: "sets and removes its own receivers, and A's stay A's",
      async run() {
        const own = { address: 'https://receiver-of-b.example/hooks', http_method: 'POST' };
        const set = (await answered('PATCH', '/v1/meetings/applications/webhooks', { update_details: { session_changed: own } }, 200)).json();
        assert.deepEqual(set, { room_changed: null, session_changed: own, recording_changed: null });
        const removed = (await answered('PATCH', '/v1/meetings/applications/webhooks', { update_details: { session_changed: null } }, 200)).json();
        assert.deepEqual(removed, { room_changed: null, session_changed: null, recording_changed: null });
      },
    },
    {
      operation: 'GET /v1/meetings/applications/webhooks/secret',
      attempt: "reads its own signing secret, which is not A's",
      async run() {
        const { secret } = (await answered('GET', '/v1/meetings/applications/webhooks/secret', undefined, 200)).json<{ secret: string }>();
        assert.match(secret, /^whsec_/);
      },
    },
    {
      operation: 'POST /v1/meetings/applications/webhooks/secret',
      attempt: "rotates its own secret; A's secret is untouched",
      async run() {
        const rotated = (await answered('POST', '/v1/meetings/applications/webhooks/secret', undefined, 200)).json<{ secret: string; previous_secret_expires_at: string }>();
        assert.match(rotated.secret, /^whsec_/);
        assert.ok(rotated.previous_secret_expires_at);
      },
    },
    {
      operation: 'GET /v1/meetings/webhooks/deliveries',
      attempt: "lists none of A's deliveries, in any status",
      async run() {
        for (const query of ['', '?status=pending', `?before=${Number.MAX_SAFE_INTEGER}`]) {
          const page = (await answered('GET', `/v1/meetings/webhooks/deliveries${query}`, undefined, 200)).json<{ page_size: number; _embedded: { deliveries: unknown[] } }>();
          assert.equal(page.page_size, 0);
          assert.deepEqual(page._embedded.deliveries, []);
        }
      },
    },
    {
      operation: 'GET /v1/meetings/webhooks/deliveries/{delivery_id}',
      attempt: "cannot read A's delivery: 404",
      async run() {
        await refused('GET', `/webhooks/deliveries/${aDeliveryId}`, undefined, { status: 404, body: vonageError('NotFoundError', 404, `Webhook delivery ${aDeliveryId} was not found`) });
      },
    },
    {
      operation: 'POST /v1/meetings/webhooks/deliveries/{delivery_id}/redeliver',
      attempt: "cannot send A's delivery again: 404",
      async run() {
        await refused('POST', `/webhooks/deliveries/${aDeliveryId}/redeliver`, undefined, {
          status: 404,
          body: vonageError('NotFoundError', 404, `Webhook delivery ${aDeliveryId} was not found`),
        });
      },
    },

    // Dial-in numbers
    {
      operation: 'GET /v1/meetings/dial-in-numbers',
      attempt: "gets the deployment's numbers and nothing of A's, under every prefix",
      async run() {
        for (const prefix of MEETINGS_PREFIXES) {
          assert.deepEqual((await answered('GET', `${prefix}/dial-in-numbers`, undefined, 200)).json(), DIAL_IN_NUMBERS);
        }
      },
    },
  ];

  test('every operation of the Meetings API in the OpenAPI document has a tenancy case, and every case names one', () => {
    const covered = new Set(cases.map((tenancyCase) => tenancyCase.operation));
    // A sanity floor: a document that lost its Meetings routes would otherwise pass by being empty.
    assert.ok(documented.length >= 19, `only ${documented.length} Meetings operations documented`);
    assert.deepEqual(documented.filter((operation) => !covered.has(operation)), [], 'operations without a tenancy case');
    assert.deepEqual([...covered].filter((operation) => !documented.includes(operation)), [], 'cases naming no documented operation');
  });

  for (const tenancyCase of cases) {
    test(`${tenancyCase.operation}: B ${tenancyCase.attempt}`, async () => {
      reached = new Set();
      await tenancyCase.run();
      // The case sent what it claims to test, so the coverage check above counts real requests.
      assert.ok(reached.has(tenancyCase.operation), `the case never sent ${tenancyCase.operation}; it sent ${[...reached].join(', ')}`);
    });
  }

  test('afterwards A still has, and sees, all its things as they were', async () => {
    await assertAIntact();
    const withoutHostUrl = ({ _links, ...room }: WireRoom) => ({ ...room, guest_url: _links.guest_url.href });
    for (const room of [aRoom, aRecordedRoom]) {
      const response = await h.call('GET', `/v1/meetings/rooms/${room.id}`);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(withoutHostUrl(response.json()), withoutHostUrl(room));
    }
    const page = (await h.call('GET', '/v1/meetings/rooms')).json<WireRoomPage>();
    assert.deepEqual(page._embedded.map((room) => room.id), [aRoom.id, aRecordedRoom.id]);
    assert.equal(page.total_items, 2);
    const themed = (await h.call('GET', `/v1/meetings/themes/${aTheme.theme_id}/rooms`)).json<WireRoomPage>();
    assert.deepEqual(themed._embedded.map((room) => room.id), [aRoom.id, aRecordedRoom.id]);
    assert.deepEqual((await h.call('GET', '/v1/meetings/themes')).json(), [aTheme]);
    assert.deepEqual((await h.call('GET', `/v1/meetings/themes/${aTheme.theme_id}`)).json(), aTheme);

    const recording = await h.call('GET', `/v1/meetings/recordings/${aRecorded.recording.id}`);
    assert.equal(recording.statusCode, 200);
    const link = new URL(recording.json<{ _links: { url: { href: string } } }>()._links.url.href);
    const download = await h.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    assert.equal(download.statusCode, 200);
    assert.ok(aRecorded.absoluteFile);
    assert.deepEqual(download.rawPayload, fs.readFileSync(aRecorded.absoluteFile));
    const sessionRecordings = (await h.call('GET', `/v1/meetings/sessions/${aRecorded.sessionId}/recordings`)).json();
    assert.deepEqual(sessionRecordings._embedded.recordings.map((r: { id: string }) => r.id), [aRecorded.recording.id]);
    const chat = (await h.call('GET', `/v1/meetings/sessions/${aRecorded.sessionId}/chat`)).json();
    assert.deepEqual(chat._embedded.messages.map((m: { id: string }) => m.id), [aChatMessage.id]);

    // The default is still A's theme: a new room of A's takes it.
    assert.equal((await created<WireRoom>(h.call('POST', '/v1/meetings/rooms', { display_name: 'A again' }))).theme_id, aTheme.theme_id);
    // A's upload survived every attempt of B's: A can still finalize it.
    const finalized = await h.call('PUT', `/v1/meetings/themes/${aTheme.theme_id}/finalizeLogos`, { keys: [aUploadKey] });
    assert.equal(finalized.statusCode, 200, finalized.body);
    assert.match(finalized.json<WireTheme>().brand_image_white ?? '', new RegExp(`^themes/${aTheme.theme_id}/white/`));
  });
});

/** The JSON of a 201 answer. */
async function created<T>(response: Promise<LightMyRequestResponse>): Promise<T> {
  const answer = await response;
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json<T>();
}
