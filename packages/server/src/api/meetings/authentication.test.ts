import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { assertRefused, startMeetingsHarness, type MeetingsHarness } from './test-support/meetings-harness.js';

describe('Meetings API authentication', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
    await h.call('POST', '/v1/meetings/rooms', { display_name: 'existing' });
  });
  after(() => h.close());

  const createWith = (authorization: string | undefined, payload = '{"display_name":"x"}') => () =>
    h.app.inject({
      method: 'POST',
      url: '/v1/meetings/rooms',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
      payload,
    });
  const unauthorized = (detail: string) => ({ status: 401, body: { title: 'Unauthorized', detail } });
  const BAD_CREDENTIALS = 'You did not provide correct credentials';

  test('accepts a token without exp, as the Java SDK sends', async () => {
    const response = await createWith(`Bearer ${await h.token({ expiresIn: null })}`)();
    assert.equal(response.statusCode, 201, response.body);
  });

  test('accepts a JOSE header with "type" instead of "typ" (Java)', async () => {
    const token = await new SignJWT({ application_id: h.application.id, jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', type: 'JWT' } as { alg: string })
      .setIssuedAt(Math.floor(h.clock.now().getTime() / 1000))
      .sign(h.privateKey);
    assert.equal((await createWith(`Bearer ${token}`)()).statusCode, 201);
  });

  test('accepts a lowercase "bearer" scheme', async () => {
    assert.equal((await createWith(`bearer ${await h.token()}`)()).statusCode, 201);
  });

  test('refuses a request without Authorization header, before reading its body', async () => {
    await assertRefused(h, createWith(undefined, '{not json'), unauthorized('Auth header is required'));
  });

  test('refuses a non-Bearer Authorization header', async () => {
    await assertRefused(h, createWith('Basic dXNlcjpwYXNz'), unauthorized('Auth header must be "Bearer <JWT>"'));
  });

  test('refuses a malformed token', async () => {
    await assertRefused(h, createWith('Bearer not.a.jwt'), unauthorized('The token is not a valid JWT'));
  });

  test('refuses an expired token', async () => {
    await assertRefused(h, createWith(`Bearer ${await h.token({ expiresIn: -1 })}`), unauthorized('The token has expired'));
  });

  test('refuses a token once the clock passes its exp', async () => {
    const token = await h.token({ expiresIn: 60 });
    h.clock.advance(61_000);
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized('The token has expired'));
  });

  test('checks the time claims of a token it accepted before on every call', async () => {
    const token = await h.token({ expiresIn: 60 });
    assert.equal((await createWith(`Bearer ${token}`)()).statusCode, 201);
    h.clock.advance(61_000);
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized('The token has expired'));
  });

  test('refuses a token it accepted before once the application has another key', async () => {
    const { application, privateKey } = await h.otherApplication();
    const token = await h.token({ applicationId: application.id, key: privateKey });
    assert.equal((await createWith(`Bearer ${token}`)()).statusCode, 201);
    await h.services.store.db.updateTable('applications').set({ public_key: h.application.publicKey }).where('id', '=', application.id).execute();
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized(BAD_CREDENTIALS));
  });

  test('refuses a token signed with another key', async () => {
    const other = await h.otherApplication();
    await assertRefused(h, createWith(`Bearer ${await h.token({ key: other.privateKey })}`), unauthorized(BAD_CREDENTIALS));
  });

  test('refuses a token of an unknown application, in the same words as a wrong key', async () => {
    await assertRefused(h, createWith(`Bearer ${await h.token({ applicationId: randomUUID() })}`), unauthorized(BAD_CREDENTIALS));
  });

  test('refuses a token without application_id', async () => {
    const token = await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().sign(h.privateKey);
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized('The token has no "application_id" claim'));
  });

  test('refuses a token without jti', async () => {
    await assertRefused(h, createWith(`Bearer ${await h.token({ omit: ['jti'] })}`), unauthorized('The token\'s "jti" claim is missing or invalid'));
  });

  test('refuses a token without iat', async () => {
    await assertRefused(h, createWith(`Bearer ${await h.token({ omit: ['iat'] })}`), unauthorized('The token\'s "iat" claim is missing or invalid'));
  });

  test('refuses an HS256 token, even one keyed with the public key text', async () => {
    const secret = new TextEncoder().encode(h.application.publicKey);
    const token = await new SignJWT({ application_id: h.application.id, jti: randomUUID() }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(secret);
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized('The token must be signed with RS256'));
  });

  test('refuses an unsigned token', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${encode({ alg: 'none' })}.${encode({ application_id: h.application.id, iat: 1, jti: 'x' })}.`;
    await assertRefused(h, createWith(`Bearer ${token}`), unauthorized('The token must be signed with RS256'));
  });

  test('guards reading and listing too, under every prefix', async () => {
    const [room] = await h.roomsTable();
    for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
      for (const url of [`${prefix}/rooms`, `${prefix}/rooms/${(room as { id: string }).id}`]) {
        const response = await h.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 401, url);
        assert.match(String(response.headers['content-type']), /^application\/json\b/);
        assert.equal(response.headers['www-authenticate'], 'Bearer');
        assert.deepEqual(response.json(), { title: 'Unauthorized', detail: 'Auth header is required' });
      }
    }
  });
});
