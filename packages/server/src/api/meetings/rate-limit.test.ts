import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, DEFAULT_RATE_LIMIT_PER_SECOND, loadConfig } from '../../config.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

const LIMIT = 3;
const TOO_MANY = vonageError('TooManyRequestsError', 429, `Too many requests: at most ${LIMIT} per second per application, retry in 1 second`);

describe('rate limiting per application', () => {
  let h: MeetingsHarness;
  let otherToken: string;
  before(async () => {
    h = await startMeetingsHarness({ config: { rateLimitPerSecond: LIMIT } });
    const other = await h.otherApplication();
    otherToken = await h.token({ key: other.privateKey, applicationId: other.application.id });
  });
  after(() => h.close());

  /** Each test starts with fresh counts: the window is one second of real time. */
  const nextWindow = () => sleep(1100);

  test('refuses the call past the limit with 429 TooManyRequestsError and Retry-After, changing nothing', async () => {
    await nextWindow();
    for (let i = 0; i < LIMIT; i++) {
      const response = await h.call('GET', '/v1/meetings/rooms');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-ratelimit-limit'], String(LIMIT));
    }
    let refused: Awaited<ReturnType<MeetingsHarness['call']>> | undefined;
    await assertRefused(
      h,
      async () => (refused = await h.call('POST', '/v1/meetings/rooms', { display_name: 'One too many' })),
      { status: 429, body: TOO_MANY },
    );
    assert.equal(refused?.headers['retry-after'], '1');
  });

  test('counts one application across the three prefixes', async () => {
    await nextWindow();
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      assert.equal((await h.call('GET', `${prefix}/rooms`)).statusCode, 200);
    }
    await assertRefused(h, () => h.call('GET', '/meetings/rooms'), { status: 429, body: TOO_MANY });
  });

  test('never slows another application', async () => {
    await nextWindow();
    for (let i = 0; i <= LIMIT; i++) await h.call('GET', '/v1/meetings/rooms');
    assert.equal((await h.call('GET', '/v1/meetings/rooms')).statusCode, 429);
    for (let i = 0; i < LIMIT; i++) {
      const response = await h.call('GET', '/v1/meetings/rooms', undefined, { authorization: `Bearer ${otherToken}` });
      assert.equal(response.statusCode, 200);
    }
  });

  test('lets the application in again once the window has passed', async () => {
    await nextWindow();
    for (let i = 0; i <= LIMIT; i++) await h.call('GET', '/v1/meetings/rooms');
    assert.equal((await h.call('GET', '/v1/meetings/rooms')).statusCode, 429);
    await nextWindow();
    assert.equal((await h.call('GET', '/v1/meetings/rooms')).statusCode, 200);
  });

  test('answers a call without valid credentials 401 before counting it', async () => {
    await nextWindow();
    for (let i = 0; i < LIMIT * 2; i++) {
      const response = await h.app.inject({ method: 'GET', url: '/v1/meetings/rooms', headers: { authorization: 'Bearer nonsense' } });
      assert.equal(response.statusCode, 401);
    }
    assert.equal((await h.call('GET', '/v1/meetings/rooms')).statusCode, 200);
  });
});

describe('PARLEY_RATE_LIMIT', () => {
  test(`defaults to ${DEFAULT_RATE_LIMIT_PER_SECOND} per second`, () => {
    assert.equal(loadConfig({}).rateLimitPerSecond, DEFAULT_RATE_LIMIT_PER_SECOND);
    assert.equal(loadConfig({ PARLEY_RATE_LIMIT: '25' }).rateLimitPerSecond, 25);
  });

  test('0 turns limiting off', async () => {
    assert.equal(loadConfig({ PARLEY_RATE_LIMIT: '0' }).rateLimitPerSecond, 0);
    const h = await startMeetingsHarness({ config: { rateLimitPerSecond: 0 } });
    try {
      for (let i = 0; i < 30; i++) {
        const response = await h.call('GET', '/v1/meetings/rooms');
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['x-ratelimit-limit'], undefined);
      }
    } finally {
      await h.close();
    }
  });

  test('stops the server on a value that is not a whole number of requests', () => {
    for (const [text, problem] of [['-1', 'must be >= 0'], ['2.5', 'must be integer'], ['lots', 'must be integer']] as const) {
      assert.throws(() => loadConfig({ PARLEY_RATE_LIMIT: text }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`PARLEY_RATE_LIMIT: ${problem}`));
        return true;
      });
    }
  });
});
