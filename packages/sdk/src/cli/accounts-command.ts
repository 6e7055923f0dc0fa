import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-io.js';
import { positionals, printer } from './command-line.js';
import { DATA_DIR_HELP, withServerDatabase, type ServerAccount } from './server-database.js';
import { formatRecord, formatTable } from './table.js';

export const ACCOUNTS_HELP = `Usage:
  parley accounts create --name NAME [--json]
  parley accounts list [--json]
  parley accounts get ACCOUNT_ID [--json]

An account is a company (a RingCentral account): it has users ("parley users") and applications
("parley apps create --account ID"), and its bridges and meeting history are shared by them.

  ${DATA_DIR_HELP}`;

/** `parley accounts create|list|get`: accounts in a server's database. */
export async function accountsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(ACCOUNTS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'create': {
      positionals('parley accounts create', rest, []);
      const name = values.name;
      if (name === undefined) throw new UsageError('parley accounts create needs --name NAME');
      const account = await withServerDatabase('parley accounts create', io, values['data-dir'], (server, services) => server.createAccount(services, { name }));
      print(accountJson(account), describeAccount(account));
      return 0;
    }
    case 'list': {
      positionals('parley accounts list', rest, []);
      const accounts = await withServerDatabase('parley accounts list', io, values['data-dir'], (_server, services) => services.applications.listAccounts());
      print(accounts.map(accountJson), accounts.length === 0 ? 'No accounts' : formatTable(['ID', 'NAME', 'CREATED'], accounts.map((a) => [a.id, a.name, a.createdAt])));
      return 0;
    }
    case 'get': {
      const [accountId] = positionals('parley accounts get', rest, ['ACCOUNT_ID']);
      const account = await withServerDatabase('parley accounts get', io, values['data-dir'], (_server, services) => services.applications.findAccount(accountId));
      if (!account) throw new Error(`Account ${accountId} was not found`);
      print(accountJson(account), describeAccount(account));
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? ACCOUNTS_HELP : `Unknown accounts command "${action}"\n\n${ACCOUNTS_HELP}`);
  }
}

function accountJson(account: ServerAccount): Record<string, string> {
  return { id: account.id, name: account.name, created_at: account.createdAt };
}

function describeAccount(account: ServerAccount): string {
  return formatRecord([['Account', account.id], ['Name', account.name], ['Created', account.createdAt]]);
}
