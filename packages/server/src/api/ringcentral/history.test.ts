import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { UserService } from '../../identity/users.js';
import type { User } from '../../store/users-repository.js';
import type { BridgeResponse } from './bridge-json.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';

interface MeetingJson {
  id: string;
  shortId: string;
  bridgeId: string;
  startTime: string;
  displayName: string;
  hostInfo: { accountId: string; extensionId: string; displayName: string };
  duration: number;
  type: string;
  status: string;
  rights: string[];
  participants: { id: string; accountId?: string; extensionId?: string; displayName: string; type?: string }[];
  recordings: { id: string; startTime: number; url?: string; metadata?: unknown; status: string; availabilityStatus: string }[];
}

interface Page<K extends string, T> {
  paging: { currentPageToken: string; nextPageToken?: string; perPage?: number };
  meetings: K extends 'meetings' ? T[] : never;
}

function rcError(status: number, errorCode: string, message: string, parameterName?: string): { status: number; body: unknown } {
  const detail = { errorCode, message, ...(parameterName !== undefined ? { parameterName } : {}) };
  return { status, body: { errorCode, message, errors: [detail] } };
}

const at = (offsetMinutes: number) => new Date(Date.parse('2026-01-01T12:00:00.000Z') + offsetMinutes * 60_000).toISOString();

/**
 * The meeting history and recordings of bridges, from sessions, participants and recordings as the live
 * meetings and the recording pipeline store them.
 */
