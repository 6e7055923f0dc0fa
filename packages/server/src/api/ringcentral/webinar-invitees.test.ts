import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UserService } from '../../identity/users.js';
import type { User } from '../../store/users-repository.js';
import { describeEachDialect } from '../../store/test-support/test-dialects.js';
import { assertRefused, startRingCentralHarness, type RingCentralHarness } from './test-support/ringcentral-harness.js';
import { claimsOf, CONFIG, createSession, createWebinar, rcError, runRoom } from './test-support/webinar-fixtures.js';
import type { InviteeResource, SessionResource } from './webinar-json.js';

describeEachDialect('RingCentral Webinar configuration: invitees', (dialect) => {
  let h: RingCentralHarness;
  let host: string;
  let outsider: string;
  let colleague: User;
  before(async () => {
    h = await startRingCentralHarness({ dialect });
    host = await h.login(h.acme, h.acme.member);
    outsider = await h.login(h.globex, h.globex.admin);
    colleague = await new UserService(h.services).create({ accountId: h.acme.accountId, name: 'Leia Organa', email: 'leia@acme.example' });
  });
  after(() => h.close());

  const newSession = async (): Promise<{ url: string; session: SessionResource }> => {
    const webinar = await createWebinar(h, host, { title: 'Invitees' });
    const session = await createSession(h, host, webinar.id);
    return { url: `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}/invitees`, session };
  };
  const list = async (url: string): Promise<InviteeResource[]> => {
    const response = await h.call('GET', url, host);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { records: InviteeResource[] }).records;
  };

  test('every session has the implicit Host record, whose link is the host link', async () => {
    const { url, session } = await newSession();
    const [record, ...others] = await list(url);
    assert.deepEqual(others, []);
    assert.deepEqual({ ...record, joinUri: '' }, {
      id: record?.id,
      creationTime: session.creationTime,
      lastModifiedTime: session.creationTime,
      firstName: 'Acme',
      lastName: 'Member',
      email: h.acme.member.email,
      linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId, domain: 'pbx' },
      role: 'Host',
      type: 'User',
      sendInvite: true,
      joinUri: '',
    });
    assert.deepEqual(await claimsOf(h, record?.joinUri ?? ''), await claimsOf(h, session.hostJoinUri));
  });

  test('the bulk PATCH adds, updates and deletes in one request; each invitee has a personal link for their role', async () => {
    const { url, session } = await newSession();
    const added = await h.call('PATCH', url, host, {
      addedInvitees: [
        { role: 'Panelist', firstName: 'Lando', lastName: 'Calrissian', email: 'Lando@CloudCity.example', jobTitle: 'Administrator' },
        { role: 'Cohost', linkedUser: { userId: colleague.id, accountId: h.acme.accountId, domain: 'pbx' } },
      ],
    });
    assert.equal(added.statusCode, 200, added.body);
    const [lando, leia] = (added.json() as { addedInvitees: InviteeResource[] }).addedInvitees as [InviteeResource, InviteeResource];
    assert.deepEqual(added.json().updatedInvitees, []);
    assert.deepEqual(added.json().deletedInvitees, []);
    assert.deepEqual([lando.role, lando.email, lando.jobTitle, lando.linkedUser, lando.sendInvite], ['Panelist', 'lando@cloudcity.example', 'Administrator', undefined, true]);
    assert.deepEqual([leia.role, leia.firstName, leia.lastName, leia.email, leia.linkedUser], ['CoHost', 'Leia', 'Organa', 'leia@acme.example', { userId: colleague.id, accountId: h.acme.accountId, domain: 'pbx' }]);
    assert.deepEqual(await claimsOf(h, lando.joinUri), { participantId: lando.id, roomId: session.videoBridgeId, role: 'panelist' });
    assert.deepEqual(await claimsOf(h, leia.joinUri), { participantId: leia.id, roomId: session.videoBridgeId, role: 'cohost', user: { userId: colleague.id, accountId: h.acme.accountId } });

    const changed = await h.call('PATCH', url, host, { updatedInvitees: [{ id: lando.id, role: 'CoHost', jobTitle: 'Baron' }], deletedInvitees: [{ id: leia.id }], addedInvitees: [{ role: 'Panelist', firstName: 'Han', lastName: 'Solo', email: 'han@falcon.example' }] });
    assert.equal(changed.statusCode, 200, changed.body);
    const body = changed.json() as { addedInvitees: InviteeResource[]; updatedInvitees: InviteeResource[]; deletedInvitees: { id: string }[] };
    assert.deepEqual([body.updatedInvitees[0]?.role, body.updatedInvitees[0]?.jobTitle], ['CoHost', 'Baron']);
    assert.equal((await claimsOf(h, body.updatedInvitees[0]?.joinUri ?? ''))?.role, 'cohost');
    assert.deepEqual(body.deletedInvitees, [{ id: leia.id }]);
    const after = await list(url);
    assert.equal(after[0]?.role, 'Host');
    assert.deepEqual(after.slice(1).map((i) => `${i.firstName} ${i.role}`), ['Lando CoHost', 'Han Panelist'], 'in the order they were added');
  });

  test('one invitee: get, PUT (role required, never Host, linked user fixed), DELETE', async () => {
    const { url } = await newSession();
    const added = (await h.call('PATCH', url, host, { addedInvitees: [{ role: 'panelist', firstName: 'Wedge', lastName: 'Antilles', email: 'wedge@rogue.example', sendInvite: false }] })).json() as { addedInvitees: InviteeResource[] };
    const wedge = added.addedInvitees[0] as InviteeResource;
    const one = `${url}/${wedge.id}`;
    assert.deepEqual((await h.call('GET', one, host)).json(), { ...wedge, joinUri: (await h.call('GET', one, host)).json().joinUri });
    const put = await h.call('PUT', one, host, { role: 'CoHost', sendInvite: true });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual([put.json().role, put.json().sendInvite, put.json().firstName], ['CoHost', true, 'Wedge']);
    await assertRefused(h, () => h.call('PUT', one, host, { role: 'Panelist', sendInvite: false }), rcError(400, 'CMN-101', 'sendInvite cannot be changed back to false', 'sendInvite'));
    await assertRefused(h, () => h.call('PUT', one, host, { firstName: 'W' }), rcError(400, 'CMN-101', 'Parameter [role] value is invalid.', 'role'));
    await assertRefused(h, () => h.call('PUT', one, host, { role: 'Host' }), rcError(400, 'CMN-101', 'An invitee cannot be made Host: the webinar has one', 'role'));
    await assertRefused(h, () => h.call('PUT', one, host, { role: 'Panelist', linkedUser: { userId: colleague.id, accountId: h.acme.accountId } }), rcError(400, 'CMN-101', "An invitee's linked user cannot be changed", 'linkedUser'));
    const [hostRecord] = await list(url);
    await assertRefused(h, () => h.call('PUT', `${url}/${hostRecord?.id}`, host, { role: 'Panelist' }), rcError(403, 'CMN-408', "The implicit record of the webinar's Host cannot be modified or deleted"));
    await assertRefused(h, () => h.call('DELETE', `${url}/${hostRecord?.id}`, host), rcError(403, 'CMN-408', "The implicit record of the webinar's Host cannot be modified or deleted"));
    assert.equal((await h.call('DELETE', one, host, {})).statusCode, 204);
    await assertRefused(h, () => h.call('GET', one, host), rcError(404, 'CMN-102', `Invitee ${wedge.id} of session ${one.split('/')[7]} was not found`));
    await assertRefused(h, () => h.call('GET', url, outsider), rcError(404, 'CMN-102', `Webinar ${url.split('/')[5]} was not found`));
  });

  test('bad bulk input is refused whole: nothing of it is stored', async () => {
    const { url } = await newSession();
    const existing = (await h.call('PATCH', url, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Biggs', lastName: 'Darklighter', email: 'biggs@rogue.example' }] })).json().addedInvitees[0] as InviteeResource;
    const good = { role: 'Panelist', firstName: 'Jyn', lastName: 'Erso', email: 'jyn@rogue.example' };
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [good, { role: 'Attendee', firstName: 'A', lastName: 'B', email: 'ab@x.example' }] }), rcError(400, 'CMN-101', 'Attendees register for a session; invitees are CoHost or Panelist', 'addedInvitees[1].role'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Jyn', lastName: 'Erso' }] }), rcError(400, 'CMN-101', 'Parameter [addedInvitees[0].email] is required for an invitee who is not a linked user.', 'addedInvitees[0].email'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [{ ...good, linkedUser: { userId: colleague.id, accountId: h.acme.accountId } }] }), rcError(400, 'CMN-101', 'An invitee is either a name and email or a linked user, not both', 'addedInvitees[0].linkedUser'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [{ role: 'Panelist', linkedUser: { userId: h.globex.admin.id, accountId: h.globex.accountId } }] }), rcError(400, 'CMN-101', 'Resource for parameter [addedInvitees[0].linkedUser.userId] is not found', 'addedInvitees[0].linkedUser.userId'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [good, { ...good, email: 'JYN@rogue.example' }] }), rcError(409, 'CMN-409', 'jyn@rogue.example is invited to this session already'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [{ role: 'CoHost', linkedUser: { userId: h.acme.member.id, accountId: h.acme.accountId } }] }), rcError(409, 'CMN-409', `User ${h.acme.member.id} is invited to this session already`));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [good], updatedInvitees: [{ id: existing.id, role: 'CoHost' }], deletedInvitees: [{ id: existing.id }] }), rcError(409, 'CMN-409', `Invitee ${existing.id} is named twice in one request`));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [good], deletedInvitees: [{ id: '999' }] }), rcError(404, 'CMN-102', `Invitee 999 of session ${url.split('/')[7]} was not found`));
    await assertRefused(h, () => h.call('PATCH', url, host, { updatedInvitees: [{ id: existing.id }] }), rcError(400, 'CMN-101', 'Parameter [updatedInvitees.0.role] value is invalid.', 'updatedInvitees.0.role'));
    await assertRefused(h, () => h.call('PATCH', url, host, { addedInvitees: [{ ...good, email: 'not an email' }] }), rcError(400, 'CMN-101', 'Parameter [addedInvitees.0.email] value is invalid.', 'addedInvitees.0.email'));
  });

  test('an Active session refuses deletes, a Finished one any change', async () => {
    const { url, session } = await newSession();
    const added = (await h.call('PATCH', url, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Mon', lastName: 'Mothma', email: 'mon@senate.example' }] })).json().addedInvitees[0] as InviteeResource;
    const live = await runRoom(h, session.videoBridgeId, { end: false });
    await assertRefused(h, () => h.call('DELETE', `${url}/${added.id}`, host), rcError(403, 'CMN-408', 'Invitees of an Active session cannot be deleted'));
    await assertRefused(h, () => h.call('PATCH', url, host, { deletedInvitees: [{ id: added.id }] }), rcError(403, 'CMN-408', 'Invitees of an Active session cannot be deleted'));
    // A panelist can still be added while the session is live.
    assert.equal((await h.call('PATCH', url, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Bail', lastName: 'Organa', email: 'bail@senate.example' }] })).statusCode, 200);
    await h.services.sessions.end({ id: live, roomId: session.videoBridgeId, endedAt: h.clock.now().toISOString(), roomCloseAt: null });
    await assertRefused(h, () => h.call('PUT', `${url}/${added.id}`, host, { role: 'CoHost' }), rcError(403, 'CMN-408', 'The invitees of a Finished session cannot change'));
  });
});
