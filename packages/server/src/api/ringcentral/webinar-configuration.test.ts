import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { claimsOf, CONFIG, createSession, createWebinar, rcError, runRoom, SCHEDULE } from './test-support/webinar-fixtures.js';
import type { SessionListEntry, SessionResource, WebinarResource } from './webinar-json.js';

describeEachDialect('RingCentral Webinar configuration: webinars and sessions', (dialect) => {
  let h: RingCentralHarness;
  let admin: string;
  let member: string;
  let outsider: string;
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    admin = await h.login(h.acme, h.acme.admin);
    member = await h.login(h.acme, h.acme.member);
    outsider = await h.login(h.globex, h.globex.admin);
  });
  after(() => h.close());

  test("a webinar is made with RingCentral's defaults, hosted by the caller, and reads back the same", async () => {
    const webinar = await createWebinar(h, member, { title: 'All-Hands', description: 'Quarterly news' });
    const now = h.clock.now().toISOString();
    assert.deepEqual(webinar, {
      id: webinar.id,
      creationTime: now,
      lastModifiedTime: now,
      title: 'All-Hands',
      description: 'Quarterly news',
      settings: {
        recordingEnabled: true,
        autoRecord: false,
        recordingSharingEnabled: true,
        recordingDownloadEnabled: true,
        pastSessionDeletionEnabled: false,
        panelistWaitingRoom: false,
        panelistVideoEnabled: true,
        panelistScreenSharingEnabled: true,
        panelistMuteControlEnabled: true,
        panelistAuthentication: 'Guest',
        attendeeAuthentication: 'Guest',
        artifactsAccessAuthentication: 'AuthenticatedUser',
        pstnEnabled: false,
        qnaEnabled: true,
        qnaAnonymousEnabled: true,
        moderatedQnaEnabled: false,
        pollsEnabled: true,
        pollsAnonymousEnabled: true,
        registrationEnabled: false,
        externalLivestreamEnabled: true,
      },
      host: { entitled: true, userId: h.acme.member.id, accountId: h.acme.accountId, linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId, domain: 'pbx' } },
    });
    assert.match(webinar.id, /^\d{12}$/);
    const read = await h.call('GET', `${CONFIG}/webinars/${webinar.id}`, member);
    assert.deepEqual(read.json(), webinar);
    // An administrator of the account may read it too.
    assert.equal((await h.call('GET', `${CONFIG}/webinars/${webinar.id}`, admin)).statusCode, 200);
  });

  test('a webinar PATCH changes what it names; an empty password removes it; read-only settings are not taken', async () => {
    const webinar = await createWebinar(h, member, { title: 'Launch', settings: { password: 'abc123', qnaEnabled: false } });
    assert.equal(webinar.settings.password, 'abc123');
    h.clock.advance(1000);
    const patched = await h.call('PATCH', `${CONFIG}/webinars/${webinar.id}`, member, { title: 'Launch day', settings: { password: '', registrationEnabled: true, pollsEnabled: false } });
    assert.equal(patched.statusCode, 200, patched.body);
    const body = patched.json() as WebinarResource;
    assert.deepEqual([body.title, body.description, body.settings.password, body.settings.qnaEnabled, body.settings.registrationEnabled, body.settings.pollsEnabled], ['Launch day', '', undefined, false, true, true]);
    assert.equal(body.lastModifiedTime, h.clock.now().toISOString());
    assert.equal(body.creationTime, webinar.creationTime);
  });

  test('an administrator may make a webinar for another user of the account; a member may not', async () => {
    const made = await createWebinar(h, admin, { title: 'For the member', host: { linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId, domain: 'pbx' } } });
    assert.equal(made.host.userId, h.acme.member.id);
    await assertRefused(h, () => h.call('POST', `${CONFIG}/webinars`, member, { title: 'x', host: { linkedUser: { userId: h.acme.admin.id, accountId: h.acme.accountId } } }), rcError(403, 'CMN-408', '[WebinarSettings] permission required to create a webinar for another host'));
    await assertRefused(h, () => h.call('POST', `${CONFIG}/webinars`, admin, { title: 'x', host: { linkedUser: { userId: h.globex.admin.id, accountId: h.acme.accountId } } }), rcError(400, 'CMN-101', 'Resource for parameter [host.linkedUser.userId] is not found', 'host.linkedUser.userId'));
  });

  test('bad webinar input is refused in RingCentral\'s format and stores nothing', async () => {
    const webinars = `${CONFIG}/webinars`;
    await assertRefused(h, () => h.call('POST', webinars, member, {}), rcError(400, 'CMN-101', 'Parameter [title] value is invalid.', 'title'));
    await assertRefused(h, () => h.call('POST', webinars, member, { title: 'x'.repeat(513) }), rcError(400, 'CMN-101', 'Parameter [title] value is invalid.', 'title'));
    await assertRefused(h, () => h.call('POST', webinars, member, { title: 'x', settings: { attendeeAuthentication: 'Anyone' } }), rcError(400, 'CMN-101', 'Parameter [settings.attendeeAuthentication] value is invalid.', 'settings.attendeeAuthentication'));
    await assertRefused(h, () => h.call('POST', webinars, member, { title: 'x', settings: { autoRecord: 'yes' } }), rcError(400, 'CMN-101', 'Parameter [settings.autoRecord] value is invalid.', 'settings.autoRecord'));
    await assertRefused(h, () => h.app.inject({ method: 'POST', url: webinars, headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' }, payload: '{"title":' }), rcError(400, 'CMN-103', "JSON can't be parsed."));
    const webinar = await createWebinar(h, member);
    await assertRefused(h, () => h.call('PATCH', `${webinars}/${webinar.id}`, member, { title: '' }), rcError(400, 'CMN-101', 'Parameter [title] value is invalid.', 'title'));
    await assertRefused(h, () => h.call('GET', `${webinars}/${'1'.repeat(21)}`, member), rcError(400, 'CMN-101', 'Parameter [webinarId] value is invalid.', 'webinarId'));
  });

  test("tenancy: another account's webinar does not exist; another user of the account is refused it", async () => {
    const webinar = await createWebinar(h, admin, { title: 'Admins only' });
    const url = `${CONFIG}/webinars/${webinar.id}`;
    await assertRefused(h, () => h.call('GET', url, outsider), rcError(404, 'CMN-102', `Webinar ${webinar.id} was not found`));
    await assertRefused(h, () => h.call('DELETE', url, outsider), rcError(404, 'CMN-102', `Webinar ${webinar.id} was not found`));
    const forbidden = rcError(403, 'CMN-408', "Only the webinar's host or an administrator with the WebinarSettings permission may access it");
    await assertRefused(h, () => h.call('GET', url, member), forbidden);
    await assertRefused(h, () => h.call('PATCH', url, member, { title: 'Mine now' }), forbidden);
    await assertRefused(h, () => h.call('POST', `${url}/sessions`, member, SCHEDULE), forbidden);
  });

  test('scopes: reads need ReadWebinars, changes EditWebinars', async () => {
    const form = async (scope: string) => {
      const { jwt } = await h.services.userJwtCredentials.issue(h.acme.member.id);
      const response = await h.oauth('token', { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt, scope }, { authorization: h.acme.basic });
      return (response.json() as { access_token: string }).access_token;
    };
    const readOnly = await form('ReadWebinars');
    const videoOnly = await form('Video');
    const webinar = await createWebinar(h, member);
    assert.equal((await h.call('GET', `${CONFIG}/webinars/${webinar.id}`, readOnly)).statusCode, 200);
    await assertRefused(h, () => h.call('POST', `${CONFIG}/webinars`, readOnly, { title: 'x' }), rcError(403, 'CMN-401', 'In order to call this API endpoint, application needs to have [EditWebinars] permission'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars/${webinar.id}`, videoOnly), rcError(403, 'CMN-401', 'In order to call this API endpoint, application needs to have [ReadWebinars] permission'));
    await assertRefused(h, () => h.app.inject({ method: 'GET', url: `${CONFIG}/webinars/${webinar.id}` }), rcError(401, 'OAU-123', 'Authorization header is not specified'));
  });

  test("the caller's webinars list pages forward and back from creationTimeFrom", async () => {
    const mine = admin;
    h.clock.advance(1000);
    const from = h.clock.now().toISOString();
    const made: string[] = [];
    for (const title of ['A', 'B', 'C']) {
      h.clock.advance(1000);
      made.push((await createWebinar(h, mine, { title })).id);
    }
    const first = await h.call('GET', `${CONFIG}/webinars?creationTimeFrom=${from}&perPage=2`, mine);
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json() as { records: WebinarResource[]; paging: { perPage: number; pageToken: string; nextPageToken?: string; previousPageToken?: string } };
    assert.deepEqual(page1.records.map((w) => w.id), made.slice(0, 2));
    assert.equal(page1.paging.perPage, 2);
    assert.equal(page1.paging.previousPageToken, undefined);
    const second = (await h.call('GET', `${CONFIG}/webinars?creationTimeFrom=${from}&perPage=2&pageToken=${page1.paging.nextPageToken}`, mine)).json() as typeof page1;
    assert.deepEqual(second.records.map((w) => w.id), made.slice(2));
    assert.equal(second.paging.nextPageToken, undefined);
    assert.equal(second.paging.previousPageToken, page1.paging.pageToken);
    // perPage above the maximum is taken as the maximum.
    assert.equal(((await h.call('GET', `${CONFIG}/webinars?creationTimeFrom=${from}&perPage=5000`, mine)).json() as typeof page1).paging.perPage, 1000);
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars`, mine), rcError(400, 'CMN-101', 'Parameter [creationTimeFrom] value is invalid.', 'creationTimeFrom'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars?creationTimeFrom=yesterday`, mine), rcError(400, 'CMN-101', 'Parameter [creationTimeFrom] value is invalid.', 'creationTimeFrom'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars?creationTimeFrom=${from}&perPage=0`, mine), rcError(400, 'CMN-101', 'Parameter [perPage] value is invalid.', 'perPage'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars?creationTimeFrom=${from}&pageToken=bogus`, mine), rcError(400, 'CMN-101', 'Parameter [pageToken] value is invalid.', 'pageToken'));
  });

  test('a session is backed by a webinar room: the host link is the host, the attendee link carries no token', async () => {
    const webinar = await createWebinar(h, member, { title: 'Town hall', settings: { autoRecord: true } });
    const session = await createSession(h, member, webinar.id, { ...SCHEDULE, panelJoinTimeOffset: 900, localeCode: 'fr-FR' });
    const now = h.clock.now().toISOString();
    assert.deepEqual({ ...session, hostJoinUri: '', attendeeJoinUri: '' }, {
      id: session.id,
      creationTime: now,
      lastModifiedTime: now,
      scheduledStartTime: SCHEDULE.scheduledStartTime,
      scheduledDuration: 3600,
      timeZone: 'America/New_York',
      localizedTimeZoneDescription: 'Eastern Standard Time (America/New_York)',
      panelJoinTimeOffset: 900,
      title: '',
      description: '',
      status: 'Scheduled',
      hostJoinUri: '',
      localeCode: 'fr-FR',
      videoBridgeId: session.videoBridgeId,
      attendeeJoinUri: '',
      hasUnsentInvites: false,
    });
    const room = await h.services.rooms.findById(session.videoBridgeId);
    assert.deepEqual([room?.kind, room?.type, room?.displayName, room?.recording.autoRecord, room?.applicationId], ['webinar', 'long_term', 'Town hall', true, h.acme.applicationId]);
    assert.equal(session.attendeeJoinUri, `http://parley.test/${room?.meetingCode}`);
    assert.deepEqual(await claimsOf(h, session.hostJoinUri), { participantId: room?.hostParticipantId, roomId: room?.id, role: 'host', user: { userId: h.acme.member.id, accountId: h.acme.accountId } });
    const read = (await h.call('GET', `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}`, member)).json() as SessionResource;
    assert.deepEqual({ ...read, hostJoinUri: '' }, { ...session, hostJoinUri: '' });
    // The developer guide's lower-case `timezone` is taken too.
    const lenient = await createSession(h, member, webinar.id, { scheduledStartTime: SCHEDULE.scheduledStartTime, scheduledDuration: 60, timezone: 'Europe/Paris' });
    assert.equal(lenient.timeZone, 'Europe/Paris');
    // The rooms follow the webinar: its title (for sessions without their own) and autoRecord.
    await h.call('PATCH', `${CONFIG}/webinars/${webinar.id}`, member, { title: 'Town hall, spring', settings: { autoRecord: false } });
    const followed = await h.services.rooms.findById(session.videoBridgeId);
    assert.deepEqual([followed?.displayName, followed?.recording.autoRecord], ['Town hall, spring', false]);
  });

  test('a session PATCH changes its schedule and its room\'s title; bad session input changes nothing', async () => {
    const webinar = await createWebinar(h, member, { title: 'Series' });
    const session = await createSession(h, member, webinar.id);
    const url = `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}`;
    const patched = await h.call('PATCH', url, member, { title: 'Episode 1', scheduledDuration: 7200 });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual([patched.json().title, patched.json().scheduledDuration], ['Episode 1', 7200]);
    assert.equal((await h.services.rooms.findById(session.videoBridgeId))?.displayName, 'Episode 1');
    const sessions = `${CONFIG}/webinars/${webinar.id}/sessions`;
    await assertRefused(h, () => h.call('POST', sessions, member, { scheduledDuration: 3600, timeZone: 'UTC' }), rcError(400, 'CMN-101', 'Parameter [scheduledStartTime] is required.', 'scheduledStartTime'));
    await assertRefused(h, () => h.call('POST', sessions, member, { ...SCHEDULE, scheduledDuration: 29 }), rcError(400, 'CMN-101', 'Parameter [scheduledDuration] value is invalid.', 'scheduledDuration'));
    await assertRefused(h, () => h.call('POST', sessions, member, { ...SCHEDULE, scheduledDuration: 43201 }), rcError(400, 'CMN-101', 'Parameter [scheduledDuration] value is invalid.', 'scheduledDuration'));
    await assertRefused(h, () => h.call('POST', sessions, member, { ...SCHEDULE, timeZone: 'Mars/Olympus' }), rcError(400, 'CMN-101', 'Parameter [timeZone] value is invalid.', 'timeZone'));
    await assertRefused(h, () => h.call('POST', sessions, member, { ...SCHEDULE, scheduledStartTime: 'tomorrow' }), rcError(400, 'CMN-101', 'Parameter [scheduledStartTime] value is invalid.', 'scheduledStartTime'));
    await assertRefused(h, () => h.call('PATCH', url, member, { status: 'Active' }), rcError(403, 'CMN-408', "A session's status follows its webinar room: it cannot be set to Active"));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/webinars/${webinar.id}/sessions/404404404`, member), rcError(404, 'CMN-102', `Session 404404404 of webinar ${webinar.id} was not found`));
  });

  test('a session is Active while its room is live and Finished after: then it cannot change, nor its webinar be deleted', async () => {
    const webinar = await createWebinar(h, member, { title: 'Live one' });
    const session = await createSession(h, member, webinar.id);
    const url = `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}`;
    const liveId = await runRoom(h, session.videoBridgeId, { end: false });
    assert.equal((await h.call('GET', url, member)).json().status, 'Active');
    await assertRefused(h, () => h.call('PATCH', url, member, { title: 'Too late' }), rcError(403, 'CMN-408', 'A session in Active status cannot be updated'));
    await assertRefused(h, () => h.call('DELETE', url, member), rcError(403, 'CMN-408', 'A session in Active status cannot be deleted'));
    await h.services.sessions.end({ id: liveId, roomId: session.videoBridgeId, endedAt: h.clock.now().toISOString(), roomCloseAt: null });
    assert.equal((await h.call('GET', url, member)).json().status, 'Finished');
    await assertRefused(h, () => h.call('DELETE', url, member), rcError(403, 'CMN-408', 'A session in Finished status cannot be deleted'));
    await assertRefused(h, () => h.call('DELETE', `${CONFIG}/webinars/${webinar.id}`, member), rcError(403, 'CMN-408', 'A webinar with a session in Active or Finished status cannot be deleted'));
  });

  test('deleting a session or a webinar retires the rooms and removes their invitees', async () => {
    const webinar = await createWebinar(h, member, { title: 'Short-lived' });
    const one = await createSession(h, member, webinar.id);
    const two = await createSession(h, member, webinar.id);
    const deleted = await h.call('DELETE', `${CONFIG}/webinars/${webinar.id}/sessions/${one.id}`, member, {});
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal(await h.services.rooms.findById(one.videoBridgeId), undefined);
    assert.equal((await h.call('GET', `${CONFIG}/webinars/${webinar.id}/sessions/${one.id}`, member)).statusCode, 404);
    assert.equal((await h.call('DELETE', `${CONFIG}/webinars/${webinar.id}`, member)).statusCode, 204);
    assert.equal(await h.services.rooms.findById(two.videoBridgeId), undefined);
    assert.equal((await h.call('GET', `${CONFIG}/webinars/${webinar.id}`, member)).statusCode, 404);
    const left = await h.services.store.db.selectFrom('webinar_invitees').select('id').where('session_id', 'in', [one.id, two.id]).execute();
    assert.deepEqual(left, []);
  });

  test('session lists: the caller\'s by scheduled start, filtered by status (either array form) and name; the company\'s for administrators', async () => {
    const host = await (async () => {
      const { UserService } = await import('../../identity/users.js');
      const user = await new UserService(h.services).create({ accountId: h.acme.accountId, name: 'Acme Lister', email: 'lister@acme.example' });
      return { user, token: await h.login(h.acme, user) };
    })();
    const webinar = await createWebinar(h, host.token, { title: 'Quarterly Review' });
    const late = await createSession(h, host.token, webinar.id, { ...SCHEDULE, scheduledStartTime: '2026-03-01T10:00:00.000Z', title: 'Spring edition' });
    const early = await createSession(h, host.token, webinar.id, { ...SCHEDULE, scheduledStartTime: '2026-02-01T10:00:00.000Z' });
    const past = await createSession(h, host.token, webinar.id, { ...SCHEDULE, scheduledStartTime: '2025-06-01T10:00:00.000Z' });
    await runRoom(h, early.videoBridgeId, { end: true });
    const list = async (query: string, token = host.token, path = '/sessions') => {
      const response = await h.call('GET', `${CONFIG}${path}?${query}`, token);
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { records: SessionListEntry[] }).records;
    };
    const from = 'endTimeFrom=2026-01-01T00:00:00.000Z';
    const all = await list(from);
    assert.deepEqual(all.map((s) => s.id), [early.id, late.id], 'sorted by start; the one ending before endTimeFrom left out');
    assert.deepEqual(all[0]?.webinar, { id: webinar.id, title: 'Quarterly Review', description: '', host: { linkedUser: { userId: host.user.id, accountId: h.acme.accountId, domain: 'pbx' } } });
    assert.deepEqual((await list(`${from}&status=Finished`)).map((s) => s.id), [early.id]);
    assert.deepEqual((await list(`${from}&status=Scheduled&status=Finished`)).map((s) => s.id), [early.id, late.id]);
    assert.deepEqual((await list(`${from}&status=Scheduled,Active`)).map((s) => s.id), [late.id]);
    assert.deepEqual((await list(`${from}&nameFragment=SPRING`)).map((s) => s.id), [late.id]);
    assert.deepEqual((await list(`${from}&nameFragment=quarterly`)).map((s) => s.id), [early.id], 'a session without a title is found by its webinar\'s');
    assert.deepEqual((await list('endTimeFrom=2025-01-01T00:00:00.000Z&nameFragment=%25')).map((s) => s.id), [], 'wildcards are matched literally');
    assert.deepEqual((await list(`endTimeFrom=2025-01-01T00:00:00.000Z`)).map((s) => s.id), [past.id, early.id, late.id]);
    // Someone else's sessions are not in the caller's list.
    assert.ok((await list(from, member)).every((s) => s.webinar.host.linkedUser.userId === h.acme.member.id));
    assert.ok(!(await list(from, member)).some((s) => s.id === late.id));
    const company = await list(`${from}&hostUserId=${host.user.id},${h.acme.member.id}`, admin, '/company/sessions');
    assert.ok(company.some((s) => s.id === late.id));
    assert.ok(company.every((s) => [host.user.id, h.acme.member.id].includes(s.webinar.host.linkedUser.userId)));
    assert.deepEqual((await list(`${from}&hostUserId=${host.user.id}`, admin, '/company/sessions')).map((s) => s.id), [early.id, late.id]);
    assert.deepEqual(await list(from, outsider, '/company/sessions'), [], 'another account sees none of them');
    await assertRefused(h, () => h.call('GET', `${CONFIG}/company/sessions?${from}`, member), rcError(403, 'CMN-408', '[WebinarSettings] permission required'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/sessions?${from}&status=Cancelled`, member), rcError(400, 'CMN-101', 'Parameter [status] value is invalid.', 'status'));
    await assertRefused(h, () => h.call('GET', `${CONFIG}/sessions`, member), rcError(400, 'CMN-101', 'Parameter [endTimeFrom] value is invalid.', 'endTimeFrom'));
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}`).join(',');
    await assertRefused(h, () => h.call('GET', `${CONFIG}/company/sessions?${from}&hostUserId=${eleven}`, admin), rcError(400, 'CMN-101', 'Parameter [hostUserId] value is invalid.', 'hostUserId'));
  });
});
