import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublicRoomInfo } from '@parley/protocol';
import { hashRoomPassword } from '../../rooms/room-password.js';
import { insertTheme } from '../meetings/test-support/logo-flow.js';
import { startMeetingsHarness, type MeetingsHarness } from '../meetings/test-support/meetings-harness.js';

describe('GET /api/public/rooms/:meetingCode', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  /**
   * A room made through the Meetings API. Its theme is attached in the store: these tests are about
   * what the page reads, not about how a room gets its theme.
   */
  async function createRoom(themeId: string | null = null): Promise<{ meeting_code: string }> {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Weekly sync' });
    assert.equal(response.statusCode, 201, response.body);
    const room = response.json<{ id: string; meeting_code: string }>();
    if (themeId !== null) await h.services.rooms.update(room.id, { themeId });
    return room;
  }

  async function roomInfo(url: string): Promise<{ status: number; body: unknown }> {
    const response = await h.app.inject({ method: 'GET', url });
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    return { status: response.statusCode, body: response.json() };
  }

  async function setDefaultTheme(themeId: string | null): Promise<void> {
    await h.services.store.db.updateTable('applications').set({ default_theme_id: themeId }).where('id', '=', h.application.id).execute();
  }

  test("answers the room's own theme, with its logos as public URLs", async () => {
    const theme = await insertTheme(h, h.application.id, {
      mainColor: '#AB34C1',
      brandText: 'Acme Corp',
      shortCompanyUrl: 'acme',
      logos: { white: 'logos/white/w 1', colored: 'logos/colored/c1', favicon: null },
    });
    const room = await createRoom(theme.id);
    const { status, body } = await roomInfo(`/api/public/rooms/${room.meeting_code}`);
    assert.equal(status, 200);
    assert.deepEqual((body as PublicRoomInfo).theme, {
      mainColor: '#AB34C1',
      brandText: 'Acme Corp',
      brandImageColoredUrl: 'http://parley.test/logos/logos/colored/c1',
      brandImageWhiteUrl: 'http://parley.test/logos/logos/white/w%201',
      brandedFaviconUrl: null,
    });
    assert.equal((body as PublicRoomInfo).displayName, 'Weekly sync');
  });

  test("answers the application's default theme for a room without one, and null when there is neither", async () => {
    const room = await createRoom();
    assert.equal(((await roomInfo(`/api/public/rooms/${room.meeting_code}`)).body as PublicRoomInfo).theme, null);

    const fallback = await insertTheme(h, h.application.id, { mainColor: '#123', brandText: 'Default brand', logos: { white: null, colored: null, favicon: 'logos/favicon/f' } });
    await setDefaultTheme(fallback.id);
    try {
      const { status, body } = await roomInfo(`/api/public/rooms/${room.meeting_code}`);
      assert.equal(status, 200);
      assert.deepEqual((body as PublicRoomInfo).theme, {
        mainColor: '#123',
        brandText: 'Default brand',
        brandImageColoredUrl: null,
        brandImageWhiteUrl: null,
        brandedFaviconUrl: 'http://parley.test/logos/logos/favicon/f',
      });
    } finally {
      await setDefaultTheme(null);
    }
  });

  test("a room's own theme wins over the application default", async () => {
    const fallback = await insertTheme(h, h.application.id, { brandText: 'Default brand' });
    const own = await insertTheme(h, h.application.id, { brandText: 'Own brand' });
    await setDefaultTheme(fallback.id);
    try {
      const room = await createRoom(own.id);
      assert.equal(((await roomInfo(`/api/public/rooms/${room.meeting_code}`)).body as PublicRoomInfo).theme?.brandText, 'Own brand');
    } finally {
      await setDefaultTheme(null);
    }
  });

  test("resolves under its theme's short_company_url, and under no company at all", async () => {
    const theme = await insertTheme(h, h.application.id, { shortCompanyUrl: 'globex' });
    const room = await createRoom(theme.id);
    for (const url of [`/api/public/rooms/${room.meeting_code}?company=globex`, `/api/public/rooms/${room.meeting_code}`]) {
      const { status, body } = await roomInfo(url);
      assert.equal(status, 200, url);
      assert.equal((body as PublicRoomInfo).meetingCode, room.meeting_code);
    }
  });

  test("a default theme's short_company_url resolves the application's rooms that have no theme", async () => {
    const fallback = await insertTheme(h, h.application.id, { shortCompanyUrl: 'initech' });
    await setDefaultTheme(fallback.id);
    try {
      const room = await createRoom();
      assert.equal((await roomInfo(`/api/public/rooms/${room.meeting_code}?company=initech`)).status, 200);
    } finally {
      await setDefaultTheme(null);
    }
  });

  test("does not resolve under another company's short_company_url, nor a company for a room without one", async () => {
    const ours = await insertTheme(h, h.application.id, { shortCompanyUrl: 'umbrella' });
    const other = await h.otherApplication();
    await insertTheme(h, other.application.id, { shortCompanyUrl: 'hooli' });
    const themed = await createRoom(ours.id);
    const plain = await createRoom();
    for (const [code, company] of [
      [themed.meeting_code, 'hooli'],
      [themed.meeting_code, 'Umbrella'],
      [themed.meeting_code, ''],
      [plain.meeting_code, 'umbrella'],
      [plain.meeting_code, 'hooli'],
    ] as const) {
      const { status, body } = await roomInfo(`/api/public/rooms/${code}?company=${encodeURIComponent(company)}`);
      assert.equal(status, 404, `${code} under "${company}"`);
      assert.deepEqual(body, { code: 'not_found', message: `There is no meeting with code ${code}` });
    }
  });

  test('answers 404 for a meeting code that does not exist or is not a meeting code', async () => {
    for (const code of ['999999999999', 'abc', '12ab']) {
      const { status, body } = await roomInfo(`/api/public/rooms/${code}`);
      assert.equal(status, 404);
      assert.deepEqual(body, { code: 'not_found', message: `There is no meeting with code ${code}` });
    }
  });

  test('says whether guests need a password, and gives away nothing of it; neither does the Meetings API', async () => {
    const room = await createRoom();
    assert.equal(((await roomInfo(`/api/public/rooms/${room.meeting_code}`)).body as PublicRoomInfo).passwordRequired, false);
    const { id } = (await h.services.rooms.findByMeetingCode(room.meeting_code))!;
    await h.services.rooms.update(id, { passwordHash: await hashRoomPassword('hunter2') });
    const { body } = await roomInfo(`/api/public/rooms/${room.meeting_code}`);
    assert.equal((body as PublicRoomInfo).passwordRequired, true);
    const vonage = await h.call('GET', `/v1/meetings/rooms/${id}`);
    assert.doesNotMatch(JSON.stringify(body), /hunter2|scrypt/);
    assert.doesNotMatch(vonage.body, /hunter2|scrypt|password/i);
  });

  test('may be read by a custom UI on any origin, the answer for no such meeting included', async () => {
    const room = await createRoom();
    for (const code of [room.meeting_code, '999999999999']) {
      const response = await h.app.inject({ method: 'GET', url: `/api/public/rooms/${code}`, headers: { origin: 'https://app.example.com' } });
      assert.equal(response.headers['access-control-allow-origin'], '*', code);
    }
  });
});
