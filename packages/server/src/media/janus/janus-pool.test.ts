import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { JanusPool } from './janus-pool.js';
import { JanusProcess } from './janus-process.js';

const logger = pino({ level: 'silent' });

/** A Janus the pool does not spawn: started here, its URL given to the pool as an external one. */
async function externalJanus(name: string, rtpPorts: { min: number; max: number }): Promise<{ janus: JanusProcess; url: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-pool-${name}-`));
  const janus = new JanusProcess({ binary: 'janus', dataDir, rtpPorts, logger });
  return { janus, url: await janus.start(), dataDir };
}

/** Kills a Janus the way a crash does, and keeps its supervisor from bringing it back. */
async function crash(janus: JanusProcess): Promise<void> {
  const pid = janus.pid;
  assert.ok(pid);
  process.kill(pid, 'SIGKILL');
  await janus.stop();
}

describe('JanusPool over two external Janus servers', () => {
  let first: Awaited<ReturnType<typeof externalJanus>>;
  let second: Awaited<ReturnType<typeof externalJanus>>;
  let pool: JanusPool;

  before(async () => {
    first = await externalJanus('first', { min: 43000, max: 43499 });
    second = await externalJanus('second', { min: 43500, max: 43999 });
    pool = await JanusPool.start({ urls: [first.url, second.url], binary: 'janus', dataDir: first.dataDir, rtpPorts: { min: 0, max: 0 }, requestTimeoutMs: 5000, logger });
  });

  after(async () => {
    await pool?.close();
    for (const { janus, dataDir } of [first, second]) {
      await janus?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('places each new room on the member carrying the fewest publishers and subscribers', async () => {
    const busy = await pool.createRoom({ id: 'busy', description: 'busy', maxPublishers: 10 });
    const onBusy = Object.entries(pool.loadsByMember()).find(([, load]) => load.rooms === 1)?.[0];
    assert.equal(onBusy, first.url, 'the first room goes to the first of two idle members');
    const a = await busy.joinPublisher({ participantId: 'a', displayName: 'A' });
    const b = await busy.joinPublisher({ participantId: 'b', displayName: 'B' });
    const quiet = await pool.createRoom({ id: 'quiet', description: 'quiet', maxPublishers: 10 });
    assert.deepEqual(pool.loadsByMember(), {
      [first.url]: { ready: true, rooms: 1, handles: 2 },
      [second.url]: { ready: true, rooms: 1, handles: 0 },
    });
    // The second member now carries one room but no handles: it still takes the next room.
    const third = await pool.createRoom({ id: 'third', description: 'third', maxPublishers: 10 });
    assert.equal(pool.loadsByMember()[second.url]?.rooms, 2);
    await Promise.all([a.close(), b.close()]);
    assert.equal(pool.loadsByMember()[first.url]?.handles, 0);
    await Promise.all([busy.destroy(), quiet.destroy(), third.destroy()]);
    assert.deepEqual(Object.values(pool.loadsByMember()).map((load) => load.rooms), [0, 0]);
  });

  it('moves a room whose Janus dies to the healthy one, its publishers joined there again, and stays ready', async () => {
    const room = await pool.createRoom({ id: 'moving', description: 'moving', maxPublishers: 10 });
    assert.equal(pool.loadsByMember()[first.url]?.rooms, 1);
    const publisher = await room.joinPublisher({ participantId: 'p', displayName: 'P' });
    await publisher.setModerated('audio', true);
    const offers: unknown[] = [];
    const subscriber = room.createSubscriber({ participantId: 's', onOffer: (offer) => offers.push(offer) });
    const interruptions: boolean[] = [];
    room.onInterrupted((restoring) => interruptions.push(restoring));

    await crash(first.janus);
    await waitFor(() => interruptions.length > 0);
    assert.deepEqual(interruptions, [true]);
    assert.deepEqual(pool.health(), { ready: true });
    // Calls made while the room is being re-created wait for it, then reach it where it is now.
    await publisher.setModerated('video', true);
    assert.deepEqual(pool.loadsByMember(), {
      [first.url]: { ready: false, rooms: 0, handles: 0 },
      [second.url]: { ready: true, rooms: 1, handles: 2 },
    });
    // The participant's feed exists on the new Janus: joining it a second time is refused there.
    await assert.rejects(room.joinPublisher({ participantId: 'p', displayName: 'P again' }), /already exists|in use/i);
    const newcomer = await room.joinPublisher({ participantId: 'q', displayName: 'Q' });
    await Promise.all([newcomer.close(), subscriber.close(), publisher.close()]);
    await room.destroy();
    assert.deepEqual(interruptions, [true]);
    // A new room goes to the surviving member; the dead one is not ready.
    const next = await pool.createRoom({ id: 'next', description: 'next', maxPublishers: 10 });
    assert.equal(pool.loadsByMember()[second.url]?.rooms, 1);
    await next.destroy();
  });

  it('is not ready once every member is down, says which and why, and places no room', async () => {
    await crash(second.janus);
    await waitFor(() => !pool.health().ready);
    const health = pool.health();
    assert.equal(health.ready, false);
    assert.match(health.reason ?? '', new RegExp(`${escape(first.url)}: .+; ${escape(second.url)}: .+`));
    await assert.rejects(pool.createRoom({ id: 'nowhere', description: 'nowhere', maxPublishers: 2 }), /not available/);
  });
});

describe('JanusPool with a Janus that hangs', () => {
  let first: Awaited<ReturnType<typeof externalJanus>>;
  let second: Awaited<ReturnType<typeof externalJanus>>;
  let pool: JanusPool;

  before(async () => {
    first = await externalJanus('hung', { min: 43000, max: 43499 });
    second = await externalJanus('awake', { min: 43500, max: 43999 });
    pool = await JanusPool.start({ urls: [first.url, second.url], binary: 'janus', dataDir: first.dataDir, rtpPorts: { min: 0, max: 0 }, requestTimeoutMs: 5000, logger });
  });

  after(async () => {
    if (first?.janus.pid) process.kill(first.janus.pid, 'SIGCONT');
    await pool?.close();
    for (const { janus, dataDir } of [first, second]) {
      await janus?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives up a Janus that stops answering its ping, its connection still open, and moves its rooms', async () => {
    const room = await pool.createRoom({ id: 'hanging', description: 'hanging', maxPublishers: 10 });
    const publisher = await room.joinPublisher({ participantId: 'p', displayName: 'P' });
    const interruptions: boolean[] = [];
    room.onInterrupted((restoring) => interruptions.push(restoring));
    assert.ok(first.janus.pid);
    process.kill(first.janus.pid, 'SIGSTOP');
    await waitFor(() => interruptions.length > 0);
    assert.deepEqual(interruptions, [true]);
    assert.equal(pool.loadsByMember()[first.url]?.ready, false);
    assert.deepEqual(pool.health(), { ready: true });
    await assert.rejects(room.joinPublisher({ participantId: 'p', displayName: 'P again' }), /already exists|in use/i);
    assert.deepEqual(pool.loadsByMember()[second.url], { ready: true, rooms: 1, handles: 1 });
    await publisher.close();
    await room.destroy();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
