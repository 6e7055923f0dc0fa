import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { freePort } from '../free-port.js';
import { TestWebhookReceiver } from './test-support/webhook-receiver.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const ROOMS = 6;
const GUESTS_PER_ROOM = 4;

/** Polls until `done` holds, failing with `what` after a generous deadline (the machine is shared). */
async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * `kill -9` in the middle of a burst of webhooks: a real Parley process (its own Janus, a SQLite
 * file) reports meetings to a local receiver and is killed mid-burst, then started again on the same
 * database. Every event the database says happened must reach the receiver (at least once, with the
 * payload the database describes), in the order it happened, and nothing else.
 */
describe('webhooks survive kill -9', { timeout: 240_000 }, () => {
  let dataDir: string;
  let port: number;
  let receiver: TestWebhookReceiver;
  let server: ChildProcess | undefined;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-crash-test-'));
    port = await freePort();
    receiver = await TestWebhookReceiver.start();
  });

  after(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await receiver.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const baseUrl = () => `http://127.0.0.1:${port}`;

  async function startParley(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PARLEY_DATA_DIR: dataDir,
        PARLEY_HOST: '127.0.0.1',
        PARLEY_PORT: String(port),
        PARLEY_PUBLIC_URL: baseUrl(),
        PARLEY_LOG_LEVEL: 'warn',
        PARLEY_WEBHOOK_POLL_INTERVAL_MS: '50',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor('Parley to answer /health', async () => {
      if (child.exitCode !== null) throw new Error(`Parley exited with ${child.exitCode}`);
      return fetch(`${baseUrl()}/health`).then((r) => r.ok, () => false);
    });
    return child;
  }

  async function api(method: string, url: string, body?: unknown): Promise<unknown> {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-application.json'), 'utf8')) as { application_id: string; private_key: string };
    const token = await new SignJWT({ application_id: saved.application_id, jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .sign(createPrivateKey(saved.private_key));
    const response = await fetch(`${baseUrl()}/v1/meetings${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    assert.ok(response.ok, `${method} ${url}: ${response.status} ${await response.clone().text()}`);
    return response.json();
  }

  /** Joins a room over signaling as a page would (no media), stays until `leave` resolves, and goes. */
  async function visit(meetingCode: string, displayName: string): Promise<void> {
    const socket = new WebSocket(`${baseUrl().replace(/^http/, 'ws')}/signaling`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const joined = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'joined') resolve();
      });
      socket.once('close', () => reject(new Error('closed before joining')));
    });
    socket.send(JSON.stringify({ type: 'join', meetingCode, displayName, audioMuted: true, videoMuted: true }));
    await joined;
    socket.close();
  }

  /**
   * The Janus a killed Parley had spawned outlives it; it is ours (its config is in our data folder),
   * so it goes too, by pid, as a supervisor would take down the crashed server's whole group.
   */
  function killOrphanedJanus(): void {
    const config = `--config=${path.join(dataDir, 'janus', 'janus.jcfg')}`;
    for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      let commandLine: string[];
      try {
        commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        continue;
      }
      if (commandLine.includes(config)) process.kill(Number(pid), 'SIGKILL');
    }
  }

  function database(): SQLite.Database {
    return new SQLite(path.join(dataDir, 'parley.db'), { readonly: true });
  }

  it('delivers every event the database recorded, in order, after a crash mid-burst and a restart', async () => {
    server = await startParley();
    await api('PATCH', '/applications/webhooks', { update_details: { session_changed: { address: receiver.url }, room_changed: { address: receiver.url } } });
    const rooms = await Promise.all(
      Array.from({ length: ROOMS }, (_, i) => api('POST', '/rooms', { display_name: `Burst ${i}` }) as Promise<{ meeting_code: string }>),
    );

    // The burst: in every room at once, guests come and go one after another, each a session of its own.
    const burst = Promise.allSettled(
      rooms.map(async (room, r) => {
        for (let g = 0; g < GUESTS_PER_ROOM; g++) await visit(room.meeting_code, `Guest ${r}.${g}`);
      }),
    );
    await waitFor('the first deliveries', () => receiver.received.length >= 10);
    server.kill('SIGKILL');
    await new Promise((resolve) => server?.once('exit', resolve));
    killOrphanedJanus();
    await burst;
    const receivedBeforeCrash = receiver.received.length;

    const afterCrash = database();
    const pendingAtCrash = afterCrash.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'pending'").get() as { n: number };
    const openSessions = afterCrash.prepare('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL').get() as { n: number };
    afterCrash.close();
    assert.ok(pendingAtCrash.n > 0 || openSessions.n > 0, 'the kill came after the burst: nothing was left to recover');

    server = await startParley();
    const db = database();
    try {
      const undelivered = db.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE status != 'delivered'");
      await waitFor('every delivery to be delivered', () => (undelivered.get() as { n: number }).n === 0 && db.prepare('SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL').pluck().get() === 0);

      // What the database says happened, as the events that report it.
      const sessions = db.prepare('SELECT id, room_id, started_at, ended_at FROM sessions').all() as { id: string; room_id: string; started_at: string; ended_at: string }[];
      const participants = db.prepare('SELECT id, session_id, room_id, display_name, role FROM participants').all() as { id: string; session_id: string; room_id: string; display_name: string; role: string }[];
      const expected = new Set<string>();
      for (const s of sessions) {
        expected.add(JSON.stringify({ event: 'session:started', session_id: s.id, room_id: s.room_id, started_at: s.started_at }));
        expected.add(JSON.stringify({ event: 'session:ended', session_id: s.id, room_id: s.room_id, started_at: s.started_at, ended_at: s.ended_at }));
      }
      for (const p of participants) {
        for (const event of ['session:participant:joined', 'session:participant:left']) {
          const isHost = p.role === 'host';
          expected.add(JSON.stringify({ event, participant_id: p.id, session_id: p.session_id, room_id: p.room_id, name: p.display_name, type: isHost ? 'Host' : 'Guest', is_host: isHost }));
        }
      }
      assert.ok(sessions.length >= ROOMS, `only ${sessions.length} sessions happened`);

      // What arrived, once per webhook-id, in order of first arrival.
      const firstArrivals = new Map<string, string>();
      for (const { headers, body } of receiver.received) {
        const id = String(headers['webhook-id']);
        const earlier = firstArrivals.get(id);
        if (earlier !== undefined) assert.equal(body, earlier, `webhook ${id} came again with another body`);
        else firstArrivals.set(id, body);
      }
      const outbox = db.prepare('SELECT id, payload FROM webhook_deliveries ORDER BY serial').all() as { id: string; payload: string }[];
      assert.deepEqual(new Set(firstArrivals.values()), expected, 'the events received are not the events the database recorded');
      assert.deepEqual([...firstArrivals.keys()], outbox.map((d) => d.id), 'lost, invented or out-of-order webhook-ids');
      assert.ok(receiver.received.length > receivedBeforeCrash, 'nothing was delivered after the restart');
    } finally {
      db.close();
    }
  });
});
