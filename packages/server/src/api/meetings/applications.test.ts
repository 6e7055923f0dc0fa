import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

describe('PATCH /applications: the default theme', () => {
  let h: MeetingsHarness;
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  let names = 0;
  const createTheme = async (body: Record<string, unknown> = {}): Promise<string> => {
    const response = await h.call('POST', '/v1/meetings/themes', { theme_name: `theme ${++names}`, main_color: '#123456', brand_text: 'Brand', ...body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().theme_id;
  };
  const setDefault = (themeId: string | null, prefix = '/v1/meetings') => h.call('PATCH', `${prefix}/applications`, { update_details: { default_theme_id: themeId } });
  const storedDefault = async () => (await h.services.applications.findApplication(h.application.id))?.defaultThemeId;
  const createRoom = async (body: Record<string, unknown> = {}) => {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Room', ...body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; meeting_code: string; theme_id: string | null; _links: { host_url: { href: string }; guest_url: { href: string } } };
  };

  test('sets and clears the default theme, answering the application as Vonage did, under every prefix', async () => {
    const themeId = await createTheme();
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      const set = await setDefault(themeId, prefix);
      assert.equal(set.statusCode, 200, set.body);
      assert.match(String(set.headers['content-type']), /^application\/json\b/);
      assert.deepEqual(set.json(), { application_id: h.application.id, account_id: h.application.accountId, default_theme_id: themeId });
      assert.equal(await storedDefault(), themeId);
      const cleared = await setDefault(null, prefix);
      assert.deepEqual(cleared.json(), { application_id: h.application.id, account_id: h.application.accountId, default_theme_id: null });
      assert.equal(await storedDefault(), null);
    }
  });

  test('new rooms without a theme take the default and echo it; rooms with their own keep theirs', async () => {
    const defaultTheme = await createTheme();
    const own = await createTheme();
    await setDefault(defaultTheme);
    assert.equal((await createRoom()).theme_id, defaultTheme);
    assert.equal((await createRoom({ theme_id: null })).theme_id, defaultTheme);
    assert.equal((await createRoom({ theme_id: own })).theme_id, own);
    await setDefault(null);
    assert.equal((await createRoom()).theme_id, null);
  });

  test("the default theme's short_company_url leads the URLs of rooms without a theme of their own", async () => {
    const plain = await createRoom();
    assert.equal(plain.theme_id, null);
    const defaultTheme = await createTheme({ short_company_url: 'default-co' });
    await setDefault(defaultTheme);
    const shown = (await h.call('GET', `/v1/meetings/rooms/${plain.id}`)).json();
    assert.equal(shown.theme_id, null, 'the room still has no theme of its own');
    assert.equal(shown._links.guest_url.href, `http://parley.test/default-co/${plain.meeting_code}`);
    const host = new URL(shown._links.host_url.href);
    assert.equal(`${host.origin}${host.pathname}`, 'http://parley.test/default-co/');
    assert.equal(host.searchParams.get('room_token'), plain.meeting_code);
    assert.ok(await h.services.participantTokens.verify(host.searchParams.get('participant_token') ?? ''));
    // A room's own theme wins, even when it has no short URL.
    const ownTheme = await createTheme();
    const themed = await createRoom({ theme_id: ownTheme });
    assert.equal(themed._links.guest_url.href, `http://parley.test/${themed.meeting_code}`);
    await setDefault(null);
    assert.equal((await h.call('GET', `/v1/meetings/rooms/${plain.id}`)).json()._links.guest_url.href, `http://parley.test/${plain.meeting_code}`);
  });

  test("a room's URLs carry its theme's short_company_url, in lists too, and follow changes to it", async () => {
    const themeId = await createTheme({ short_company_url: 'updated_company_url' });
    const room = await createRoom({ theme_id: themeId });
    assert.equal(room._links.guest_url.href, `http://parley.test/updated_company_url/${room.meeting_code}`);
    assert.match(room._links.host_url.href, new RegExp(`^http://parley\\.test/updated_company_url/\\?room_token=${room.meeting_code}&participant_token=[\\w.-]+$`));
    const listed = (await h.call('GET', `/v1/meetings/themes/${themeId}/rooms`)).json();
    assert.equal(listed._embedded[0]._links.guest_url.href, room._links.guest_url.href);
    await h.call('PATCH', `/v1/meetings/themes/${themeId}`, { update_details: { short_company_url: 'renamed-co' } });
    assert.equal((await h.call('GET', `/v1/meetings/rooms/${room.id}`)).json()._links.guest_url.href, `http://parley.test/renamed-co/${room.meeting_code}`);
  });

  const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
  const refusals: [string, unknown, { status: number; body: unknown }][] = [
    ['an empty body', {}, invalid('"update_details" must have at least 1 key')],
    ['empty update_details', { update_details: {} }, invalid('"update_details" must have at least 1 key')],
    ['update_details without default_theme_id', { update_details: { name: 'x' } }, invalid('"update_details.default_theme_id" is required')],
    ['a numeric default_theme_id', { update_details: { default_theme_id: 7 } }, invalid('"update_details.default_theme_id" must be a string')],
    [
      'an unknown theme',
      { update_details: { default_theme_id: 'not-a-real-theme-id' } },
      { status: 400, body: vonageError('BadRequestError', 400, 'Failed to update application because theme id not-a-real-theme-id not found') },
    ],
  ];
  for (const [what, body, expected] of refusals) {
    test(`refuses ${what}`, async () => {
      await assertRefused(h, () => h.call('PATCH', '/v1/meetings/applications', body), expected);
    });
  }

  test("refuses another application's theme as unknown, in both directions", async () => {
    const mine = await createTheme();
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    const asOther = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
    await assertRefused(h, () => asOther('PATCH', '/v1/meetings/applications', { update_details: { default_theme_id: mine } }), {
      status: 400,
      body: vonageError('BadRequestError', 400, `Failed to update application because theme id ${mine} not found`),
    });
    const theirs = (await asOther('POST', '/v1/meetings/themes', { main_color: '#000', brand_text: 'Theirs' })).json().theme_id;
    await assertRefused(h, () => setDefault(theirs), {
      status: 400,
      body: vonageError('BadRequestError', 400, `Failed to update application because theme id ${theirs} not found`),
    });
  });
});
