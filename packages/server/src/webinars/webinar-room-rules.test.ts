import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { JoinRequest } from '@parley/protocol';
import { CONFIG, REGISTRATION, createSession, createWebinar } from '../api/ringcentral/test-support/webinar-fixtures.js';
import { startRingCentralHarness, type RingCentralHarness } from '../api/ringcentral/test-support/ringcentral-harness.js';
import type { InviteeResource, SessionResource } from '../api/ringcentral/webinar-json.js';
import { ParleyError } from '../errors.js';
import { JanusBackend } from '../media/janus/janus-backend.js';
import type { MediaBackend } from '../media/media-backend.js';
import { LiveRooms } from '../rooms/live-rooms.js';
import { RecordedConnection, settled } from '../rooms/test-support/recorded-connection.js';
import { signedInParticipantId } from '../rooms/webinar-policy.js';

/** A webinar's settings and links, as its session's room enforces them: over the webinar API, a real Janus and database. */
describe('webinar rooms follow their webinar', { timeout: 300_000 }, () => {
  let h: RingCentralHarness;
  let host: string;
  let media: MediaBackend;
  let liveRooms: LiveRooms;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-webinar-rules-'));

  before(async () => {
    h = await startRingCentralHarness();
    host = await h.login(h.acme, h.acme.member);
    const logger = pino({ level: 'silent' });
    media = await JanusBackend.start({ url: '', binary: 'janus', dataDir, rtpPorts: { min: 48000, max: 48499 }, requestTimeoutMs: 5000, logger });
    liveRooms = new LiveRooms({ ...h.services, media, logger });
  });
  after(async () => {
    await liveRooms?.shutdown();
    await media?.close();
    await h?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  interface Webinar {
    webinarId: string;
    session: SessionResource;
    meetingCode: string;
  }

  async function newWebinar(settings: Record<string, unknown>): Promise<Webinar> {
    const webinar = await createWebinar(h, host, { title: 'Rules', settings: { registrationEnabled: true, ...settings } });
    const session = await createSession(h, host, webinar.id);
    const meetingCode = new URL(session.attendeeJoinUri as string).searchParams.get('room_token') ?? new URL(session.attendeeJoinUri as string).pathname.split('/').pop();
    return { webinarId: webinar.id, session, meetingCode: meetingCode as string };
  }

  const tokenOf = (url: string): string | undefined => new URL(url).searchParams.get('participant_token') ?? undefined;

  /** Someone opening a link: resolves once in, rejects with the `ParleyError` that kept them out. */
  async function enter(w: Webinar, link: string | undefined, displayName: string, extra: Partial<JoinRequest> = {}) {
    const connection = new RecordedConnection();
    const token = link === undefined ? undefined : tokenOf(link);
    const request: JoinRequest = { type: 'join', meetingCode: w.meetingCode, displayName, audioMuted: true, videoMuted: true, ...(token ? { participantToken: token } : {}), ...extra };
    const { session, participant } = await liveRooms.join(request, connection);
    return { session, participant, connection };
  }

  async function refused(work: Promise<unknown>, code: ParleyError['code']): Promise<void> {
    await assert.rejects(work, (error: unknown) => error instanceof ParleyError && error.code === code);
  }

  /** Invites a guest by name and email, or (`linkedUser`) a user. */
  async function invite(w: Webinar, role: 'Panelist' | 'CoHost', firstName: string, linkedUser?: { userId: string; accountId: string }): Promise<InviteeResource> {
    const url = `${CONFIG}/webinars/${w.webinarId}/sessions/${w.session.id}/invitees`;
    const who = linkedUser ? { linkedUser } : { firstName, lastName: 'Panel', email: `${firstName.toLowerCase()}@panel.example` };
    const response = await h.call('PATCH', url, host, { addedInvitees: [{ role, ...who, sendInvite: false }] });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { addedInvitees: InviteeResource[] }).addedInvitees[0] as InviteeResource;
  }

  async function register(w: Webinar, firstName: string): Promise<{ id: string; joinUri: string }> {
    const response = await h.call('POST', `${REGISTRATION}/sessions/${w.session.id}/registrants`, host, { firstName, lastName: 'Audience', email: `${firstName.toLowerCase()}@audience.example` });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; joinUri: string };
  }

  test('the password is asked of the public link only; personal links enter without it; a PATCH changes it', async () => {
    const w = await newWebinar({ password: 'open sesame' });
    const hostIn = await enter(w, w.session.hostJoinUri, 'Hana');
    await refused(enter(w, undefined, 'Ann'), 'password_required');
    await refused(enter(w, undefined, 'Ann', { password: 'wrong' }), 'password_incorrect');
    const ann = await enter(w, undefined, 'Ann', { password: 'open sesame' });
    assert.equal(ann.participant.info.role, 'attendee');
    const luke = await register(w, 'Luke');
    await enter(w, luke.joinUri, 'Luke');
    const pia = await invite(w, 'Panelist', 'Pia');
    assert.equal((await enter(w, pia.joinUri, 'Pia')).participant.info.role, 'panelist');

    const patched = await h.call('PATCH', `${CONFIG}/webinars/${w.webinarId}`, host, { settings: { password: 'new words' } });
    assert.equal(patched.statusCode, 200, patched.body);
    await refused(enter(w, undefined, 'Bob', { password: 'open sesame' }), 'password_incorrect');
    await enter(w, undefined, 'Bob', { password: 'new words' });
    await h.call('PATCH', `${CONFIG}/webinars/${w.webinarId}`, host, { settings: { password: '' } });
    await enter(w, undefined, 'Cy');
    await liveRooms.endSessionOf(hostIn.session.room.id);
  });

  test('links stop working: a cancelled registrant, a removed invitee, and everyone once the session finished', async () => {
    const w = await newWebinar({});
    const luke = await register(w, 'Luke');
    const leia = await register(w, 'Leia');
    const pia = await invite(w, 'Panelist', 'Pia');
    const hostIn = await enter(w, w.session.hostJoinUri, 'Hana');
    const lukeIn = await enter(w, luke.joinUri, 'Luke');

    assert.equal((await h.call('DELETE', `${REGISTRATION}/sessions/${w.session.id}/registrants/${leia.id}`, host)).statusCode, 204);
    await refused(enter(w, leia.joinUri, 'Leia'), 'unauthorized');
    // Invitees are removed only while the session is Scheduled: Pia's link is checked in the next test's
    // webinar. A registrant cancelled while away does not resume.
    const { resumeToken } = lukeIn.connection.joined();
    lukeIn.session.connectionLost(lukeIn.participant, lukeIn.connection);
    assert.equal((await h.call('DELETE', `${REGISTRATION}/sessions/${w.session.id}/registrants/${luke.id}`, host)).statusCode, 204);
    await refused(liveRooms.resume({ type: 'resume', meetingCode: w.meetingCode, resumeToken }, new RecordedConnection()), 'unauthorized');
    assert.equal(lukeIn.participant.left, true);

    await liveRooms.endSessionOf(hostIn.session.room.id);
    await refused(enter(w, w.session.hostJoinUri, 'Hana'), 'room_unavailable');
    await refused(enter(w, pia.joinUri, 'Pia'), 'room_unavailable');
    await refused(enter(w, undefined, 'Ann'), 'room_unavailable');
  });

  test('an invitee removed before the session no longer enters', async () => {
    const w = await newWebinar({});
    const pia = await invite(w, 'Panelist', 'Pia');
    const url = `${CONFIG}/webinars/${w.webinarId}/sessions/${w.session.id}/invitees`;
    assert.equal((await h.call('PATCH', url, host, { deletedInvitees: [{ id: pia.id }] })).statusCode, 200);
    await refused(enter(w, pia.joinUri, 'Pia'), 'unauthorized');
  });

  test('authentication: the audience and the panel of users only, or of the host\'s account only', async () => {
    const w = await newWebinar({ attendeeAuthentication: 'AuthenticatedUser', panelistAuthentication: 'AuthenticatedCoworker' });
    const hostIn = await enter(w, w.session.hostJoinUri, 'Hana');
    await refused(enter(w, undefined, 'Ann'), 'sign_in_required');
    const luke = await register(w, 'Luke');
    await refused(enter(w, luke.joinUri, 'Luke'), 'sign_in_required');
    const guestPanelist = await invite(w, 'Panelist', 'Pia');
    await refused(enter(w, guestPanelist.joinUri, 'Pia'), 'sign_in_required');
    // Signing in on the page adds the user to the link's own token: Pia signs in as a user of another account.
    const signIn = (link: string | undefined, account: typeof h.acme, user: typeof h.acme.member) =>
      h.app.inject({ method: 'POST', url: `/api/public/rooms/${w.meetingCode}/sign-in`, payload: { email: user.email, password: account.password, ...(link ? { participantToken: tokenOf(link) } : {}) } });
    const wrong = await h.app.inject({ method: 'POST', url: `/api/public/rooms/${w.meetingCode}/sign-in`, payload: { email: h.globex.member.email, password: 'not it' } });
    assert.equal(wrong.statusCode, 401);
    const piaSignedIn = await signIn(guestPanelist.joinUri, h.globex, h.globex.member);
    assert.equal(piaSignedIn.statusCode, 200, piaSignedIn.body);
    const piaToken = (piaSignedIn.json() as { participantToken: string }).participantToken;
    await refused(enter(w, `http://x/?participant_token=${piaToken}`, 'Pia'), 'forbidden');
    // Luke signs in with his registrant link: he is the registrant, now known as a user.
    const lukeToken = ((await signIn(luke.joinUri, h.globex, h.globex.admin)).json() as { participantToken: string }).participantToken;
    assert.equal((await enter(w, `http://x/?participant_token=${lukeToken}`, 'Luke')).participant.identity, `token:${luke.id}`);
    const colleague = await invite(w, 'Panelist', 'Ada', { userId: h.acme.admin.id, accountId: h.acme.accountId });
    assert.equal((await enter(w, colleague.joinUri, 'Ada')).participant.info.role, 'panelist');
    // A user of any account who signs in on the public link may watch.
    const gus = ((await signIn(undefined, h.globex, h.globex.member)).json() as { participantToken: string }).participantToken;
    assert.deepEqual(h.services.participantTokens.verify(gus)?.participantId, signedInParticipantId(h.globex.member.id));
    const gusIn = await enter(w, `http://x/?participant_token=${gus}`, 'Gus');
    assert.equal(gusIn.participant.info.role, 'attendee');
    await liveRooms.endSessionOf(hostIn.session.room.id);
  });

  test('panelists wait to be let in, keep their camera and screen off, and speak when asked, as the webinar says; changes apply at once', async () => {
    const w = await newWebinar({ panelistWaitingRoom: true, panelistVideoEnabled: false, panelistScreenSharingEnabled: false, panelistMuteControlEnabled: false });
    const hostIn = await enter(w, w.session.hostJoinUri, 'Hana');
    const pia = await invite(w, 'Panelist', 'Pia');
    const coHost = await invite(w, 'CoHost', 'Cole');
    assert.equal((await enter(w, coHost.joinUri, 'Cole')).participant.info.role, 'cohost');

    const piaConnection = new RecordedConnection();
    const piaJoining = liveRooms.join({ type: 'join', meetingCode: w.meetingCode, displayName: 'Pia', audioMuted: false, videoMuted: true, participantToken: tokenOf(pia.joinUri) as string }, piaConnection);
    await waitFor(() => hostIn.connection.last('waiting-room')?.waiting.length === 1);
    assert.equal(piaConnection.one('waiting').reason, 'approval_required');
    const [waiting] = hostIn.connection.last('waiting-room')?.waiting ?? [];
    await liveRooms.answerWaiting(hostIn.session, hostIn.participant, [waiting?.id as string], true);
    const piaIn = await piaJoining;

    // Held muted, as if a moderator had muted her; her camera and screen stay off.
    assert.deepEqual(piaIn.participant.info.moderated, { audio: true, video: false });
    assert.equal(piaIn.participant.info.audioMuted, true);
    assert.deepEqual(piaConnection.one('webinar-state').rules, {
      questions: true,
      anonymousQuestions: true,
      moderatedQuestions: false,
      panelistCamera: false,
      panelistScreenSharing: false,
      panelistOwnMicrophone: false,
    });
    assert.throws(() => piaIn.session.updateMediaState(piaIn.participant, { audioMuted: true, videoMuted: false }), (e: unknown) => e instanceof ParleyError && e.code === 'forbidden');
    await refused(piaIn.session.publish(piaIn.participant, { sdp: offer(['camera']), sources: { '0': 'camera' } }), 'forbidden');
    await refused(piaIn.session.publish(piaIn.participant, { sdp: offer(['screen']), sources: { '0': 'screen' } }), 'forbidden');
    // The host asks her to speak; she accepts.
    await hostIn.session.controls.handle(hostIn.participant, { type: 'ask-to-unmute', participantId: piaIn.participant.id, kind: 'audio' });
    await piaIn.session.controls.handle(piaIn.participant, { type: 'accept-unmute', kind: 'audio' });
    piaIn.session.updateMediaState(piaIn.participant, { audioMuted: false, videoMuted: true });

    // The webinar now lets panelists use their camera: at once, without a new join.
    const patched = await h.call('PATCH', `${CONFIG}/webinars/${w.webinarId}`, host, { settings: { panelistVideoEnabled: true } });
    assert.equal(patched.statusCode, 200, patched.body);
    await waitFor(() => piaConnection.last('webinar-state')?.rules.panelistCamera === true);
    piaIn.session.updateMediaState(piaIn.participant, { audioMuted: false, videoMuted: false });
    await liveRooms.endSessionOf(hostIn.session.room.id);
  });

  test('Q&A: off, anonymous, moderated; attendees are sent to the redirect address when the webinar ends', async () => {
    const w = await newWebinar({ qnaEnabled: false, postWebinarRedirectUri: 'https://acme.example/thanks' });
    const hostIn = await enter(w, w.session.hostJoinUri, 'Hana');
    const ann = await enter(w, undefined, 'Ann');
    const bob = await enter(w, undefined, 'Bob');
    await refused(ann.session.handleWebinar(ann.participant, { type: 'ask-question', text: 'Anyone?' }), 'forbidden');

    await h.call('PATCH', `${CONFIG}/webinars/${w.webinarId}`, host, { settings: { qnaEnabled: true, qnaAnonymousEnabled: false, moderatedQnaEnabled: false } });
    await waitFor(() => ann.connection.last('webinar-state')?.rules.questions === true);
    await refused(ann.session.handleWebinar(ann.participant, { type: 'ask-question', text: 'Who am I?', anonymous: true }), 'forbidden');
    // Not moderated: every attendee sees an open question.
    await ann.session.handleWebinar(ann.participant, { type: 'ask-question', text: 'Open to all?' });
    assert.equal(bob.connection.last('question')?.question.text, 'Open to all?');

    await h.call('PATCH', `${CONFIG}/webinars/${w.webinarId}`, host, { settings: { qnaAnonymousEnabled: true, moderatedQnaEnabled: true } });
    await waitFor(() => bob.connection.last('webinar-state')?.rules.moderatedQuestions === true);
    // Moderated: the open question is gone from Bob's view; an anonymous one reaches the panel without a name.
    assert.deepEqual(bob.connection.last('webinar-state')?.questions, []);
    await ann.session.handleWebinar(ann.participant, { type: 'ask-question', text: 'Quietly asked', anonymous: true });
    const asked = hostIn.connection.last('question')?.question;
    assert.equal(asked?.anonymous, true);
    assert.equal(asked?.askedBy.displayName, '');
    assert.equal(bob.connection.last('question')?.question.text, 'Open to all?');
    await hostIn.session.handleWebinar(hostIn.participant, { type: 'answer-question', questionId: asked?.id as string, text: 'Yes' });
    assert.equal(bob.connection.last('question')?.question.answer?.text, 'Yes');
    assert.equal(bob.connection.last('question')?.question.askedBy.displayName, '');

    await hostIn.session.handleWebinar(hostIn.participant, { type: 'set-runtime-status', status: 'Live' });
    await hostIn.session.handleWebinar(hostIn.participant, { type: 'set-runtime-status', status: 'Debrief' });
    await settled();
    assert.deepEqual(bob.connection.last('room-closed'), { type: 'room-closed', reason: 'webinar_ended', redirectUri: 'https://acme.example/thanks' });
    await liveRooms.endSessionOf(hostIn.session.room.id);
  });
});

/** An offer sending the named video sources, one line each, mids from 0. */
function offer(sources: readonly string[]): string {
  const lines = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  sources.forEach((_, mid) => lines.push('m=video 9 UDP/TLS/RTP/SAVPF 96', `a=mid:${mid}`, 'a=sendonly'));
  return [...lines, ''].join('\r\n');
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), 'the condition never held');
}
