import type { Kysely, Selectable } from 'kysely';
import type { Database, UserJwtCredentialsTable, UserRole, UsersTable } from './schema.js';

export type { UserRole };

/** A user of an account (a RingCentral "extension"). */
export interface User {
  id: string;
  accountId: string;
  name: string;
  email: string;
  extensionNumber: string;
  role: UserRole;
  /** Whether the user can sign in with a password (password grant, consent page). */
  hasPassword: boolean;
  createdAt: string;
}

export interface NewUser extends Omit<User, 'hasPassword'> {
  passwordHash: string | null;
}

export interface UserJwtCredential {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Users and their JWT credentials. Deleted users are kept for the history, but no read returns them. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(user: NewUser): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        account_id: user.accountId,
        name: user.name,
        email: user.email,
        extension_number: user.extensionNumber,
        role: user.role,
        password_hash: user.passwordHash,
        created_at: user.createdAt,
      })
      .execute();
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.existing().selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The user signing in as `email` (any case), with their password hash for checking. */
  async findLogin(email: string): Promise<{ user: User; passwordHash: string | null } | undefined> {
    const row = await this.existing().selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && { user: fromRow(row), passwordHash: row.password_hash };
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.existing().select('id').where('email', '=', email.toLowerCase()).executeTakeFirst()) !== undefined;
  }

  async extensionNumberTaken(accountId: string, extensionNumber: string): Promise<boolean> {
    const row = await this.existing().select('id').where('account_id', '=', accountId).where('extension_number', '=', extensionNumber).executeTakeFirst();
    return row !== undefined;
  }

  /** The account's users, in extension-number order (numbers first as numbers, as a phone system lists them). */
  async listByAccount(accountId: string): Promise<User[]> {
    const rows = await this.existing().selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
    return rows.map(fromRow).sort((a, b) => a.extensionNumber.localeCompare(b.extensionNumber, 'en', { numeric: true }));
  }

  async setPasswordHash(id: string, passwordHash: string | null): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks the user deleted; false when there was no such user (or they were deleted already). */
  async softDelete(id: string, deletedAt: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ deleted_at: deletedAt }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertJwtCredential(credential: Omit<UserJwtCredential, 'revokedAt'>): Promise<void> {
    await this.db
      .insertInto('user_jwt_credentials')
      .values({ id: credential.id, user_id: credential.userId, created_at: credential.createdAt, expires_at: credential.expiresAt })
      .execute();
  }

  async findJwtCredential(id: string): Promise<UserJwtCredential | undefined> {
    const row = await this.db.selectFrom('user_jwt_credentials').selectAll().where('id', '=', id).executeTakeFirst();
    return row && credentialFromRow(row);
  }

  async listJwtCredentials(userId: string): Promise<UserJwtCredential[]> {
    const rows = await this.db.selectFrom('user_jwt_credentials').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    return rows.map(credentialFromRow);
  }

  /** Revokes a credential of the user's; false when it is not theirs or was revoked already. */
  async revokeJwtCredential(userId: string, id: string, revokedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('user_jwt_credentials')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private existing() {
    return this.db.selectFrom('users').where('deleted_at', 'is', null);
  }
}

function fromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    email: row.email,
    extensionNumber: row.extension_number,
    role: row.role,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

function credentialFromRow(row: Selectable<UserJwtCredentialsTable>): UserJwtCredential {
  return { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}
