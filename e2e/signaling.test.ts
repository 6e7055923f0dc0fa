import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ClientMessage, ServerMessage } from '@parley/protocol';
import { RawClient } from './support/raw-client.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

describe('signaling', { timeout: 60_000 }, () => {
  let server: TestServer;
  let meetingCode: string;
  let roomId: string;
  let hostToken: string;

  before(async () => {
    server = await startTestServer();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Signaling' });
    const room = created.body as { id: string; meeting_code: string; _links: { host_url: { href: string } } };
    meetingCode = room.meeting_code;
    roomId = room.id;
    hostToken = new URL(room._links.host_url.href).searchParams.get('participant_token') ?? '';
  });

  after(async () => {
    await server?.close();
  });

  const join = (client: RawClient, extra: Partial<ClientMessage & { type: 'join' }> = {}): void =>
    client.send({ type: 'join', meetingCode, displayName: 'Bot', audioMuted: true, videoMuted: true, ...extra });

  it('refuses an unknown meeting code, fatally, with a not_found error', async () => {
    const client = await RawClient.connect(server.baseUrl);
    join(client, { meetingCode: '000000000' });
    const error = await client.next('error');
    assert.equal(error.code, 'not_found');
    assert.equal(error.fatal, true);
    await waitUntil(() => (client.closed ? undefined : 'socket still open'));
  });

  it('refuses a forged participant token', async () => {
    const client = await RawClient.connect(server.baseUrl);
    join(client, { participantToken: `${hostToken.slice(0, -4)}AAAA` });
    const error = await client.next('error');
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.fatal, true);
  });

  it('answers malformed messages with a non-fatal error and keeps the connection', async () => {
    const client = await RawClient.connect(server.baseUrl);
    client.sendText('not json');
    client.send({ type: 'join', meetingCode });
    client.send({ type: 'publish', sdp: 'v=0' });
    await waitUntil(() => (client.received.length >= 3 ? undefined : `${client.received.length} answers`));
    assert.deepEqual(client.received.map((m) => m.type === 'error' && m.code), ['validation_failed', 'validation_failed', 'bad_request']);
    assert.equal(client.closed, false);
    client.kill();
  });

  it('refuses a publish offer whose media lines are misnamed, and a malformed video view, keeping the connection', async () => {
    const client = await RawClient.connect(server.baseUrl);
    join(client);
    await client.next('joined');
    const offer = ['v=0', 's=-', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:0', 'a=sendonly', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:1', 'a=sendonly', ''].join('\r\n');
    client.send({ type: 'publish', sdp: offer, sources: { '0': 'microphone', '1': 'microphone' } });
    client.send({ type: 'publish', sdp: offer, sources: { '0': 'microphone' } });
    client.send({ type: 'video-view', tiles: [{ participantId: 'someone', source: 'microphone', width: 320, height: 180 }] } as Record<string, unknown>);
    client.send({ type: 'video-view', tiles: [{ participantId: 'someone', source: 'camera', width: -1, height: 180 }] });
    // A view of nobody who publishes is not an error: people come and go while pages catch up.
    client.send({ type: 'video-view', tiles: [{ participantId: 'someone', source: 'camera', width: 320, height: 180 }] });
    await waitUntil(() => (client.received.filter((m) => m.type === 'error').length >= 4 ? undefined : 'fewer than 4 errors'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Malformed messages are answered at once, offers once checked: compare regardless of order.
    const errors = client.received.flatMap((m) => (m.type === 'error' ? [`${m.code}: ${m.message} (fatal: ${m.fatal})`] : [])).sort();
    assert.deepEqual(errors, [
      'validation_failed: Malformed signaling message (fatal: false)',
      'validation_failed: Malformed signaling message (fatal: false)',
      'validation_failed: Media line 1 is video, which cannot carry microphone (fatal: false)',
      'validation_failed: Media line 1 sends, but its source is not named (fatal: false)',
    ]);
    assert.equal(client.received.some((m) => m.type === 'publisher-answer'), false);
    assert.equal(client.closed, false);
    client.send({ type: 'leave' });
    await waitUntil(() => (client.closed ? undefined : 'still connected after leaving'));
  });

  it('admits the host with the host role, tells others who comes and goes, and holds a dropped connection’s place for a resume', async () => {
    const host = await RawClient.connect(server.baseUrl);
    join(host, { participantToken: hostToken, displayName: 'Host bot' });
    const hostJoined = await host.next('joined');
    assert.equal(hostJoined.self.role, 'host');

    const guest = await RawClient.connect(server.baseUrl);
    join(guest, { displayName: 'Guest bot' });
    const guestJoined = await guest.next('joined');
    assert.equal(guestJoined.self.role, 'guest');
    assert.deepEqual(guestJoined.participants.map((p) => p.displayName), ['Host bot']);
    assert.equal((await host.next('participant-joined')).participant.id, guestJoined.self.id);
    assert.ok(guestJoined.resumeToken.length >= 40);

    // A dropped connection is not a leave: the others see the guest reconnecting.
    guest.kill();
    await waitUntil(() => (host.received.some((m) => m.type === 'participant-updated' && m.participant.reconnecting) ? undefined : 'no reconnecting update'));
    assert.equal(host.received.some((m) => m.type === 'participant-left'), false);
    assert.equal(server.server.liveRooms.find(roomId)?.participantList().length, 2);

    // A participant id is no resume token; the real token brings the same guest back.
    const impostor = await RawClient.connect(server.baseUrl);
    impostor.send({ type: 'resume', meetingCode, resumeToken: guestJoined.self.id });
    const refused = await impostor.next('error');
    assert.deepEqual([refused.code, refused.fatal], ['resume_expired', true]);
    const back = await RawClient.connect(server.baseUrl);
    back.send({ type: 'resume', meetingCode, resumeToken: guestJoined.resumeToken });
    const resumed = await back.next('resumed');
    assert.equal(resumed.self.id, guestJoined.self.id);
    assert.deepEqual(resumed.participants.map((p) => p.displayName), ['Host bot']);
    await waitUntil(() => {
      const last = host.received.filter((m) => m.type === 'participant-updated').at(-1);
      return last?.type === 'participant-updated' && last.participant.reconnecting === undefined ? undefined : 'the host still sees the guest reconnecting';
    });
    back.send({ type: 'ping' });
    await back.next('pong');

    // Resuming again from elsewhere takes the place over and closes the connection it replaces.
    const elsewhere = await RawClient.connect(server.baseUrl);
    elsewhere.send({ type: 'resume', meetingCode, resumeToken: guestJoined.resumeToken });
    await elsewhere.next('resumed');
    await waitUntil(() => (back.closed ? undefined : 'the replaced connection is still open'));
    assert.equal(host.received.filter((m) => m.type === 'participant-joined').length, 1, 'nobody new joined');

    // Leaving on purpose is immediate, and stored.
    elsewhere.send({ type: 'leave' });
    assert.equal((await host.next('participant-left')).participantId, guestJoined.self.id);
    const participants = await server.server.services.sessions.listParticipants(hostJoined.sessionId);
    assert.ok(participants.find((p) => p.id === guestJoined.self.id)?.leftAt, 'the guest is stored as left');
    assert.equal(server.server.liveRooms.find(roomId)?.participantList().length, 1);

    host.send({ type: 'leave' });
    await waitUntil(async () => ((await server.server.services.sessions.find(hostJoined.sessionId))?.endedAt ? undefined : 'session still open'));
  });

  describe('admission', () => {
    /** A room of its own, created through the API with these settings; its meeting code and host token. */
    async function admissionRoom(settings: Record<string, unknown>): Promise<{ code: string; token: string }> {
      const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Admission signaling', ...settings });
      const room = created.body as { meeting_code: string; _links: { host_url: { href: string } } };
      return { code: room.meeting_code, token: new URL(room._links.host_url.href).searchParams.get('participant_token') ?? '' };
    }

    it('refuses malformed lock and waiting-room requests, and a guest who tries to moderate, and keeps going', async () => {
      const room = await admissionRoom({});
      const guest = await RawClient.connect(server.baseUrl);
      join(guest, { meetingCode: room.code, displayName: 'Guest bot' });
      await guest.next('joined');
      const malformed: Record<string, unknown>[] = [
        { type: 'set-lock', locked: 'yes' },
        { type: 'admit', waitingIds: [] },
        { type: 'deny', waitingIds: 'everyone' },
      ];
      for (const message of malformed) guest.send(message);
      await waitUntil(() => (guest.received.filter((m) => m.type === 'error').length >= 3 ? undefined : 'not every request answered'));
      guest.send({ type: 'set-lock', locked: true });
      await waitUntil(() => (guest.received.some((m) => m.type === 'error' && m.code === 'forbidden') ? undefined : 'no forbidden error'));
      const errors = guest.received.filter((m) => m.type === 'error');
      assert.deepEqual(errors.map((e) => [e.code, e.fatal]), [['validation_failed', false], ['validation_failed', false], ['validation_failed', false], ['forbidden', false]]);
      assert.equal(guest.received.some((m) => m.type === 'room-updated'), false, 'nothing changed');
      assert.equal(guest.closed, false);
      guest.kill();
    });

    it('takes a guest who sends leave out of the waiting room, and tells a host who answers too late', async () => {
      const room = await admissionRoom({ join_approval_level: 'explicit_approval' });
      const host = await RawClient.connect(server.baseUrl);
      join(host, { meetingCode: room.code, participantToken: room.token, displayName: 'Host bot' });
      await host.next('joined');
      const guest = await RawClient.connect(server.baseUrl);
      join(guest, { meetingCode: room.code, displayName: 'Guest bot' });
      assert.equal((await guest.next('waiting')).reason, 'approval_required');
      let listed: { id: string; displayName: string }[] = [];
      await waitUntil(() => {
        listed = host.received.filter((m) => m.type === 'waiting-room').at(-1)?.waiting ?? [];
        return listed.length === 1 ? undefined : `the host sees ${listed.length} waiting`;
      });
      assert.equal(listed[0]?.displayName, 'Guest bot');

      guest.send({ type: 'leave' });
      await waitUntil(() => (guest.closed ? undefined : 'the waiting guest is still connected'));
      await waitUntil(() => (host.received.filter((m) => m.type === 'waiting-room').at(-1)?.waiting.length === 0 ? undefined : 'still listed'));
      host.send({ type: 'admit', waitingIds: [listed[0]!.id] });
      const late = await host.next('error');
      assert.deepEqual([late.code, late.fatal], ['not_found', false]);
      host.kill();
    });
  });
});

/**
 * An offer shaped as a browser makes it, which Janus answers though it never connects: a microphone
 * line that sends, and a video line that sends or not.
 */
function browserLikeOffer(video: 'sendonly' | 'recvonly'): string {
  const transport = [
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=ice-ufrag:prly',
    'a=ice-pwd:parleyparleyparleyparley',
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase()).join(':')}`,
    'a=setup:actpass',
    'a=rtcp-mux',
  ];
  return [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0 1',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    ...transport,
    'a=mid:0',
    'a=sendonly',
    'a=rtpmap:111 opus/48000/2',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    ...transport,
    'a=mid:1',
    `a=${video}`,
    'a=rtpmap:96 VP8/90000',
    '',
  ].join('\r\n');
}

describe('the presenter limit and the one screen share, enforced on the offer', { timeout: 60_000 }, () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ maxPresenters: 2 });
  });

  after(async () => {
    await server?.close();
  });

  /** People in a new room of their own, each as a bare signaling client. */
  async function meeting(...names: string[]): Promise<RawClient[]> {
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Presenters' });
    const meetingCode = (created.body as { meeting_code: string }).meeting_code;
    const clients: RawClient[] = [];
    for (const displayName of names) {
      const client = await RawClient.connect(server.baseUrl);
      client.send({ type: 'join', meetingCode, displayName, audioMuted: false, videoMuted: false });
      await client.next('joined');
      clients.push(client);
    }
    return clients;
  }

  /** Sends an offer; resolves with the error refusing it, or `undefined` once it is answered. */
  async function offer(client: RawClient, video: 'sendonly' | 'recvonly', videoSource: 'camera' | 'screen'): Promise<string | undefined> {
    const before = client.received.length;
    client.send({ type: 'publish', sdp: browserLikeOffer(video), sources: { '0': 'microphone', '1': videoSource } });
    let answer: ServerMessage | undefined;
    await waitUntil(() => ((answer = client.received.slice(before).find((m) => m.type === 'publisher-answer' || m.type === 'error')) ? undefined : 'no answer yet'));
    return answer?.type === 'error' ? `${answer.code}: ${answer.message}` : undefined;
  }

  async function leave(clients: RawClient[]): Promise<void> {
    for (const client of clients) client.send({ type: 'leave' });
    await waitUntil(() => (clients.every((c) => c.closed) ? undefined : 'still connected'));
  }

  it('refuses video beyond the limit whatever the page does, and takes audio, and the slot once freed', async () => {
    const [ann, carl, bob] = (await meeting('Ann', 'Carl', 'Bob')) as [RawClient, RawClient, RawClient];
    assert.equal(await offer(ann, 'sendonly', 'camera'), undefined);
    assert.equal(await offer(carl, 'sendonly', 'camera'), undefined);
    const limit = 'presenter_limit_reached: This meeting’s presenter limit is reached (2 sending video); audio still works';
    assert.equal(await offer(bob, 'sendonly', 'camera'), limit);
    assert.equal(await offer(bob, 'sendonly', 'screen'), limit);
    assert.equal(await offer(bob, 'recvonly', 'camera'), undefined, 'audio alone is taken');
    assert.equal(await offer(ann, 'recvonly', 'camera'), undefined, 'Ann turns her camera off');
    assert.equal(await offer(bob, 'sendonly', 'camera'), undefined, 'her slot is Bob’s');
    assert.equal(await offer(ann, 'sendonly', 'camera'), limit);
    await leave([ann, carl, bob]);
  });

  it('refuses a second screen share, naming who shares, and tells everyone who shares', async () => {
    const [ann, bob] = (await meeting('Ann', 'Bob')) as [RawClient, RawClient];
    assert.equal(await offer(ann, 'sendonly', 'screen'), undefined);
    const updated = await bob.next('participant-updated');
    assert.deepEqual([updated.participant.displayName, updated.participant.screenSharing], ['Ann', true]);
    assert.equal(await offer(bob, 'sendonly', 'screen'), 'screen_share_busy: Ann is already sharing their screen; one person shares at a time');
    assert.equal(await offer(bob, 'sendonly', 'camera'), undefined, 'a camera is fine');
    await leave([ann, bob]);
  });
});
