import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Application } from '../../store/applications-repository.js';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface WireTheme {
  theme_id: string;
  theme_name: string;
  short_company_url: string | null;
  [key: string]: unknown;
}

describeEachDialect('themes', (dialect) => {
  let h: MeetingsHarness;
  let other: { application: Application; privateKey: KeyObject };
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
    other = await h.otherApplication();
  });
  after(() => h.close());

  /** Calls the API as the other application. */
  const callAsOther = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> => {
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    return h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { payload: body as object } : {}) });
  };
  let names = 0;
  const createTheme = async (body: Record<string, unknown> = {}): Promise<WireTheme> => {
    const response = await h.call('POST', '/v1/meetings/themes', { theme_name: `theme ${++names}`, main_color: '#12f64e', brand_text: 'Brand', ...body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const createRoom = async (body: Record<string, unknown> = {}) => {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Room', ...body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; theme_id: string | null };
  };
  const storedRoomTheme = async (id: string) =>
    (await h.services.store.db.selectFrom('rooms').select('theme_id').where('id', '=', id).executeTakeFirstOrThrow()).theme_id;

  describe('POST /themes and GET /themes', () => {
    test('lists no theme as an empty array', async () => {
      const response = await callAsOther('GET', '/v1/meetings/themes');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/json\b/);
      assert.deepEqual(response.json(), []);
    });

    test('creates a theme with every field, answered as Vonage did', async () => {
      const response = await h.call('POST', '/v1/meetings/themes', {
        theme_name: 'my_theme',
        main_color: '#12f64e',
        brand_text: 'My Company',
        short_company_url: 'my-company',
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.match(String(response.headers['content-type']), /^application\/json\b/);
      const theme = response.json();
      assert.match(theme.theme_id, UUID);
      assert.deepEqual(theme, {
        theme_id: theme.theme_id,
        theme_name: 'my_theme',
        domain: 'VCP',
        account_id: h.application.accountId,
        application_id: h.application.id,
        main_color: '#12f64e',
        short_company_url: 'my-company',
        brand_text: 'My Company',
        brand_image_colored: null,
        brand_image_white: null,
        branded_favicon: null,
        brand_image_white_url: null,
        brand_image_colored_url: null,
        branded_favicon_url: null,
      });
      const get = await h.call('GET', `/v1/meetings/themes/${theme.theme_id}`);
      assert.equal(get.statusCode, 200);
      assert.deepEqual(get.json(), theme);
    });

    test('names a theme with a UUID when theme_name is left out or null (the .NET minimal body)', async () => {
      for (const body of [{ brand_text: 'Brand', main_color: '#FF00FF' }, { brand_text: 'Brand', main_color: '#f0f', theme_name: null }]) {
        const response = await h.call('POST', '/v1/meetings/themes', body);
        assert.equal(response.statusCode, 201, response.body);
        assert.match(response.json().theme_name, UUID);
        assert.notEqual(response.json().theme_name, response.json().theme_id);
        assert.equal(response.json().short_company_url, null);
      }
    });

    test('answers the same under /meetings and /beta/meetings', async () => {
      for (const prefix of ['/meetings', '/beta/meetings']) {
        const response = await h.call('POST', `${prefix}/themes`, { theme_name: `via ${prefix}`, main_color: '#000', brand_text: 'x' });
        assert.equal(response.statusCode, 201);
        const listed = (await h.call('GET', `${prefix}/themes`)).json() as WireTheme[];
        assert.ok(listed.some((t) => t.theme_name === `via ${prefix}`));
      }
    });

    test("lists the application's themes oldest first, and only them", async () => {
      const foreign = await callAsOther('POST', '/v1/meetings/themes', { theme_name: 'foreign', main_color: '#000', brand_text: 'x' });
      assert.equal(foreign.statusCode, 201);
      const mine = (await h.call('GET', '/v1/meetings/themes')).json() as WireTheme[];
      const stored = await h.services.themes.listByApplication(h.application.id);
      assert.deepEqual(mine.map((t) => t.theme_id), stored.map((t) => t.id));
      assert.equal(mine.some((t) => t.theme_name === 'foreign'), false);
      assert.deepEqual(((await callAsOther('GET', '/v1/meetings/themes')).json() as WireTheme[]).map((t) => t.theme_name), ['foreign']);
    });

    test('allows the same theme_name in another application', async () => {
      await createTheme({ theme_name: 'shared name' });
      const response = await callAsOther('POST', '/v1/meetings/themes', { theme_name: 'shared name', main_color: '#000', brand_text: 'x' });
      assert.equal(response.statusCode, 201, response.body);
    });

    const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
    const refusals: [string, unknown, { status: number; body: unknown }][] = [
      ['no main_color', { brand_text: 'x' }, invalid('"main_color" is required')],
      ['no brand_text', { main_color: '#000' }, invalid('"brand_text" is required')],
      ['a colour name', { main_color: 'red', brand_text: 'x' }, invalid('Invalid main_color')],
      ['a colour of five digits', { main_color: '#12345', brand_text: 'x' }, invalid('Invalid main_color')],
      ['a colour of seven digits', { main_color: '#1234567', brand_text: 'x' }, invalid('Invalid main_color')],
      ['a colour without #', { main_color: '123456', brand_text: 'x' }, invalid('Invalid main_color')],
      ['a numeric colour', { main_color: 123456, brand_text: 'x' }, invalid('"main_color" must be a string')],
      ['an empty brand_text', { main_color: '#000', brand_text: '' }, invalid('"brand_text" is not allowed to be empty')],
      ['brand_text over 200', { main_color: '#000', brand_text: 'b'.repeat(201) }, invalid('"brand_text" length must be less than or equal to 200 characters long')],
      ['theme_name over 200', { main_color: '#000', brand_text: 'x', theme_name: 'n'.repeat(201) }, invalid('"theme_name" length must be less than or equal to 200 characters long')],
      ['an empty theme_name', { main_color: '#000', brand_text: 'x', theme_name: '' }, invalid('"theme_name" is not allowed to be empty')],
      ['a full URL as short_company_url (as SDK fixtures send)', { main_color: '#000', brand_text: 'x', short_company_url: 'https://example.com' }, invalid('Invalid short_company_url')],
      ['a short_company_url of digits only, like a meeting code', { main_color: '#000', brand_text: 'x', short_company_url: '412958792' }, invalid('Invalid short_company_url')],
      ['a short_company_url with a slash', { main_color: '#000', brand_text: 'x', short_company_url: 'a/b' }, invalid('Invalid short_company_url')],
      ['an empty short_company_url', { main_color: '#000', brand_text: 'x', short_company_url: '' }, invalid('Invalid short_company_url')],
      ['a short_company_url over 128', { main_color: '#000', brand_text: 'x', short_company_url: 'a'.repeat(129) }, invalid('Invalid short_company_url')],
      ['a short_company_url that is one of Parley’s own paths', { main_color: '#000', brand_text: 'x', short_company_url: 'logos' }, invalid('Invalid short_company_url')],
      ['a reserved short_company_url in another case', { main_color: '#000', brand_text: 'x', short_company_url: 'API' }, invalid('Invalid short_company_url')],
      ['a body that is not an object', 'x', invalid('"value" must be valid JSON')],
    ];
    for (const [what, body, expected] of refusals) {
      test(`refuses ${what}`, async () => {
        await assertRefused(h, () => h.call('POST', '/v1/meetings/themes', body), expected);
      });
    }

    test('accepts a short_company_url of 128 characters, with digits, _ ~ and -', async () => {
      const theme = await createTheme({ short_company_url: `${'a'.repeat(120)}_~-12345` });
      assert.equal(theme.short_company_url?.length, 128);
    });

    test('refuses a theme_name the application already has, with 409', async () => {
      await createTheme({ theme_name: 'taken' });
      await assertRefused(h, () => h.call('POST', '/v1/meetings/themes', { theme_name: 'taken', main_color: '#000', brand_text: 'x' }), {
        status: 409,
        body: vonageError('ConflictError', 409, 'theme_name already exists in application'),
      });
    });

    test('refuses a short_company_url any application already has, with 409', async () => {
      const theirs = await callAsOther('POST', '/v1/meetings/themes', { main_color: '#000', brand_text: 'x', short_company_url: 'their-company' });
      assert.equal(theirs.statusCode, 201);
      await assertRefused(h, () => h.call('POST', '/v1/meetings/themes', { main_color: '#000', brand_text: 'x', short_company_url: 'their-company' }), {
        status: 409,
        body: vonageError('ConflictError', 409, 'short_company_url already exists'),
      });
    });
  });

  describe('GET /themes/:theme_id', () => {
    test('answers 404 with Vonage’s message for an unknown theme', async () => {
      const id = '90a21428-b74a-4221-adc3-783935d654dc';
      const response = await h.call('GET', `/v1/meetings/themes/${id}`);
      assert.equal(response.statusCode, 404);
      assert.deepEqual(response.json(), vonageError('NotFoundError', 404, `could not find theme ${id}`));
    });

    test("answers 404 for another application's theme", async () => {
      const theme = await createTheme();
      const response = await callAsOther('GET', `/v1/meetings/themes/${theme.theme_id}`);
      assert.equal(response.statusCode, 404);
      assert.deepEqual(response.json(), vonageError('NotFoundError', 404, `could not find theme ${theme.theme_id}`));
    });
  });

  describe('PATCH /themes/:theme_id', () => {
    test('changes every field it names, and only those', async () => {
      const theme = await createTheme({ short_company_url: 'before-change' });
      const response = await h.call('PATCH', `/v1/meetings/themes/${theme.theme_id}`, {
        update_details: { theme_name: 'renamed', main_color: '#ABC', brand_text: 'New brand', short_company_url: 'after-change' },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), { ...theme, theme_name: 'renamed', main_color: '#ABC', brand_text: 'New brand', short_company_url: 'after-change' });
      const partial = await h.call('PATCH', `/meetings/themes/${theme.theme_id}`, { update_details: { brand_text: 'Only this' } });
      assert.deepEqual(partial.json(), { ...response.json(), brand_text: 'Only this' });
      const cleared = await h.call('PATCH', `/beta/meetings/themes/${theme.theme_id}`, { update_details: { short_company_url: null } });
      assert.equal(cleared.json().short_company_url, null);
      // The freed short URL can be taken again.
      await createTheme({ short_company_url: 'after-change' });
    });

    test('keeps its own name and short URL without calling them taken', async () => {
      const theme = await createTheme({ short_company_url: 'keep-mine' });
      const response = await h.call('PATCH', `/v1/meetings/themes/${theme.theme_id}`, { update_details: { theme_name: theme.theme_name, short_company_url: 'keep-mine' } });
      assert.equal(response.statusCode, 200, response.body);
    });

    test("refuses another application's theme as unknown", async () => {
      const theme = await createTheme();
      await assertRefused(h, () => callAsOther('PATCH', `/v1/meetings/themes/${theme.theme_id}`, { update_details: { brand_text: 'stolen' } }), {
        status: 404,
        body: vonageError('NotFoundError', 404, `could not find theme ${theme.theme_id}`),
      });
    });

    const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
    const refusals: [string, unknown, { status: number; body: unknown }][] = [
      ['an empty body, as .NET sends when nothing changed', {}, invalid('"update_details" must have at least 1 key')],
      ['empty update_details', { update_details: {} }, invalid('"update_details" must have at least 1 key')],
      ['an invalid main_color', { update_details: { main_color: '#ggg' } }, invalid('Invalid main_color')],
      ['an invalid short_company_url', { update_details: { short_company_url: 'has space' } }, invalid('Invalid short_company_url')],
      ['a reserved short_company_url', { update_details: { short_company_url: 'recordings' } }, invalid('Invalid short_company_url')],
      ['an empty theme_name', { update_details: { theme_name: '' } }, invalid('"update_details.theme_name" is not allowed to be empty')],
      ['a null theme_name', { update_details: { theme_name: null } }, invalid('"update_details.theme_name" must be a string')],
    ];
    for (const [what, body, expected] of refusals) {
      test(`refuses ${what}`, async () => {
        const theme = await createTheme();
        await assertRefused(h, () => h.call('PATCH', `/v1/meetings/themes/${theme.theme_id}`, body), expected);
      });
    }

    test('refuses a name or a short URL another theme has, with 409', async () => {
      const first = await createTheme({ short_company_url: 'first-co' });
      const second = await createTheme();
      await assertRefused(h, () => h.call('PATCH', `/v1/meetings/themes/${second.theme_id}`, { update_details: { theme_name: first.theme_name } }), {
        status: 409,
        body: vonageError('ConflictError', 409, 'theme_name already exists in application'),
      });
      await assertRefused(h, () => h.call('PATCH', `/v1/meetings/themes/${second.theme_id}`, { update_details: { short_company_url: 'first-co' } }), {
        status: 409,
        body: vonageError('ConflictError', 409, 'short_company_url already exists'),
      });
    });

    test('answers 404 for an unknown theme', async () => {
      const id = '90a21428-b74a-4221-adc3-783935d654dc';
      await assertRefused(h, () => h.call('PATCH', `/v1/meetings/themes/${id}`, { update_details: { brand_text: 'x' } }), {
        status: 404,
        body: vonageError('NotFoundError', 404, `could not find theme ${id}`),
      });
    });
  });

  describe('DELETE /themes/:theme_id', () => {
    test('deletes an unused theme with 204 and no body, with or without force', async () => {
      for (const query of ['', '?force=false', '?force=False', '?force=true', '?force=True']) {
        const theme = await createTheme();
        const response = await h.call('DELETE', `/v1/meetings/themes/${theme.theme_id}${query}`);
        assert.equal(response.statusCode, 204, `${query}: ${response.body}`);
        assert.equal(response.body, '');
        assert.equal((await h.call('GET', `/v1/meetings/themes/${theme.theme_id}`)).statusCode, 404);
      }
    });

    test('refuses, without force, a theme used by rooms or as the default, saying each use', async () => {
      const theme = await createTheme();
      await createRoom({ theme_id: theme.theme_id });
      const refusal = (errors: string[]) => ({ status: 400, body: { message: 'could not delete theme', name: 'BadRequestError', status: 400, errors } });
      for (const query of ['', '?force=false', '?force=False']) {
        await assertRefused(h, () => h.call('DELETE', `/v1/meetings/themes/${theme.theme_id}${query}`), refusal([`Theme ${theme.theme_id} is used by 1 room`]));
      }
      await createRoom({ theme_id: theme.theme_id });
      assert.equal((await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: theme.theme_id } })).statusCode, 200);
      await assertRefused(
        h,
        () => h.call('DELETE', `/v1/meetings/themes/${theme.theme_id}`),
        refusal([`Theme ${theme.theme_id} is used by 2 rooms`, `Theme ${theme.theme_id} is used as application ${h.application.id} default theme`]),
      );
      await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: null } });
    });

    test('with force, gives the rooms of the theme the application default', async () => {
      const defaultTheme = await createTheme();
      const doomed = await createTheme();
      const unthemed = await createRoom();
      const a = await createRoom({ theme_id: doomed.theme_id });
      const b = await createRoom({ theme_id: doomed.theme_id });
      await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: defaultTheme.theme_id } });
      const response = await h.call('DELETE', `/v1/meetings/themes/${doomed.theme_id}?force=true`);
      assert.equal(response.statusCode, 204, response.body);
      assert.equal(await storedRoomTheme(a.id), defaultTheme.theme_id);
      assert.equal(await storedRoomTheme(b.id), defaultTheme.theme_id);
      assert.equal(await storedRoomTheme(unthemed.id), null);
      assert.equal((await h.call('GET', `/v1/meetings/rooms/${a.id}`)).json().theme_id, defaultTheme.theme_id);
      assert.equal((await h.services.applications.findApplication(h.application.id))?.defaultThemeId, defaultTheme.theme_id);
      await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: null } });
    });

    test('with force, deletes the default theme: the application has no default, its rooms no theme', async () => {
      const theme = await createTheme();
      await h.call('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: theme.theme_id } });
      const room = await createRoom();
      assert.equal(room.theme_id, theme.theme_id);
      const response = await h.call('DELETE', `/beta/meetings/themes/${theme.theme_id}?force=True`);
      assert.equal(response.statusCode, 204, response.body);
      assert.equal((await h.services.applications.findApplication(h.application.id))?.defaultThemeId, null);
      assert.equal(await storedRoomTheme(room.id), null);
      assert.equal((await createRoom()).theme_id, null);
    });

    test('deletes the logo files of a deleted theme, which nothing names any more', async () => {
      const theme = await createTheme();
      const keys = { white: `themes/${theme.theme_id}/white/logo.png`, colored: `themes/${theme.theme_id}/colored/logo.png`, favicon: null };
      for (const key of [keys.white, keys.colored]) await h.services.logoStorage.put(key, Buffer.from('png bytes'));
      await h.services.themes.update(theme.theme_id, { logos: keys });
      assert.equal((await h.call('DELETE', `/v1/meetings/themes/${theme.theme_id}`)).statusCode, 204);
      assert.equal(await h.services.logoStorage.get(keys.white), undefined);
      assert.equal(await h.services.logoStorage.get(keys.colored), undefined);
    });

    test('refuses a force that is not a boolean', async () => {
      const theme = await createTheme();
      await assertRefused(h, () => h.call('DELETE', `/v1/meetings/themes/${theme.theme_id}?force=yes`), {
        status: 400,
        body: vonageError('InputValidationError', 400, '"force" must be a boolean'),
      });
    });

    test("answers 404 for an unknown theme and for another application's, even forced", async () => {
      const theme = await createTheme();
      await createRoom({ theme_id: theme.theme_id });
      await assertRefused(h, () => callAsOther('DELETE', `/v1/meetings/themes/${theme.theme_id}?force=true`), {
        status: 404,
        body: vonageError('NotFoundError', 404, `could not find theme ${theme.theme_id}`),
      });
      const id = '90a21428-b74a-4221-adc3-783935d654dc';
      await assertRefused(h, () => h.call('DELETE', `/v1/meetings/themes/${id}`), {
        status: 404,
        body: vonageError('NotFoundError', 404, `could not find theme ${id}`),
      });
    });
  });

  describe('rooms and themes', () => {
    test("a room cannot use another application's theme", async () => {
      const theme = await createTheme();
      await assertRefused(h, () => callAsOther('POST', '/v1/meetings/rooms', { display_name: 'x', theme_id: theme.theme_id }), {
        status: 404,
        body: vonageError('NotFoundError', 404, `could not find theme ${theme.theme_id}`),
      });
    });

    test('a room made with a theme keeps it and echoes it', async () => {
      const theme = await createTheme();
      const room = await createRoom({ theme_id: theme.theme_id });
      assert.equal(room.theme_id, theme.theme_id);
      assert.equal(await storedRoomTheme(room.id), theme.theme_id);
    });
  });
});
