import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import { JanusProcess } from './janus-process.js';

const logger = pino({ level: 'silent' });

describe('JanusProcess ports', () => {
  const dataDirs: string[] = [];
  const processes: JanusProcess[] = [];
  const blockers: net.Server[] = [];

  function janus(): JanusProcess {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-janus-ports-'));
    dataDirs.push(dataDir);
    // The same RTP range for all: each PeerConnection binds a port of it that is free at that moment.
    const process = new JanusProcess({ binary: 'janus', dataDir, rtpPorts: { min: 45000, max: 45999 }, logger });
    processes.push(process);
    return process;
  }

  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await Promise.all(blockers.map((b) => new Promise((resolve) => b.close(resolve))));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts several Janus servers at once on one machine, each on WebSocket and admin ports of its own', async () => {
    const started = await Promise.all([janus(), janus(), janus()].map(async (p) => ({ url: await p.start(), p })));
    const ports = started.map(({ url }) => Number(new URL(url).port));
    assert.equal(new Set(ports).size, 3);
    for (const { p } of started) assert.ok(p.pid);
    const adminPorts = dataDirs.map((dir) => /admin_ws_port = (\d+)/.exec(fs.readFileSync(path.join(dir, 'janus', 'janus.transport.websockets.jcfg'), 'utf8'))?.[1]);
    assert.equal(new Set([...ports.map(String), ...adminPorts]).size, 6);
  });

  it('restarts a killed Janus on its ports, and on free ones when someone took them meanwhile', async () => {
    const process = janus();
    const firstUrl = await process.start();
    const restartedOn = (): Promise<string> => new Promise((resolve) => process.once('started', resolve));

    let restarted = restartedOn();
    global.process.kill(process.pid ?? 0, 'SIGKILL');
    assert.equal(await restarted, firstUrl, 'its WebSocket URL is the same after a restart');

    restarted = restartedOn();
    const died = new Promise<void>((resolve) => process.once('exited', () => resolve()));
    global.process.kill(process.pid ?? 0, 'SIGKILL');
    await died;
    // Someone takes its port while it is down (another node's Janus starting, say).
    const blocker = net.createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(Number(new URL(firstUrl).port), '127.0.0.1', resolve));
    const secondUrl = await restarted;
    assert.notEqual(secondUrl, firstUrl);
    assert.equal(process.url, secondUrl);
    assert.ok(process.pid);
  });
});
