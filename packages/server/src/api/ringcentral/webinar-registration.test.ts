import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UserService } from '../../identity/users.js';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { claimsOf, createSession, createWebinar, rcError, REGISTRATION, runRoom } from './test-support/webinar-fixtures.js';
import type { RegistrantModel, RegSessionModel, SessionResource } from './webinar-json.js';

const QUESTIONS = [
  { questionId: 'planet', questionText: 'Where are you from?', type: 'Text', required: true },
  { questionId: 'role', questionText: 'Your role', type: 'SingleChoice', answers: [{ answerId: 'pilot', answerText: 'Pilot' }, { answerId: 'jedi', answerText: 'Jedi' }] },
  { questionId: 'topics', questionText: 'Topics', type: 'MultipleChoice', answers: [{ answerId: 'x', answerText: 'X-wings' }, { answerId: 'y', answerText: 'Y-wings' }] },
];

describeEachDialect('RingCentral Webinar registration', (dialect) => {
  let h: RingCentralHarness;
  let host: string;
  let colleague: string;
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    host = await h.login(h.acme, h.acme.member);
    colleague = await h.login(h.acme, h.acme.admin);
  });
  after(() => h.close());

  /** A session of a webinar with registration enabled (unless told otherwise). */
  const newSession = async (registrationEnabled = true): Promise<{ session: SessionResource; url: string }> => {
    const webinar = await createWebinar(h, host, { title: 'Registration', settings: { registrationEnabled } });
    const session = await createSession(h, host, webinar.id);
    return { session, url: `${REGISTRATION}/sessions/${session.id}` };
  };
  const register = async (url: string, body: unknown): Promise<RegistrantModel> => {
    const response = await h.call('POST', `${url}/registrants`, host, body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as RegistrantModel;
  };

  test('a session\'s registration: RingCentral\'s defaults, the hosted page\'s address, open while the webinar takes registrations', async () => {
    const { session, url } = await newSession();
    const response = await h.call('GET', url, host);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      id: session.id,
      registrationStatus: 'Open',
      registrationPageUri: `http://parley.test/webinar/register/${session.id}`,
      registrantCount: 0,
      postWebinarRegistrantCount: 0,
      hasRealRegistrants: false,
      icalendarSequence: 0,
      settings: {
        autoCloseLimit: 0,
        suppressEmails: false,
        registrationDigestEnabled: true,
        preventMultipleDeviceJoins: false,
        workEmailRequired: false,
        viewRecording: true,
        onDemandDuration: 'SixMonths',
        autoOpenPostWebinarRegistration: false,
        recordingExist: false,
        postWebinarRegistrationClosingTime: null,
      },
      questions: [],
    });
    const closed = await newSession(false);
    assert.equal((await h.call('GET', closed.url, host)).json().registrationStatus, 'Closed');
    await assertRefused(h, () => h.call('POST', `${closed.url}/registrants`, host, { firstName: 'A', lastName: 'B', email: 'a@b.example' }), rcError(403, 'CMN-408', 'This webinar does not take registrations'));
  });

  test('PATCH sets the status, settings and questions; bad ones are refused', async () => {
    const { url } = await newSession();
    const patched = await h.call('PATCH', url, host, { registrationStatus: 'Closed', settings: { autoCloseLimit: 2, onDemandDuration: 'OneYear' }, questions: QUESTIONS });
    assert.equal(patched.statusCode, 200, patched.body);
    const body = patched.json() as RegSessionModel;
    assert.deepEqual([body.registrationStatus, body.settings.autoCloseLimit, body.settings.onDemandDuration, body.settings.viewRecording], ['Closed', 2, 'OneYear', true]);
    assert.deepEqual(body.questions, QUESTIONS.map((q) => ({ required: false, ...q })));
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'A', lastName: 'B', email: 'a@b.example' }), rcError(403, 'CMN-408', 'Registration for this webinar session is closed'));
    await assertRefused(h, () => h.call('PATCH', url, host, { registrationStatus: 'Maybe' }), rcError(400, 'CMN-101', 'Parameter [registrationStatus] value is invalid.', 'registrationStatus'));
    await assertRefused(h, () => h.call('PATCH', url, host, { settings: { autoCloseLimit: -1 } }), rcError(400, 'CMN-101', 'Parameter [settings.autoCloseLimit] value is invalid.', 'settings.autoCloseLimit'));
    await assertRefused(h, () => h.call('PATCH', url, host, { questions: [QUESTIONS[0], QUESTIONS[0]] }), rcError(400, 'CMN-101', 'Question id planet is used twice', 'questions[1].questionId'));
    await assertRefused(h, () => h.call('PATCH', url, host, { questions: [{ ...QUESTIONS[1], answers: [] }] }), rcError(400, 'CMN-101', 'A choice question needs answers to choose from', 'questions[0].answers'));
    await assertRefused(h, () => h.call('GET', `${REGISTRATION}/sessions/404404`, host), rcError(404, 'CMN-102', 'Session 404404 was not found'));
  });

  test('a registrant gets a personal attendee link and a cancellation link; answers are checked against the questions', async () => {
    const { session, url } = await newSession();
    await h.call('PATCH', url, host, { questions: QUESTIONS });
    const questionnaire = [{ questionId: 'planet', answerText: 'Tatooine' }, { questionId: 'role', answerIds: ['jedi'] }, { questionId: 'topics', answerIds: ['x', 'y'] }];
    const luke = await register(url, { firstName: 'Luke', lastName: 'Skywalker', email: 'Luke.Skywalker@Jedi.example', externalId: 1, source: 'website-campaign-123', questionnaire });
    const now = h.clock.now().toISOString();
    assert.deepEqual({ ...luke, joinUri: '', cancellationUri: '' }, {
      id: luke.id,
      creationTime: now,
      lastModifiedTime: now,
      firstName: 'Luke',
      lastName: 'Skywalker',
      email: 'luke.skywalker@jedi.example',
      joinUri: '',
      cancellationUri: '',
      registeredPostWebinar: false,
      registrationTime: now,
      externalId: '1',
      source: 'website-campaign-123',
      questionnaire,
      icalendarSequence: 0,
    });
    assert.deepEqual(await claimsOf(h, luke.joinUri), { participantId: luke.id, roomId: session.videoBridgeId, role: 'attendee' });
    assert.match(luke.cancellationUri, /^http:\/\/parley\.test\/webinar\/cancel\/[A-Za-z0-9_-]{32}$/);
    const read = await h.call('GET', `${url}/registrants/${luke.id}`, host);
    assert.equal(read.json().questionnaire, undefined, 'answers only when asked for');
    assert.deepEqual((await h.call('GET', `${url}/registrants/${luke.id}?includeQuestionnaire=true`, host)).json().questionnaire, questionnaire);
    assert.equal((await h.call('GET', url, host)).json().registrantCount, 1);

    const bad = (questionnaire: unknown) => h.call('POST', `${url}/registrants`, host, { firstName: 'Han', lastName: 'Solo', email: 'han@falcon.example', questionnaire });
    await assertRefused(h, () => bad([{ questionId: 'role', answerIds: ['pilot'] }]), rcError(400, 'CMN-101', 'Question planet must be answered', 'questionnaire'));
    await assertRefused(h, () => bad([{ questionId: 'planet', answerText: 'Corellia' }, { questionId: 'role', answerIds: ['pilot', 'jedi'] }]), rcError(400, 'CMN-101', 'Question role takes exactly one answer', 'questionnaire[1].answerIds'));
    await assertRefused(h, () => bad([{ questionId: 'planet', answerText: 'Corellia' }, { questionId: 'role', answerIds: ['smuggler'] }]), rcError(400, 'CMN-101', 'An answer of question role is not one of its answers', 'questionnaire[1].answerIds'));
    await assertRefused(h, () => bad([{ questionId: 'planet', answerIds: ['x'] }]), rcError(400, 'CMN-101', 'Question planet takes a text answer', 'questionnaire[0].answerText'));
    await assertRefused(h, () => bad([{ questionId: 'planet', answerText: 'Corellia' }, { questionId: 'ship', answerText: 'Falcon' }]), rcError(400, 'CMN-101', 'Question ship is not asked in this session', 'questionnaire[1].questionId'));
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'Luke', lastName: 'Again', email: 'LUKE.skywalker@jedi.example', questionnaire }), rcError(409, 'CMN-409', 'luke.skywalker@jedi.example is registered for this session already'));
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'Han', email: 'han@falcon.example' }), rcError(400, 'CMN-101', 'Parameter [lastName] value is invalid.', 'lastName'));
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'Han', lastName: 'Solo', email: 'falcon' }), rcError(400, 'CMN-101', 'Parameter [email] value is invalid.', 'email'));
  });

  test('a session without questions takes answers as given; the host\'s own links are shown instead of Parley\'s', async () => {
    const { url } = await newSession();
    const answers = [{ questionId: 'q1', answerIds: ['a2'] }, { questionId: 'q2', answerText: 'Tatooine' }];
    const custom = await register(url, { firstName: 'Leia', lastName: 'Organa', email: 'leia@alderaan.example', questionnaire: answers, joinUri: 'https://acme.example/join/leia', cancellationUri: 'https://acme.example/cancel/leia' });
    assert.deepEqual([custom.joinUri, custom.cancellationUri, custom.questionnaire], ['https://acme.example/join/leia', 'https://acme.example/cancel/leia', answers]);
  });

  test('the list pages by id; autoCloseLimit closes registration when full, and a cancellation opens it again', async () => {
    const { url } = await newSession();
    await h.call('PATCH', url, host, { settings: { autoCloseLimit: 3 } });
    const made: RegistrantModel[] = [];
    for (const name of ['Biggs', 'Wedge', 'Porkins']) made.push(await register(url, { firstName: name, lastName: 'Pilot', email: `${name.toLowerCase()}@rogue.example` }));
    assert.equal((await h.call('GET', url, host)).json().registrationStatus, 'Closed');
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'Jek', lastName: 'Porkins', email: 'jek@rogue.example' }), rcError(403, 'CMN-408', 'This webinar session is full'));
    const page1 = (await h.call('GET', `${url}/registrants?perPage=2&includeQuestionnaire=true`, host)).json() as { records: RegistrantModel[]; paging: { nextPageToken?: string; pageToken: string } };
    const ids = made.map((r) => r.id).sort();
    assert.deepEqual(page1.records.map((r) => r.id), ids.slice(0, 2));
    assert.deepEqual(page1.records[0]?.questionnaire, []);
    const page2 = (await h.call('GET', `${url}/registrants?perPage=2&pageToken=${page1.paging.nextPageToken}`, host)).json() as typeof page1;
    assert.deepEqual(page2.records.map((r) => r.id), ids.slice(2));
    assert.equal(page2.paging.nextPageToken, undefined);
    assert.equal((await h.call('DELETE', `${url}/registrants/${made[0]?.id}`, host, {})).statusCode, 204);
    assert.equal((await h.call('GET', url, host)).json().registrationStatus, 'Open');
    await assertRefused(h, () => h.call('GET', `${url}/registrants/${made[0]?.id}`, host), rcError(404, 'CMN-102', `Registrant ${made[0]?.id} of session ${url.split('/').pop()} was not found`));
  });

  test('registrations at once never take more seats than autoCloseLimit', async () => {
    const { url } = await newSession();
    await h.call('PATCH', url, host, { settings: { autoCloseLimit: 2 } });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.call('POST', `${url}/registrants`, host, { firstName: 'Rush', lastName: `${i}`, email: `rush${i}@example.com` })),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 201, 403, 403, 403, 403]);
    assert.equal((await h.call('GET', url, host)).json().registrantCount, 2);
  });

  test('a Finished session takes no registrant and keeps its registrants; other users of the account are refused', async () => {
    const { session, url } = await newSession();
    const kept = await register(url, { firstName: 'Mon', lastName: 'Mothma', email: 'mon@senate.example' });
    const bystander = await h.login(h.acme, await new UserService(h.services).create({ accountId: h.acme.accountId, name: 'Acme Bystander', email: 'bystander@acme.example' }));
    await assertRefused(h, () => h.call('GET', `${url}/registrants`, bystander), rcError(403, 'CMN-408', "Only the webinar's host or an administrator with the WebinarSettings permission may access it"));
    await runRoom(h, session.videoBridgeId, { end: true });
    assert.equal((await h.call('GET', url, host)).json().registrationStatus, 'Closed');
    await assertRefused(h, () => h.call('POST', `${url}/registrants`, host, { firstName: 'A', lastName: 'B', email: 'a@b.example' }), rcError(403, 'CMN-408', 'This webinar session has ended'));
    await assertRefused(h, () => h.call('DELETE', `${url}/registrants/${kept.id}`, host), rcError(403, 'CMN-408', 'A registration for a Finished session cannot be cancelled'));
    // An administrator of the account may read them.
    assert.equal((await h.call('GET', `${url}/registrants`, colleague)).json().records.length, 1);
  });

});
