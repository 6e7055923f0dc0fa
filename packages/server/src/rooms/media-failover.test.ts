import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { JanusPool } from '../media/janus/janus-pool.js';
import { JanusProcess } from '../media/janus/janus-process.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection } from './test-support/recorded-connection.js';

const logger = pino({ level: 'silent' });

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), what);
}

/** A live session whose Janus dies, over a real pool of two Janus servers and a real database. */
describe('a live session whose Janus dies', { timeout: 60_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-failover-'));
  const januses = [0, 1].map((i) => new JanusProcess({ binary: 'janus', dataDir: path.join(dataDir, `janus-${i}`), rtpPorts: { min: 46000 + i * 500, max: 46499 + i * 500 }, logger }));
  let pool: JanusPool;
  const suite = liveRoomsForSuite('failover', {
    rtpPorts: { min: 0, max: 0 },
    media: async () => {
      const urls = await Promise.all(januses.map((janus) => janus.start()));
      pool = await JanusPool.start({ urls, binary: 'janus', dataDir, rtpPorts: { min: 0, max: 0 }, requestTimeoutMs: 5000, logger });
      return pool;
    },
  });

  after(async () => {
    await Promise.all(januses.map((janus) => janus.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const join = async (meetingCode: string, displayName: string) => {
    const connection = new RecordedConnection();
    const joined = await suite.liveRooms.join({ type: 'join', meetingCode, displayName, audioMuted: false, videoMuted: true }, connection);
    return { connection, token: connection.joined().resumeToken, ...joined };
  };

  test('goes on as the same session on the other Janus; pages are told, and what they say of the lost connections is ignored until they acknowledge', async () => {
    const room = await suite.rooms.create(suite.applicationId, { displayName: 'Failover', type: 'instant' });
    const ann = await join(room.meetingCode, 'Ann');
    const bob = await join(room.meetingCode, 'Bob');
    const said = await ann.session.sendChat(ann.participant, 'Before');
    // Bob is away (his connection dropped) when the Janus dies.
    ann.session.connectionLost(bob.participant, bob.connection);

    const holding = januses.findIndex((janus) => pool.loadsByMember()[janus.url]?.rooms === 1);
    const killed = januses[holding];
    assert.ok(killed?.pid);
    process.kill(killed.pid, 'SIGKILL');
    await killed.stop();
    await until(() => ann.connection.of('media-reconnect').length === 1, 'Ann is told to reconnect her media');

    const session = ann.session;
    assert.equal(suite.liveRooms.find(room.id), session, 'the same session goes on');
    assert.deepEqual(session.participantList().map((p) => p.displayName), ['Ann', 'Bob']);
    assert.equal(ann.connection.of('participant-left').length, 0);
    assert.equal(ann.connection.closed, false);
    // Until Ann's page says it dropped its connections, what it says of them was meant for the lost Janus.
    for (const type of ['publish', 'trickle', 'subscriber-answer', 'subscriber-ice-restart'] as const) assert.equal(session.isStaleMedia(ann.participant, { type }), true, type);
    assert.equal(session.isStaleMedia(ann.participant, { type: 'chat-send' }), false);
    session.mediaReconnectAcknowledged(ann.participant);
    assert.equal(session.isStaleMedia(ann.participant, { type: 'publish' }), false);
    await until(() => Object.values(pool.loadsByMember()).some((load) => load.ready && load.rooms === 1 && load.handles === 4), 'the room, with both publishers and subscribers, is on the surviving Janus');

    // Bob, back, is told as he resumes: his connections were to the lost Janus.
    const back = new RecordedConnection();
    await suite.liveRooms.resume({ type: 'resume', meetingCode: room.meetingCode, resumeToken: bob.token }, back);
    assert.deepEqual(back.one('resumed').chatHistory, [said]);
    assert.equal(back.of('media-reconnect').length, 1);
    assert.equal(session.isStaleMedia(bob.participant, { type: 'publish' }), true);
    session.mediaReconnectAcknowledged(bob.participant);

    await session.leave(ann.participant);
    await session.leave(bob.participant);
    assert.equal(session.isEnded, true);
    assert.deepEqual(Object.values(pool.loadsByMember()).map((load) => [load.rooms, load.handles]), [[0, 0], [0, 0]]);
  });
});
