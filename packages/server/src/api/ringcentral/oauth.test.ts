import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { OAuthSessions } from '../../identity/oauth-sessions.js';
import { assertRefused, oauthError, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

interface TokenInfo {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  owner_id: string;
  endpoint_id: string;
  session_id: string;
}

describe('RingCentral OAuth: /restapi/oauth/token and /restapi/oauth/revoke', () => {
  let h: RingCentralHarness;
  let sessions: OAuthSessions;
  before(async () => {
    h = await startRingCentralHarness();
    sessions = new OAuthSessions(h.services.store.db, h.clock);
  });
  after(() => h.close());

  const jwtOf = async (userId: string) => (await h.services.userJwtCredentials.issue(userId)).jwt;

  test('the JWT bearer grant answers TokenInfo with every field the SDKs read, never cached', async () => {
    const response = await h.oauth('token', { grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.admin.id) }, { authorization: h.acme.basic });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const token = response.json() as TokenInfo;
    assert.deepEqual(Object.keys(token).sort(), ['access_token', 'endpoint_id', 'expires_in', 'owner_id', 'refresh_token', 'refresh_token_expires_in', 'scope', 'session_id', 'token_type']);
    assert.equal(token.token_type, 'bearer');
    assert.equal(token.expires_in, 3600);
    assert.equal(token.refresh_token_expires_in, 604800);
    assert.equal(token.scope, 'Video ReadWebinars EditWebinars');
    assert.equal(token.owner_id, h.acme.admin.id);
    assert.notEqual(token.access_token, token.refresh_token);
    const holder = await sessions.authenticate(token.access_token);
    assert.ok(typeof holder === 'object');
    assert.deepEqual([holder.user.id, holder.applicationId, holder.sessionId], [h.acme.admin.id, h.acme.applicationId, token.session_id]);
  });

  test('client credentials in the form, and a body without any Content-Type (as @rc-ex/core sends it under Node)', async () => {
    const form = new URLSearchParams({ grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.member.id), client_id: h.acme.clientId, client_secret: h.acme.clientSecret });
    const response = await h.app.inject({ method: 'POST', url: '/restapi/oauth/token', payload: form.toString() });
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((response.json() as TokenInfo).owner_id, h.acme.member.id);
    // rc-ex sends client_id in the form as well as the Basic header; browsers' XHR say text/plain.
    const both = await h.oauth('token', { grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.member.id), client_id: h.acme.clientId }, { authorization: h.acme.basic, 'content-type': 'text/plain;charset=UTF-8' });
    assert.equal(both.statusCode, 200, both.body);
  });

  test('scopes and lifetimes: asked-for scopes only, lifetimes clamped, NaN ignored', async () => {
    const grant = async (form: Record<string, string>) => {
      const response = await h.oauth('token', { grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.member.id), ...form }, { authorization: h.acme.basic });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as TokenInfo;
    };
    assert.equal((await grant({ scope: 'Video' })).scope, 'Video');
    const short = await grant({ access_token_ttl: '100', refresh_token_ttl: '10' });
    assert.deepEqual([short.expires_in, short.refresh_token_expires_in], [600, 600]);
    const long = await grant({ access_token_ttl: '99999', refresh_token_ttl: '99999999' });
    assert.deepEqual([long.expires_in, long.refresh_token_expires_in], [3600, 2592000]);
    const nan = await grant({ access_token_ttl: 'NaN', refresh_token_ttl: 'NaN', endpoint_id: 'my-endpoint' });
    assert.deepEqual([nan.expires_in, nan.refresh_token_expires_in, nan.endpoint_id], [3600, 604800, 'my-endpoint']);
  });

  test('refusals of the token endpoint, in RingCentral\'s format, store nothing', async () => {
    const assertion = await jwtOf(h.acme.member.id);
    const wrongSecret = `Basic ${Buffer.from(`${h.acme.clientId}:nope`).toString('base64')}`;
    const cases: [Record<string, string>, Record<string, string>, number, unknown][] = [
      [{ grant_type: JWT_GRANT, assertion }, { authorization: wrongSecret }, 401, oauthError('invalid_client', 'OAU-153', `Invalid client: ${h.acme.clientId}`)],
      [{ grant_type: JWT_GRANT, assertion, client_id: 'unknown' }, {}, 401, oauthError('invalid_client', 'OAU-153', 'Invalid client: unknown')],
      [{ grant_type: JWT_GRANT, assertion }, {}, 401, oauthError('invalid_client', 'OAU-153', 'Client authentication is required')],
      // A JWT credential needs the client secret: client_id alone is a public client.
      [{ grant_type: JWT_GRANT, assertion, client_id: h.acme.clientId }, {}, 401, oauthError('invalid_client', 'OAU-153', 'Client authentication is required')],
      [{ grant_type: JWT_GRANT, assertion }, { authorization: 'Basic !!!' }, 401, oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value')],
      [{ grant_type: JWT_GRANT, assertion, client_id: h.globex.clientId }, { authorization: h.acme.basic }, 400, oauthError('invalid_request', 'OAU-101', 'Parameter [client_id] does not match the Authorization header', 'client_id')],
      [{ grant_type: JWT_GRANT, assertion, client_assertion_type: 'x', client_assertion: 'y' }, { authorization: h.acme.basic }, 401, oauthError('invalid_client', 'OAU-153', 'Client assertions are not supported: authenticate with the client secret (HTTP Basic)')],
      [{ grant_type: JWT_GRANT }, { authorization: h.acme.basic }, 400, oauthError('invalid_request', 'OAU-101', 'Parameter [assertion] is required', 'assertion')],
      [{ grant_type: JWT_GRANT, assertion: `${assertion}x` }, { authorization: h.acme.basic }, 400, oauthError('invalid_grant', 'OAU-144', 'The JWT credential is not valid')],
      // Acme's user cannot get tokens from Globex's client app.
      [{ grant_type: JWT_GRANT, assertion }, { authorization: h.globex.basic }, 400, oauthError('invalid_grant', 'OAU-140', 'The JWT credential belongs to a user of another account')],
      [{ assertion }, { authorization: h.acme.basic }, 400, oauthError('invalid_request', 'OAU-101', 'Parameter [grant_type] is required', 'grant_type')],
      [{ grant_type: 'client_credentials' }, { authorization: h.acme.basic }, 400, oauthError('unsupported_grant_type', 'OAU-101', 'Unsupported grant type: [client_credentials]', 'grant_type')],
      [{ grant_type: JWT_GRANT, assertion, scope: 'Video SMS' }, { authorization: h.acme.basic }, 400, oauthError('invalid_scope', 'OAU-101', 'Parameter [scope] is invalid: unknown scope [SMS]', 'scope')],
      [{ grant_type: JWT_GRANT, assertion: 'x'.repeat(9000) }, { authorization: h.acme.basic }, 400, oauthError('invalid_request', 'OAU-101', 'Parameter [assertion] is invalid', 'assertion')],
    ];
    for (const [form, headers, status, body] of cases) {
      await assertRefused(h, () => h.oauth('token', form, headers), { status, body });
    }
    await assertRefused(h, () => h.app.inject({ method: 'POST', url: '/restapi/oauth/token', headers: { authorization: h.acme.basic }, payload: 'grant_type=password&grant_type=password' }), {
      status: 400,
      body: oauthError('invalid_request', 'OAU-111', 'Request parameter duplication detected', 'grant_type'),
    });
    const revoked = await h.services.userJwtCredentials.issue(h.acme.member.id);
    await h.services.userJwtCredentials.revoke(h.acme.member.id, revoked.credential.id);
    await assertRefused(h, () => h.oauth('token', { grant_type: JWT_GRANT, assertion: revoked.jwt }, { authorization: h.acme.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-144', 'The JWT credential has been revoked'),
    });
  });

  test('the password grant: email, optionally *extension; wrong guesses are limited per login and address', async () => {
    const { member, password } = h.acme;
    const ok = await h.oauth('token', { grant_type: 'password', username: `${member.email}*${member.extensionNumber}`, password }, { authorization: h.acme.basic });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((ok.json() as TokenInfo).owner_id, member.id);
    const refused = oauthError('invalid_grant', 'OAU-140', 'Invalid resource owner credentials');
    await assertRefused(h, () => h.oauth('token', { grant_type: 'password', username: `${member.email}*999`, password }, { authorization: h.acme.basic }), { status: 400, body: refused });
    // The right password for another account's client is as wrong as a wrong password.
    await assertRefused(h, () => h.oauth('token', { grant_type: 'password', username: member.email, password }, { authorization: h.globex.basic }), { status: 400, body: refused });
    const guesser = (username: string) => h.app.inject({
      method: 'POST',
      url: '/restapi/oauth/token',
      remoteAddress: '203.0.113.9',
      headers: { authorization: h.acme.basic },
      payload: new URLSearchParams({ grant_type: 'password', username, password: 'guess' }).toString(),
    });
    for (let i = 0; i < 5; i++) assert.equal((await guesser(h.acme.admin.email)).statusCode, 400);
    const limited = await guesser(h.acme.admin.email);
    assert.equal(limited.statusCode, 429, limited.body);
    assert.equal(limited.headers['retry-after'], '60');
    assert.deepEqual(limited.json(), oauthError('invalid_request', 'CMN-301', 'Request rate exceeded: too many failed sign-ins, try again in 60 seconds'));
    // Another login from that address, and the same login from elsewhere, are not held back.
    assert.equal((await guesser(member.email)).statusCode, 400);
    h.clock.advance(60_000);
    assert.equal((await guesser(h.acme.admin.email)).statusCode, 400);
  });

  test('refresh replaces both tokens in the same session; the old pair stops working', async () => {
    const first = (await h.oauth('token', { grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.member.id) }, { authorization: h.acme.basic })).json() as TokenInfo;
    const refreshed = await h.oauth('token', { grant_type: 'refresh_token', refresh_token: first.refresh_token, access_token_ttl: '1200', refresh_token_ttl: 'NaN' }, { authorization: h.acme.basic });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    const second = refreshed.json() as TokenInfo;
    assert.equal(second.session_id, first.session_id);
    assert.equal(second.expires_in, 1200);
    assert.notEqual(second.access_token, first.access_token);
    assert.equal(await sessions.authenticate(first.access_token), 'invalid');
    assert.equal(typeof (await sessions.authenticate(second.access_token)), 'object');
    await assertRefused(h, () => h.oauth('token', { grant_type: 'refresh_token', refresh_token: first.refresh_token }, { authorization: h.acme.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-213', 'Token not found'),
    });
    // A confidential client's session cannot be refreshed by someone holding only the client id.
    await assertRefused(h, () => h.oauth('token', { grant_type: 'refresh_token', refresh_token: second.refresh_token, client_id: h.acme.clientId }), {
      status: 401,
      body: oauthError('invalid_client', 'OAU-153', 'Client authentication is required'),
    });
    // Nor by another client app.
    await assertRefused(h, () => h.oauth('token', { grant_type: 'refresh_token', refresh_token: second.refresh_token }, { authorization: h.globex.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-213', 'Token not found'),
    });
    h.clock.advance(1200_000);
    assert.equal(await sessions.authenticate(second.access_token), 'expired');
    h.clock.advance(604800_000);
    await assertRefused(h, () => h.oauth('token', { grant_type: 'refresh_token', refresh_token: second.refresh_token }, { authorization: h.acme.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-212', 'Token is expired'),
    });
  });

  test('revoke ends the whole session, from the form or the query; other clients cannot revoke, unknown tokens are fine', async () => {
    const login = async () => (await h.oauth('token', { grant_type: JWT_GRANT, assertion: await jwtOf(h.acme.member.id) }, { authorization: h.acme.basic })).json() as TokenInfo;
    const first = await login();
    const foreign = await h.oauth('revoke', { token: first.access_token }, { authorization: h.globex.basic });
    assert.equal(foreign.statusCode, 200);
    assert.equal(typeof (await sessions.authenticate(first.access_token)), 'object');
    const revoked = await h.oauth('revoke', { token: first.access_token }, { authorization: h.acme.basic });
    assert.deepEqual([revoked.statusCode, revoked.body], [200, '']);
    assert.equal(await sessions.authenticate(first.access_token), 'invalid');
    await assertRefused(h, () => h.oauth('token', { grant_type: 'refresh_token', refresh_token: first.refresh_token }, { authorization: h.acme.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-211', 'Token is revoked'),
    });
    const second = await login();
    const byQuery = await h.app.inject({ method: 'POST', url: `/restapi/oauth/revoke?token=${second.refresh_token}`, headers: { authorization: h.acme.basic } });
    assert.equal(byQuery.statusCode, 200, byQuery.body);
    assert.equal(await sessions.authenticate(second.access_token), 'invalid');
    // @ringcentral/sdk without a secret revokes with client_id in the form.
    const third = await login();
    assert.equal((await h.oauth('revoke', { token: third.access_token, client_id: h.acme.clientId })).statusCode, 200);
    assert.equal(await sessions.authenticate(third.access_token), 'invalid');
    assert.equal((await h.oauth('revoke', { token: 'never-issued' }, { authorization: h.acme.basic })).statusCode, 200);
    await assertRefused(h, () => h.oauth('revoke', {}, { authorization: h.acme.basic }), { status: 400, body: oauthError('invalid_request', 'OAU-101', 'Parameter [token] is required', 'token') });
    await assertRefused(h, () => h.oauth('revoke', { token: 'x' }), { status: 401, body: oauthError('invalid_client', 'OAU-153', 'Client authentication is required') });
  });
});

describe('RingCentral OAuth: the authorization-code flow, its consent page and PKCE', () => {
  let h: RingCentralHarness;
  before(async () => {
    h = await startRingCentralHarness();
  });
  after(() => h.close());

  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorizeQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ client_id: h.acme.clientId, response_type: 'code', redirect_uri: h.acme.redirectUri, state: 'xyz', ...extra }).toString();

  /** Approves on the consent page as the user; answers where the page sends the browser. */
  const approve = async (extra: Record<string, string> = {}, answer: Record<string, string> = {}): Promise<URL> => {
    const form = new URLSearchParams({ client_id: h.acme.clientId, response_type: 'code', redirect_uri: h.acme.redirectUri, state: 'xyz', ...extra, decision: 'allow', email: h.acme.member.email, password: h.acme.password, ...answer });
    const response = await h.app.inject({ method: 'POST', url: '/restapi/oauth/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    assert.equal(response.statusCode, 302, response.body);
    return new URL(String(response.headers.location));
  };

  test('the consent page names the application and what it asks for, carries the request, and cannot be framed', async () => {
    const response = await h.app.inject({ method: 'GET', url: `/restapi/oauth/authorize?${authorizeQuery({ scope: 'Video', code_challenge: challenge, code_challenge_method: 'S256', login_hint: 'member@acme.example' })}` });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    const html = response.body;
    assert.match(html, /Allow <strong>Acme app<\/strong> to use your Parley account\?/);
    assert.match(html, /video meeting bridges/);
    assert.doesNotMatch(html, /webinars/);
    for (const [name, value] of [['client_id', h.acme.clientId], ['redirect_uri', h.acme.redirectUri], ['state', 'xyz'], ['code_challenge', challenge], ['code_challenge_method', 'S256'], ['scope', 'Video']]) {
      assert.match(html, new RegExp(`<input type="hidden" name="${name}" value="${value}">`));
    }
    assert.match(html, /<input id="email" name="email" type="email" autocomplete="username" required value="member@acme.example">/);
    assert.match(html, /<label for="password">Password<\/label>/);
  });

  test('a public client exchanges its code with the S256 verifier; the code works once, and a second use revokes the session', async () => {
    const redirect = await approve({ code_challenge: challenge, code_challenge_method: 'S256' });
    assert.equal(`${redirect.origin}${redirect.pathname}`, h.acme.redirectUri);
    assert.equal(redirect.searchParams.get('state'), 'xyz');
    const code = redirect.searchParams.get('code') ?? '';
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: h.acme.redirectUri, code_verifier: verifier, client_id: h.acme.clientId };
    await assertRefused(h, () => h.oauth('token', { ...exchange, code_verifier: `${verifier.slice(0, -1)}A` }), { status: 400, body: oauthError('invalid_grant', 'OAU-106', 'Invalid code verifier') });
    const response = await h.oauth('token', exchange);
    assert.equal(response.statusCode, 200, response.body);
    const token = response.json() as TokenInfo;
    assert.equal(token.owner_id, h.acme.member.id);
    const sessions = new OAuthSessions(h.services.store.db, h.clock);
    // The session a public client opened may be refreshed with the client id alone.
    const refreshed = await h.oauth('token', { grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: h.acme.clientId });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    const again = await h.oauth('token', exchange);
    assert.deepEqual([again.statusCode, again.json()], [400, oauthError('invalid_grant', 'OAU-106', 'Invalid authorization code')]);
    assert.equal(await sessions.authenticate((refreshed.json() as TokenInfo).access_token), 'invalid');
  });

  test('plain PKCE, a confidential client without PKCE, and what a code exchange refuses', async () => {
    const plain = (await approve({ code_challenge: verifier })).searchParams.get('code') ?? '';
    const plainExchange = await h.oauth('token', { grant_type: 'authorization_code', code: plain, redirect_uri: h.acme.redirectUri, code_verifier: verifier, client_id: h.acme.clientId });
    assert.equal(plainExchange.statusCode, 200, plainExchange.body);

    const code = async () => (await approve()).searchParams.get('code') ?? '';
    const confidential = await h.oauth('token', { grant_type: 'authorization_code', code: await code(), redirect_uri: h.acme.redirectUri }, { authorization: h.acme.basic });
    assert.equal(confidential.statusCode, 200, confidential.body);

    const refusals: [Record<string, string>, Record<string, string>, number, unknown][] = [
      // Without PKCE, a code needs the client's secret.
      [{ code: await code(), redirect_uri: h.acme.redirectUri, client_id: h.acme.clientId }, {}, 401, oauthError('invalid_client', 'OAU-153', 'Client authentication is required')],
      [{ code: await code(), redirect_uri: 'https://acme.example/other' }, { authorization: h.acme.basic }, 400, oauthError('invalid_grant', 'OAU-109', 'Redirect URIs do not match')],
      [{ code: await code(), redirect_uri: h.acme.redirectUri }, { authorization: h.globex.basic }, 400, oauthError('invalid_grant', 'OAU-110', 'Authorization code was not issued for this application')],
      [{ code: 'made-up', redirect_uri: h.acme.redirectUri }, { authorization: h.acme.basic }, 400, oauthError('invalid_grant', 'OAU-106', 'Invalid authorization code')],
      [{ redirect_uri: h.acme.redirectUri }, { authorization: h.acme.basic }, 400, oauthError('invalid_request', 'OAU-101', 'Parameter [code] is required', 'code')],
    ];
    for (const [form, headers, status, body] of refusals) {
      await assertRefused(h, () => h.oauth('token', { grant_type: 'authorization_code', ...form }, headers), { status, body });
    }
    const late = await code();
    h.clock.advance(60_000);
    await assertRefused(h, () => h.oauth('token', { grant_type: 'authorization_code', code: late, redirect_uri: h.acme.redirectUri }, { authorization: h.acme.basic }), {
      status: 400,
      body: oauthError('invalid_grant', 'OAU-108', 'Authorization code is expired'),
    });
  });

  test('denying, and errors the client is told about, go back to the redirect URI with the state', async () => {
    const denied = await h.app.inject({
      method: 'POST',
      url: '/restapi/oauth/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${authorizeQuery()}&decision=deny`,
    });
    assert.equal(denied.statusCode, 302);
    const deniedUrl = new URL(String(denied.headers.location));
    assert.deepEqual([deniedUrl.searchParams.get('error'), deniedUrl.searchParams.get('state'), deniedUrl.searchParams.get('code')], ['access_denied', 'xyz', null]);
    const redirected = async (query: string, error: string) => {
      const response = await h.app.inject({ method: 'GET', url: `/restapi/oauth/authorize?${query}` });
      assert.equal(response.statusCode, 302, response.body);
      const location = new URL(String(response.headers.location));
      assert.equal(location.searchParams.get('error'), error);
      assert.equal(location.searchParams.get('state'), 'xyz');
    };
    await redirected(authorizeQuery({ response_type: 'token' }), 'unsupported_response_type');
    await redirected(authorizeQuery({ prompt: 'none' }), 'login_required');
    await redirected(authorizeQuery({ scope: 'Everything' }), 'invalid_scope');
    await redirected(authorizeQuery({ code_challenge: challenge, code_challenge_method: 'S512' }), 'invalid_request');
    await redirected(authorizeQuery({ code_challenge: 'short', code_challenge_method: 'S256' }), 'invalid_request');
  });

  test('an unknown client or redirect URI is refused on the page (JSON for programs), never redirected', async () => {
    const page = await h.app.inject({ method: 'GET', url: `/restapi/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://evil.example/cb' })}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /This sign-in link does not work/);
    assert.match(page.body, /Redirect URIs do not match/);
    assert.equal(page.headers.location, undefined);
    const json = await h.app.inject({ method: 'GET', url: `/restapi/oauth/authorize?${authorizeQuery({ client_id: 'nobody' })}` });
    assert.deepEqual([json.statusCode, json.json()], [400, oauthError('invalid_client', 'OAU-153', 'Invalid client: nobody')]);
  });

  test('a wrong password, or a user of another account, stays on the page with an error and gets no code', async () => {
    const before = await h.databaseSnapshot();
    const post = (answer: Record<string, string>) =>
      h.app.inject({ method: 'POST', url: '/restapi/oauth/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `${authorizeQuery()}&${new URLSearchParams({ decision: 'allow', ...answer }).toString()}` });
    const wrong = await post({ email: h.acme.member.email, password: 'not it' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /<p class="error" role="alert" id="error">That email and password do not match an account this application may use.<\/p>/);
    assert.match(wrong.body, /value="member@acme.example" aria-describedby="error" aria-invalid="true"/);
    const foreign = await post({ email: h.globex.member.email, password: h.globex.password });
    assert.match(foreign.body, /do not match an account this application may use/);
    const empty = await post({ email: '', password: '' });
    assert.match(empty.body, /Enter your email and password./);
    assert.deepEqual(await h.databaseSnapshot(), before);
  });
});
