import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ClientMessage } from '@parley/protocol';
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

  it('admits the host with the host role, tells others who comes and goes, and releases a dropped connection', async () => {
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

    guest.kill();
    assert.equal((await host.next('participant-left')).participantId, guestJoined.self.id);
    const participants = await server.server.services.sessions.listParticipants(hostJoined.sessionId);
    assert.ok(participants.find((p) => p.id === guestJoined.self.id)?.leftAt, 'the dropped guest is stored as left');
    assert.equal(server.server.liveRooms.find(roomId)?.participantList().length, 1);

    host.kill();
    await waitUntil(async () => ((await server.server.services.sessions.find(hostJoined.sessionId))?.endedAt ? undefined : 'session still open'));
  });
});