describe('RingCentral Video meeting history and recordings', () => {
  let h: RingCentralHarness;
  let admin: string;
  let member: string;
  let colleague: string;
  let bystander: string;
  let outsider: string;
  let colleagueUser: User;
  let standup: BridgeResponse;
  let review: BridgeResponse;
  /** Sessions: standup yesterday (ended, recorded), standup now (live), review (ended), Globex's. */
  const ids = { recordedStandup: randomUUID(), liveStandup: randomUUID(), review: randomUUID(), globex: randomUUID(), recording: randomUUID(), guest: randomUUID() };

  before(async () => {
    h = await startRingCentralHarness();
    const users = new UserService(h.services);
    colleagueUser = await users.create({ accountId: h.acme.accountId, name: 'Carl Colleague', email: 'carl@acme.example' });
    const bystanderUser = await users.create({ accountId: h.acme.accountId, name: 'Bea Bystander', email: 'bea@acme.example' });
    [admin, member, colleague, bystander, outsider] = await Promise.all([
      h.login(h.acme, h.acme.admin),
      h.login(h.acme, h.acme.member),
      h.login(h.acme, colleagueUser),
      h.login(h.acme, bystanderUser),
      h.login(h.globex, h.globex.admin),
    ]);
    const create = async (token: string, name: string) => (await h.call('POST', '/rcvideo/v2/account/~/extension/~/bridges', token, { name, type: 'Scheduled' })).json() as BridgeResponse;
    standup = await create(member, 'Daily Standup');
    review = await create(admin, 'Design Review');
    const globexBridge = await create(outsider, 'Globex Standup');

    const { sessions, recordings } = h.services;
    const meeting = async (id: string, roomId: string, start: number, end: number | null, people: { id?: string; name: string; userId: string | null; left: number | null }[]) => {
      await sessions.start({ id, roomId, startedAt: at(start) });
      for (const [index, person] of people.entries()) {
        const participantId = person.id ?? randomUUID();
        await sessions.addParticipant({ id: participantId, sessionId: id, roomId, displayName: person.name, role: person.userId === h.acme.member.id ? 'host' : 'guest', joinedAt: at(start + 1 + index), userId: person.userId });
        if (person.left !== null) await sessions.markParticipantLeft(participantId, at(person.left));
      }
      if (end !== null) await sessions.end({ id, roomId, endedAt: at(end), roomCloseAt: null });
    };
    await meeting(ids.recordedStandup, standup.id, -24 * 60, -24 * 60 + 30, [
      { name: 'Acme Member', userId: h.acme.member.id, left: -24 * 60 + 30 },
      { name: 'Carl Colleague', userId: colleagueUser.id, left: -24 * 60 + 20 },
      { id: ids.guest, name: 'A Guest', userId: null, left: -24 * 60 + 25 },
    ]);
    await recordings.insert({
      id: ids.recording,
      roomId: standup.id,
      sessionId: ids.recordedStandup,
      status: 'uploaded',
      startedAt: at(-24 * 60 + 2),
      endedAt: at(-24 * 60 + 29),
      filePath: 'recordings/standup.mp4',
      byteSize: 66_484_597,
      onlyOwner: false,
      progress: 100,
      failureReason: null,
      createdAt: at(-24 * 60 + 2),
    });
    await meeting(ids.liveStandup, standup.id, -10, null, [{ name: 'A Guest', userId: null, left: null }]);
    await meeting(ids.review, review.id, -60, -15, [{ name: 'Carl Colleague', userId: colleagueUser.id, left: -15 }]);
    await meeting(ids.globex, globexBridge.id, -30, -5, [{ name: 'Globex Admin', userId: h.globex.admin.id, left: -5 }]);
  });
  after(() => h.close());

  const meetingsOf = async (token: string, query = ''): Promise<Page<'meetings', MeetingJson>> => {
    const response = await h.call('GET', `/rcvideo/v1/history/meetings${query}`, token);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as Page<'meetings', MeetingJson>;
  };
  const idsOf = (page: { meetings: MeetingJson[] }) => page.meetings.map((m) => m.id);

  test('a meeting as RingCentral describes it: its bridge, host, duration, participants and recordings', async () => {
    const page = await meetingsOf(member);
    assert.deepEqual(idsOf(page), [ids.liveStandup, ids.recordedStandup]);
    assert.equal(page.paging.nextPageToken, undefined);
    const [live, recorded] = page.meetings;
    assert.deepEqual(recorded, {
      id: ids.recordedStandup,
      shortId: standup.pins.web,
      bridgeId: standup.id,
      startTime: at(-24 * 60),
      displayName: 'Daily Standup',
      hostInfo: { accountId: h.acme.accountId, extensionId: h.acme.member.id, displayName: 'Acme Member' },
      duration: 30 * 60,
      type: 'Meeting',
      status: 'Done',
      rights: ['delete', 'download', 'share'],
      participants: [
        { id: recorded?.participants[0]?.id, accountId: h.acme.accountId, extensionId: h.acme.member.id, displayName: 'Acme Member', type: 'Leave' },
        { id: recorded?.participants[1]?.id, accountId: h.acme.accountId, extensionId: colleagueUser.id, displayName: 'Carl Colleague', type: 'Leave' },
        { id: ids.guest, displayName: 'A Guest', type: 'Leave' },
      ],
      recordings: [
        {
          id: ids.recording,
          startTime: Date.parse(at(-24 * 60 + 2)),
          url: recorded?.recordings[0]?.url,
          metadata: { duration: 27 * 60, fileSize: 66_484_597 },
          status: 'Processed',
          availabilityStatus: 'Alive',
        },
      ],
    });
    assert.match(recorded?.recordings[0]?.url ?? '', new RegExp(`^http://parley.test/recordings/${ids.recording}/download\\?expires=\\d+&signature=`));
    assert.deepEqual([live?.status, live?.duration, live?.participants.map((p) => p.type)], ['InProgress', 10 * 60, ['InConference']]);
  });

  test('a user\'s list: what they hosted or took part in, with the rights of a participant', async () => {
    const page = await meetingsOf(colleague);
    assert.deepEqual(idsOf(page), [ids.review, ids.recordedStandup]);
    assert.deepEqual(page.meetings.map((m) => m.rights), [['download'], ['download']]);
    assert.deepEqual(idsOf(await meetingsOf(bystander)), []);
    assert.deepEqual(idsOf(await meetingsOf(outsider)), [ids.globex]);
  });

  test('filters: name text, start bounds in epoch ms, recordings, types', async () => {
    assert.deepEqual(idsOf(await meetingsOf(colleague, '?text=STANDUP')), [ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(colleague, `?startTime=${Date.parse(at(-60))}`)), [ids.review]);
    assert.deepEqual(idsOf(await meetingsOf(colleague, `?endTime=${Date.parse(at(-60)) - 1}`)), [ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?materials=Recordings')), [ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?materials=Notes')), []);
    // type: hosted only (the colleague hosted nothing), deleted bridges, nothing shared.
    assert.deepEqual(idsOf(await meetingsOf(colleague, '?type=My')), []);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=All')), [ids.liveStandup, ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=None')), [ids.liveStandup, ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=Shared')), []);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=Deleted')), []);
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings?type=My&materials=Recordings', member), rcError(400, 'CMN-101', 'Parameter [materials] value is invalid.', 'materials'));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings?type=Mine', member), rcError(400, 'CMN-101', 'Parameter [type] value is invalid.', 'type'));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings?startTime=yesterday', member), rcError(400, 'CMN-101', 'Parameter [startTime] value is invalid.', 'startTime'));
  });

  test('paging: perPage, the next page\'s token, the last page without one, foreign tokens refused', async () => {
    const first = await meetingsOf(member, '?perPage=1');
    assert.deepEqual(idsOf(first), [ids.liveStandup]);
    assert.equal(first.paging.currentPageToken, 'e30');
    const token = first.paging.nextPageToken ?? '';
    const second = await meetingsOf(member, `?perPage=1&pageToken=${encodeURIComponent(token)}`);
    assert.deepEqual([idsOf(second), second.paging.currentPageToken, second.paging.nextPageToken], [[ids.recordedStandup], token, undefined]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?perPage=100000')), [ids.liveStandup, ids.recordedStandup]);
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings?pageToken=not-ours', member), rcError(400, 'CMN-101', 'Parameter [pageToken] value is invalid.', 'pageToken'));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings?perPage=0', member), rcError(400, 'CMN-101', 'Parameter [perPage] value is invalid.', 'perPage'));
  });

  test('one meeting: for its host, participants and Super Admins; forbidden to the rest of the account, missing to others', async () => {
    for (const token of [member, colleague, admin]) {
      const response = await h.call('GET', `/rcvideo/v1/history/meetings/${ids.recordedStandup}`, token);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal((response.json() as MeetingJson).bridgeId, standup.id);
    }
    await assertRefused(h, () => h.call('GET', `/rcvideo/v1/history/meetings/${ids.recordedStandup}`, bystander), rcError(403, 'CMN-408', 'Only its host, its participants and Super Admins may read this meeting'));
    await assertRefused(h, () => h.call('GET', `/rcvideo/v1/history/meetings/${ids.recordedStandup}`, outsider), rcError(404, 'CMN-102', `Meeting ${ids.recordedStandup} was not found`));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/meetings/0fd2ae49-10a0-4db0-8dd1-61d340e97461!us-11-pdx10@us-11', member), rcError(404, 'CMN-102', 'Meeting 0fd2ae49-10a0-4db0-8dd1-61d340e97461!us-11-pdx10@us-11 was not found'));
  });

  test('the account\'s history: completed meetings only, for Super Admins, ordered and paged', async () => {
    const response = await h.call('GET', '/rcvideo/v1/history/account/~/meetings', admin);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json() as { meetings: MeetingJson[]; paging: { perPage: number } };
    assert.deepEqual(page.meetings.map((m) => m.id), [ids.review, ids.recordedStandup]);
    assert.equal(page.paging.perPage, 25);
    assert.deepEqual(Object.keys(page.meetings[0] ?? {}).sort(), ['bridgeId', 'displayName', 'duration', 'hostInfo', 'id', 'participants', 'shortId', 'startTime']);
    // BasicParticipant: no type.
    assert.deepEqual(page.meetings[0]?.participants.map(({ id: _id, ...fields }) => fields), [{ accountId: h.acme.accountId, extensionId: colleagueUser.id, displayName: 'Carl Colleague' }]);
    const ascending = (await h.call('GET', `/rcvideo/v1/history/account/${h.acme.accountId}/meetings?orderBy=%2BstartTime&perPage=10`, admin)).json() as { meetings: MeetingJson[] };
    assert.deepEqual(ascending.meetings.map((m) => m.id), [ids.recordedStandup, ids.review]);
    const bounded = (await h.call('GET', `/rcvideo/v1/history/account/~/meetings?startTimeFrom=${encodeURIComponent(at(-120))}&startTimeTo=${encodeURIComponent(at(0))}`, admin)).json() as { meetings: MeetingJson[] };
    assert.deepEqual(bounded.meetings.map((m) => m.id), [ids.review]);
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/account/~/meetings', member), rcError(403, 'CMN-408', 'Administrator permission required'));
    await assertRefused(h, () => h.call('GET', `/rcvideo/v1/history/account/${h.acme.accountId}/meetings`, outsider), rcError(403, 'CMN-408', "Another account's history cannot be read"));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/account/~/meetings?perPage=5', admin), rcError(400, 'CMN-101', 'Parameter [perPage] value is invalid.', 'perPage'));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/account/~/meetings?orderBy=name', admin), rcError(400, 'CMN-101', 'Parameter [orderBy] value is invalid.', 'orderBy'));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/history/account/~/meetings?startTimeFrom=someday', admin), rcError(400, 'CMN-101', 'Parameter [startTimeFrom] value is invalid.', 'startTimeFrom'));
  });

  test('recordings lists: the account\'s for Super Admins, a user\'s for them; never another account\'s', async () => {
    const expected = (token: string, url: string) => h.call('GET', url, token).then((r) => {
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { recordings: { id: string; shortId: string; bridgeId: string; displayName: string; mediaLink: string; url: string; duration: number }[]; paging: { currentPageToken: string } };
    });
    const account = await expected(admin, '/rcvideo/v1/account/~/recordings');
    assert.deepEqual(account.recordings.map((r) => [r.id, r.shortId, r.bridgeId, r.displayName, r.duration]), [[ids.recordedStandup, standup.pins.web, standup.id, 'Daily Standup', 30 * 60]]);
    assert.match(account.recordings[0]?.url ?? '', /\/recordings\/.+\/download\?expires=/);
    assert.equal(account.recordings[0]?.mediaLink, account.recordings[0]?.url);
    assert.equal((await expected(member, '/rcvideo/v1/account/~/extension/~/recordings')).recordings.length, 1);
    assert.equal((await expected(admin, `/rcvideo/v1/account/~/extension/${h.acme.member.id}/recordings`)).recordings.length, 1);
    assert.equal((await expected(admin, '/rcvideo/v1/account/~/extension/~/recordings')).recordings.length, 0);
    assert.equal((await expected(outsider, '/rcvideo/v1/account/~/recordings')).recordings.length, 0);
    await assertRefused(h, () => h.call('GET', '/rcvideo/v1/account/~/recordings', member), rcError(403, 'CMN-408', 'Administrator permission required'));
    await assertRefused(h, () => h.call('GET', `/rcvideo/v1/account/~/extension/${h.acme.member.id}/recordings`, colleague), rcError(403, 'CMN-408', 'Administrator permission required'));
    await assertRefused(h, () => h.call('GET', `/rcvideo/v1/account/${h.acme.accountId}/recordings`, outsider), rcError(403, 'CMN-408', "Another account's history cannot be read"));
  });

  test('a deleted bridge\'s meetings move to its host\'s Deleted list and stay in the account\'s history', async () => {
    assert.equal((await h.call('DELETE', `/rcvideo/v2/bridges/${standup.id}`, member)).statusCode, 204);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=Deleted')), [ids.liveStandup, ids.recordedStandup]);
    assert.deepEqual(idsOf(await meetingsOf(member, '?type=My')), []);
    assert.deepEqual(idsOf(await meetingsOf(member)), [ids.liveStandup, ids.recordedStandup]);
    const account = (await h.call('GET', '/rcvideo/v1/history/account/~/meetings', admin)).json() as { meetings: MeetingJson[] };
    assert.deepEqual(account.meetings.map((m) => m.id), [ids.review, ids.recordedStandup]);
  });
});
