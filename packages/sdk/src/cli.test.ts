import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPublicKey, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeJwt, jwtVerify } from 'jose';
import { freePort } from '../../server/src/free-port.js';
import { logoPng } from './test-support/logo-images.js';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import { insertRecordings } from './test-support/recordings.js';
import { parley } from './test-support/run-cli.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** The rows of an aligned table, as cells cut at the header's columns: every cell must start where its header does. */
function tableRows(text: string, headers: readonly string[]): string[][] {
  const [headerLine, ...lines] = text.split('\n');
  assert.match(headerLine ?? '', new RegExp(`^${headers.join('\\s+')}$`), text);
  const starts = headers.map((header) => (headerLine ?? '').indexOf(header));
  const rows: string[][] = [];
  for (const line of lines) {
    if (line === '') break;
    const cells = starts.map((start, i) => line.slice(start, starts[i + 1]).trimEnd());
    for (const [i, start] of starts.entries()) {
      if (i > 0) assert.equal(line[start - 1], ' ', `column ${headers[i]} is not aligned in:\n${text}`);
    }
    assert.ok(cells.every((cell) => cell !== '' && !cell.startsWith(' ')), `a cell is empty or misaligned in:\n${line}`);
    rows.push(cells);
  }
  return rows;
}

/** The label: value lines of one record. */
function recordOf(text: string): Map<string, string> {
  return new Map(text.split('\n').map((line) => {
    const match = /^([^:]+):\s+(.*)$/.exec(line);
    assert.ok(match, `not a record line: ${line}`);
    return [match[1] as string, match[2] as string];
  }));
}

