import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { JanusBackend } from './janus-backend.js';

describe('JanusBackend with its own supervised Janus', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-janus-'));
  let backend: JanusBackend;

  before(async () => {
    backend = await JanusBackend.start({
      url: '',
      binary: 'janus',
      dataDir,
      rtpPorts: { min: 40000, max: 40999 },
      requestTimeoutMs: 5000,
      logger: pino({ level: 'silent' }),
    });
  });

  after(async () => {
    await backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates a config with only the plugins and transports Parley uses', () => {
    const main = fs.readFileSync(path.join(dataDir, 'janus', 'janus.jcfg'), 'utf8');
    assert.match(main, /disable = ".*libjanus_echotest\.so/);
    assert.doesNotMatch(main, /disable = "[^"]*libjanus_videoroom\.so/);
    assert.match(main, /event_loops = \d+/);
    const ws = fs.readFileSync(path.join(dataDir, 'janus', 'janus.transport.websockets.jcfg'), 'utf8');
    assert.match(ws, /ws_ip = "127\.0\.0\.1"/);
  });

  it('is healthy and hosts rooms with publishers named by participant id', async () => {
    assert.deepEqual(backend.health(), { ready: true });
    const room = await backend.createRoom({ id: 'session-1', description: 'test', maxPublishers: 200 });
    const publisher = await room.joinPublisher({ participantId: 'participant-a', displayName: 'A' });
    assert.equal(publisher.participantId, 'participant-a');
    // Joining the same feed id twice is refused by Janus, and surfaces as an error.
    await assert.rejects(room.joinPublisher({ participantId: 'participant-a', displayName: 'A again' }), /already exists|in use/i);
    const offers: unknown[] = [];
    const subscriber = room.createSubscriber({ participantId: 'participant-b', onOffer: (o) => offers.push(o) });
    // A publisher that has not published media yet cannot be subscribed to: nothing to offer.
    const microphone = { participantId: 'participant-a', mid: '0', kind: 'audio', source: 'microphone', simulcast: false, send: true, layer: 0 } as const;
    await subscriber.receive([microphone]).catch(() => undefined);
    assert.equal(offers.length, 0);
    await subscriber.close();
    await publisher.close();
    await room.destroy();
  });

  it('restarts a Janus that dies, tells its rooms they are gone, and is healthy again once it is back', async () => {
    const pid = backend.janusPid;
    assert.ok(pid);
    const room = await backend.createRoom({ id: 'before-crash', description: 'test', maxPublishers: 2 });
    const interrupted = new Promise<boolean>((resolve) => room.onInterrupted(resolve));
    const healthChanges: boolean[] = [];
    const back = new Promise<void>((resolve) =>
      backend.onHealthChanged((health) => {
        healthChanges.push(health.ready);
        if (health.ready) resolve();
      }),
    );
    process.kill(pid, 'SIGKILL');
    assert.equal(await interrupted, false);
    await back;
    assert.deepEqual(healthChanges, [false, true]);
    assert.deepEqual(backend.health(), { ready: true });
    assert.notEqual(backend.janusPid, pid);
    const again = await backend.createRoom({ id: 'before-crash', description: 'test', maxPublishers: 2 });
    await again.destroy();
    await room.destroy();
  });
});
