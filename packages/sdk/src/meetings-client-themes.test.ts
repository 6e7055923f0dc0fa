import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ParleyApiError } from './api-error.js';
import { ParleyMeetingsClient } from './meetings-client.js';
import { roomPageQueryOf } from './room-pages.js';
import { assertApiError } from './test-support/api-errors.js';
import { logoPng } from './test-support/logo-images.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import type { MeetingRoom } from './wire/room-json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('ParleyMeetingsClient: themes, logos and the default theme, against a running server', () => {
  let server: RunningServer;
  let client: ParleyMeetingsClient;
  let accountId: string;
  before(async () => {
    // Reachable where it says it is: logo upload targets and logo URLs are on the public URL.
    server = await startParleyServer({ reachable: true });
    client = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey: server.privateKeyPem });
    const application = await server.services.applications.findApplication(server.applicationId);
    accountId = application!.accountId;
  });
  after(() => server.close());

  test('creates, lists, reads and updates themes', async () => {
    const theme = await client.createTheme({ theme_name: 'Acme', main_color: '#12f64e', brand_text: 'Acme Inc.', short_company_url: 'acme' });
    assert.match(theme.theme_id, UUID);
    assert.deepEqual(theme, {
      theme_id: theme.theme_id,
      theme_name: 'Acme',
      domain: 'VCP',
      account_id: accountId,
      application_id: server.applicationId,
      main_color: '#12f64e',
      short_company_url: 'acme',
      brand_text: 'Acme Inc.',
      brand_image_colored: null,
      brand_image_white: null,
      branded_favicon: null,
      brand_image_white_url: null,
      brand_image_colored_url: null,
      branded_favicon_url: null,
    });
    const unnamed = await client.createTheme({ main_color: '#fff', brand_text: 'Plain' });
    assert.match(unnamed.theme_name, UUID);
    assert.equal(unnamed.short_company_url, null);

    const listed = await client.listThemes();
    assert.deepEqual(listed.slice(-2), [theme, unnamed]);
    assert.deepEqual(await client.getTheme(theme.theme_id), theme);

    const updated = await client.updateTheme(theme.theme_id, { main_color: '#000000', brand_text: 'Acme' });
    assert.deepEqual(updated, { ...theme, main_color: '#000000', brand_text: 'Acme' });
    const withoutUrl = await client.updateTheme(theme.theme_id, { short_company_url: null });
    assert.equal(withoutUrl.short_company_url, null);
    assert.equal(withoutUrl.theme_name, 'Acme');
  });

  test('refuses clashing names and short URLs, bad colours, empty updates and unknown themes', async () => {
    const theme = await client.createTheme({ theme_name: 'Unique', main_color: '#abc', brand_text: 'U', short_company_url: 'unique-url' });
    await assertApiError(client.createTheme({ theme_name: 'Unique', main_color: '#abc', brand_text: 'U' }), {
      status: 409,
      name: 'ConflictError',
      message: 'theme_name already exists in application',
    });
    await assertApiError(client.createTheme({ main_color: '#abc', brand_text: 'U', short_company_url: 'unique-url' }), {
      status: 409,
      name: 'ConflictError',
      message: 'short_company_url already exists',
    });
    await assertApiError(client.createTheme({ main_color: 'green', brand_text: 'U' }), { status: 400, name: 'InputValidationError', message: 'Invalid main_color' });
    await assertApiError(client.updateTheme(theme.theme_id, {}), { status: 400, name: 'InputValidationError', message: '"update_details" must have at least 1 key' });
    const missing = '90a21428-b74a-4221-adc3-783935d654dc';
    await assertApiError(client.getTheme(missing), { status: 404, name: 'NotFoundError', message: `could not find theme ${missing}` });
    await assertApiError(client.listThemeRooms(missing), { status: 404, name: 'NotFoundError', message: `Failed to get rooms because theme id ${missing} not found` });
  });

  test("lists a theme's rooms page by page, both ways, and iterates them all", async () => {
    const theme = await client.createTheme({ theme_name: 'Paged', main_color: '#123456', brand_text: 'Paged' });
    const themed: string[] = [];
    for (let i = 0; i < 5; i++) {
      themed.push((await client.createRoom({ display_name: `themed ${i}`, theme_id: theme.theme_id })).id);
      await client.createRoom({ display_name: `plain ${i}` });
    }
    const first = await client.listThemeRooms(theme.theme_id, { pageSize: 2 });
    assert.equal(first.page_size, 2);
    assert.equal(first.total_items, 5);
    assert.deepEqual(first._embedded.map((room) => room.theme_id), [theme.theme_id, theme.theme_id]);
    const second = await client.listThemeRooms(theme.theme_id, roomPageQueryOf(first._links.next!));
    assert.deepEqual(second._embedded.map((room) => room.id), themed.slice(2, 4));
    const back = await client.listThemeRooms(theme.theme_id, roomPageQueryOf(second._links.prev!));
    assert.deepEqual(back._embedded.map((room) => room.id), themed.slice(0, 2));

    const all: MeetingRoom[] = [];
    for await (const room of client.themeRooms(theme.theme_id, { pageSize: 2 })) all.push(room);
    assert.deepEqual(all.map((room) => room.id), themed);
  });

  test('sets the default theme, which new rooms take, and clears it', async () => {
    const theme = await client.createTheme({ theme_name: 'House style', main_color: '#ff00ff', brand_text: 'House' });
    assert.deepEqual(await client.setDefaultTheme(theme.theme_id), { application_id: server.applicationId, account_id: accountId, default_theme_id: theme.theme_id });
    const room = await client.createRoom({ display_name: 'Takes the default' });
    assert.equal(room.theme_id, theme.theme_id);
    await assertApiError(client.deleteTheme(theme.theme_id), {
      status: 400,
      name: 'BadRequestError',
      message: 'could not delete theme',
      errors: [`Theme ${theme.theme_id} is used by 1 room`, `Theme ${theme.theme_id} is used as application ${server.applicationId} default theme`],
    });
    await assertApiError(client.setDefaultTheme('not-a-real-theme-id'), {
      status: 400,
      name: 'BadRequestError',
      message: 'Failed to update application because theme id not-a-real-theme-id not found',
    });
    assert.deepEqual(await client.setDefaultTheme(null), { application_id: server.applicationId, account_id: accountId, default_theme_id: null });
    assert.equal((await client.createRoom({ display_name: 'No default' })).theme_id, null);
  });

  test('deletes an unused theme, and a used one only with force, moving its rooms to the default', async () => {
    const unused = await client.createTheme({ main_color: '#111', brand_text: 'Unused' });
    await client.deleteTheme(unused.theme_id);
    await assertApiError(client.getTheme(unused.theme_id), { status: 404, name: 'NotFoundError', message: `could not find theme ${unused.theme_id}` });

    const fallback = await client.createTheme({ theme_name: 'Fallback', main_color: '#222', brand_text: 'Fallback' });
    const used = await client.createTheme({ theme_name: 'Used', main_color: '#333', brand_text: 'Used' });
    const room = await client.createRoom({ display_name: 'Uses a theme', theme_id: used.theme_id });
    await assertApiError(client.deleteTheme(used.theme_id), {
      status: 400,
      name: 'BadRequestError',
      message: 'could not delete theme',
      errors: [`Theme ${used.theme_id} is used by 1 room`],
    });
    assert.equal((await client.getRoom(room.id)).theme_id, used.theme_id);

    await client.setDefaultTheme(fallback.theme_id);
    await client.deleteTheme(used.theme_id, { force: true });
    await assertApiError(client.getTheme(used.theme_id), { status: 404, name: 'NotFoundError', message: `could not find theme ${used.theme_id}` });
    assert.equal((await client.getRoom(room.id)).theme_id, fallback.theme_id);

    await client.deleteTheme(fallback.theme_id, { force: true });
    assert.equal((await client.getRoom(room.id)).theme_id, null);
    assert.deepEqual(await client.setDefaultTheme(null), { application_id: server.applicationId, account_id: accountId, default_theme_id: null });
  });

  test('uploads a logo of each type in three steps, and serves it at the theme URL', async () => {
    const theme = await client.createTheme({ theme_name: 'Logos', main_color: '#0a0', brand_text: 'Logos' });
    const files = { white: logoPng(120, 40, { color: [255, 255, 255] }), colored: logoPng(300, 100), favicon: logoPng(32, 32) };
    const white = await client.uploadLogo(theme.theme_id, 'white', files.white);
    assert.match(white.brand_image_white ?? '', new RegExp(`^themes/${theme.theme_id}/white/[0-9a-f-]{36}\\.png$`));
    assert.equal(white.brand_image_white_url, `${server.url}/logos/${white.brand_image_white}`);
    assert.equal(white.brand_image_colored, null);
    const colored = await client.uploadLogo(theme.theme_id, 'colored', files.colored);
    const favicon = await client.uploadLogo(theme.theme_id, 'favicon', files.favicon);
    assert.equal(favicon.brand_image_white, white.brand_image_white);
    assert.equal(favicon.brand_image_colored, colored.brand_image_colored);
    assert.deepEqual(await client.getTheme(theme.theme_id), favicon);

    for (const [url, bytes] of [
      [favicon.brand_image_white_url, files.white],
      [favicon.brand_image_colored_url, files.colored],
      [favicon.branded_favicon_url, files.favicon],
    ] as const) {
      const response = await fetch(url ?? 'missing');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
    }

    // A new white logo replaces the old one, whose URL stops serving.
    const replaced = await client.uploadLogo(theme.theme_id, 'white', logoPng(60, 20));
    assert.notEqual(replaced.brand_image_white, white.brand_image_white);
    assert.equal((await fetch(white.brand_image_white_url ?? 'missing')).status, 404);
  });

  test('refuses logos that break the rules, naming the key and the problem, and leaves the theme as it was', async () => {
    const theme = await client.createTheme({ theme_name: 'Strict', main_color: '#0a0', brand_text: 'Strict' });
    const refused = async (logoType: 'white' | 'favicon', png: Buffer, invalidProperty: string) => {
      await assert.rejects(client.uploadLogo(theme.theme_id, logoType, png), (error: unknown) => {
        assert.ok(error instanceof ParleyApiError, String(error));
        assert.equal(error.status, 400);
        assert.equal(error.name, 'BadRequestError');
        assert.equal(error.message, 'could not finalize logos');
        const [detail, ...more] = error.errors as { logoKey: string }[];
        assert.deepEqual(more, []);
        assert.match(detail?.logoKey ?? '', new RegExp(`^auto-expiring-temp/logos/${logoType}/[0-9a-f-]{36}$`));
        assert.deepEqual(detail, { logoKey: detail?.logoKey, code: 'invalid_logo_properties', invalidProperty });
        return true;
      });
    };
    await refused('white', logoPng(120, 40, { transparent: false }), 'transparent_bg');
    await refused('white', logoPng(301, 40), 'dimensions');
    await refused('favicon', logoPng(32, 16), 'dimensions');
    await refused('white', Buffer.from('GIF89a, not a PNG at all'), 'type');
    assert.deepEqual(await client.getTheme(theme.theme_id), theme);
  });

  test('passes on the upload target\'s own refusal, read from its S3-style XML', async () => {
    const theme = await client.createTheme({ theme_name: 'Too big', main_color: '#0a0', brand_text: 'Too big' });
    const huge = Buffer.alloc(1024 * 1024 + 1, 0);
    await assertApiError(client.uploadLogo(theme.theme_id, 'colored', huge), {
      status: 400,
      name: 'EntityTooLarge',
      message: /exceeds the maximum allowed size/,
    });
    assert.deepEqual(await client.getTheme(theme.theme_id), theme);
  });

  test('refuses a logo for a theme of no one, after uploading it', async () => {
    const missing = '90a21428-b74a-4221-adc3-783935d654dc';
    await assertApiError(client.uploadLogo(missing, 'favicon', logoPng(16, 16)), { status: 404, name: 'NotFoundError', message: `could not find theme ${missing}` });
  });
});
