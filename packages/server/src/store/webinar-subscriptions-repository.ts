import type { Kysely, Selectable } from 'kysely';
import type { Database, WebinarSubscriptionsTable } from './schema.js';

export interface SubscriptionRecord {
  id: string;
  accountId: string;
  applicationId: string;
  userId: string;
  eventFilters: string[];
  address: string;
  verificationToken: string | null;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Webinar notification subscriptions, each its user's through one client app. */
export class WebinarSubscriptionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(subscription: SubscriptionRecord): Promise<void> {
    await this.db
      .insertInto('webinar_subscriptions')
      .values({
        id: subscription.id,
        account_id: subscription.accountId,
        application_id: subscription.applicationId,
        user_id: subscription.userId,
        event_filters: JSON.stringify(subscription.eventFilters),
        address: subscription.address,
        verification_token: subscription.verificationToken,
        expires_at: subscription.expiresAt,
        created_at: subscription.createdAt,
        updated_at: subscription.updatedAt,
      })
      .execute();
  }

  /** The user's subscription through the application; another's does not exist for them. */
  async find(owner: { userId: string; applicationId: string }, id: string): Promise<SubscriptionRecord | undefined> {
    const row = await this.db
      .selectFrom('webinar_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', owner.userId)
      .where('application_id', '=', owner.applicationId)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async list(owner: { userId: string; applicationId: string }): Promise<SubscriptionRecord[]> {
    const rows = await this.db
      .selectFrom('webinar_subscriptions')
      .selectAll()
      .where('user_id', '=', owner.userId)
      .where('application_id', '=', owner.applicationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(fromRow);
  }

  async update(id: string, changes: { eventFilters?: string[]; expiresAt: string; updatedAt: string }): Promise<void> {
    await this.db
      .updateTable('webinar_subscriptions')
      .set({ ...(changes.eventFilters ? { event_filters: JSON.stringify(changes.eventFilters) } : {}), expires_at: changes.expiresAt, updated_at: changes.updatedAt })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes the subscription and the deliveries of it still waiting: nothing more goes to its address. */
  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).where('status', '=', 'pending').execute();
      await tx.deleteFrom('webinar_subscriptions').where('id', '=', id).execute();
    });
  }
}

function fromRow(row: Selectable<WebinarSubscriptionsTable>): SubscriptionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    applicationId: row.application_id,
    userId: row.user_id,
    eventFilters: JSON.parse(row.event_filters) as string[],
    address: row.address,
    verificationToken: row.verification_token,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
