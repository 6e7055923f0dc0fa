import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

// The test clock starts at 2026-01-01T12:00:00.000Z.
const NOW = '2026-01-01T12:00:00.000Z';

describeEachDialect('POST /rooms', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    // These tests call far faster than any client would; the rate limit has tests of its own.
    h = await startMeetingsHarness({ dialect });
  });
  after(() => h.close());
  const storedRoom = async (id: string) => h.services.store.db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('creates an instant room with every default, expiring ten minutes after creation', async () => {
    const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'Stand-up' });
    assert.equal(response.statusCode, 201);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    const room = response.json();
    assert.match(room.id, /^[0-9a-f-]{36}$/);
    assert.match(room.meeting_code, /^[1-9]\d{9}$/);
    const token = new URL(room._links.host_url.href).searchParams.get('participant_token');
    assert.ok(token);
    assert.deepEqual(room, {
      id: room.id,
      display_name: 'Stand-up',
      metadata: null,
      type: 'instant',
      expires_at: '2026-01-01T12:10:00.000Z',
      recording_options: { auto_record: false, record_only_owner: false },
      meeting_code: room.meeting_code,
      _links: {
        host_url: { href: `http://parley.test/?room_token=${room.meeting_code}&participant_token=${token}` },
        guest_url: { href: `http://parley.test/${room.meeting_code}` },
      },
      created_at: NOW,
      is_available: true,
      expire_after_use: false,
      theme_id: null,
      initial_join_options: { microphone_state: 'default' },
      join_approval_level: 'none',
      ui_settings: { language: 'en' },
      available_features: {
        is_recording_available: true,
        is_chat_available: true,
        is_whiteboard_available: true,
        is_locale_switcher_available: false,
        is_captions_available: false,
      },
    });
    assert.equal('callback_urls' in room, false);
    const stored = await storedRoom(room.id);
    assert.equal(stored.close_at, '2026-01-01T12:10:00.000Z');
    assert.equal(stored.application_id, h.application.id);
    const claims = await h.services.participantTokens.verify(token);
    assert.deepEqual(claims, { participantId: stored.host_participant_id, roomId: room.id, role: 'host' });
  });

  test('creates a long-term room with every field set', async () => {
    const response = await h.call('POST', '/v1/meetings/rooms', {
      display_name: 'Weekly review',
      metadata: 'code=1123',
      type: 'long_term',
      expires_at: '2026-03-01T09:30:00.000Z',
      expire_after_use: true,
      theme_id: null,
      join_approval_level: 'explicit_approval',
      recording_options: { auto_record: true, record_only_owner: true },
      initial_join_options: { microphone_state: 'off' },
      callback_urls: {
        rooms_callback_url: 'https://example.com/ro',
        sessions_callback_url: 'http://example.com/se',
        recordings_callback_url: 'https://example.com/re',
      },
      available_features: {
        is_recording_available: false,
        is_chat_available: false,
        is_whiteboard_available: false,
        is_locale_switcher_available: true,
        is_captions_available: true,
      },
      ui_settings: { language: 'DE' },
      is_available: false,
      some_future_key: 'ignored',
    });
    assert.equal(response.statusCode, 201, response.body);
    const room = response.json();
    const { id, meeting_code, _links, ...rest } = room;
    assert.ok(id && meeting_code && _links.host_url.href && _links.guest_url.href);
    assert.deepEqual(rest, {
      display_name: 'Weekly review',
      metadata: 'code=1123',
      type: 'long_term',
      expires_at: '2026-03-01T09:30:00.000Z',
      recording_options: { auto_record: true, record_only_owner: true },
      created_at: NOW,
      is_available: true,
      expire_after_use: true,
      theme_id: null,
      initial_join_options: { microphone_state: 'off' },
      join_approval_level: 'explicit_approval',
      callback_urls: {
        rooms_callback_url: 'https://example.com/ro',
        sessions_callback_url: 'http://example.com/se',
        recordings_callback_url: 'https://example.com/re',
      },
      ui_settings: { language: 'de' },
      available_features: {
        is_recording_available: false,
        is_chat_available: false,
        is_whiteboard_available: false,
        is_locale_switcher_available: true,
        is_captions_available: true,
      },
    });
    assert.equal((await storedRoom(id)).close_at, '2026-03-01T09:30:00.000Z');
  });

  test('answers the same under /meetings and /beta/meetings', async () => {
    const before = (await h.roomsTable()).length;
    for (const prefix of ['/meetings', '/beta/meetings']) {
      const response = await h.call('POST', `${prefix}/rooms`, { display_name: prefix });
      assert.equal(response.statusCode, 201);
      assert.equal(response.json().display_name, prefix);
    }
    assert.equal((await h.roomsTable()).length, before + 2);
  });

  test('gives every room its own meeting code and host', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.call('POST', '/v1/meetings/rooms', { display_name: `r${i}` })).json().id);
    const stored = await Promise.all(ids.map(storedRoom));
    assert.equal(new Set(stored.map((r) => r.meeting_code)).size, 5);
    assert.equal(new Set(stored.map((r) => r.host_participant_id)).size, 5);
  });

  test('only sets the callback URLs given, and omits the key when none is', async () => {
    const some = await h.call('POST', '/v1/meetings/rooms', { display_name: 'a', callback_urls: { sessions_callback_url: 'https://x.test/s' } });
    assert.deepEqual(some.json().callback_urls, { sessions_callback_url: 'https://x.test/s' });
    const none = await h.call('POST', '/v1/meetings/rooms', { display_name: 'b', callback_urls: {} });
    assert.equal('callback_urls' in none.json(), false);
  });

  test('reads expires_at in every format Vonage clients sent, a missing zone being UTC', async () => {
    const cases: [string, string][] = [
      ['2026-02-07T20:10:05.123Z', '2026-02-07T20:10:05.123Z'],
      ['2026-01-30T00:47:04+0000', '2026-01-30T00:47:04.000Z'],
      ['2026-01-30T02:47:04+02:00', '2026-01-30T00:47:04.000Z'],
      ['2026-02-07 20:10:05', '2026-02-07T20:10:05.000Z'],
      ['2026-01-30 15:00:00.000', '2026-01-30T15:00:00.000Z'],
    ];
    for (const [sent, stored] of cases) {
      const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'x', type: 'long_term', expires_at: sent });
      assert.equal(response.statusCode, 201, `${sent}: ${response.body}`);
      assert.equal(response.json().expires_at, stored, sent);
    }
  });

  test('normalises ui_settings.language: any case, stored lowercase, legacy aliases mapped', async () => {
    const cases: [string, string][] = [['PT-BR', 'pt-br'], ['Es', 'es'], ['default', 'en'], ['pt', 'pt-br'], ['zh-CN', 'zh-cn']];
    for (const [sent, answered] of cases) {
      const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'x', ui_settings: { language: sent } });
      assert.equal(response.json().ui_settings.language, answered, sent);
    }
  });

  test('accepts expires_at just over ten minutes ahead and exactly one year ahead', async () => {
    for (const expiresAt of ['2026-01-01T12:10:00.001Z', '2027-01-01T12:00:00.000Z']) {
      const response = await h.call('POST', '/v1/meetings/rooms', { display_name: 'x', type: 'long_term', expires_at: expiresAt });
      assert.equal(response.statusCode, 201, `${expiresAt}: ${response.body}`);
    }
  });

  const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
  const refusals: [string, unknown, { status: number; body: unknown }][] = [
    ['no display_name', {}, invalid('"display_name" is required')],
    ['a numeric display_name', { display_name: 42 }, invalid('"display_name" must be a string')],
    ['an empty display_name', { display_name: '' }, invalid('"display_name" is not allowed to be empty')],
    ['a blank display_name', { display_name: '   ' }, invalid('"display_name" is not allowed to be empty')],
    ['a display_name over 200', { display_name: 'x'.repeat(201) }, invalid('"display_name" length must be less than or equal to 200 characters long')],
    ['metadata over 500', { display_name: 'x', metadata: 'm'.repeat(501) }, invalid('"metadata" length must be less than or equal to 500 characters long')],
    ['a numeric metadata', { display_name: 'x', metadata: 7 }, invalid('"metadata" must be a string')],
    ['an unknown type', { display_name: 'x', type: 'permanent' }, invalid('"type" must be one of [instant, long_term]')],
    ['long_term without expires_at', { display_name: 'x', type: 'long_term' }, invalid('"expires_at" is required')],
    ['instant with expires_at', { display_name: 'x', expires_at: '2026-03-01T00:00:00Z' }, invalid('"expires_at" is not allowed')],
    ['instant with expire_after_use', { display_name: 'x', type: 'instant', expire_after_use: true }, invalid('"expire_after_use" must be [false]')],
    ['an unreadable expires_at', { display_name: 'x', type: 'long_term', expires_at: 'next tuesday' }, invalid('"expires_at" must be a valid date')],
    ['an impossible date', { display_name: 'x', type: 'long_term', expires_at: '2026-02-30T10:00:00Z' }, invalid('"expires_at" must be a valid date')],
    [
      'expires_at exactly ten minutes ahead',
      { display_name: 'x', type: 'long_term', expires_at: '2026-01-01T12:10:00.000Z' },
      invalid('"expires_at" must be greater than "2026-01-01T12:10:00.000Z"'),
    ],
    [
      'expires_at in the past',
      { display_name: 'x', type: 'long_term', expires_at: '2025-12-31T12:00:00.000Z' },
      invalid('"expires_at" must be greater than "2026-01-01T12:10:00.000Z"'),
    ],
    [
      'expires_at over a year ahead',
      { display_name: 'x', type: 'long_term', expires_at: '2027-01-01T12:00:00.001Z' },
      invalid('"expires_at" must be less than or equal to "2027-01-01T12:00:00.000Z"'),
    ],
    ['a string expire_after_use', { display_name: 'x', type: 'long_term', expires_at: '2026-02-01T00:00:00Z', expire_after_use: 'yes' }, invalid('"expire_after_use" must be a boolean')],
    ['an unknown join_approval_level', { display_name: 'x', join_approval_level: 'always' }, invalid('"join_approval_level" must be one of [none, after_owner_only, explicit_approval]')],
    ['an unknown microphone_state', { display_name: 'x', initial_join_options: { microphone_state: 'muted' } }, invalid('"initial_join_options.microphone_state" must be one of [on, off, default]')],
    ['a non-boolean recording option', { display_name: 'x', recording_options: { auto_record: 1 } }, invalid('"recording_options.auto_record" must be a boolean')],
    ['recording_options not an object', { display_name: 'x', recording_options: 'on' }, invalid('"recording_options" must be of type object')],
    [
      'a callback URL without http(s)',
      { display_name: 'x', callback_urls: { rooms_callback_url: 'ftp://example.com/hook' } },
      invalid('"callback_urls.rooms_callback_url" with value "ftp://example.com/hook" fails to match the required pattern: /^https?:\\/\\/.*$/'),
    ],
    ['a non-boolean feature', { display_name: 'x', available_features: { is_chat_available: 'no' } }, invalid('"available_features.is_chat_available" must be a boolean')],
    [
      'an unknown language',
      { display_name: 'x', ui_settings: { language: 'klingon' } },
      invalid('"ui_settings.language" must be one of [en, he, es, pt-br, it, ca, fr, de, ar, zh-tw, zh-cn, default, pt]'),
    ],
    ['a body that is not an object', [1, 2], invalid('"value" must be of type object')],
    [
      'an unknown theme',
      { display_name: 'x', theme_id: 'ef2b46f3-8ebb-437e-a671-272e4990fbc8' },
      { status: 404, body: vonageError('NotFoundError', 404, 'could not find theme ef2b46f3-8ebb-437e-a671-272e4990fbc8') },
    ],
  ];
  for (const [what, body, expected] of refusals) {
    test(`refuses ${what}`, async () => {
      await assertRefused(h, () => h.call('POST', '/v1/meetings/rooms', body), expected);
    });
  }

  test('refuses a malformed JSON body', async () => {
    await assertRefused(h, () => h.call('POST', '/v1/meetings/rooms', '{"display_name": "x"'), invalid('"value" must be valid JSON'));
  });

  test('refuses an empty JSON body', async () => {
    await assertRefused(
      h,
      async () => h.app.inject({ method: 'POST', url: '/v1/meetings/rooms', headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' } }),
      invalid('"value" must be of type object'),
    );
  });

  test('refuses a text body, which is no object', async () => {
    await assertRefused(h, () => h.call('POST', '/v1/meetings/rooms', 'display_name=x', { 'content-type': 'text/plain' }), invalid('"value" must be of type object'));
  });

  test('refuses a body of a media type it cannot read', async () => {
    await assertRefused(
      h,
      () => h.call('POST', '/v1/meetings/rooms', 'display_name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      { status: 415, body: vonageError('UnsupportedMediaTypeError', 415, 'Unsupported Media Type') },
    );
  });
});
