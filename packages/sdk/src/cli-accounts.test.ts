import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { startParleyServer, type RunningServer } from './test-support/parley-server.js';
import { parley, type CliRun } from './test-support/run-cli.js';

/** The JSON a command printed, after checking it succeeded. */
function printed<T>(run: CliRun): T {
  assert.equal(run.code, 0, run.err);
  return JSON.parse(run.out) as T;
}

interface PrintedUser {
  id: string;
  account_id: string;
  name: string;
  email: string;
  extension_number: string;
  role: string;
  has_password: boolean;
}

describe('parley accounts, users and apps: the RingCentral side of a server database', () => {
  let server: RunningServer;
  let work: string;
  let db: string[];
  let passwordFile: string;
  before(async () => {
    server = await startParleyServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-accounts-'));
    db = ['--data-dir', server.dataDir];
    passwordFile = path.join(work, 'password');
    fs.writeFileSync(passwordFile, 'correct horse battery\nsecond line is ignored\n');
  });
  after(async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('accounts create, get and list', async () => {
    const account = printed<{ id: string; name: string }>(await parley(['accounts', 'create', '--name', ' Acme Corp ', '--json', ...db]));
    assert.equal(account.name, 'Acme Corp');
    assert.deepEqual(printed<{ id: string }>(await parley(['accounts', 'get', account.id, '--json', ...db])).id, account.id);
    const listed = await parley(['accounts', 'list', ...db]);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, new RegExp(`^ID\\s+NAME\\s+CREATED\\n(.*\\n)*${account.id}\\s+Acme Corp\\s+\\S+`, 'm'));
  });

  test('users: extension numbers from 101, admins, passwords, deletion', async () => {
    const account = printed<{ id: string }>(await parley(['accounts', 'create', '--name', 'Users Inc', '--json', ...db]));
    const owner = printed<PrintedUser>(
      await parley(['users', 'create', '--account', account.id, '--name', 'Ada Admin', '--email', 'Ada@Example.com', '--admin', '--password-file', passwordFile, '--json', ...db]),
    );
    const { id: _id, created_at: _created, ...ownerFields } = owner as PrintedUser & { created_at: string };
    assert.deepEqual(ownerFields, { account_id: account.id, name: 'Ada Admin', email: 'ada@example.com', extension_number: '101', role: 'admin', has_password: true });
    const second = printed<PrintedUser>(await parley(['users', 'create', '--account', account.id, '--name', 'Bo', '--email', 'bo@example.com', '--json', ...db]));
    assert.deepEqual([second.extension_number, second.role, second.has_password], ['102', 'user', false]);
    const chosen = printed<PrintedUser>(await parley(['users', 'create', '--account', account.id, '--name', 'Cy', '--email', 'cy@example.com', '--extension-number', '7', '--json', ...db]));
    assert.equal(chosen.extension_number, '7');

    const table = await parley(['users', 'list', '--account', account.id, ...db]);
    assert.equal(table.code, 0, table.err);
    assert.deepEqual(
      table.out.split('\n').slice(1).map((line) => line.split(/\s{2,}/).slice(1)),
      [['7', 'Cy', 'cy@example.com', 'user'], ['101', 'Ada Admin', 'ada@example.com', 'admin'], ['102', 'Bo', 'bo@example.com', 'user']],
    );

    assert.equal((await parley(['users', 'set-password', second.id, '--password-file', passwordFile, ...db])).code, 0);
    assert.equal(printed<PrintedUser>(await parley(['users', 'get', second.id, '--json', ...db])).has_password, true);
    assert.equal((await parley(['users', 'set-password', second.id, '--no-password', ...db])).code, 0);
    assert.equal(printed<PrintedUser>(await parley(['users', 'get', second.id, '--json', ...db])).has_password, false);

    assert.equal((await parley(['users', 'delete', chosen.id, ...db])).code, 0);
    assert.deepEqual(printed<PrintedUser[]>(await parley(['users', 'list', '--account', account.id, '--json', ...db])).map((u) => u.name), ['Ada Admin', 'Bo']);
    // A deleted user's email and extension number are free again.
    assert.equal(printed<PrintedUser>(await parley(['users', 'create', '--account', account.id, '--name', 'Cy again', '--email', 'CY@example.com', '--extension-number', '7', '--json', ...db])).extension_number, '7');
  });

  test('users: refusals change nothing and say why', async () => {
    const account = printed<{ id: string }>(await parley(['accounts', 'create', '--name', 'Strict', '--json', ...db]));
    printed(await parley(['users', 'create', '--account', account.id, '--name', 'Taken', '--email', 'taken@example.com', '--json', ...db]));
    const shortPassword = path.join(work, 'short');
    fs.writeFileSync(shortPassword, 'short');
    const before = await server.services.store.db.selectFrom('users').selectAll().execute();
    const refusals: [string[], number, RegExp][] = [
      [['users', 'create', '--account', account.id, '--name', 'Dup', '--email', 'TAKEN@example.com'], 1, /^A user with the email taken@example.com exists already$/],
      [['users', 'create', '--account', account.id, '--name', 'Dup', '--email', 'new@example.com', '--extension-number', '101'], 1, /^Extension number 101 is taken in this account$/],
      [['users', 'create', '--account', 'no-such-account', '--name', 'X', '--email', 'x@example.com'], 1, /^Account no-such-account was not found$/],
      [['users', 'create', '--account', account.id, '--name', 'X', '--email', 'not-an-email'], 1, /^"not-an-email" is not an email address$/],
      [['users', 'create', '--account', account.id, '--name', 'X', '--email', 'x@example.com', '--extension-number', '12a'], 1, /^An extension number is 1 to 8 digits$/],
      [['users', 'create', '--account', account.id, '--name', 'X', '--email', 'x@example.com', '--password-file', shortPassword], 1, /^A user password needs 8 to 128 characters$/],
      [['users', 'create', '--account', account.id, '--name', 'X'], 2, /^parley users create needs --account, --name and --email$/],
      [['users', 'set-password', 'someone'], 2, /needs either --password-file FILE or --no-password/],
      [['users', 'delete', 'nobody'], 1, /^User nobody was not found$/],
      [['users', 'jwt', 'nobody'], 1, /^User nobody was not found$/],
      [['users', 'teleport'], 2, /^Unknown users command "teleport"/],
    ];
    // One at a time: each is a process of its own, and the machine may be busy.
    for (const [args, code, message] of refusals) {
      const run = await parley([...args, ...db]);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.err}`);
      assert.match(run.err, message);
    }
    assert.deepEqual(await server.services.store.db.selectFrom('users').selectAll().execute(), before);
  });

  test('users jwt prints a credential naming the user; jwts lists it; revoke-jwt revokes it', async () => {
    const account = printed<{ id: string }>(await parley(['accounts', 'create', '--name', 'JWT Co', '--json', ...db]));
    const user = printed<PrintedUser>(await parley(['users', 'create', '--account', account.id, '--name', 'Jay', '--email', 'jay@example.com', '--json', ...db]));
    const plain = await parley(['users', 'jwt', user.id, '--expires-in-days', '30', ...db]);
    assert.equal(plain.code, 0, plain.err);
    const claims = decodeJwt(plain.out);
    assert.equal(claims.sub, user.id);
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 30 * 24 * 3600);
    const credentials = printed<{ id: string; revoked_at: string | null }[]>(await parley(['users', 'jwts', user.id, '--json', ...db]));
    assert.deepEqual(credentials.map((c) => [c.id, c.revoked_at]), [[claims.jti, null]]);
    assert.equal((await server.services.userJwtCredentials.verify(plain.out) as { userId: string }).userId, user.id);

    assert.equal((await parley(['users', 'revoke-jwt', user.id, String(claims.jti), ...db])).code, 0);
    assert.deepEqual(await server.services.userJwtCredentials.verify(plain.out), { refused: 'The JWT credential has been revoked' });
    const again = await parley(['users', 'revoke-jwt', user.id, String(claims.jti), ...db]);
    assert.equal(again.code, 1);
  });

  test('apps create in an account, with client credentials; apps credentials replaces them', async () => {
    const account = printed<{ id: string }>(await parley(['accounts', 'create', '--name', 'Apps Co', '--json', ...db]));
    const created = printed<{ application_id: string; account_id: string; client_id: string; client_secret: string; redirect_uris: string[] }>(
      await parley(['apps', 'create', '--account', account.id, '--name', 'Video app', '--redirect-uri', 'https://app.example/callback', '--key-out', path.join(work, 'app.key'), '--json', ...db]),
    );
    assert.equal(created.account_id, account.id);
    assert.match(created.client_id, /^[A-Za-z0-9]{22}$/);
    assert.match(created.client_secret, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(created.redirect_uris, ['https://app.example/callback']);
    const client = await server.services.oauthClients.findByClientId(created.client_id);
    assert.equal(client?.applicationId, created.application_id);

    const listed = printed<{ application_id: string }[]>(await parley(['apps', 'list', '--account', account.id, '--json', ...db]));
    assert.deepEqual(listed.map((a) => a.application_id), [created.application_id]);

    const rotated = printed<{ client_id: string; redirect_uris: string[] }>(await parley(['apps', 'credentials', created.application_id, '--json', ...db]));
    assert.notEqual(rotated.client_id, created.client_id);
    assert.deepEqual(rotated.redirect_uris, []);
    assert.equal(await server.services.oauthClients.findByClientId(created.client_id), undefined);

    const badUri = await parley(['apps', 'create', '--account', account.id, '--redirect-uri', 'ftp://nope', ...db]);
    assert.deepEqual([badUri.code, badUri.err], [1, 'Redirect URI "ftp://nope" must be http or https']);
    const unknown = await parley(['apps', 'create', '--account', 'missing', ...db]);
    assert.deepEqual([unknown.code, unknown.err], [1, 'Account missing was not found']);
    assert.deepEqual(printed<unknown[]>(await parley(['apps', 'list', '--account', account.id, '--json', ...db])).length, 1);
  });
});
