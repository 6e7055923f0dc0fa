import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-io.js';
import { positionals, printer } from './command-line.js';
import { DATA_DIR_HELP, withServerDatabase, type ClientCredentials } from './server-database.js';
import { formatRecord, formatTable } from './table.js';

export const APPS_HELP = `Usage:
  parley apps create [--account ID] [--name NAME] [--redirect-uri URI]... [--key-out FILE] [--json]
  parley apps list --account ID [--json]
  parley apps credentials APP_ID [--redirect-uri URI]... [--json]

"create" registers an application and prints its id and private key (Vonage-style API tokens), or
writes the key to FILE (readable by you only), and its RingCentral client credentials (client id and
secret, for the OAuth token endpoint). Without --account a new account, named after the application,
is made. --redirect-uri (repeatable) registers where the authorization-code flow may send codes.

"credentials" gives an application new client credentials: the old client id and secret stop working.

  ${DATA_DIR_HELP}`;

/** `parley apps create|list|credentials`: applications in a server's database. */
export async function appsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      account: { type: 'string' },
      name: { type: 'string', default: 'Parley application' },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      'key-out': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(APPS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'create': {
      positionals('parley apps create', rest, []);
      const created = await withServerDatabase('parley apps create', io, values['data-dir'], (server, services) =>
        server.createApplication(services, {
          name: values.name,
          redirectUris: values['redirect-uri'],
          ...(values.account !== undefined ? { accountId: values.account } : {}),
        }),
      );
      const { application, privateKeyPem, clientCredentials } = created;
      const keyOut = values['key-out'] !== undefined ? path.resolve(io.cwd, values['key-out']) : undefined;
      // Written owner-only: whoever holds this key can act as the application.
      if (keyOut) fs.writeFileSync(keyOut, privateKeyPem, { mode: 0o600 });
      const json = {
        application_id: application.id,
        account_id: application.accountId,
        ...(keyOut ? { private_key_file: keyOut } : { private_key: privateKeyPem }),
        ...credentialsJson(clientCredentials),
      };
      const text = [
        formatRecord([['Application', application.id], ['Account', application.accountId], ['Name', application.name], ...credentialsRecord(clientCredentials)]),
        keyOut ? `Private key written to ${keyOut}` : `\n${privateKeyPem}`,
      ].join('\n');
      print(json, text);
      return 0;
    }
    case 'list': {
      positionals('parley apps list', rest, []);
      if (values.account === undefined) throw new UsageError('parley apps list needs --account ID');
      const account = values.account;
      const applications = await withServerDatabase('parley apps list', io, values['data-dir'], (_server, services) => services.applications.listApplications(account));
      print(
        applications.map((a) => ({ application_id: a.id, account_id: a.accountId, name: a.name })),
        applications.length === 0 ? 'No applications' : formatTable(['ID', 'NAME'], applications.map((a) => [a.id, a.name])),
      );
      return 0;
    }
    case 'credentials': {
      const [applicationId] = positionals('parley apps credentials', rest, ['APP_ID']);
      const credentials = await withServerDatabase('parley apps credentials', io, values['data-dir'], (server, services) =>
        server.issueClientCredentials(services, applicationId, values['redirect-uri']),
      );
      print({ application_id: applicationId, ...credentialsJson(credentials) }, formatRecord([['Application', applicationId], ...credentialsRecord(credentials)]));
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? APPS_HELP : `Unknown apps command "${action}"\n\n${APPS_HELP}`);
  }
}

function credentialsJson(credentials: ClientCredentials): Record<string, unknown> {
  return { client_id: credentials.clientId, client_secret: credentials.clientSecret, redirect_uris: credentials.redirectUris };
}

function credentialsRecord(credentials: ClientCredentials): [string, string][] {
  return [
    ['Client ID', credentials.clientId],
    ['Client secret', credentials.clientSecret],
    ['Redirect URIs', credentials.redirectUris.length > 0 ? credentials.redirectUris.join(' ') : 'none'],
  ];
}
