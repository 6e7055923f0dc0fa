import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MINUTE_MS } from '../../clock.js';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

// The test clock starts at 2026-01-01T12:00:00.000Z.
const EXPIRES_AT = '2026-03-01T09:30:00.000Z';

interface WireRoom {
  id: string;
  meeting_code: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
  [key: string]: unknown;
}

describeEachDialect('PATCH /rooms/:room_id', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
  });
  after(() => h.close());

  const createLongTerm = async (extra: Record<string, unknown> = {}): Promise<WireRoom> => {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Weekly', type: 'long_term', expires_at: EXPIRES_AT, ...extra });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const patch = (id: string, body: unknown, prefix = '/v1/meetings') => h.call('PATCH', `${prefix}/rooms/${id}`, body);
  const stored = (id: string) => h.services.store.db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const createTheme = async (name: string): Promise<string> => {
    const response = await h.call('POST', '/v1/meetings/themes', { theme_name: name, main_color: '#112233', brand_text: name });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().theme_id;
  };
  /** Everything but the links, whose host token is minted afresh on every answer. */
  const withoutLinks = ({ _links, ...room }: WireRoom) => room;

  test('changes every mutable setting through update_details, and moves the deadline with expires_at', async () => {
    const room = await createLongTerm();
    const themeId = await createTheme('patch-all');
    const response = await patch(room.id, {
      update_details: {
        expires_at: '2026-06-01T08:00:00.000Z',
        expire_after_use: true,
        theme_id: themeId,
        join_approval_level: 'explicit_approval',
        initial_join_options: { microphone_state: 'off' },
        callback_urls: { rooms_callback_url: 'https://example.com/r', sessions_callback_url: 'https://example.com/s' },
        available_features: { is_chat_available: false, is_captions_available: true },
        ui_settings: { language: 'FR' },
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    const updated: WireRoom = response.json();
    assert.deepEqual(withoutLinks(updated), {
      ...withoutLinks(room),
      expires_at: '2026-06-01T08:00:00.000Z',
      expire_after_use: true,
      theme_id: themeId,
      join_approval_level: 'explicit_approval',
      initial_join_options: { microphone_state: 'off' },
      callback_urls: { rooms_callback_url: 'https://example.com/r', sessions_callback_url: 'https://example.com/s' },
      available_features: {
        is_recording_available: true,
        is_chat_available: false,
        is_whiteboard_available: true,
        is_locale_switcher_available: false,
        is_captions_available: true,
      },
      ui_settings: { language: 'fr' },
    });
    assert.equal(updated._links.guest_url.href, room._links.guest_url.href);
    const row = await stored(room.id);
    assert.equal(row.expires_at, '2026-06-01T08:00:00.000Z');
    assert.equal(row.close_at, '2026-06-01T08:00:00.000Z', 'the deadline follows the new expiry');
    // GET answers what PATCH answered.
    assert.deepEqual(withoutLinks((await h.call('GET', `/v1/meetings/rooms/${room.id}`)).json()), withoutLinks(updated));
  });

  test('takes update_options, as the Node SDK sends it, with display_name and metadata', async () => {
    const room = await createLongTerm();
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      const response = await patch(room.id, { update_options: { display_name: `Renamed ${prefix}`, metadata: 'm=1', type: 'long_term' } }, prefix);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().display_name, `Renamed ${prefix}`);
      assert.equal(response.json().metadata, 'm=1');
    }
    assert.equal((await stored(room.id)).display_name, 'Renamed /beta/meetings');
  });

  test('prefers update_details when both are sent', async () => {
    const room = await createLongTerm();
    const response = await patch(room.id, { update_details: { join_approval_level: 'after_owner_only' }, update_options: { join_approval_level: 'explicit_approval' } });
    assert.equal(response.json().join_approval_level, 'after_owner_only');
  });

  test('ignores type and unknown keys, answering the room unchanged', async () => {
    const room = await createLongTerm();
    const before = await h.databaseSnapshot();
    const response = await patch(room.id, { update_details: { type: 'instant', recording_options: { auto_record: true }, is_available: false, something_new: 1 } });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(withoutLinks(response.json()), withoutLinks(room));
    assert.deepEqual(await h.databaseSnapshot(), before);
  });

  test('merges callback_urls and available_features: {} changes nothing, null clears one URL', async () => {
    const room = await createLongTerm({
      callback_urls: { rooms_callback_url: 'https://x.test/r', sessions_callback_url: 'https://x.test/s' },
      available_features: { is_whiteboard_available: false },
    });
    const empty = await patch(room.id, { update_details: { callback_urls: {}, available_features: {} } });
    assert.deepEqual(withoutLinks(empty.json()), withoutLinks(room));
    const cleared = await patch(room.id, { update_details: { callback_urls: { rooms_callback_url: null, recordings_callback_url: 'https://x.test/rec' } } });
    assert.deepEqual(cleared.json().callback_urls, { sessions_callback_url: 'https://x.test/s', recordings_callback_url: 'https://x.test/rec' });
    const all = await patch(room.id, { update_details: { callback_urls: { sessions_callback_url: null, recordings_callback_url: null } } });
    assert.equal('callback_urls' in all.json(), false);
    const features = await patch(room.id, { update_details: { available_features: { is_recording_available: false } } });
    assert.deepEqual(features.json().available_features, {
      is_recording_available: false,
      is_chat_available: true,
      is_whiteboard_available: false,
      is_locale_switcher_available: false,
      is_captions_available: false,
    });
  });

  test('removes the theme with null or the text "null"', async () => {
    const themeId = await createTheme('removable');
    for (const removal of [null, 'null']) {
      const room = await createLongTerm({ theme_id: themeId });
      assert.equal(room.theme_id, themeId);
      const response = await patch(room.id, { update_details: { theme_id: removal } });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().theme_id, null);
      assert.equal((await stored(room.id)).theme_id, null);
    }
  });

  test('reads expires_at leniently, a missing zone being UTC', async () => {
    const room = await createLongTerm();
    const response = await patch(room.id, { update_details: { expires_at: '2026-02-07 20:10:05' } });
    assert.equal(response.json().expires_at, '2026-02-07T20:10:05.000Z');
  });

  test('keeps the ten minutes after a recent session when expire_after_use is on, and starts them only from the next session when turned on later', async () => {
    const room = await createLongTerm({ expire_after_use: true });
    const sessions = h.services.sessions;
    const startedAt = h.clock.now().toISOString();
    await sessions.start({ id: `${room.id}-1`, roomId: room.id, startedAt });
    // While a session is live the room has no deadline, whatever changes.
    await patch(room.id, { update_details: { expires_at: '2026-05-01T00:00:00.000Z' } });
    assert.equal((await stored(room.id)).close_at, null);
    h.clock.advance(5 * MINUTE_MS);
    const endedAt = h.clock.now();
    const idleDeadline = new Date(endedAt.getTime() + 10 * MINUTE_MS).toISOString();
    await sessions.end({ id: `${room.id}-1`, roomId: room.id, endedAt: endedAt.toISOString(), roomCloseAt: idleDeadline });
    h.clock.advance(MINUTE_MS);
    await patch(room.id, { update_details: { expires_at: '2026-05-02T00:00:00.000Z' } });
    assert.equal((await stored(room.id)).close_at, idleDeadline, 'the running ten minutes still count');
    await patch(room.id, { update_details: { expire_after_use: false } });
    assert.equal((await stored(room.id)).close_at, '2026-05-02T00:00:00.000Z');
    h.clock.advance(20 * MINUTE_MS);
    await patch(room.id, { update_details: { expire_after_use: true } });
    assert.equal((await stored(room.id)).close_at, '2026-05-02T00:00:00.000Z', 'a session long over does not close the room after the fact');
  });

  test("answers 404 for another application's room and changes nothing", async () => {
    const room = await createLongTerm();
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    await assertRefused(
      h,
      () => h.app.inject({ method: 'PATCH', url: `/v1/meetings/rooms/${room.id}`, headers: { authorization: `Bearer ${token}` }, payload: { update_details: { display_name: 'stolen' } } }),
      { status: 404, body: vonageError('NotFoundError', 404, `Room ${room.id} was not found`) },
    );
  });

  test('refuses an instant room, with the type Vonage called temporary', async () => {
    const room = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Now' })).json();
    await assertRefused(h, () => patch(room.id, { update_details: { join_approval_level: 'none' } }), {
      status: 400,
      body: vonageError('BadRequestError', 400, `The room with id: ${room.id} could not be updated because of its type: temporary`),
    });
  });

  test('refuses a room that is no longer available: a closed room stays closed', async () => {
    const room = await createLongTerm();
    await h.services.store.db.updateTable('rooms').set({ is_available: 0 }).where('id', '=', room.id).execute();
    await assertRefused(h, () => patch(room.id, { update_details: { expires_at: '2026-09-01T00:00:00.000Z' } }), {
      status: 400,
      body: vonageError('BadRequestError', 400, `The room with id: ${room.id} could not be updated because it is no longer available`),
    });
  });

  const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
  const refusals: [string, unknown, { status: number; body: unknown }][] = [
    ['an empty body', {}, invalid('"update_details" must have at least 1 key')],
    ['empty update_details', { update_details: {} }, invalid('"update_details" must have at least 1 key')],
    ['empty update_options', { update_options: {} }, invalid('"update_details" must have at least 1 key')],
    ['empty update_details beside update_options', { update_details: {}, update_options: { display_name: 'x' } }, invalid('"update_details" must have at least 1 key')],
    ['update_details that is no object', { update_details: 'x' }, invalid('"update_details" must be of type object')],
    ['a blank display_name', { update_details: { display_name: '  ' } }, invalid('"display_name" is not allowed to be empty')],
    ['metadata as an object, as the Node SDK example sends it', { update_options: { metadata: { my_data: 'my_value' } } }, invalid('"update_options.metadata" must be a string')],
    ['metadata over 500', { update_details: { metadata: 'm'.repeat(501) } }, invalid('"update_details.metadata" length must be less than or equal to 500 characters long')],
    ['an unreadable expires_at', { update_details: { expires_at: 'soon' } }, invalid('"expires_at" must be a valid date')],
    ['a string expire_after_use', { update_details: { expire_after_use: 'yes' } }, invalid('"update_details.expire_after_use" must be a boolean')],
    [
      'an unknown join_approval_level',
      { update_details: { join_approval_level: 'always' } },
      invalid('"update_details.join_approval_level" must be one of [none, after_owner_only, explicit_approval]'),
    ],
    [
      'a callback URL without http(s)',
      { update_details: { callback_urls: { rooms_callback_url: 'ftp://x' } } },
      invalid('"update_details.callback_urls.rooms_callback_url" with value "ftp://x" fails to match the required pattern: /^https?:\\/\\/.*$/'),
    ],
    [
      'an unknown language',
      { update_details: { ui_settings: { language: 'xx' } } },
      invalid('"ui_settings.language" must be one of [en, he, es, pt-br, it, ca, fr, de, ar, zh-tw, zh-cn, default, pt]'),
    ],
    [
      'an unknown theme',
      { update_details: { theme_id: 'ef2b46f3-8ebb-437e-a671-272e4990fbc8' } },
      { status: 404, body: vonageError('NotFoundError', 404, 'could not find theme ef2b46f3-8ebb-437e-a671-272e4990fbc8') },
    ],
  ];
  for (const [what, body, expected] of refusals) {
    test(`refuses ${what}`, async () => {
      const room = await createLongTerm();
      await assertRefused(h, () => patch(room.id, body), expected);
    });
  }

  test('refuses expires_at within ten minutes or over a year ahead, as on create', async () => {
    const room = await createLongTerm();
    const now = h.clock.now().getTime();
    const earliest = new Date(now + 10 * MINUTE_MS).toISOString();
    const yearAhead = new Date(now);
    yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
    await assertRefused(h, () => patch(room.id, { update_details: { expires_at: earliest } }), invalid(`"expires_at" must be greater than "${earliest}"`));
    await assertRefused(
      h,
      () => patch(room.id, { update_details: { expires_at: new Date(yearAhead.getTime() + 1).toISOString() } }),
      invalid(`"expires_at" must be less than or equal to "${yearAhead.toISOString()}"`),
    );
    const accepted = await patch(room.id, { update_details: { expires_at: yearAhead.toISOString() } });
    assert.equal(accepted.statusCode, 200, accepted.body);
  });

  test("refuses another application's theme as if it did not exist", async () => {
    const room = await createLongTerm();
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    const theirs = await h.app.inject({
      method: 'POST',
      url: '/v1/meetings/themes',
      headers: { authorization: `Bearer ${token}` },
      payload: { main_color: '#000', brand_text: 'Theirs' },
    });
    const themeId = theirs.json().theme_id;
    await assertRefused(h, () => patch(room.id, { update_details: { theme_id: themeId } }), {
      status: 404,
      body: vonageError('NotFoundError', 404, `could not find theme ${themeId}`),
    });
  });

  test('answers 404 for a room that does not exist', async () => {
    const id = '7f1d2c66-0000-4000-8000-000000000000';
    await assertRefused(h, () => patch(id, { update_details: { display_name: 'x' } }), {
      status: 404,
      body: vonageError('NotFoundError', 404, `Room ${id} was not found`),
    });
  });
});
