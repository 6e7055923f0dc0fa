import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import RingCentral from '@rc-ex/core';
import { SDK } from '@ringcentral/sdk';
import { startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import type { BridgeResponse } from './bridge-json.js';
import type { InviteeResource, RegistrantModel, SessionResource, WebinarResource } from './webinar-json.js';

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

  test('@ringcentral/sdk: a webinar with a session, invitees in one bulk PATCH and registrants, read back', async () => {
    const platform = new SDK({ server, clientId: h.acme.clientId, clientSecret: h.acme.clientSecret, appName: 'Parley test', appVersion: '1.0.0' }).platform();
    await platform.login({ jwt: await jwtOf(h.acme.member.id) });
    const json = async <T>(response: Promise<Response>) => (await (await response).json()) as T;
    const webinar = await json<WebinarResource>(platform.post('/webinar/configuration/v1/webinars', { title: 'My first webinar', settings: { registrationEnabled: true } }));
    const session = await json<SessionResource>(platform.post(`/webinar/configuration/v1/webinars/${webinar.id}/sessions`, { scheduledStartTime: '2026-05-10T09:00:00.000Z', scheduledDuration: 7200, timeZone: 'America/New_York' }));
    const invitees = `/webinar/configuration/v1/webinars/${webinar.id}/sessions/${session.id}/invitees`;
    const bulk = await json<{ addedInvitees: InviteeResource[] }>(
      platform.send({ method: 'PATCH', url: invitees, body: { addedInvitees: [{ role: 'Panelist', firstName: 'Lando', lastName: 'Calrissian', email: 'lando@example.com', sendInvite: false }, { role: 'CoHost', linkedUser: { userId: h.acme.admin.id, accountId: h.acme.accountId, domain: 'pbx' } }] } }),
    );
    assert.deepEqual(bulk.addedInvitees.map((i) => i.role), ['Panelist', 'CoHost']);
    // Array query parameters the SDK's way (repeated keys).
    const sessions = await json<{ records: SessionResource[] }>(platform.get('/webinar/configuration/v1/sessions', { endTimeFrom: '2026-01-01T00:00:00.000Z', status: ['Scheduled', 'Active'] }));
    assert.ok(sessions.records.some((s) => s.id === session.id));
    const registrant = await json<RegistrantModel>(platform.post(`/webinar/registration/v1/sessions/${session.id}/registrants`, { firstName: 'Luke', lastName: 'Skywalker', email: 'luke@example.com' }));
    const read = await json<{ records: InviteeResource[] }>(platform.get(invitees));
    assert.deepEqual(read.records.map((i) => i.role), ['Host', 'Panelist', 'CoHost']);
    const registrants = await json<{ records: RegistrantModel[] }>(platform.get(`/webinar/registration/v1/sessions/${session.id}/registrants`));
    assert.deepEqual(registrants.records.map((r) => [r.id, r.joinUri]), [[registrant.id, registrant.joinUri]]);
    await assert.rejects(platform.post(`/webinar/registration/v1/sessions/${session.id}/registrants`, { firstName: 'Luke', lastName: 'Again', email: 'luke@example.com' }), (error: Error & { response?: Response }) => {
      assert.equal(error.response?.status, 409);
      assert.equal(error.message, 'luke@example.com is registered for this session already');
      return true;
    });
    await platform.logout();
  });

  test('@rc-ex/core: a webinar with a session, invitees in one bulk PATCH and registrants, read back', async () => {
    const rc = new RingCentral({ server, clientId: h.acme.clientId, clientSecret: h.acme.clientSecret });
    await rc.authorize({ jwt: await jwtOf(h.acme.member.id) });
    const config = rc.webinar().configuration().v1();
    const webinar = await config.webinars().post({ title: 'rc-ex webinar', description: 'Made by rc-ex', settings: { registrationEnabled: true } });
    const session = await config.webinars(webinar.id).sessions().post({ scheduledStartTime: '2026-05-10T09:00:00.000Z', scheduledDuration: 3600, timeZone: 'Europe/Berlin' });
    assert.equal(session.status, 'Scheduled');
    const bulk = await config.webinars(webinar.id).sessions(session.id).invitees().patch({ addedInvitees: [{ role: 'Panelist', firstName: 'Han', lastName: 'Solo', email: 'han@example.com' }] });
    const han = bulk.addedInvitees?.[0];
    assert.equal(han?.role, 'Panelist');
    const updated = await config.webinars(webinar.id).sessions(session.id).invitees(han?.id).put({ role: 'CoHost' });
    assert.equal(updated.role, 'CoHost');
    const list = await config.webinars(webinar.id).sessions(session.id).invitees().list();
    assert.deepEqual(list.records?.map((i) => i.role), ['Host', 'CoHost']);
    const registration = rc.webinar().registration().v1().sessions(session.id);
    const settings = await registration.get();
    assert.equal(settings.registrationStatus, 'Open');
    const registrant = await registration.registrants().post({ firstName: 'Rey', lastName: 'Skywalker', email: 'rey@example.com', questionnaire: [{ questionId: 'q1', answerText: 'Jakku' }] });
    const read = await registration.registrants(registrant.id).get({ includeQuestionnaire: true });
    assert.deepEqual([read.email, read.questionnaire], ['rey@example.com', [{ questionId: 'q1', answerText: 'Jakku' }]]);
    const history = await rc.webinar().history().v1().webinars(webinar.id).sessions(session.id).get();
    assert.deepEqual([history.status, history.participantCount], ['Scheduled', 0]);
    // rc-ex sends a JSON body `{}` with its DELETEs.
    await registration.registrants(registrant.id).delete();
    await config.webinars(webinar.id).delete();
    await assert.rejects(config.webinars(webinar.id).get(), (error: Error) => {
      assert.match(error.message, /^HTTP 404 Not Found - Webinar \d+ was not found\n/);
      return true;
    });
    await rc.revoke();
  });
});
