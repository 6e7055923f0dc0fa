import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { startMeetingsHarness, vonageError, type MeetingsHarness } from './test-support/meetings-harness.js';

describeEachDialect('GET /rooms/:room_id', (dialect) => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness({ dialect });
  });
  after(() => h.close());

  test('answers the room as it was created, under every prefix', async () => {
    const created = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Retro', callback_urls: { rooms_callback_url: 'https://x.test/r' } })).json();
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      const response = await h.call('GET', `${prefix}/rooms/${created.id}`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/json\b/);
      const { _links, ...room } = response.json();
      const { _links: createdLinks, ...createdRoom } = created;
      assert.deepEqual(room, createdRoom);
      assert.equal(_links.guest_url.href, createdLinks.guest_url.href);
    }
  });

  test('mints a fresh host token on every answer, always for the same host', async () => {
    const created = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Tokens' })).json();
    const tokenOf = (room: { _links: { host_url: { href: string } } }) =>
      new URL(room._links.host_url.href).searchParams.get('participant_token') ?? '';
    // Token iat has one-second resolution; wait past it so two mints must differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fetched = (await h.call('GET', `/v1/meetings/rooms/${created.id}`)).json();
    assert.notEqual(tokenOf(fetched), tokenOf(created));
    const [first, second] = await Promise.all([tokenOf(created), tokenOf(fetched)].map((t) => h.services.participantTokens.verify(t)));
    assert.ok(first && second);
    assert.deepEqual(first, second);
    assert.equal(first.role, 'host');
  });

  test('answers 404 NotFoundError for a room that does not exist', async () => {
    const id = '7f1d2c66-0000-4000-8000-000000000000';
    const response = await h.call('GET', `/v1/meetings/rooms/${id}`);
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    assert.deepEqual(response.json(), vonageError('NotFoundError', 404, `Room ${id} was not found`));
  });

  test("answers 404, not 403, for another application's room", async () => {
    const theirs = (await h.call('POST', '/v1/meetings/rooms', { display_name: 'Not yours' })).json();
    const other = await h.otherApplication();
    const token = await h.token({ key: other.privateKey, applicationId: other.application.id });
    const response = await h.app.inject({ method: 'GET', url: `/v1/meetings/rooms/${theirs.id}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), vonageError('NotFoundError', 404, `Room ${theirs.id} was not found`));
  });

  test('refuses an over-long room id in the Vonage format, not the router\'s', async () => {
    const id = 'x'.repeat(300);
    const response = await h.call('GET', `/v1/meetings/rooms/${id}`);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), vonageError('InputValidationError', 400, '"room_id" length must be less than or equal to 128 characters long'));
  });

  test('answers unknown routes under the prefix in the Vonage format', async () => {
    const response = await h.call('GET', '/v1/meetings/rooms/a/b');
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), vonageError('NotFoundError', 404, 'Route GET /v1/meetings/rooms/a/b was not found'));
  });
});