describe('parley CLI, run as a program against a running server', () => {
  let server: RunningServer;
  let work: string;
  let keyFile: string;
  let applicationId: string;
  let flags: string[];
  before(async () => {
    server = await startParleyServer({
      reachable: true,
      config: { dialInNumbers: [{ number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' }] },
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-test-'));
    applicationId = server.applicationId;
    keyFile = path.join(work, 'server-app.key');
    fs.writeFileSync(keyFile, server.privateKeyPem, { mode: 0o600 });
    flags = ['--url', server.url, '--app-id', applicationId, '--key', keyFile];
  });
  after(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('apps create registers an application in the server database and writes its key', async () => {
    const newKeyFile = path.join(work, 'app.key');
    const result = await parley(['apps', 'create', '--data-dir', server.dataDir, '--name', 'From the CLI', '--key-out', newKeyFile, '--json']);
    assert.equal(result.code, 0, result.err);
    const printed = JSON.parse(result.out) as { application_id: string; private_key_file: string };
    assert.equal(printed.private_key_file, newKeyFile);
    assert.match(fs.readFileSync(newKeyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(fs.statSync(newKeyFile).mode & 0o777, 0o600);
    assert.equal((await server.services.applications.findApplication(printed.application_id))?.name, 'From the CLI');
    // The new application can call the API at once, with the key written.
    const listed = await parley(['rooms', 'list', '--url', server.url, '--app-id', printed.application_id, '--key', newKeyFile, '--json']);
    assert.equal(listed.code, 0, listed.err);
    assert.equal((JSON.parse(listed.out) as { total_items: number }).total_items, 0);
  });

  test('apps create prints the key when no file is given', async () => {
    const result = await parley(['apps', 'create', '--name', 'Printed'], { cwd: work, env: { PARLEY_DATA_DIR: server.dataDir } });
    assert.equal(result.code, 0, result.err);
    const record = recordOf(result.out.split('\n\n')[0] ?? '');
    assert.match(record.get('Application') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(record.get('Name'), 'Printed');
    assert.match(result.out, /\n\n-----BEGIN PRIVATE KEY-----\n/);
  });

  test('token prints a JWT the application key verifies', async () => {
    const result = await parley(['token', '--app-id', applicationId, '--key', keyFile, '--ttl', '60']);
    assert.equal(result.code, 0, result.err);
    const claims = decodeJwt(result.out);
    assert.equal(claims.application_id, applicationId);
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 60);
    await jwtVerify(result.out, createPublicKey(fs.readFileSync(keyFile, 'utf8')), { algorithms: ['RS256'] });
  });

  test('rooms create, get, update, list and delete, as tables and as JSON', async () => {
    const created = await parley(['rooms', 'create', ...flags, '--name', 'CLI room', '--language', 'IT', '--microphone', 'off', '--json']);
    assert.equal(created.code, 0, created.err);
    const room = JSON.parse(created.out) as { id: string; meeting_code: string; ui_settings: { language: string }; initial_join_options: { microphone_state: string } };
    assert.equal(room.ui_settings.language, 'it');
    assert.equal(room.initial_join_options.microphone_state, 'off');

    const shown = await parley(['rooms', 'get', room.id, ...flags]);
    assert.equal(shown.code, 0, shown.err);
    const record = recordOf(shown.out);
    assert.equal(record.get('Room'), room.id);
    assert.equal(record.get('Name'), 'CLI room');
    assert.equal(record.get('Meeting code'), room.meeting_code);
    assert.equal(record.get('Language'), 'it');
    assert.equal(record.get('Guest URL'), `${server.url}/${room.meeting_code}`);

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const longTerm = await parley(['rooms', 'create', ...flags, '--name', 'Second', '--type', 'long_term', '--expires-at', expiresAt, '--json']);
    assert.equal(longTerm.code, 0, longTerm.err);
    const secondId = (JSON.parse(longTerm.out) as { id: string }).id;
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const updated = await parley(['rooms', 'update', secondId, ...flags, '--name', 'Second, renamed', '--expires-at', later, '--join-approval', 'explicit_approval']);
    assert.equal(updated.code, 0, updated.err);
    assert.equal(recordOf(updated.out).get('Name'), 'Second, renamed');
    assert.equal(recordOf(updated.out).get('Expires'), later);
    assert.equal(recordOf(updated.out).get('Join approval'), 'explicit_approval');

    const listed = await parley(['rooms', 'list', ...flags, '--page-size', '1']);
    assert.equal(listed.code, 0, listed.err);
    const rows = tableRows(listed.out, ['ID', 'CODE', 'TYPE', 'AVAILABLE', 'EXPIRES', 'THEME', 'NAME']);
    assert.deepEqual(rows, [[room.id, room.meeting_code, 'instant', 'yes', rows[0]?.[4] ?? '', '-', 'CLI room']]);
    assert.match(listed.out, /\n\n1 of 2 rooms\nMore: --start-id \d+$/);
    const next = /--start-id (\d+)/.exec(listed.out)?.[1] ?? '';
    const second = await parley(['rooms', 'list', ...flags, '--page-size', '1', '--start-id', next]);
    assert.deepEqual(tableRows(second.out, ['ID', 'CODE', 'TYPE', 'AVAILABLE', 'EXPIRES', 'THEME', 'NAME']).map((row) => [row[0], row[6]]), [[secondId, 'Second, renamed']]);
    assert.match(second.out, /\nBefore: --start-id \d+\nMore: --start-id \d+$/);

    const all = await parley(['rooms', 'list', ...flags, '--page-size', '1', '--all', '--json']);
    assert.deepEqual((JSON.parse(all.out) as { display_name: string }[]).map((r) => r.display_name), ['CLI room', 'Second, renamed']);

    const deleted = await parley(['rooms', 'delete', room.id, ...flags]);
    assert.equal(deleted.code, 0, deleted.err);
    assert.equal(deleted.out, `Room ${room.id} deleted`);
    const page = JSON.parse((await parley(['rooms', 'list', ...flags, '--json'])).out) as { total_items: number };
    assert.equal(page.total_items, 1);
  });

  test('themes create, list, get, update, rooms, set-default, upload-logo and delete', async () => {
    const created = await parley(['themes', 'create', ...flags, '--name', 'CLI theme', '--color', '#12f64e', '--brand-text', 'Acme', '--short-url', 'cli-acme', '--json']);
    assert.equal(created.code, 0, created.err);
    const theme = JSON.parse(created.out) as { theme_id: string; short_company_url: string };
    assert.equal(theme.short_company_url, 'cli-acme');

    const listed = await parley(['themes', 'list', ...flags]);
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(tableRows(listed.out, ['ID', 'NAME', 'COLOR', 'SHORT URL', 'LOGOS', 'BRAND TEXT']), [[theme.theme_id, 'CLI theme', '#12f64e', 'cli-acme', '-', 'Acme']]);
    assert.match(listed.out, /\n\n1 themes$/);

    const updated = await parley(['themes', 'update', theme.theme_id, ...flags, '--color', '#000', '--remove-short-url']);
    assert.equal(updated.code, 0, updated.err);
    assert.equal(recordOf(updated.out).get('Main color'), '#000');
    assert.equal(recordOf(updated.out).get('Short URL'), '-');

    const room = JSON.parse((await parley(['rooms', 'create', ...flags, '--name', 'Themed', '--theme', theme.theme_id, '--json'])).out) as { id: string };
    const rooms = await parley(['themes', 'rooms', theme.theme_id, ...flags]);
    assert.equal(rooms.code, 0, rooms.err);
    assert.deepEqual(tableRows(rooms.out, ['ID', 'CODE', 'TYPE', 'AVAILABLE', 'EXPIRES', 'THEME', 'NAME']).map((row) => [row[0], row[5], row[6]]), [[room.id, theme.theme_id, 'Themed']]);
    assert.match(rooms.out, new RegExp(`\\n\\n1 of 1 rooms use theme ${theme.theme_id}$`));

    const defaulted = await parley(['themes', 'set-default', theme.theme_id, ...flags]);
    assert.equal(defaulted.code, 0, defaulted.err);
    assert.equal(recordOf(defaulted.out).get('Default theme'), theme.theme_id);

    const logoFile = path.join(work, 'logo.png');
    // 64 px is too big for a favicon: the refusal names the key and the problem.
    fs.writeFileSync(logoFile, logoPng(64, 64));
    const tooBig = await parley(['themes', 'upload-logo', theme.theme_id, 'favicon', 'logo.png', ...flags], { cwd: work });
    assert.equal(tooBig.code, 1);
    assert.match(
      tooBig.err,
      /^400 BadRequestError: could not finalize logos\n {2}- \{"logoKey":"auto-expiring-temp\/logos\/favicon\/[0-9a-f-]{36}","code":"invalid_logo_properties","invalidProperty":"dimensions"\}$/,
    );
    fs.writeFileSync(logoFile, logoPng(32, 32));
    const uploaded = await parley(['themes', 'upload-logo', theme.theme_id, 'favicon', 'logo.png', ...flags], { cwd: work });
    assert.equal(uploaded.code, 0, uploaded.err);
    const faviconUrl = recordOf(uploaded.out).get('Favicon') ?? '';
    assert.match(faviconUrl, new RegExp(`^${server.url}/logos/themes/${theme.theme_id}/favicon/[0-9a-f-]{36}\\.png$`));
    const shown = await parley(['themes', 'get', theme.theme_id, ...flags, '--json']);
    assert.equal((JSON.parse(shown.out) as { branded_favicon_url: string }).branded_favicon_url, faviconUrl);

    const refused = await parley(['themes', 'delete', theme.theme_id, ...flags]);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.err,
      `400 BadRequestError: could not delete theme\n  - Theme ${theme.theme_id} is used by 1 room\n  - Theme ${theme.theme_id} is used as application ${applicationId} default theme`,
    );
    const deleted = await parley(['themes', 'delete', theme.theme_id, '--force', ...flags]);
    assert.equal(deleted.code, 0, deleted.err);
    assert.equal(deleted.out, `Theme ${theme.theme_id} deleted`);
    assert.equal(JSON.parse((await parley(['themes', 'list', ...flags, '--json'])).out).length, 0);
  });

  test('recordings get, list and delete', async () => {
    const room = JSON.parse((await parley(['rooms', 'create', ...flags, '--name', 'Recorded', '--json'])).out) as { id: string };
    const inserted = await insertRecordings(server, room.id);
    const shown = await parley(['recordings', 'get', inserted.uploadedId, ...flags]);
    assert.equal(shown.code, 0, shown.err);
    const record = recordOf(shown.out);
    assert.equal(record.get('Recording'), inserted.uploadedId);
    assert.equal(record.get('Session'), inserted.sessionId);
    assert.equal(record.get('Status'), 'uploaded');
    assert.match(record.get('Download') ?? '', new RegExp(`^${server.url}/recordings/${inserted.uploadedId}/download\\?`));

    const listed = await parley(['recordings', 'list', inserted.sessionId, ...flags]);
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(
      tableRows(listed.out, ['ID', 'STATUS', 'STARTED', 'ENDED', 'DOWNLOAD']).map((row) => [row[0], row[1], row[3] === '-', row[4] === '-']),
      [
        [inserted.uploadedId, 'uploaded', false, false],
        [inserted.startedId, 'started', true, true],
      ],
    );
    const refused = await parley(['recordings', 'delete', inserted.startedId, ...flags]);
    assert.equal(refused.code, 1);
    assert.equal(refused.err, "403 ForbiddenError: Can only delete recordings in 'uploaded' status");
    const deleted = await parley(['recordings', 'delete', inserted.uploadedId, ...flags]);
    assert.equal(deleted.code, 0, deleted.err);
    assert.equal(deleted.out, `Recording ${inserted.uploadedId} deleted`);
    const json = JSON.parse((await parley(['recordings', 'list', inserted.sessionId, ...flags, '--json'])).out) as { id: string }[];
    assert.deepEqual(json.map((r) => r.id), [inserted.startedId]);
  });

  test('recordings start, stop and retry', async () => {
    const room = JSON.parse((await parley(['rooms', 'create', ...flags, '--name', 'Recorded', '--json'])).out) as { id: string };
    const inserted = await insertRecordings(server, room.id);
    const notLive = `409 ConflictError: Room ${room.id} has no meeting in progress: a recording starts once someone has joined`;
    for (const action of ['start', 'stop']) {
      const refused = await parley(['recordings', action, room.id, ...flags]);
      assert.deepEqual([refused.code, refused.err], [1, notLive], action);
    }
    const failedId = randomUUID();
    const at = new Date().toISOString();
    await server.services.recordings.insert({
      ...{ id: failedId, roomId: room.id, sessionId: inserted.sessionId, status: 'failed', startedAt: at, endedAt: at, createdAt: at },
      ...{ filePath: null, byteSize: null, onlyOwner: false, progress: 15, failureReason: 'The disk is full: ENOSPC' },
    });
    const failed = recordOf((await parley(['recordings', 'get', failedId, ...flags])).out);
    assert.deepEqual([failed.get('Status'), failed.get('Failure')], ['failed', 'The disk is full: ENOSPC']);
    const retried = await parley(['recordings', 'retry', failedId, ...flags]);
    assert.equal(retried.code, 0, retried.err);
    assert.deepEqual([recordOf(retried.out).get('Status'), recordOf(retried.out).get('Failure')], ['ended', undefined]);
  });

  test('dial-in-numbers', async () => {
    const table = await parley(['dial-in-numbers', ...flags]);
    assert.equal(table.code, 0, table.err);
    assert.deepEqual(tableRows(table.out, ['NUMBER', 'LOCALE', 'COUNTRY']), [['442381924626', 'en-GB', 'United Kingdom']]);
    const json = await parley(['dial-in-numbers', ...flags, '--json']);
    assert.deepEqual(JSON.parse(json.out), [{ number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' }]);
  });

  test('falls back to the environment, then to the development application file', async () => {
    const env = { PARLEY_URL: server.url, PARLEY_APPLICATION_ID: applicationId, PARLEY_PRIVATE_KEY_FILE: keyFile };
    const fromEnv = await parley(['rooms', 'list', '--json'], { env });
    assert.equal(fromEnv.code, 0, fromEnv.err);
    const total = (JSON.parse(fromEnv.out) as { total_items: number }).total_items;
    assert.ok(total > 0);

    fs.mkdirSync(path.join(work, 'data'), { recursive: true });
    fs.writeFileSync(path.join(work, 'data', 'dev-application.json'), JSON.stringify({ application_id: applicationId, private_key: fs.readFileSync(keyFile, 'utf8') }));
    const fromFile = await parley(['rooms', 'list', '--json'], { cwd: work, env: { PARLEY_URL: server.url } });
    assert.equal(fromFile.code, 0, fromFile.err);
    assert.equal((JSON.parse(fromFile.out) as { total_items: number }).total_items, total);
  });

  test('reports API refusals with exit code 1, usage mistakes with 2, each with a clear message', async () => {
    const refused = await parley(['rooms', 'create', ...flags, '--name', 'x', '--type', 'long_term']);
    assert.deepEqual(refused, { code: 1, out: '', err: '400 InputValidationError: "expires_at" is required' });
    const missing = await parley(['rooms', 'get', '00000000-0000-4000-8000-000000000000', ...flags]);
    assert.deepEqual(missing, { code: 1, out: '', err: '404 NotFoundError: Room 00000000-0000-4000-8000-000000000000 was not found' });

    const usage = async (args: string[], message: RegExp, options: { cwd?: string } = {}) => {
      const result = await parley(args, options);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.err}`);
      assert.equal(result.out, '');
      assert.match(result.err, message);
    };
    // Independent processes: run side by side.
    await Promise.all([
      usage(['rooms', 'fly', ...flags], /^Unknown rooms command "fly"\n\nUsage:\n {2}parley rooms create/),
      usage(['rooms', 'list', '--bogus', ...flags], /Unknown option '--bogus'[\s\S]*See "parley rooms --help"\.$/),
      usage(['rooms', 'get', ...flags], /^parley rooms get needs ROOM_ID$/),
      usage(['rooms', 'get', 'a', 'b', ...flags], /^parley rooms get takes ROOM_ID; unexpected "b"$/),
      usage(['rooms', 'create', '--type', 'forever', '--name', 'x', ...flags], /^--type must be one of instant, long_term, not "forever"$/),
      usage(['rooms', 'list', '--page-size', 'ten', ...flags], /^--page-size must be a whole number, not "ten"$/),
      usage(['rooms', 'update', 'some-room', ...flags], /^parley rooms update needs something to change/),
      usage(['rooms', 'create', '--body', '{nope', ...flags], /^--body is not JSON/),
      usage(['themes', 'create', '--brand-text', 'x', ...flags], /^parley themes create needs --color$/),
      usage(['themes', 'upload-logo', 'theme', 'black', 'logo.png', ...flags], /^The logo type must be one of white, colored, favicon, not "black"$/),
      usage(['themes', 'upload-logo', 'theme', 'white', 'nowhere.png', ...flags], /^Cannot read the logo \S+nowhere\.png: ENOENT/),
      usage(['teleport'], /^Unknown command "teleport"\n\nparley: Parley's Meetings API/),
      usage(['rooms', 'list'], /^No credentials: pass --app-id and --key/, { cwd: os.tmpdir() }),
      usage(['rooms', 'list', '--url', server.url, '--app-id', applicationId, '--key', CLI], /^The application's private key is not a PEM private key \(PKCS#8 or PKCS#1\): .+ \(from \S+cli\.ts\)$/),
    ]);

    const port = await freePort();
    const down = await parley(['rooms', 'list', '--url', `http://127.0.0.1:${port}`, '--app-id', applicationId, '--key', keyFile]);
    assert.deepEqual(down, { code: 1, out: '', err: `GET http://127.0.0.1:${port}/v1/meetings/rooms failed: fetch failed (ECONNREFUSED)` });
  });

  test('--help for every command, on stdout with exit code 0', async () => {
    const expected: Record<string, RegExp> = {
      rooms: /parley rooms update ROOM_ID/,
      themes: /parley themes upload-logo THEME_ID white\|colored\|favicon FILE\.png/,
      recordings: /parley recordings delete RECORDING_ID/,
      'dial-in-numbers': /parley dial-in-numbers/,
      apps: /parley apps credentials APP_ID/,
      accounts: /parley accounts create --name NAME/,
      users: /parley users revoke-jwt USER_ID CREDENTIAL_ID/,
      token: /parley token/,
      webhooks: /parley webhooks redeliver WEBHOOK_ID/,
    };
    await Promise.all(
      Object.entries(expected).map(async ([command, usage]) => {
        const result = await parley([command, '--help']);
        assert.equal(result.code, 0, result.err);
        assert.match(result.out, usage);
        assert.match(result.out, /--json|--key-out|--ttl|--data-dir/);
      }),
    );
    assert.deepEqual(await parley(['help', 'themes']), await parley(['themes', '--help']));
    const top = await parley(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.out, /^parley: Parley's Meetings API from the command line/);
  });
});
