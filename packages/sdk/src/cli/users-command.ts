import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-io.js';
import { integerFlag, positionals, printer } from './command-line.js';
import { DATA_DIR_HELP, withServerDatabase, type ServerJwtCredential, type ServerUser } from './server-database.js';
import { formatRecord, formatTable } from './table.js';

export const USERS_HELP = `Usage:
  parley users create --account ID --name NAME --email EMAIL [--extension-number N] [--admin]
                      [--password-file FILE] [--json]
  parley users list --account ID [--json]
  parley users get USER_ID [--json]
  parley users set-password USER_ID (--password-file FILE | --no-password)
  parley users delete USER_ID                  the user and their bridges (their meetings stay in the history)
  parley users jwt USER_ID [--expires-in-days N] [--json]
  parley users jwts USER_ID [--json]
  parley users revoke-jwt USER_ID CREDENTIAL_ID

Users are an account's people (RingCentral "extensions"): they own bridges and sign in to client
apps. --admin makes them the account's Super Admin (every bridge of the account, its history).
A password (read from the first line of FILE, so it stays out of the process list) lets them sign in
with the password grant and on the consent page; "jwt" prints a new JWT credential for the JWT
bearer grant, the login the official SDKs recommend.

  ${DATA_DIR_HELP}`;

/** `parley users …`: the users of accounts in a server's database, and their JWT credentials. */
export async function usersCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      account: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'extension-number': { type: 'string' },
      admin: { type: 'boolean', default: false },
      'password-file': { type: 'string' },
      'no-password': { type: 'boolean', default: false },
      'expires-in-days': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(USERS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  const database = <T>(work: Parameters<typeof withServerDatabase<T>>[3]) => withServerDatabase(`parley users ${action ?? ''}`, io, values['data-dir'], work);
  switch (action) {
    case 'create': {
      positionals('parley users create', rest, []);
      const { account, name, email } = values;
      if (account === undefined || name === undefined || email === undefined) throw new UsageError('parley users create needs --account, --name and --email');
      const password = values['password-file'] !== undefined ? readPassword(io, values['password-file']) : undefined;
      const user = await database((server, services) =>
        new server.UserService(services).create({
          accountId: account,
          name,
          email,
          role: values.admin ? 'admin' : 'user',
          ...(values['extension-number'] !== undefined ? { extensionNumber: values['extension-number'] } : {}),
          ...(password !== undefined ? { password } : {}),
        }),
      );
      print(userJson(user), describeUser(user));
      return 0;
    }
    case 'list': {
      positionals('parley users list', rest, []);
      const account = values.account;
      if (account === undefined) throw new UsageError('parley users list needs --account ID');
      const users = await database((server, services) => new server.UserService(services).list(account));
      print(
        users.map(userJson),
        users.length === 0 ? 'No users' : formatTable(['ID', 'EXT', 'NAME', 'EMAIL', 'ROLE'], users.map((u) => [u.id, u.extensionNumber, u.name, u.email, u.role])),
      );
      return 0;
    }
    case 'get': {
      const [userId] = positionals('parley users get', rest, ['USER_ID']);
      const user = await database((server, services) => new server.UserService(services).get(userId));
      print(userJson(user), describeUser(user));
      return 0;
    }
    case 'set-password': {
      const [userId] = positionals('parley users set-password', rest, ['USER_ID']);
      if ((values['password-file'] === undefined) === !values['no-password']) throw new UsageError('parley users set-password needs either --password-file FILE or --no-password');
      const password = values['password-file'] !== undefined ? readPassword(io, values['password-file']) : null;
      await database((server, services) => new server.UserService(services).setPassword(userId, password));
      io.out(password === null ? `User ${userId} can no longer sign in with a password` : `Password of user ${userId} set`);
      return 0;
    }
    case 'delete': {
      const [userId] = positionals('parley users delete', rest, ['USER_ID']);
      await database((server, services) => server.deleteUser(services, userId));
      io.out(`User ${userId} deleted, with their bridges`);
      return 0;
    }
    case 'jwt': {
      const [userId] = positionals('parley users jwt', rest, ['USER_ID']);
      const days = integerFlag('expires-in-days', values['expires-in-days']);
      if (days === 0) throw new UsageError('--expires-in-days must be at least 1');
      const lifetime = days === undefined ? undefined : days * 24 * 60 * 60;
      const { credential, jwt } = await database((_server, services) => services.userJwtCredentials.issue(userId, lifetime));
      print({ ...credentialJson(credential), jwt }, jwt);
      return 0;
    }
    case 'jwts': {
      const [userId] = positionals('parley users jwts', rest, ['USER_ID']);
      const credentials = await database((_server, services) => services.userJwtCredentials.list(userId));
      print(
        credentials.map(credentialJson),
        credentials.length === 0
          ? 'No JWT credentials'
          : formatTable(['ID', 'CREATED', 'EXPIRES', 'REVOKED'], credentials.map((c) => [c.id, c.createdAt, c.expiresAt ?? 'never', c.revokedAt ?? 'no'])),
      );
      return 0;
    }
    case 'revoke-jwt': {
      const [userId, credentialId] = positionals('parley users revoke-jwt', rest, ['USER_ID', 'CREDENTIAL_ID']);
      await database((_server, services) => services.userJwtCredentials.revoke(userId, credentialId));
      io.out(`JWT credential ${credentialId} revoked`);
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? USERS_HELP : `Unknown users command "${action}"\n\n${USERS_HELP}`);
  }
}

/** The first line of the file, as typed. */
function readPassword(io: CliIo, file: string): string {
  const resolved = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the password file ${resolved}: ${(error as Error).message}`);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function userJson(user: ServerUser): Record<string, unknown> {
  return {
    id: user.id,
    account_id: user.accountId,
    name: user.name,
    email: user.email,
    extension_number: user.extensionNumber,
    role: user.role,
    has_password: user.hasPassword,
    created_at: user.createdAt,
  };
}

function describeUser(user: ServerUser): string {
  return formatRecord([
    ['User', user.id],
    ['Account', user.accountId],
    ['Name', user.name],
    ['Email', user.email],
    ['Extension', user.extensionNumber],
    ['Role', user.role],
    ['Password', user.hasPassword ? 'set' : 'none'],
  ]);
}

function credentialJson(credential: ServerJwtCredential): Record<string, unknown> {
  return { id: credential.id, user_id: credential.userId, created_at: credential.createdAt, expires_at: credential.expiresAt, revoked_at: credential.revokedAt };
}
