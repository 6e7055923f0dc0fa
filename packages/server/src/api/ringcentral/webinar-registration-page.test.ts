import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { claimsOf, createSession, createWebinar, REGISTRATION } from './test-support/webinar-fixtures.js';
import type { RegSessionModel } from './webinar-json.js';

describeEachDialect('the hosted webinar registration pages', (dialect) => {
  let h: RingCentralHarness;
  let host: string;
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    host = await h.login(h.acme, h.acme.member);
  });
  after(() => h.close());

  const newSession = async (title = 'Launch <b>day</b>') => {
    const webinar = await createWebinar(h, host, { title, description: 'What\'s new & next', settings: { registrationEnabled: true } });
    const session = await createSession(h, host, webinar.id, { scheduledStartTime: '2026-02-10T14:00:00.000Z', scheduledDuration: 5400, timeZone: 'Europe/Paris' });
    const registration = (await h.call('GET', `${REGISTRATION}/sessions/${session.id}`, host)).json() as RegSessionModel;
    return { session, page: new URL(registration.registrationPageUri).pathname, api: `${REGISTRATION}/sessions/${session.id}` };
  };
  const post = (url: string, form: [string, string][]): Promise<LightMyRequestResponse> =>
    h.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
  const registrants = async (api: string) => ((await h.call('GET', `${api}/registrants?includeQuestionnaire=true`, host)).json() as { records: { email: string; questionnaire: unknown; source: string }[] }).records;
  const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&'));

  test('the page shows the session in its own time zone, escaped, with the form and its questions', async () => {
    const { page, api } = await newSession();
    await h.call('PATCH', api, host, { questions: [{ questionId: 'role', questionText: 'Your <role>', type: 'SingleChoice', required: true, answers: [{ answerId: 'dev', answerText: 'Developer' }, { answerId: 'pm', answerText: 'Product' }] }] });
    const response = await h.app.inject({ method: 'GET', url: page });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.ok(response.body.includes('<h1 id="intro">Launch &lt;b&gt;day&lt;/b&gt;</h1>'));
    assert.ok(response.body.includes('Tuesday, February 10, 2026 at 3:00 PM GMT+1'));
    assert.ok(response.body.includes('90 minutes · What&#39;s new &amp; next'));
    assert.ok(response.body.includes('<legend>Your &lt;role&gt; <span class="required" aria-hidden="true">*</span></legend>'));
    assert.ok(response.body.includes('<input type="radio" name="q.role" value="dev" id="question-0-0" required>'));
    assert.ok(!response.body.includes('<b>day'));
  });

  test('registering shows the personal join link and the cancellation link; the cancellation page cancels only on its button', async () => {
    const { page, api, session } = await newSession('Town hall');
    const done = await post(page, [['firstName', ' Ada '], ['lastName', 'Lovelace'], ['email', 'Ada@Example.com']]);
    assert.equal(done.statusCode, 200, done.body);
    assert.ok(done.body.includes('You are registered, Ada.'));
    const [join, cancel] = hrefs(done.body) as [string, string];
    const [registrant] = await registrants(api);
    assert.deepEqual([registrant?.email, registrant?.source], ['ada@example.com', 'parley-registration-page']);
    assert.deepEqual((await claimsOf(h, join))?.role, 'attendee');
    assert.deepEqual((await claimsOf(h, join))?.roomId, session.videoBridgeId);
    const cancelPath = new URL(cancel).pathname;
    const asked = await h.app.inject({ method: 'GET', url: cancelPath });
    assert.equal(asked.statusCode, 200);
    assert.ok(asked.body.includes('Cancel your registration?'));
    assert.equal((await registrants(api)).length, 1, 'opening the link cancels nothing');
    const cancelled = await h.app.inject({ method: 'POST', url: cancelPath });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.ok(cancelled.body.includes('Your registration is cancelled.'));
    assert.deepEqual(await registrants(api), []);
    assert.equal((await h.app.inject({ method: 'POST', url: cancelPath })).statusCode, 404);
    assert.equal((await h.app.inject({ method: 'GET', url: cancelPath })).statusCode, 404);
  });

  test('a refused form is shown again with what was typed and why, and stores nothing', async () => {
    const { page, api } = await newSession('Refusals');
    await h.call('PATCH', api, host, { questions: [{ questionId: 'topics', questionText: 'Topics', type: 'MultipleChoice', required: true, answers: [{ answerId: 'a', answerText: 'A' }, { answerId: 'b', answerText: 'B' }] }] });
    const cases: [number, [string, string][], string][] = [
      [400, [['firstName', ''], ['lastName', 'X'], ['email', 'x@example.com'], ['q.topics', 'a']], 'Enter your first and last name.'],
      [400, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'grace'], ['q.topics', 'a']], 'Enter a valid email address.'],
      [400, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'grace@example.com']], 'Please answer “Topics”.'],
      [400, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'grace@example.com'], ['q.topics', 'z']], 'An answer of question topics is not one of its answers'],
    ];
    for (const [status, form, message] of cases) {
      const response = await post(page, form);
      assert.equal(response.statusCode, status, message);
      assert.ok(response.body.includes(`<p class="error" role="alert" id="error">${message}</p>`), `${message} in ${response.body}`);
    }
    const refused = await post(page, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'grace'], ['q.topics', 'b']]);
    assert.ok(refused.body.includes('value="Grace"') && refused.body.includes('value="b" id="question-0-1" checked'), 'what was typed is kept');
    assert.deepEqual(await registrants(api), []);
    assert.equal((await post(page, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'grace@example.com'], ['q.topics', 'a'], ['q.topics', 'b']])).statusCode, 200);
    assert.deepEqual((await registrants(api))[0]?.questionnaire, [{ questionId: 'topics', answerIds: ['a', 'b'] }]);
    const again = await post(page, [['firstName', 'Grace'], ['lastName', 'Hopper'], ['email', 'GRACE@example.com'], ['q.topics', 'a']]);
    assert.equal(again.statusCode, 409);
    assert.ok(again.body.includes('This email address is registered for this session already.'));
  });

  test('a closed or full session shows why and has no form; an unknown session is not found', async () => {
    const { page, api } = await newSession('Closed');
    await h.call('PATCH', api, host, { registrationStatus: 'Closed' });
    const closed = await h.app.inject({ method: 'GET', url: page });
    assert.ok(closed.body.includes('Registration for this webinar session is closed') && !closed.body.includes('<form'));
    const refused = await post(page, [['firstName', 'A'], ['lastName', 'B'], ['email', 'a@example.com']]);
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(await registrants(api), []);
    await h.call('PATCH', api, host, { registrationStatus: 'Open', settings: { autoCloseLimit: 1 } });
    assert.equal((await post(page, [['firstName', 'A'], ['lastName', 'B'], ['email', 'a@example.com']])).statusCode, 200);
    assert.ok((await h.app.inject({ method: 'GET', url: page })).body.includes('This webinar session is full'));
    const missing = await h.app.inject({ method: 'GET', url: '/webinar/register/123456' });
    assert.equal(missing.statusCode, 404);
    assert.ok(missing.body.includes('There is no webinar session at this address.'));
  });
});
