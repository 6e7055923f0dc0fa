import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RawClient } from '../../../../e2e/support/raw-client.js';
import { startTestServer, type TestServer } from '../../../../e2e/support/test-server.js';
import { waitUntil } from '../../../../e2e/support/wait.js';
import { RedisTestServer } from '../cluster/test-support/redis-test-server.js';
import { freshPostgresDatabase, type TestDatabase } from '../store/test-support/postgres-test-server.js';

describe('signaling relay between two nodes', () => {
  let redis: RedisTestServer;
  let database: TestDatabase;
  let nodeA: TestServer;
  let nodeB: TestServer;
  const clients: RawClient[] = [];

  before(async () => {
    [redis, database] = await Promise.all([RedisTestServer.start(), freshPostgresDatabase()]);
    const shared = { redisUrl: redis.url, databaseUrl: database.url };
    nodeA = await startTestServer({ ...shared, janusRtpPorts: '42100-42199' });
    nodeB = await startTestServer({ ...shared, janusRtpPorts: '42200-42299' });
  });
  after(async () => {
    for (const client of clients) client.kill();
    await nodeB?.close();
    await nodeA?.close();
    await database?.drop();
    await redis?.stop();
  });

  async function connect(node: TestServer): Promise<RawClient> {
    const client = await RawClient.connect(node.baseUrl);
    clients.push(client);
    return client;
  }

  async function newRoom(): Promise<string> {
    const created = await nodeA.api('POST', '/v1/meetings/rooms', { display_name: 'Relayed' });
    assert.equal(created.status, 201);
    return (created.body as { meeting_code: string }).meeting_code;
  }

  test('a page joining through node B is in the session node A runs: both see each other and chat', async () => {
    const meetingCode = await newRoom();
    const first = await connect(nodeA);
    first.send({ type: 'join', meetingCode, displayName: 'On A', audioMuted: true, videoMuted: true });
    const firstJoined = await first.next('joined');
    const room = (await nodeA.server.services.rooms.findByMeetingCode(meetingCode))!;
    assert.equal((await nodeB.server.services.cluster.ownerOfRoom(room.id))?.id, nodeA.server.services.cluster.self.id, 'node A runs the room');

    const second = await connect(nodeB);
    second.send({ type: 'join', meetingCode, displayName: 'Through B', audioMuted: true, videoMuted: true });
    const secondJoined = await second.next('joined');
    assert.equal(secondJoined.sessionId, firstJoined.sessionId, 'one session');
    assert.deepEqual(secondJoined.participants.map((p) => p.displayName), ['On A']);
    assert.equal((await first.next('participant-joined')).participant.displayName, 'Through B');
    assert.equal(nodeB.server.liveRooms.find(room.id), undefined, 'node B runs nothing of it');

    second.send({ type: 'chat-send', text: 'hello across', requestId: 'c1' });
    await waitUntil(() => (first.received.some((m) => m.type === 'chat-message' && m.message.text === 'hello across') ? undefined : 'no chat on A yet'), 10_000, 20);
    // Liveness pings go to the owner and back.
    second.send({ type: 'ping' });
    await second.next('pong');
  });

  test('a page relayed through B resumes through B after its connection dropped', async () => {
    const meetingCode = await newRoom();
    const host = await connect(nodeA);
    host.send({ type: 'join', meetingCode, displayName: 'Host', audioMuted: true, videoMuted: true });
    await host.next('joined');
    const guest = await connect(nodeB);
    guest.send({ type: 'join', meetingCode, displayName: 'Guest', audioMuted: true, videoMuted: true });
    const joined = await guest.next('joined');
    guest.kill();
    const back = await connect(nodeB);
    back.send({ type: 'resume', meetingCode, resumeToken: joined.resumeToken });
    assert.equal((await back.next('resumed')).self.id, joined.self.id);
  });

  test('the first page of a room claims it for the node it reached; the room is free again when the meeting ends', async () => {
    const meetingCode = await newRoom();
    const room = (await nodeA.server.services.rooms.findByMeetingCode(meetingCode))!;
    const only = await connect(nodeB);
    only.send({ type: 'join', meetingCode, displayName: 'Alone', audioMuted: true, videoMuted: true });
    await only.next('joined');
    assert.equal((await nodeA.server.services.cluster.ownerOfRoom(room.id))?.id, nodeB.server.services.cluster.self.id);
    only.send({ type: 'leave' });
    await waitUntil(async () => ((await nodeA.server.services.cluster.ownerOfRoom(room.id)) ? 'still owned' : undefined), 10_000, 50);
  });

  test('a draining node starts no room: a page for a room nobody runs is sent to a node that is not draining', async () => {
    const meetingCode = await newRoom();
    const room = (await nodeA.server.services.rooms.findByMeetingCode(meetingCode))!;
    await nodeB.server.services.cluster.startDraining();
    const page = await connect(nodeB);
    page.send({ type: 'join', meetingCode, displayName: 'Late', audioMuted: true, videoMuted: true });
    await page.next('joined');
    assert.equal((await nodeB.server.services.cluster.ownerOfRoom(room.id))?.id, nodeA.server.services.cluster.self.id);
    assert.ok(nodeA.server.liveRooms.find(room.id), 'node A runs it');
    assert.equal(nodeB.server.liveRooms.find(room.id), undefined);
  });

  test('a page cannot pass itself off as relayed by a node', async () => {
    const forged = nodeA.server.services.nodeTrust.vouchFor('203.0.113.9');
    forged['x-parley-relay-signature'] = forged['x-parley-relay-signature']!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    assert.equal(nodeB.server.services.nodeTrust.vouchedAddress(forged), undefined);
    assert.equal(nodeB.server.services.nodeTrust.vouchedAddress({ 'x-parley-relayed-for': '203.0.113.9' }), undefined);
    assert.equal(nodeB.server.services.nodeTrust.vouchedAddress(nodeA.server.services.nodeTrust.vouchFor('203.0.113.9')), '203.0.113.9', 'nodes trust each other');
  });
});
