import type { Kysely, Selectable } from 'kysely';
import type { Database, WebinarsTable } from './schema.js';

export interface WebinarRecord {
  id: string;
  accountId: string;
  applicationId: string;
  hostUserId: string;
  title: string;
  description: string;
  /** JSON, as the webinars domain writes it. */
  settings: string;
  createdAt: string;
  updatedAt: string;
}

export type WebinarChanges = Partial<Pick<WebinarRecord, 'title' | 'description' | 'settings'>> & { updatedAt: string };

/** Webinars, oldest first within a host. */
export class WebinarsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(webinar: WebinarRecord): Promise<void> {
    await this.db.insertInto('webinars').values(rowOf(webinar)).execute();
  }

  async findById(id: string): Promise<WebinarRecord | undefined> {
    const row = await this.db.selectFrom('webinars').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** A page of the host's webinars made at or after `createdFrom`, by creation time. */
  async listByHost(hostUserId: string, createdFrom: string, page: { offset: number; limit: number }): Promise<WebinarRecord[]> {
    const rows = await this.db
      .selectFrom('webinars')
      .selectAll()
      .where('host_user_id', '=', hostUserId)
      .where('created_at', '>=', createdFrom)
      .orderBy('created_at')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return rows.map(fromRow);
  }

  async update(id: string, changes: WebinarChanges): Promise<void> {
    await this.db
      .updateTable('webinars')
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.settings !== undefined ? { settings: changes.settings } : {}),
        updated_at: changes.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('webinars').where('id', '=', id).execute();
  }
}

function rowOf(webinar: WebinarRecord): Selectable<WebinarsTable> {
  return {
    id: webinar.id,
    account_id: webinar.accountId,
    application_id: webinar.applicationId,
    host_user_id: webinar.hostUserId,
    title: webinar.title,
    description: webinar.description,
    settings: webinar.settings,
    created_at: webinar.createdAt,
    updated_at: webinar.updatedAt,
  };
}

function fromRow(row: Selectable<WebinarsTable>): WebinarRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    applicationId: row.application_id,
    hostUserId: row.host_user_id,
    title: row.title,
    description: row.description,
    settings: row.settings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
