import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { MEETINGS_API_BODY_LIMIT } from './body-limit.js';
import { assertRefused, startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

/** A create-room body of exactly `bytes` bytes; the padding is a key the API ignores. */
function roomBodyOf(bytes: number): string {
  const empty = JSON.stringify({ display_name: 'Padded', padding: '' });
  return JSON.stringify({ display_name: 'Padded', padding: 'x'.repeat(bytes - empty.length) });
}

describe('Meetings API body limit', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  test('is 64 KiB', () => {
    assert.equal(MEETINGS_API_BODY_LIMIT, 65_536);
  });

  test('accepts a body of exactly the limit', async () => {
    const body = roomBodyOf(MEETINGS_API_BODY_LIMIT);
    assert.equal(Buffer.byteLength(body), MEETINGS_API_BODY_LIMIT);
    const response = await h.call('POST', '/v1/meetings/rooms', body);
    assert.equal(response.statusCode, 201, response.body);
  });

  test('refuses a body one byte over with 413 PayloadTooLargeError, creating nothing', async () => {
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      await assertRefused(h, () => h.call('POST', `${prefix}/rooms`, roomBodyOf(MEETINGS_API_BODY_LIMIT + 1)), {
        status: 413,
        body: vonageError('PayloadTooLargeError', 413, 'Request body is too large'),
      });
    }
  });

  test('refuses a large body sent without a length (chunked) as it streams in', async () => {
    await assertRefused(
      h,
      async () =>
        h.app.inject({
          method: 'POST',
          url: '/v1/meetings/rooms',
          headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          payload: Readable.from([roomBodyOf(MEETINGS_API_BODY_LIMIT * 2)]),
        }),
      { status: 413, body: vonageError('PayloadTooLargeError', 413, 'Request body is too large') },
    );
  });

  test('is checked after authentication: an unauthenticated caller learns nothing of it', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/meetings/rooms',
      headers: { 'content-type': 'application/json' },
      payload: roomBodyOf(MEETINGS_API_BODY_LIMIT + 1),
    });
    assert.equal(response.statusCode, 401);
  });
});
