import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { CONFIG, createSession, createWebinar, rcError, REGISTRATION } from './test-support/webinar-fixtures.js';
import type { HistorySessionResource, ParticipantExtendedModel } from './webinar-history-json.js';
import type { InviteeResource, RegistrantModel, SessionResource, WebinarResource } from './webinar-json.js';

const HISTORY = '/webinar/history/v1';

describeEachDialect('RingCentral Webinar history', (dialect) => {
  let h: RingCentralHarness;
  let host: string;
  let admin: string;
  let webinar: WebinarResource;
  let session: SessionResource;
  let lando: InviteeResource;
  let luke: RegistrantModel;
  let leia: RegistrantModel;
  let liveId: string;
  const at = (minutes: number) => new Date(Date.parse('2026-02-10T09:00:00.000Z') + minutes * 60_000).toISOString();

  /**
   * A session that ran from 09:00 to 10:00: the host the whole time, Lando (panelist) from 09:05 to
   * 09:50, Luke (registrant) twice (a dropped connection), someone from the public link, and an
   * attendee the host ejected; Leia registered and never came. One recording, uploaded.
   */
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    host = await h.login(h.acme, h.acme.member);
    admin = await h.login(h.acme, h.acme.admin);
    webinar = await createWebinar(h, host, { title: 'History', settings: { registrationEnabled: true } });
    session = await createSession(h, host, webinar.id);
    lando = (await h.call('PATCH', `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}/invitees`, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Lando', lastName: 'Calrissian', email: 'lando@example.com' }] })).json().addedInvitees[0];
    const registrants = `${REGISTRATION}/sessions/${session.id}/registrants`;
    luke = (await h.call('POST', registrants, host, { firstName: 'Luke', lastName: 'Skywalker', email: 'luke@example.com' })).json();
    leia = (await h.call('POST', registrants, host, { firstName: 'Leia', lastName: 'Organa', email: 'leia@example.com' })).json();
    const room = await h.services.rooms.findById(session.videoBridgeId);
    const roomId = session.videoBridgeId;
    liveId = randomUUID();
    await h.services.sessions.start({ id: liveId, roomId, startedAt: at(0) });
    const visit = async (name: string, role: 'host' | 'panelist' | 'attendee', identity: string, from: number, to: number | undefined, userId?: string) => {
      const id = randomUUID();
      await h.services.sessions.addParticipant({ id, sessionId: liveId, roomId, displayName: name, role, joinedAt: at(from), identity, ...(userId ? { userId } : {}) });
      if (to !== undefined) await h.services.sessions.markParticipantLeft(id, at(to));
      return id;
    };
    const hostVisit = await visit('Acme Member', 'host', `token:${room?.hostParticipantId}`, 0, 60, h.acme.member.id);
    await visit('Lando Calrissian', 'panelist', `token:${lando.id}`, 5, 50);
    await visit('Luke Skywalker', 'attendee', `token:${luke.id}`, 10, 20);
    await visit('Luke S.', 'attendee', `token:${luke.id}`, 25, 55);
    await visit('Someone', 'attendee', 'guest:public-link', 15, 45);
    await visit('Troll', 'attendee', 'guest:troll', 16, 17);
    await h.services.roomBlocks.block({ roomId, identity: 'guest:troll', displayName: 'Troll', blockedBy: hostVisit, blockedAt: at(17) });
    await h.services.recordings.insert({
      id: 'rec-history-1',
      roomId,
      sessionId: liveId,
      status: 'uploaded',
      startedAt: at(1),
      endedAt: at(59),
      filePath: 'recordings/rec-history-1.mp4',
      byteSize: 123456,
      onlyOwner: false,
      progress: 100,
      failureReason: null,
      createdAt: at(1),
    });
    await h.services.sessions.end({ id: liveId, roomId, endedAt: at(60), roomCloseAt: null });
  });
  after(() => h.close());

  const sessionUrl = () => `${HISTORY}/webinars/${webinar.id}/sessions/${session.id}`;
  const participants = async (query = '') => {
    const response = await h.call('GET', `${sessionUrl()}/participants${query}`, host);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { records: ParticipantExtendedModel[] }).records;
  };

  test('the session as it ran: times, counts of joins and of people, its recording with a sharing link', async () => {
    const response = await h.call('GET', sessionUrl(), host);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as HistorySessionResource;
    const { recording, ...rest } = body;
    assert.deepEqual(rest, {
      id: session.id,
      creationTime: session.creationTime,
      lastModifiedTime: session.lastModifiedTime,
      startTime: at(0),
      endTime: at(60),
      duration: 3600,
      title: 'History',
      description: '',
      scheduledStartTime: session.scheduledStartTime,
      scheduledDuration: 3600,
      timeZone: 'America/New_York',
      localeCode: 'en-US',
      panelJoinTimeOffset: 0,
      status: 'Finished',
      participantCount: 6,
      attendeeCount: 4,
      uniqueParticipantCount: 5,
      uniqueAttendeeCount: 3,
      videoBridgeId: session.videoBridgeId,
    });
    assert.deepEqual({ ...recording, recordingSharedUri: undefined }, { id: 'rec-history-1', creationTime: at(1), lastModifiedTime: at(59), status: 'Available', duration: 3480, shared: false, sharedUriExpirationTime: null, recordingSharedUri: undefined });
    assert.match(recording?.recordingSharedUri ?? '', /^http:\/\/parley\.test\/.*rec-history-1.*signature=/);
  });

  test('the attendance report: one record per person, with who they were invited or registered as', async () => {
    const records = await participants();
    const byName = new Map(records.map((p) => [`${p.firstName} ${p.lastName}`.trim(), p]));
    const lukeRecord = byName.get('Luke S.');
    assert.deepEqual({ ...lukeRecord, id: undefined, uniqueUserHash: undefined }, {
      id: undefined,
      firstName: 'Luke',
      lastName: 'S.',
      role: 'Attendee',
      originalRole: 'Attendee',
      type: 'User',
      email: 'luke@example.com',
      qnaBlocked: false,
      joinTime: at(10),
      leaveTime: at(55),
      duration: 40 * 60,
      wasEjected: false,
      registrantId: luke.id,
      uniqueUserHash: undefined,
    });
    const landoRecord = byName.get('Lando Calrissian');
    assert.deepEqual([landoRecord?.role, landoRecord?.originalRole, landoRecord?.inviteeId, landoRecord?.email, landoRecord?.duration], ['Panelist', 'Panelist', lando.id, 'lando@example.com', 45 * 60]);
    const hostRecord = byName.get('Acme Member');
    assert.deepEqual([hostRecord?.role, hostRecord?.linkedUser?.userId, hostRecord?.inviteeId !== undefined], ['Host', h.acme.member.id, true]);
    assert.equal(byName.get('Troll')?.wasEjected, true);
    assert.equal(byName.get('Someone')?.registrantId, undefined);
    assert.deepEqual((await participants('?role=Attendee')).map((p) => p.firstName).sort(), ['Luke', 'Someone', 'Troll']);
    assert.deepEqual((await participants('?role=Host,Panelist&originalRole=Panelist')).map((p) => p.firstName), ['Lando']);
    assert.deepEqual((await participants('?originalRole=Host&originalRole=Panelist')).map((p) => p.firstName).sort(), ['Acme', 'Lando']);
    await assertRefused(h, () => h.call('GET', `${sessionUrl()}/participants?role=Guest`, host), rcError(400, 'CMN-101', 'Parameter [role] value is invalid.', 'role'));
  });

  test('attended versus absent: registrants who came carry their participantId, invitees say whether they joined', async () => {
    const registrants = (await h.call('GET', `${REGISTRATION}/sessions/${session.id}/registrants`, host)).json().records as RegistrantModel[];
    const lukeRecord = (await participants()).find((p) => p.registrantId === luke.id);
    assert.deepEqual(
      registrants.map((r) => [r.firstName, r.participantId]).sort(),
      [['Leia', undefined], ['Luke', lukeRecord?.id]],
    );
    assert.equal((await h.call('GET', `${REGISTRATION}/sessions/${session.id}/registrants/${leia.id}`, host)).json().participantId, undefined);
    const invitees = (await h.call('GET', `${sessionUrl()}/invitees`, host)).json().records as { role: string; joined: boolean; originalRole: string }[];
    assert.deepEqual(invitees.map((i) => [i.role, i.originalRole, i.joined]), [['Host', 'Host', true], ['Panelist', 'Panelist', true]]);
    assert.equal((await h.call('GET', `${sessionUrl()}/invitees/${lando.id}`, host)).json().joined, true);
    assert.deepEqual((await h.call('GET', `${sessionUrl()}/invitees?role=Panelist`, host)).json().records.length, 1);
    await assertRefused(h, () => h.call('GET', `${sessionUrl()}/invitees/404404`, host), rcError(404, 'CMN-102', `Invitee 404404 of session ${session.id} was not found`));
    await assertRefused(h, () => h.call('GET', `${sessionUrl()}/invitees?originalRole=Guest`, host), rcError(400, 'CMN-101', 'Parameter [originalRole] value is invalid.', 'originalRole'));
  });

  test('participants/self is the caller\'s own part; one who took none is not found', async () => {
    const self = await h.call('GET', `${sessionUrl()}/participants/self`, host);
    assert.equal(self.statusCode, 200, self.body);
    assert.deepEqual({ ...(self.json() as object), id: undefined }, { id: undefined, firstName: 'Acme', lastName: 'Member', role: 'Host', originalRole: 'Host', linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId, domain: 'pbx' }, type: 'User' });
    await assertRefused(h, () => h.call('GET', `${sessionUrl()}/participants/self`, admin), rcError(404, 'CMN-102', `User ${h.acme.admin.id} did not take part in session ${session.id}`));
  });

  test('the webinar and session lists of history, latest end first', async () => {
    const outsider = await h.login(h.globex, h.globex.admin);
    await assertRefused(h, () => h.call('GET', `${HISTORY}/webinars/${webinar.id}`, outsider), rcError(404, 'CMN-102', `Webinar ${webinar.id} was not found`));
    await assertRefused(h, () => h.call('GET', `${sessionUrl()}/participants`, outsider), rcError(404, 'CMN-102', `Webinar ${webinar.id} was not found`));
    await assertRefused(h, () => h.call('GET', `${HISTORY}/webinars/${webinar.id}/sessions/404404`, host), rcError(404, 'CMN-102', `Session 404404 of webinar ${webinar.id} was not found`));
    const read = (await h.call('GET', `${HISTORY}/webinars/${webinar.id}`, host)).json();
    assert.deepEqual([read.title, read.host], ['History', { firstName: 'Acme', lastName: 'Member', linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId, domain: 'pbx' } }]);
    const later = await createSession(h, host, webinar.id, { scheduledStartTime: '2026-05-01T09:00:00.000Z', scheduledDuration: 600, timeZone: 'UTC' });
    const list = async (query: string, token = host, path = '/sessions') => {
      const response = await h.call('GET', `${HISTORY}${path}?${query}`, token);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().records as (HistorySessionResource & { webinar: { id: string; host: unknown } })[];
    };
    const window = 'endTimeFrom=2026-01-01T00:00:00.000Z&endTimeTo=2026-12-31T00:00:00.000Z';
    assert.deepEqual((await list(window)).map((s) => s.id), [later.id, session.id]);
    assert.deepEqual((await list(`${window}&status=Finished`)).map((s) => [s.id, s.recording?.recordingSharedUri]), [[session.id, undefined]], 'lists show no sharing link');
    assert.equal((await list(window))[1]?.webinar.id, webinar.id);
    assert.deepEqual((await list(`${window}&hostUserId=${h.acme.member.id}`, admin, '/company/sessions')).map((s) => s.id), [later.id, session.id]);
    await assertRefused(h, () => h.call('GET', `${HISTORY}/company/sessions?${window}`, host), rcError(403, 'CMN-408', '[WebinarSettings] permission required'));
    await assertRefused(h, () => h.call('GET', `${HISTORY}/sessions?endTimeFrom=2026-01-01T00:00:00.000Z`, host), rcError(400, 'CMN-101', 'Parameter [endTimeTo] value is invalid.', 'endTimeTo'));
  });

  test('recordings: listed by creation time and status, read with the session they are of, downloaded through a signed link', async () => {
    const window = `creationTimeFrom=${at(0)}&creationTimeTo=${at(10)}`;
    const listed = (await h.call('GET', `${HISTORY}/recordings?${window}`, host)).json();
    assert.deepEqual(listed.records.map((r: { id: string; status: string; session: { id: string; webinar: { id: string } } }) => [r.id, r.status, r.session.id, r.session.webinar.id]), [['rec-history-1', 'Available', session.id, webinar.id]]);
    assert.deepEqual((await h.call('GET', `${HISTORY}/recordings?${window}&status=Processing,Failed`, host)).json().records, []);
    assert.deepEqual((await h.call('GET', `${HISTORY}/recordings?${window}&status=Purged`, host)).json().records, []);
    const one = (await h.call('GET', `${HISTORY}/recordings/rec-history-1`, host)).json();
    assert.deepEqual([one.session.duration, one.session.startTime], [3600, at(0)]);
    assert.match(one.recordingSharedUri, /rec-history-1/);
    const download = await h.call('GET', `${HISTORY}/recordings/rec-history-1/download`, host);
    assert.equal(download.statusCode, 200, download.body);
    assert.deepEqual({ ...(download.json() as object), downloadUri: undefined }, { downloadUri: undefined, downloadContentType: 'video/mp4', downloadSize: 123456 });
    const file = new URL(download.json().downloadUri);
    // The Meetings API's signed link for this recording: the download route takes it.
    assert.doesNotThrow(() => h.services.recordingDownloadLinks.verify('rec-history-1', file.searchParams.get('expires') ?? undefined, file.searchParams.get('signature') ?? undefined));
    assert.equal((await h.call('GET', `${HISTORY}/company/recordings?${window}&nameFragment=histo`, admin)).json().records.length, 1);
    assert.equal((await h.call('GET', `${HISTORY}/company/recordings/rec-history-1`, admin)).statusCode, 200);
    await assertRefused(h, () => h.call('GET', `${HISTORY}/recordings/rec-history-1/download?recordingMediaType=Audio`, host), rcError(404, 'CMN-102', 'Recording rec-history-1 has no audio-only file'));
    await assertRefused(h, () => h.call('GET', `${HISTORY}/recordings/nope`, host), rcError(404, 'CMN-102', 'Recording nope was not found'));
    await assertRefused(h, () => h.call('GET', `${HISTORY}/company/recordings?${window}`, host), rcError(403, 'CMN-408', '[WebinarSettings] permission required'));
    await assertRefused(h, () => h.call('GET', `${HISTORY}/recordings?creationTimeFrom=${at(0)}`, host), rcError(400, 'CMN-101', 'Parameter [creationTimeTo] value is invalid.', 'creationTimeTo'));
    const outsider = await h.login(h.globex, h.globex.admin);
    await assertRefused(h, () => h.call('GET', `${HISTORY}/company/recordings/rec-history-1`, outsider), rcError(404, 'CMN-102', 'Recording rec-history-1 was not found'));
  });
});
