import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import pino from 'pino';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { TestWebhookReceiver } from '../../webhooks/test-support/webhook-receiver.js';
import { WebhookDeliveryWorker } from '../../webhooks/webhook-delivery-worker.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { CONFIG, createSession, createWebinar, rcError, REGISTRATION, runRoom } from './test-support/webinar-fixtures.js';
import type { SubscriptionInfo } from './webinar-notification-routes.js';

const SUBSCRIPTIONS = '/webinar/notifications/v1/subscriptions';
const SESSIONS = '/webinar/configuration/v1/company/sessions';
const RUNTIME = '/webinar/runtime/v1/company/sessions/state';
const REGISTRANTS = '/webinar/registration/v1/company/sessions/registrants';
const REGISTRATION_STATE = '/webinar/registration/v1/company/sessions/state';

describeEachDialect('RingCentral Webinar notifications', (dialect) => {
  let h: RingCentralHarness;
  let host: string;
  let receiver: TestWebhookReceiver;
  let worker: WebhookDeliveryWorker;
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    host = await h.login(h.acme, h.acme.member);
    receiver = await TestWebhookReceiver.start('/rc');
    worker = new WebhookDeliveryWorker({ ...h.services, logger: pino({ level: 'silent' }) }, { timeoutMs: 2_000, pollIntervalMs: 20, concurrency: 4, random: () => 0 });
  });
  after(async () => {
    await worker.stop();
    await receiver.close();
    await h.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    // A receiver that passes the handshake: it echoes Validation-Token.
    receiver.answer = (request) => (request.body === '' ? { status: 200, headers: { 'validation-token': String(request.headers['validation-token']) } } : 204);
  });

  const subscribe = async (eventFilters: string[], extra: Record<string, unknown> = {}): Promise<SubscriptionInfo> => {
    const response = await h.call('POST', SUBSCRIPTIONS, host, { eventFilters, deliveryMode: { transportType: 'WebHook', address: receiver.url, verificationToken: 's3cr3t' }, ...extra });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as SubscriptionInfo;
  };
  /** Everything the outbox holds, delivered: a receiver gets one delivery at a time, in order. */
  const delivered = async () => {
    for (let count = -1; count !== receiver.received.length; ) {
      count = receiver.received.length;
      await worker.deliverDue();
    }
    return receiver.received.filter((r) => r.body !== '');
  };

  test('a subscription is made after the Validation-Token handshake, and reads back', async () => {
    const made = await subscribe([SESSIONS], { expiresIn: 3600 });
    const [handshake] = receiver.received;
    assert.equal(handshake?.body, '');
    assert.match(String(handshake?.headers['validation-token']), /^[0-9a-f]{32}$/);
    assert.equal(handshake?.headers['verification-token'], 's3cr3t');
    const now = h.clock.now().getTime();
    assert.deepEqual(made, {
      uri: `http://parley.test${SUBSCRIPTIONS}/${made.id}`,
      id: made.id,
      eventFilters: [SESSIONS],
      expirationTime: new Date(now + 3600_000).toISOString(),
      expiresIn: 3600,
      status: 'Active',
      creationTime: new Date(now).toISOString(),
      deliveryMode: { transportType: 'WebHook', address: receiver.url, encryption: false },
    });
    assert.deepEqual((await h.call('GET', `${SUBSCRIPTIONS}/${made.id}`, host)).json(), made);
    const list = (await h.call('GET', SUBSCRIPTIONS, host)).json();
    assert.equal(list.uri, `http://parley.test${SUBSCRIPTIONS}`);
    assert.ok(list.records.some((s: SubscriptionInfo) => s.id === made.id));
    // Another user of the account does not see it.
    const other = await h.login(h.acme, h.acme.admin);
    await assertRefused(h, () => h.call('GET', `${SUBSCRIPTIONS}/${made.id}`, other), rcError(404, 'CMN-102', `Subscription ${made.id} was not found`));
    assert.equal((await h.call('DELETE', `${SUBSCRIPTIONS}/${made.id}`, host, {})).statusCode, 204);
  });

  test('refusals: unknown filters, a receiver failing the handshake; nothing is stored', async () => {
    const body = (eventFilters: string[]) => ({ eventFilters, deliveryMode: { transportType: 'WebHook', address: receiver.url } });
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, body([SESSIONS, '/restapi/v1.0/account/~/extension/~/presence'])), rcError(400, 'SUB-508', 'Invalid event filters: [/restapi/v1.0/account/~/extension/~/presence]', 'eventFilters'));
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, body([`${SESSIONS}?color=blue`])), rcError(400, 'SUB-508', `Invalid event filters: [${SESSIONS}?color=blue]`, 'eventFilters'));
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, body([])), rcError(400, 'CMN-101', 'Parameter [eventFilters] value is invalid.', 'eventFilters'));
    receiver.answer = () => 200;
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, body([SESSIONS])), rcError(400, 'SUB-525', 'WebHook server response is invalid: it did not echo the Validation-Token header', 'deliveryMode.address'));
    receiver.answer = () => 503;
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, body([SESSIONS])), rcError(400, 'SUB-525', 'WebHook server response is invalid: it answered HTTP 503, not 200', 'deliveryMode.address'));
    await assertRefused(h, () => h.call('POST', SUBSCRIPTIONS, host, { ...body([SESSIONS]), deliveryMode: { transportType: 'PubNub', address: receiver.url } }), rcError(400, 'CMN-101', 'Parameter [deliveryMode.transportType] value is invalid.', 'deliveryMode.transportType'));
    await assertRefused(h, () => h.call('GET', `${SUBSCRIPTIONS}/nope`, host), rcError(404, 'CMN-102', 'Subscription nope was not found'));
  });

  test('PUT changes filters and lifetime; an empty PUT and renew extend it', async () => {
    const made = await subscribe([SESSIONS], { expiresIn: 600 });
    h.clock.advance(60_000);
    const put = await h.call('PUT', `${SUBSCRIPTIONS}/${made.id}`, host, { eventFilters: [RUNTIME], expiresIn: 1200 });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual([put.json().eventFilters, put.json().expiresIn], [[RUNTIME], 1200]);
    const renewed = await h.call('POST', `${SUBSCRIPTIONS}/${made.id}/renew`, host, {});
    assert.equal(renewed.json().expiresIn, 1200);
    const defaulted = await h.call('PUT', `${SUBSCRIPTIONS}/${made.id}`, host, {});
    assert.deepEqual([defaulted.json().eventFilters, defaulted.json().expiresIn], [[RUNTIME], 604800]);
    await assertRefused(h, () => h.call('PUT', `${SUBSCRIPTIONS}/${made.id}`, host, { eventFilters: ['/nope'] }), rcError(400, 'SUB-508', 'Invalid event filters: [/nope]', 'eventFilters'));
    await assertRefused(h, () => h.call('PUT', `${SUBSCRIPTIONS}/${made.id}`, host, { expiresIn: 0 }), rcError(400, 'CMN-101', 'Parameter [expiresIn] value is invalid.', 'expiresIn'));
    assert.equal((await h.call('DELETE', `${SUBSCRIPTIONS}/${made.id}`, host)).statusCode, 204);
    await assertRefused(h, () => h.call('POST', `${SUBSCRIPTIONS}/${made.id}/renew`, host, {}), rcError(404, 'CMN-102', `Subscription ${made.id} was not found`));
    await assertRefused(h, () => h.call('DELETE', `${SUBSCRIPTIONS}/${made.id}`, host), rcError(404, 'CMN-102', `Subscription ${made.id} was not found`));
  });

  test('events come through the outbox in order, in the platform envelope, with the Verification-Token', async () => {
    const webinar = await createWebinar(h, host, { title: 'Notified', settings: { registrationEnabled: true } });
    const other = await createWebinar(h, host, { title: 'Not this one' });
    const made = await subscribe([`${SESSIONS}?webinarId=${webinar.id}`, RUNTIME, REGISTRANTS, `${REGISTRATION_STATE}?hostUserId=${h.acme.member.id}`]);
    receiver.received.length = 0;
    const session = await createSession(h, host, webinar.id);
    await createSession(h, host, other.id);
    await h.call('PATCH', `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}`, host, { title: 'Renamed' });
    await h.call('PATCH', `${REGISTRATION}/sessions/${session.id}`, host, { registrationStatus: 'Open', settings: { autoCloseLimit: 10 } });
    const registrant = (await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).json();
    await h.call('DELETE', `${REGISTRATION}/sessions/${session.id}/registrants/${registrant.id}`, host);
    const live = await runRoom(h, session.videoBridgeId, { end: false });
    // The host takes it live: the runtime event says where it is, and so does its history meanwhile.
    await h.services.webinarStage.setRuntimeStatus(live, 'Live', h.clock.now().toISOString());
    const during = await h.call('GET', `/webinar/history/v1/webinars/${webinar.id}/sessions/${session.id}`, host);
    assert.deepEqual([during.json().status, during.json().runtimeStatus], ['Active', 'Live']);
    await h.services.sessions.end({ id: live, roomId: session.videoBridgeId, endedAt: new Date(h.clock.now().getTime() + 60_000).toISOString(), roomCloseAt: null });
    const after = await h.call('GET', `/webinar/history/v1/webinars/${webinar.id}/sessions/${session.id}`, host);
    assert.deepEqual([after.json().status, after.json().runtimeStatus], ['Finished', undefined]);
    // The live session ended a minute after it started: its event is due then.
    h.clock.advance(60_000);
    const events = await delivered();
    assert.deepEqual(
      events.map((r) => [r.event.event, (r.event.body as { eventType?: string; status?: string }).eventType ?? (r.event.body as { status?: string; registrationStatus?: string }).status ?? (r.event.body as { registrationStatus?: string }).registrationStatus]),
      [
        [`${SESSIONS}?webinarId=${webinar.id}`, 'Create'],
        [`${SESSIONS}?webinarId=${webinar.id}`, 'Update'],
        [`${REGISTRATION_STATE}?webinarId=${webinar.id}`, 'Open'],
        [`${REGISTRANTS}?webinarId=${webinar.id}`, 'Create'],
        [`${REGISTRANTS}?webinarId=${webinar.id}`, 'Delete'],
        [`${RUNTIME}?webinarId=${webinar.id}`, 'Active'],
        [`${RUNTIME}?webinarId=${webinar.id}`, 'Active'],
        [`${RUNTIME}?webinarId=${webinar.id}`, 'Finished'],
      ],
    );
    assert.deepEqual(events[6]?.event.body, { sessionId: session.id, webinarId: webinar.id, status: 'Active', runtimeStatus: 'Live' });
    const first = events[0];
    assert.deepEqual(Object.keys(first?.event ?? {}), ['uuid', 'event', 'timestamp', 'subscriptionId', 'ownerId', 'body']);
    assert.deepEqual([first?.event.subscriptionId, first?.event.ownerId], [made.id, h.acme.member.id]);
    assert.deepEqual((first?.event.body as { session: { id: string; title: string } }).session.id, session.id);
    assert.equal((events[1]?.event.body as { session: { title: string } }).session.title, 'Renamed');
    assert.deepEqual((events[3]?.event.body as { registrant: { email: string } }).registrant.email, 'ada@example.com');
    assert.deepEqual([first?.headers['verification-token'], first?.headers['user-agent'], first?.headers['content-type']], ['s3cr3t', 'RingCentral-Webhook/8.3', 'application/json; charset=UTF-8']);
    assert.equal(first?.headers['webhook-signature'], undefined, 'RingCentral\'s headers, not Standard Webhooks\'');
    await h.call('DELETE', `${SUBSCRIPTIONS}/${made.id}`, host);
  });

  test('registration filling its last seat closes it, and a cancellation opens it again: each a registration state event', async () => {
    const webinar = await createWebinar(h, host, { title: 'One seat', settings: { registrationEnabled: true } });
    const session = await createSession(h, host, webinar.id);
    await h.call('PATCH', `${REGISTRATION}/sessions/${session.id}`, host, { settings: { autoCloseLimit: 1 } });
    const made = await subscribe([`${REGISTRATION_STATE}?webinarId=${webinar.id}`]);
    receiver.received.length = 0;
    const only = (await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Solo', lastName: 'Seat', email: 'solo@example.com' })).json();
    await h.call('DELETE', `${REGISTRATION}/sessions/${session.id}/registrants/${only.id}`, host);
    assert.deepEqual(
      (await delivered()).map((r) => r.event.body),
      [
        { sessionId: session.id, webinarId: webinar.id, registrationStatus: 'Closed', registrantCount: 1 },
        { sessionId: session.id, webinarId: webinar.id, registrationStatus: 'Open', registrantCount: 0 },
      ],
    );
    await h.call('DELETE', `${SUBSCRIPTIONS}/${made.id}`, host);
  });

  test('a deleted or expired subscription gets nothing more; events of other people\'s webinars go only to administrators', async () => {
    const mine = await subscribe([SESSIONS], { expiresIn: 60 });
    const admin = await h.login(h.acme, h.acme.admin);
    const adminSubscription = await h.call('POST', SUBSCRIPTIONS, admin, { eventFilters: [SESSIONS], deliveryMode: { transportType: 'WebHook', address: receiver.url } });
    assert.equal(adminSubscription.statusCode, 201, adminSubscription.body);
    const adminsWebinar = await createWebinar(h, admin, { title: "The admin's" });
    receiver.received.length = 0;
    await createSession(h, admin, adminsWebinar.id);
    assert.deepEqual((await delivered()).map((r) => r.event.subscriptionId), [adminSubscription.json().id], "a member's subscription sees only the webinars they host");
    h.clock.advance(61_000);
    receiver.received.length = 0;
    const myWebinar = await createWebinar(h, host, { title: 'After expiry' });
    await createSession(h, host, myWebinar.id);
    assert.deepEqual((await delivered()).map((r) => r.event.subscriptionId), [adminSubscription.json().id], 'the expired subscription gets nothing');
    await h.call('DELETE', `${SUBSCRIPTIONS}/${adminSubscription.json().id}`, admin);
    await h.call('DELETE', `${SUBSCRIPTIONS}/${mine.id}`, host);
    receiver.received.length = 0;
    await createSession(h, host, myWebinar.id);
    assert.deepEqual(await delivered(), []);
  });
});
