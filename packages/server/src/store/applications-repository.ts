import type { Kysely, Selectable } from 'kysely';
import { alwaysChanged, type ChangeStamp } from './change-tracking.js';
import { ReadCache } from './read-cache.js';
import type { ApplicationsTable, Database } from './schema.js';
import { newWebhookSecret } from './webhook-secret.js';

export interface Account {
  id: string;
  name: string;
  createdAt: string;
}

export interface Application {
  id: string;
  accountId: string;
  name: string;
  publicKey: string;
  defaultThemeId: string | null;
  createdAt: string;
}

/** Accounts and their applications: who may call the APIs, and with which key. */
export class ApplicationsRepository {
  /** Every API call reads its application: kept until the next write (not inside transactions, which pass no `changes`). */
  private readonly cache: ReadCache<Application>;

  constructor(
    private readonly db: Kysely<Database>,
    changes?: ChangeStamp,
  ) {
    this.cache = new ReadCache(changes ?? alwaysChanged());
  }

  async insertAccount(account: Account): Promise<void> {
    await this.db.insertInto('accounts').values({ id: account.id, name: account.name, created_at: account.createdAt }).execute();
  }

  async findAccount(id: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async listAccounts(): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  /** The account's applications, oldest first. */
  async listApplications(accountId: string): Promise<Application[]> {
    const rows = await this.db.selectFrom('applications').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
    return rows.map(applicationFromRow);
  }

  async insertApplication(application: Application): Promise<void> {
    await this.db
      .insertInto('applications')
      .values({
        id: application.id,
        account_id: application.accountId,
        name: application.name,
        public_key: application.publicKey,
        default_theme_id: application.defaultThemeId,
        created_at: application.createdAt,
        // Every application can verify webhooks from the start; the API shows and rotates the secret.
        webhook_secret: newWebhookSecret(),
      })
      .execute();
  }

  /**
   * Sets (or, with null, clears) the application's default theme. The theme must be one of the
   * application's own, checked in the same statement so a theme deleted meanwhile cannot become the
   * default; false when it is not (or the application does not exist).
   */
  async setDefaultTheme(applicationId: string, themeId: string | null): Promise<boolean> {
    let update = this.db.updateTable('applications').set({ default_theme_id: themeId }).where('id', '=', applicationId);
    if (themeId !== null) {
      update = update.where((eb) =>
        eb.exists(eb.selectFrom('themes').select('themes.id').where('themes.id', '=', themeId).where('themes.application_id', '=', applicationId)),
      );
    }
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  findApplication(id: string): Promise<Application | undefined> {
    return this.cache.get(id, () => this.readApplication(id));
  }

  private async readApplication(id: string): Promise<Application | undefined> {
    const row = await this.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return row && applicationFromRow(row);
  }
}

function applicationFromRow(row: Selectable<ApplicationsTable>): Application {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    publicKey: row.public_key,
    defaultThemeId: row.default_theme_id,
    createdAt: row.created_at,
  };
}
