import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import RingCentral from '@rc-ex/core';
import { SDK } from '@ringcentral/sdk';
import { startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import type { BridgeResponse } from './bridge-json.js';

/**
 * RingCentral's own SDKs, unchanged but for their `server`, over real HTTP: they log in with a JWT
 * credential, create a bridge, find it by PIN, refresh their token and log out. `@ringcentral/sdk`
 * sends `bearer` tokens as the token response spelled them; `@rc-ex/core` sends `client_id` next to
 * the Basic header. (A form with no Content-Type at all, which older axios versions under rc-ex send,
 * is covered in oauth.test.ts.)
 */
describe('the official RingCentral SDKs against Parley', () => {
  let h: RingCentralHarness;
  let server: string;
  /** How each token request authenticated its client, by the client library that sent it. */
  const tokenRequests: { userAgent: string; basic: boolean; formClientId: unknown }[] = [];
  before(async () => {
    h = await startRingCentralHarness();
    h.app.addHook('preHandler', async (request) => {
      if (request.url !== '/restapi/oauth/token') return;
      const basic = request.headers.authorization?.startsWith('Basic ') ?? false;
      tokenRequests.push({ userAgent: String(request.headers['x-user-agent']), basic, formClientId: (request.body as Record<string, unknown>).client_id });
    });
    server = await h.app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(() => h.close());

  const jwtOf = async (userId: string) => (await h.services.userJwtCredentials.issue(userId)).jwt;

  test('@ringcentral/sdk: JWT login, create a bridge, find it by web PIN and PSTN PIN, refresh, log out', async () => {
    const sdk = new SDK({ server, clientId: h.acme.clientId, clientSecret: h.acme.clientSecret, appName: 'Parley test', appVersion: '1.0.0' });
    const platform = sdk.platform();
    await platform.login({ jwt: await jwtOf(h.acme.member.id) });
    assert.equal(await platform.loggedIn(), true);
    const owner = (await platform.auth().data()).owner_id;
    assert.equal(owner, h.acme.member.id);

    const created = (await (await platform.post('/rcvideo/v2/account/~/extension/~/bridges', { name: 'Test Meeting', type: 'Instant' })).json()) as BridgeResponse;
    assert.equal(created.name, 'Test Meeting');
    assert.equal(created.discovery.web, `http://parley.test/${created.pins.web}`);
    const byWebPin = (await (await platform.get(`/rcvideo/v2/bridges/pin/web/${created.pins.web}`)).json()) as BridgeResponse;
    assert.equal(byWebPin.id, created.id);
    const byPstnPin = (await (await platform.get(`/rcvideo/v2/bridges/pin/pstn/${created.pins.pstn.participant}`)).json()) as BridgeResponse;
    assert.equal(byPstnPin.id, created.id);

    // The SDK refreshes with the stored TTLs (and NaN where it has none); the new token works.
    const before = (await platform.auth().data()).access_token;
    await platform.refresh();
    const after = (await platform.auth().data()).access_token;
    assert.notEqual(after, before);
    const patched = (await (await platform.send({ method: 'PATCH', url: `/rcvideo/v2/bridges/${created.id}`, body: { preferences: { join: { audioMuted: true } } } })).json()) as BridgeResponse;
    assert.equal(patched.preferences.join.audioMuted, true);

    // Errors come back as the SDK's ApiError, with RingCentral's message.
    await assert.rejects(platform.get('/rcvideo/v2/bridges/no-such-bridge'), (error: Error & { response?: Response }) => {
      assert.equal(error.message, 'Bridge no-such-bridge was not found');
      assert.equal(error.response?.status, 404);
      return true;
    });

    await platform.delete(`/rcvideo/v2/bridges/${created.id}`);
    await platform.logout();
    assert.equal(await platform.loggedIn(), false);
    const stale = await h.app.inject({ method: 'GET', url: `/rcvideo/v2/bridges/${created.id}`, headers: { authorization: `bearer ${after}` } });
    assert.equal(stale.statusCode, 401, 'the logged-out token no longer works');
  });

  test('@ringcentral/sdk without a client secret: authorization code with PKCE, from loginUrl to tokens', async () => {
    const sdk = new SDK({ server, clientId: h.acme.clientId, redirectUri: h.acme.redirectUri });
    const platform = sdk.platform();
    const loginUrl = new URL(platform.loginUrl({ usePKCE: true, state: 'from-the-sdk' }));
    assert.equal(loginUrl.pathname, '/restapi/oauth/authorize');
    const page = await h.app.inject({ method: 'GET', url: `${loginUrl.pathname}${loginUrl.search}` });
    assert.equal(page.statusCode, 200, page.body);
    const form = new URLSearchParams(Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] as string, (m[2] as string).replaceAll('&amp;', '&')])));
    form.set('decision', 'allow');
    form.set('email', h.acme.member.email);
    form.set('password', h.acme.password);
    const consent = await h.app.inject({ method: 'POST', url: '/restapi/oauth/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    assert.equal(consent.statusCode, 302, consent.body);
    const redirect = new URL(String(consent.headers.location));
    assert.equal(redirect.searchParams.get('state'), 'from-the-sdk');
    await platform.login({ code: redirect.searchParams.get('code') ?? '' });
    assert.equal((await platform.auth().data()).owner_id, h.acme.member.id);
    const bridge = (await (await platform.get('/rcvideo/v2/account/~/extension/~/bridges/default')).json()) as BridgeResponse;
    assert.equal(bridge.type, 'PMI');
    await platform.refresh();
    await platform.logout();
  });

  test('@rc-ex/core: JWT login, create a bridge, find it by PIN, the default bridge of a user, refresh, revoke', async () => {
    const rc = new RingCentral({ server, clientId: h.acme.clientId, clientSecret: h.acme.clientSecret });
    const token = await rc.authorize({ jwt: await jwtOf(h.acme.admin.id) });
    assert.equal(token.owner_id, h.acme.admin.id);
    assert.equal(token.token_type, 'bearer');
    const sent = tokenRequests.find((request) => request.userAgent.includes('ringcentral-extensible'));
    assert.deepEqual([sent?.basic, sent?.formClientId], [true, h.acme.clientId], 'rc-ex sends client_id in the form next to the Basic header');

    // rc-ex's account() and extension() default to null, not "~": callers pass it.
    const bridge = await rc.rcvideo().v2().account('~').extension('~').bridges().post({ name: 'rc-ex meeting', type: 'Scheduled', security: { passwordProtected: true } });
    assert.equal(bridge.name, 'rc-ex meeting');
    assert.equal(bridge.security?.passwordProtected, true);
    assert.match(bridge.security?.password?.plainText ?? '', /^[A-Za-z0-9]{10}$/);
    const found = await rc.rcvideo().v2().bridges().pin().web(bridge.pins?.web ?? '').get();
    assert.equal(found.id, bridge.id);
    const defaultBridge = await rc.rcvideo().v2().account('~').extension(h.acme.member.id).bridges().default().get();
    assert.deepEqual([defaultBridge.type, defaultBridge.host?.extensionId], ['PMI', h.acme.member.id]);

    await rc.refresh();
    assert.equal((await rc.rcvideo().v2().bridges(bridge.id).get()).id, bridge.id);
    await rc.rcvideo().v2().bridges(bridge.id).delete();
    await assert.rejects(rc.rcvideo().v2().bridges(bridge.id).get(), (error: Error) => {
      assert.match(error.message, /^HTTP 404 Not Found - Bridge \S+ was not found\n/);
      return true;
    });
    const held = rc.token?.access_token ?? '';
    await rc.revoke();
    const stale = await h.app.inject({ method: 'GET', url: '/rcvideo/v2/account/~/extension/~/bridges/default', headers: { authorization: `Bearer ${held}` } });
    assert.equal(stale.statusCode, 401);
  });
});
