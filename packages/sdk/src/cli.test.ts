import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, jwtVerify } from 'jose';
import { runCli } from './cli.js';
import type { CliIo } from './cli/cli-io.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';

/** Runs the CLI in-process, capturing what it prints. */
async function parley(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: options.env ?? {}, cwd: options.cwd ?? process.cwd() };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parley CLI', () => {
  let server: RunningServer;
  let work: string;
  let keyFile: string;
  let applicationId: string;
  before(async () => {
    server = await startParleyServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-test-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('apps create registers an application in the server database and writes its key', async () => {
    keyFile = path.join(work, 'app.key');
    const result = await parley(['apps', 'create', '--data-dir', server.dataDir, '--name', 'From the CLI', '--key-out', keyFile, '--json']);
    assert.equal(result.code, 0, result.err);
    const printed = JSON.parse(result.out) as { application_id: string; private_key_file: string };
    applicationId = printed.application_id;
    assert.equal(printed.private_key_file, keyFile);
    assert.match(fs.readFileSync(keyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  });

  test('apps create prints the key when no file is given', async () => {
    const result = await parley(['apps', 'create', '--name', 'Printed'], { cwd: work, env: { PARLEY_DATA_DIR: server.dataDir } });
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Application:\s+[0-9a-f-]{36}/);
    assert.match(result.out, /-----BEGIN PRIVATE KEY-----/);
  });

  test('token prints a JWT the application key verifies', async () => {
    const result = await parley(['token', '--app-id', applicationId, '--key', keyFile, '--ttl', '60']);
    assert.equal(result.code, 0, result.err);
    const claims = decodeJwt(result.out);
    assert.equal(claims.application_id, applicationId);
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 60);
    const publicKey = createPublicKey(fs.readFileSync(keyFile, 'utf8'));
    await jwtVerify(result.out, publicKey, { algorithms: ['RS256'] });
  });

  test('rooms create, get and list with flags, as tables and as JSON', async () => {
    const flags = ['--url', server.url, '--app-id', applicationId, '--key', keyFile];
    const created = await parley(['rooms', 'create', ...flags, '--name', 'CLI room', '--language', 'IT', '--json']);
    assert.equal(created.code, 0, created.err);
    const room = JSON.parse(created.out) as { id: string; meeting_code: string; ui_settings: { language: string } };
    assert.equal(room.ui_settings.language, 'it');

    const shown = await parley(['rooms', 'get', room.id, ...flags]);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /Name:\s+CLI room/);
    assert.match(shown.out, new RegExp(`Meeting code:\\s+${room.meeting_code}`));

    await parley(['rooms', 'create', ...flags, '--name', 'Second', '--type', 'long_term', '--expires-at', new Date(Date.now() + 86_400_000).toISOString()]);
    const listed = await parley(['rooms', 'list', ...flags, '--page-size', '1']);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, /^ID\s+CODE\s+TYPE\s+AVAILABLE\s+EXPIRES\s+NAME/);
    assert.match(listed.out, /CLI room/);
    assert.match(listed.out, /1 of 2 rooms\nMore: --start-id \d+/);

    const all = await parley(['rooms', 'list', ...flags, '--page-size', '1', '--all', '--json']);
    assert.deepEqual((JSON.parse(all.out) as { display_name: string }[]).map((r) => r.display_name), ['CLI room', 'Second']);
  });

  test('falls back to the environment, then to the development application file', async () => {
    const env = { PARLEY_URL: server.url, PARLEY_APPLICATION_ID: applicationId, PARLEY_PRIVATE_KEY_FILE: keyFile };
    const fromEnv = await parley(['rooms', 'list', '--json'], { env });
    assert.equal(fromEnv.code, 0, fromEnv.err);
    assert.equal((JSON.parse(fromEnv.out) as { total_items: number }).total_items, 2);

    fs.mkdirSync(path.join(work, 'data'), { recursive: true });
    fs.writeFileSync(path.join(work, 'data', 'dev-application.json'), JSON.stringify({ application_id: applicationId, private_key: fs.readFileSync(keyFile, 'utf8') }));
    const fromFile = await parley(['rooms', 'list', '--json'], { cwd: work, env: { PARLEY_URL: server.url } });
    assert.equal(fromFile.code, 0, fromFile.err);
    assert.equal((JSON.parse(fromFile.out) as { total_items: number }).total_items, 2);
  });

  test('reports API refusals with exit code 1 and usage mistakes with 2', async () => {
    const flags = ['--url', server.url, '--app-id', applicationId, '--key', keyFile];
    const refused = await parley(['rooms', 'create', ...flags, '--name', 'x', '--type', 'long_term']);
    assert.equal(refused.code, 1);
    assert.equal(refused.err, '400 InputValidationError: "expires_at" is required');
    const missing = await parley(['rooms', 'get', '00000000-0000-4000-8000-000000000000', ...flags]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^404 NotFoundError: Room 00000000-0000-4000-8000-000000000000 was not found$/);

    assert.equal((await parley(['rooms', 'fly', ...flags])).code, 2);
    assert.equal((await parley(['rooms', 'list', '--bogus', ...flags])).code, 2);
    assert.equal((await parley(['teleport'])).code, 2);
    const noCredentials = await parley(['rooms', 'list'], { cwd: os.tmpdir() });
    assert.equal(noCredentials.code, 2);
    assert.match(noCredentials.err, /No credentials/);
  });
});
