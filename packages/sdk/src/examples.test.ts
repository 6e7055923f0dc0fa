import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { freePort } from '../../server/src/free-port.js';
import { ParleyMeetingsClient } from './meetings-client.js';
import { logoPng } from './test-support/logo-images.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const NODE_ARGS = ['--conditions=source', '--import', import.meta.resolve('tsx')];

/** Runs an example as the README says, to completion. */
function runExample(name: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...NODE_ARGS, path.join(EXAMPLES, name), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

describe('the examples run as the README says', () => {
  let server: RunningServer;
  let work: string;
  let env: Record<string, string>;
  before(async () => {
    server = await startParleyServer({ reachable: true });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-examples-'));
    fs.writeFileSync(path.join(work, 'app.key'), server.privateKeyPem);
    env = { PARLEY_URL: server.url, PARLEY_APPLICATION_ID: server.applicationId, PARLEY_PRIVATE_KEY_FILE: path.join(work, 'app.key') };
  });
  after(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('create-themed-room makes a theme with a logo and a room that uses it; export-rooms lists it', async () => {
    fs.writeFileSync(path.join(work, 'logo.png'), logoPng(200, 60));
    const created = await runExample('create-themed-room.ts', [path.join(work, 'logo.png')], env);
    assert.equal(created.code, 0, created.err);
    const roomId = /^Room: +([0-9a-f-]{36}),/m.exec(created.out)?.[1] ?? '';
    const client = new ParleyMeetingsClient({ baseUrl: server.url, applicationId: server.applicationId, privateKey: server.privateKeyPem });
    const room = await client.getRoom(roomId);
    const theme = await client.getTheme(room.theme_id ?? '');
    assert.equal(room.type, 'long_term');
    assert.match(created.out, new RegExp(`^Theme: +${theme.theme_id} \\(logo ${theme.brand_image_colored_url}\\)$`, 'm'));
    assert.match(created.out, new RegExp(`^Guest URL: ${room._links.guest_url.href}$`, 'm'));

    const exported = await runExample('export-rooms.ts', [], env);
    assert.equal(exported.code, 0, exported.err);
    const lines = exported.out.trimEnd().split('\n');
    assert.equal(lines[0], '"id","name","type","meeting_code","available","created_at","expires_at","theme","guest_url"');
    assert.deepEqual(lines.slice(1), [
      `"${room.id}","Weekly planning","long_term","${room.meeting_code}","true","${room.created_at}","${room.expires_at}","${theme.theme_name}","${room._links.guest_url.href}"`,
    ]);
  });

  test('create-themed-room reports an API refusal in its words, with exit code 1', async () => {
    fs.writeFileSync(path.join(work, 'opaque.png'), logoPng(200, 60, { transparent: false }));
    const refused = await runExample('create-themed-room.ts', [path.join(work, 'opaque.png')], env);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^400 BadRequestError: could not finalize logos\n {2}\{"logoKey":"auto-expiring-temp\/logos\/colored\/[0-9a-f-]{36}","code":"invalid_logo_properties","invalidProperty":"transparent_bg"\}\n$/);
  });

  test('webhook-receiver accepts signed deliveries and refuses the rest', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const port = await freePort();
    const receiver = spawn(process.execPath, [...NODE_ARGS, path.join(EXAMPLES, 'webhook-receiver.ts')], {
      env: { PATH: process.env.PATH ?? '', PARLEY_WEBHOOK_SECRET: secret, PORT: String(port) },
    });
    let out = '';
    let err = '';
    receiver.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    receiver.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        receiver.stdout.on('data', () => out.includes('listening') && resolve());
        receiver.once('exit', (code) => reject(new Error(`the receiver exited (${code}): ${err}`)));
      });
      const deliver = (body: string, headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
      const body = JSON.stringify({ event: 'session:participant:joined', participant_id: 'p1', session_id: 's1', room_id: 'r1', name: 'Ada', type: 'Host', is_host: true });
      const at = new Date();
      const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_1', at, body) };

      assert.equal((await deliver(body, headers)).status, 204);
      const forged = await deliver(body.replace('Ada', 'Eve'), headers);
      assert.equal(forged.status, 400);
      assert.match(await forged.text(), /does not match its body/);
      assert.match(out, /room r1: Ada joined as host\n/);
      assert.doesNotMatch(out, /Eve/);
      assert.match(err, /refused a delivery \(bad_signature\)/);
    } finally {
      receiver.kill();
    }
  });
});
