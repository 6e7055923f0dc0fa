import { randomUUID } from 'node:crypto';
import { isoTimestamp, systemClock, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { hashRoomPassword, ROOM_PASSWORD_MAX_LENGTH, verifyRoomPassword } from '../rooms/room-password.js';
import { ApplicationsRepository } from '../store/applications-repository.js';
import type { Store } from '../store/database.js';
import { UsersRepository, type User, type UserRole } from '../store/users-repository.js';

export interface CreateUserOptions {
  accountId: string;
  name: string;
  email: string;
  /** Digits; the account's next free number from 101 when absent. */
  extensionNumber?: string;
  role?: UserRole;
  /** Lets the user sign in with a password (password grant, consent page); JWT credentials work without. */
  password?: string;
}

export const USER_NAME_MAX_LENGTH = 100;
export const USER_PASSWORD_MIN_LENGTH = 8;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
const EXTENSION_NUMBER = /^\d{1,8}$/;
const FIRST_EXTENSION_NUMBER = 101;

/**
 * An account's users (RingCentral extensions), as the CLI manages them: each has a unique email (their
 * login), an extension number unique in the account, a role (`admin` is RingCentral's Super Admin) and
 * optionally a password.
 */
export class UserService {
  private readonly users: UsersRepository;
  private readonly clock: Clock;

  constructor(private readonly deps: { store: Store; clock?: Clock }) {
    this.users = new UsersRepository(deps.store.db);
    this.clock = deps.clock ?? systemClock;
  }

  async create(options: CreateUserOptions): Promise<User> {
    const name = options.name.trim();
    if (name === '' || name.length > USER_NAME_MAX_LENGTH) throw ParleyError.validation(`A user needs a name of 1 to ${USER_NAME_MAX_LENGTH} characters`);
    const email = options.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw ParleyError.validation(`"${options.email}" is not an email address`);
    if (options.extensionNumber !== undefined && !EXTENSION_NUMBER.test(options.extensionNumber)) {
      throw ParleyError.validation('An extension number is 1 to 8 digits');
    }
    if (!(await new ApplicationsRepository(this.deps.store.db).findAccount(options.accountId))) {
      throw ParleyError.notFound(`Account ${options.accountId} was not found`);
    }
    if (await this.users.emailTaken(email)) throw ParleyError.conflict(`A user with the email ${email} exists already`);
    const extensionNumber = options.extensionNumber ?? (await this.nextExtensionNumber(options.accountId));
    if (await this.users.extensionNumberTaken(options.accountId, extensionNumber)) {
      throw ParleyError.conflict(`Extension number ${extensionNumber} is taken in this account`);
    }
    const user = {
      id: randomUUID(),
      accountId: options.accountId,
      name,
      email,
      extensionNumber,
      role: options.role ?? 'user',
      createdAt: isoTimestamp(this.clock.now()),
    } satisfies Omit<User, 'hasPassword'>;
    const passwordHash = options.password === undefined ? null : await hashUserPassword(options.password);
    await this.users.insert({ ...user, passwordHash });
    return { ...user, hasPassword: passwordHash !== null };
  }

  list(accountId: string): Promise<User[]> {
    return this.users.listByAccount(accountId);
  }

  async get(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw ParleyError.notFound(`User ${userId} was not found`);
    return user;
  }

  /** Sets the user's password, or with null takes it away (they can then sign in with JWT credentials only). */
  async setPassword(userId: string, password: string | null): Promise<void> {
    const passwordHash = password === null ? null : await hashUserPassword(password);
    if (!(await this.users.setPasswordHash(userId, passwordHash))) throw ParleyError.notFound(`User ${userId} was not found`);
  }

  /** Deletes the user: they can no longer sign in, and the tokens they hold stop working. */
  async delete(userId: string): Promise<void> {
    if (!(await this.users.softDelete(userId, isoTimestamp(this.clock.now())))) throw ParleyError.notFound(`User ${userId} was not found`);
  }

  /** The user whose email and password these are; undefined for any mismatch (which one is not said). */
  async verifyLogin(email: string, password: string): Promise<User | undefined> {
    const login = await this.users.findLogin(email.trim());
    if (!login?.passwordHash) return undefined;
    return (await verifyRoomPassword(password, login.passwordHash)) ? login.user : undefined;
  }

  private async nextExtensionNumber(accountId: string): Promise<string> {
    const numbers = (await this.users.listByAccount(accountId)).map((user) => Number(user.extensionNumber));
    return String(Math.max(FIRST_EXTENSION_NUMBER - 1, ...numbers) + 1);
  }
}

/** User passwords are hashed like room passwords (scrypt), with a length floor of their own. */
async function hashUserPassword(password: string): Promise<string> {
  const length = [...password].length;
  if (length < USER_PASSWORD_MIN_LENGTH || length > ROOM_PASSWORD_MAX_LENGTH) {
    throw ParleyError.validation(`A user password needs ${USER_PASSWORD_MIN_LENGTH} to ${ROOM_PASSWORD_MAX_LENGTH} characters`);
  }
  return hashRoomPassword(password);
}
