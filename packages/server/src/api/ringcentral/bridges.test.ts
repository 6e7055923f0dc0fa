import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import type { BridgeResponse } from './bridge-json.js';

const BRIDGES = '/rcvideo/v2/account/~/extension/~/bridges';

/** RingCentral's REST error body. */
function rcError(status: number, errorCode: string, message: string, parameterName?: string): { status: number; body: unknown } {
  const detail = { errorCode, message, ...(parameterName !== undefined ? { parameterName } : {}) };
  return { status, body: { errorCode, message, errors: [detail] } };
}

describe('RingCentral Video bridges', () => {
  let h: RingCentralHarness;
  /** Access tokens: Acme's admin and member, another Acme member, Globex's admin. */
  let admin: string;
  let member: string;
  let colleague: string;
  let outsider: string;
  let colleagueId: string;
  before(async () => {
    h = await startRingCentralHarness();
    admin = await h.login(h.acme, h.acme.admin);
    member = await h.login(h.acme, h.acme.member);
    const { UserService } = await import('../../identity/users.js');
    const other = await new UserService(h.services).create({ accountId: h.acme.accountId, name: 'Acme Colleague', email: 'colleague@acme.example' });
    colleagueId = other.id;
    colleague = await h.login(h.acme, other);
    outsider = await h.login(h.globex, h.globex.admin);
  });
  after(() => h.close());

  const create = async (token: string, body?: unknown, url = BRIDGES): Promise<BridgeResponse> => {
    const response = await h.call('POST', url, token, body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as BridgeResponse;
  };

  test('an empty create makes an Instant bridge with RingCentral\'s defaults, a long-term room of the caller\'s client app', async () => {
    // @ringcentral/sdk sends Content-Type: application/json even without a body.
    const response = await h.app.inject({ method: 'POST', url: BRIDGES, headers: { authorization: `bearer ${member}`, 'content-type': 'application/json' } });
    assert.equal(response.statusCode, 201, response.body);
    const bridge = response.json() as BridgeResponse;
    assert.deepEqual(bridge, {
      id: bridge.id,
      name: "Acme Member's meeting",
      type: 'Instant',
      host: { accountId: h.acme.accountId, extensionId: h.acme.member.id },
      pins: { pstn: bridge.pins.pstn, web: bridge.pins.web },
      security: { passwordProtected: false, noGuests: false, sameAccount: false, e2ee: false },
      preferences: {
        join: { audioMuted: false, videoMuted: false, waitingRoomRequired: 'Nobody', pstn: { promptAnnouncement: true, promptParticipants: true } },
        playTones: 'Off',
        musicOnHold: true,
        joinBeforeHost: true,
        screenSharing: true,
        recordingsMode: 'User',
        transcriptionsMode: 'User',
        recordings: { everyoneCanControl: { enabled: true, locked: false }, autoShared: { enabled: true, locked: false } },
        allowEveryoneTranscribeMeetings: true,
      },
      discovery: { web: `http://parley.test/${bridge.pins.web}` },
    });
    assert.match(bridge.pins.pstn.host, /^\d{12}$/);
    assert.match(bridge.pins.pstn.participant, /^\d{12}$/);
    const room = await h.services.rooms.findById(bridge.id);
    assert.deepEqual(
      [room?.applicationId, room?.type, room?.meetingCode, room?.expireAfterUse, room?.expiresAt],
      [h.acme.applicationId, 'long_term', bridge.pins.web, true, new Date(h.clock.now().getTime() + 3 * 24 * 3600_000).toISOString()],
    );
    // The same room through the Vonage API of the same application.
    const vonage = await h.meetings('GET', `/rooms/${bridge.id}`, h.acme);
    assert.equal(vonage.statusCode, 200, vonage.body);
    assert.deepEqual([vonage.json().display_name, vonage.json().meeting_code], ["Acme Member's meeting", bridge.pins.web]);
  });

  test('a full create (the developer guide\'s example) sets every preference, and the room enforces what it can', async () => {
    const bridge = await create(member, {
      name: 'Weekly Meeting with General Organa',
      type: 'Scheduled',
      security: { passwordProtected: true, password: 'Wq123ygs15', noGuests: false, sameAccount: true, e2ee: false },
      preferences: {
        join: { audioMuted: true, videoMuted: true, waitingRoomRequired: 'GuestsOnly', pstn: { promptAnnouncement: false, promptParticipants: true } },
        playTones: 'EnterOnly',
        musicOnHold: false,
        joinBeforeHost: true,
        screenSharing: false,
        recordingsMode: 'ForceAuto',
        transcriptionsMode: 'Auto',
        recordings: { everyoneCanControl: { enabled: false, locked: true }, autoShared: { enabled: false, locked: false } },
        allowEveryoneTranscribeMeetings: false,
      },
    });
    assert.equal(bridge.type, 'Scheduled');
    assert.deepEqual(bridge.security, {
      passwordProtected: true,
      password: { plainText: 'Wq123ygs15', pstn: bridge.security.password?.pstn ?? '', joinQuery: bridge.security.password?.joinQuery ?? '' },
      noGuests: false,
      sameAccount: true,
      e2ee: false,
    });
    assert.match(bridge.security.password?.pstn ?? '', /^\d{10}$/);
    assert.match(bridge.security.password?.joinQuery ?? '', /^[0-9a-f]{32}$/);
    assert.equal(bridge.discovery.web, `http://parley.test/${bridge.pins.web}?pw=${bridge.security.password?.joinQuery}`);
    assert.deepEqual(bridge.preferences.join, { audioMuted: true, videoMuted: true, waitingRoomRequired: 'GuestsOnly', pstn: { promptAnnouncement: false, promptParticipants: true } });
    assert.deepEqual([bridge.preferences.playTones, bridge.preferences.recordingsMode, bridge.preferences.screenSharing], ['EnterOnly', 'ForceAuto', false]);
    assert.deepEqual(bridge.preferences.recordings.everyoneCanControl, { enabled: false, locked: true });
    const room = await h.services.rooms.findById(bridge.id);
    assert.ok(room);
    assert.notEqual(room.passwordHash, null);
    assert.deepEqual(
      [room.joinApprovalLevel, room.approvalAudience, room.admittance, room.microphoneState, room.cameraState, room.features.screenSharing, room.recording, room.expireAfterUse],
      ['after_owner_only', 'guests', 'account_users', 'off', 'off', false, { autoRecord: true, recordOnlyOwner: true }, false],
    );
    const sealed = await h.services.store.db.selectFrom('bridges').select('sealed_secrets').where('room_id', '=', bridge.id).executeTakeFirst();
    assert.doesNotMatch(sealed?.sealed_secrets ?? '', /Wq123ygs15/, 'the stored password is sealed');
  });

  test('a default bridge: made on first asking, password protected, held for the host and other accounts; one per user', async () => {
    const first = await h.call('GET', `${BRIDGES}/default`, member);
    assert.equal(first.statusCode, 200, first.body);
    const pmi = first.json() as BridgeResponse;
    assert.deepEqual([pmi.type, pmi.security.passwordProtected, pmi.preferences.joinBeforeHost, pmi.preferences.join.waitingRoomRequired], ['PMI', true, false, 'OtherAccount']);
    assert.match(pmi.security.password?.plainText ?? '', /^[A-Za-z0-9]{10}$/);
    const again = (await h.call('GET', `${BRIDGES}/default`, member)).json() as BridgeResponse;
    assert.equal(again.id, pmi.id);
    // A Super Admin reads (and makes) other users' default bridges; a user cannot.
    const byAdmin = await h.call('GET', `/rcvideo/v2/account/${h.acme.accountId}/extension/${h.acme.member.id}/bridges/default`, admin);
    assert.equal((byAdmin.json() as BridgeResponse).id, pmi.id);
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/account/~/extension/${h.acme.admin.id}/bridges/default`, member), rcError(403, 'CMN-408', "Only a Super Admin may manage other users' bridges"));
    await assertRefused(h, () => h.call('POST', BRIDGES, member, { type: 'PMI' }), rcError(409, 'CMN-409', `User ${h.acme.member.id} has a default (PMI) bridge already`));
    const room = await h.services.rooms.findById(pmi.id);
    assert.deepEqual([room?.joinApprovalLevel, room?.approvalAudience], ['after_owner_only', 'everyone']);
  });

  test('a Super Admin creates bridges for the account\'s users; nobody for other accounts or unknown users', async () => {
    const forMember = await create(admin, { name: 'For the member' }, `/rcvideo/v2/account/~/extension/${h.acme.member.id}/bridges`);
    assert.deepEqual(forMember.host, { accountId: h.acme.accountId, extensionId: h.acme.member.id });
    await assertRefused(h, () => h.call('POST', `/rcvideo/v2/account/~/extension/${h.acme.admin.id}/bridges`, member, {}), rcError(403, 'CMN-408', "Only a Super Admin may manage other users' bridges"));
    await assertRefused(h, () => h.call('POST', `/rcvideo/v2/account/~/extension/no-such-user/bridges`, admin, {}), rcError(404, 'CMN-102', 'Extension no-such-user was not found'));
    await assertRefused(h, () => h.call('POST', `/rcvideo/v2/account/~/extension/${h.globex.member.id}/bridges`, admin, {}), rcError(404, 'CMN-102', `Extension ${h.globex.member.id} was not found`));
    await assertRefused(h, () => h.call('POST', `/rcvideo/v2/account/${h.globex.accountId}/extension/~/bridges`, admin, {}), rcError(403, 'CMN-408', 'Bridges of another account cannot be managed'));
  });

  test('create refuses bad input, in RingCentral\'s format, storing nothing', async () => {
    const taken = await create(member, { type: 'Scheduled' });
    const cases: [unknown, { status: number; body: unknown }][] = [
      [{ type: 'Weekly' }, rcError(400, 'CMN-101', 'Parameter [type] value is invalid.', 'type')],
      [{ preferences: { join: { waitingRoomRequired: 'Sometimes' } } }, rcError(400, 'CMN-101', 'Parameter [preferences.join.waitingRoomRequired] value is invalid.', 'preferences.join.waitingRoomRequired')],
      [{ name: '' }, rcError(400, 'CMN-101', 'Parameter [name] value is invalid.', 'name')],
      [{ security: { passwordProtected: 'yes' } }, rcError(400, 'CMN-101', 'Parameter [security.passwordProtected] value is invalid.', 'security.passwordProtected')],
      [{ security: { passwordProtected: false, password: 'secret12' } }, rcError(409, 'CMN-409', 'Conflicting settings: a password was given for a bridge that is not password protected')],
      [{ pins: { web: taken.pins.web } }, rcError(409, 'CMN-409', `The meeting code ${taken.pins.web} is taken`)],
      [{ pins: { web: '12ab' } }, rcError(400, 'CMN-101', 'A meeting code is 9 to 32 digits')],
      [{ pins: { pstn: { host: taken.pins.pstn.participant } } }, rcError(409, 'CMN-409', `The PSTN PIN ${taken.pins.pstn.participant} is taken`)],
      [{ pins: { pstn: { host: '5550001111', participant: '5550001111' } } }, rcError(409, 'CMN-409', 'The host and participant PSTN PINs must differ')],
      [{ pins: { pstn: { host: '12' } } }, rcError(400, 'CMN-101', 'A PSTN PIN is 8 to 16 digits')],
      ['{"name":', rcError(400, 'CMN-103', "JSON can't be parsed.")],
    ];
    for (const [body, expected] of cases) {
      await assertRefused(
        h,
        () => h.app.inject({ method: 'POST', url: BRIDGES, headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) }),
        expected,
      );
    }
    const chosen = await create(member, { pins: { web: '018209241352', pstn: { host: '432331057631', participant: '013409241367' } } });
    assert.deepEqual(chosen.pins, { web: '018209241352', pstn: { host: '432331057631', participant: '013409241367' } });
  });

  test('reading: the account sees its bridges, only the owner and Super Admins see the passwords; ?pw= proves the link', async () => {
    const bridge = await create(member, { security: { password: 'opensesame' } });
    const joinQuery = bridge.security.password?.joinQuery ?? '';
    const byColleague = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}`, colleague)).json() as BridgeResponse;
    assert.deepEqual(byColleague.security, { passwordProtected: true, noGuests: false, sameAccount: false, e2ee: false });
    assert.equal(byColleague.discovery.web, `http://parley.test/${bridge.pins.web}`);
    const withPw = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}?pw=${joinQuery}`, colleague)).json() as BridgeResponse;
    assert.equal(withPw.discovery.web, bridge.discovery.web);
    assert.equal(withPw.security.password, undefined);
    const wrongPw = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}?pw=0123`, colleague)).json() as BridgeResponse;
    assert.equal(wrongPw.discovery.web, `http://parley.test/${bridge.pins.web}`);
    assert.deepEqual(((await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}`, admin)).json() as BridgeResponse).security.password, bridge.security.password);
    // access_token in the query (platform.signUrl()).
    assert.equal((await h.app.inject({ method: 'GET', url: `/rcvideo/v2/bridges/${bridge.id}?access_token=${member}` })).statusCode, 200);
  });

  test('PIN lookups: web PIN, host and participant PSTN PINs, within the account only', async () => {
    const bridge = await create(member, { type: 'Scheduled' });
    for (const url of [`/rcvideo/v2/bridges/pin/web/${bridge.pins.web}`, `/rcvideo/v2/bridges/pin/pstn/${bridge.pins.pstn.host}`, `/rcvideo/v2/bridges/pin/pstn/${bridge.pins.pstn.participant}?phoneNumber=%2B16505550100`]) {
      const response = await h.call('GET', url, colleague);
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      assert.equal((response.json() as BridgeResponse).id, bridge.id);
    }
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/pin/web/${bridge.pins.web}`, outsider), rcError(404, 'CMN-102', `No bridge has the web PIN ${bridge.pins.web}`));
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/pin/pstn/${bridge.pins.pstn.host}`, outsider), rcError(404, 'CMN-102', `No bridge has the PSTN PIN ${bridge.pins.pstn.host}`));
    await assertRefused(h, () => h.call('GET', '/rcvideo/v2/bridges/pin/web/999999999', member), rcError(404, 'CMN-102', 'No bridge has the web PIN 999999999'));
  });

  test('tenancy: another account\'s bridge does not exist, whatever the operation', async () => {
    const bridge = await create(member, { type: 'Scheduled' });
    const missing = rcError(404, 'CMN-102', `Bridge ${bridge.id} was not found`);
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/${bridge.id}`, outsider), missing);
    await assertRefused(h, () => h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, outsider, { name: 'Mine now' }), missing);
    await assertRefused(h, () => h.call('DELETE', `/rcvideo/v2/bridges/${bridge.id}`, outsider, {}), missing);
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/${bridge.id}/join-url`, outsider), missing);
    // Nor through the other account's Vonage API.
    assert.equal((await h.meetings('GET', `/rooms/${bridge.id}`, h.globex)).statusCode, 404);
  });

  test('update: the owner or a Super Admin changes what the body names, the room follows; others get 403', async () => {
    const bridge = await create(member, { name: 'Before', type: 'Scheduled' });
    await assertRefused(h, () => h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, colleague, { name: 'Hijacked' }), rcError(403, 'CMN-408', "Only the bridge's owner or a Super Admin may change it"));
    const patched = await h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, member, {
      name: 'After',
      pins: { web: '5550002220001' },
      security: { password: 'new-pass-1', noGuests: true },
      preferences: { joinBeforeHost: false, join: { audioMuted: true, videoMuted: true }, screenSharing: false, recordingsMode: 'Auto' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const after = patched.json() as BridgeResponse;
    assert.deepEqual([after.name, after.pins.web, after.pins.pstn, after.security.password?.plainText, after.security.noGuests], ['After', '5550002220001', bridge.pins.pstn, 'new-pass-1', true]);
    assert.deepEqual(
      [after.preferences.joinBeforeHost, after.preferences.join.waitingRoomRequired, after.preferences.join.audioMuted, after.preferences.join.videoMuted, after.preferences.screenSharing, after.preferences.recordingsMode],
      [false, 'Nobody', true, true, false, 'Auto'],
    );
    // What the body did not name kept its value.
    assert.deepEqual([after.preferences.musicOnHold, after.preferences.join.pstn], [true, { promptAnnouncement: true, promptParticipants: true }]);
    const room = await h.services.rooms.findById(bridge.id);
    assert.deepEqual(
      [room?.displayName, room?.meetingCode, room?.admittance, room?.joinApprovalLevel, room?.approvalAudience, room?.microphoneState, room?.cameraState, room?.features.screenSharing, room?.recording.autoRecord],
      ['After', '5550002220001', 'users', 'after_owner_only', 'everyone', 'off', 'off', false, true],
    );
    const byAdmin = await h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, admin, { security: { passwordProtected: false }, preferences: { joinBeforeHost: true } });
    assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    const unprotected = byAdmin.json() as BridgeResponse;
    assert.deepEqual([unprotected.security.passwordProtected, unprotected.security.password, unprotected.discovery.web], [false, undefined, 'http://parley.test/5550002220001']);
    assert.equal((await h.services.rooms.findById(bridge.id))?.passwordHash, null);
    await assertRefused(h, () => h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, member, { security: { passwordProtected: false, password: 'x1234567' } }), rcError(409, 'CMN-409', 'Conflicting settings: a password was given for a bridge that is not password protected'));
    await assertRefused(h, () => h.call('PATCH', `/rcvideo/v2/bridges/${bridge.id}`, member, { preferences: { playTones: 'Loud' } }), rcError(400, 'CMN-101', 'Parameter [preferences.playTones] value is invalid.', 'preferences.playTones'));
  });

  test('a change made through the Vonage API shows in the bridge: it is one room', async () => {
    const bridge = await create(member, { type: 'Scheduled', preferences: { joinBeforeHost: false } });
    const patched = await h.meetings('PATCH', `/rooms/${bridge.id}`, h.acme, { update_details: { join_approval_level: 'none', initial_join_options: { microphone_state: 'off' } } });
    assert.equal(patched.statusCode, 200, patched.body);
    const now = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}`, member)).json() as BridgeResponse;
    assert.deepEqual([now.preferences.joinBeforeHost, now.preferences.join.waitingRoomRequired, now.preferences.join.audioMuted], [true, 'Nobody', true]);
  });

  test('delete: owner or Super Admin; the room goes with it, and its PINs are never handed out again', async () => {
    const bridge = await create(member, { type: 'Scheduled' });
    await assertRefused(h, () => h.call('DELETE', `/rcvideo/v2/bridges/${bridge.id}`, colleague, {}), rcError(403, 'CMN-408', "Only the bridge's owner or a Super Admin may delete it"));
    const deleted = await h.call('DELETE', `/rcvideo/v2/bridges/${bridge.id}`, member, {});
    assert.deepEqual([deleted.statusCode, deleted.body], [204, '']);
    await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/${bridge.id}`, member), rcError(404, 'CMN-102', `Bridge ${bridge.id} was not found`));
    assert.equal((await h.meetings('GET', `/rooms/${bridge.id}`, h.acme)).statusCode, 404);
    await assertRefused(h, () => h.call('POST', BRIDGES, member, { pins: { web: bridge.pins.web } }), rcError(409, 'CMN-409', `The meeting code ${bridge.pins.web} is taken`));
    await assertRefused(h, () => h.call('POST', BRIDGES, member, { pins: { pstn: { host: bridge.pins.pstn.host } } }), rcError(409, 'CMN-409', `The PSTN PIN ${bridge.pins.pstn.host} is taken`));
    const byAdmin = await create(member, { type: 'Scheduled' });
    assert.equal((await h.call('DELETE', `/rcvideo/v2/bridges/${byAdmin.id}`, admin)).statusCode, 204);
  });

  test('join URLs: the owner is the host; another user of the account a guest the token names', async () => {
    const bridge = await create(member, { type: 'Scheduled' });
    const own = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}/join-url`, member)).json() as { url: string; role: string };
    const theirs = (await h.call('GET', `/rcvideo/v2/bridges/${bridge.id}/join-url`, colleague)).json() as { url: string; role: string };
    assert.deepEqual([own.role, theirs.role], ['host', 'guest']);
    for (const [link, userId, accountId] of [[own, h.acme.member.id, h.acme.accountId], [theirs, colleagueId, h.acme.accountId]] as const) {
      const url = new URL(link.url);
      assert.equal(url.searchParams.get('room_token'), bridge.pins.web);
      const claims = h.services.participantTokens.verify(url.searchParams.get('participant_token') ?? '');
      assert.deepEqual([claims?.roomId, claims?.role, claims?.user], [bridge.id, link.role, { userId, accountId }]);
    }
    const room = await h.services.rooms.findById(bridge.id);
    assert.equal(h.services.participantTokens.verify(new URL(own.url).searchParams.get('participant_token') ?? '')?.participantId, room?.hostParticipantId);
  });

  test('authentication: no token, a wrong or expired one, a token without the Video scope', async () => {
    await assertRefused(h, () => h.app.inject({ method: 'GET', url: `${BRIDGES}/default` }), rcError(401, 'OAU-123', 'Authorization header is not specified'));
    await assertRefused(h, () => h.app.inject({ method: 'GET', url: `${BRIDGES}/default`, headers: { authorization: 'Bearer undefined' } }), rcError(401, 'OAU-123', 'Invalid Authorization header value'));
    await assertRefused(h, () => h.call('GET', `${BRIDGES}/default`, 'made-up'), rcError(401, 'OAU-129', 'Access token corrupted.'));
    const { jwt } = await h.services.userJwtCredentials.issue(h.acme.member.id);
    const webinarsOnly = await h.oauth('token', { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt, scope: 'ReadWebinars' }, { authorization: h.acme.basic });
    await assertRefused(h, () => h.call('GET', `${BRIDGES}/default`, (webinarsOnly.json() as { access_token: string }).access_token), rcError(403, 'CMN-401', 'In order to call this API endpoint, application needs to have [Video] permission'));
    const expiring = await h.login(h.acme, h.acme.member);
    h.clock.advance(3600_000);
    await assertRefused(h, () => h.call('GET', `${BRIDGES}/default`, expiring), rcError(401, 'OAU-128', 'Access token expired.'));
    const unknown = await h.call('GET', '/rcvideo/v2/nothing-here', await h.login(h.acme, h.acme.member));
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as { errorCode: string }).errorCode, 'CMN-102');
  });

  test('deleting a user deletes their bridges (default one included) and ends their tokens', async () => {
    const { UserService } = await import('../../identity/users.js');
    const { deleteUser } = await import('../../rooms/user-removal.js');
    const leaving = await new UserService(h.services).create({ accountId: h.acme.accountId, name: 'Leaving', email: 'leaving@acme.example' });
    const token = await h.login(h.acme, leaving);
    const pmi = (await h.call('GET', `${BRIDGES}/default`, token)).json() as BridgeResponse;
    const scheduled = await create(token, { type: 'Scheduled' });
    await deleteUser(h.services, leaving.id);
    // A fresh token: the clock has moved past the hour of the suite's first ones.
    const superAdmin = await h.login(h.acme, h.acme.admin);
    for (const id of [pmi.id, scheduled.id]) {
      await assertRefused(h, () => h.call('GET', `/rcvideo/v2/bridges/${id}`, superAdmin), rcError(404, 'CMN-102', `Bridge ${id} was not found`));
      assert.notEqual((await h.services.store.db.selectFrom('rooms').select('deleted_at').where('id', '=', id).executeTakeFirst())?.deleted_at, null);
    }
    await assertRefused(h, () => h.call('GET', `${BRIDGES}/default`, token), rcError(401, 'OAU-129', 'Access token corrupted.'));
  });
});
