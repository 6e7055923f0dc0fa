import { randomUUID } from 'node:crypto';
import { isoTimestamp, systemClock, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { ApplicationsRepository, type Account } from '../store/applications-repository.js';
import type { Store } from '../store/database.js';

export const ACCOUNT_NAME_MAX_LENGTH = 100;

/** A new account (a RingCentral company): users and applications are added to it afterwards. */
export async function createAccount(deps: { store: Store; clock?: Clock }, options: { name: string }): Promise<Account> {
  const name = options.name.trim();
  if (name === '' || name.length > ACCOUNT_NAME_MAX_LENGTH) {
    throw ParleyError.validation(`An account needs a name of 1 to ${ACCOUNT_NAME_MAX_LENGTH} characters`);
  }
  const account: Account = { id: randomUUID(), name, createdAt: isoTimestamp((deps.clock ?? systemClock).now()) };
  await new ApplicationsRepository(deps.store.db).insertAccount(account);
  return account;
}
