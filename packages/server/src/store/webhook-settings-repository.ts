import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { newWebhookSecret } from './webhook-secret.js';

/** An application's webhook receivers by event class; null where it has none. */
export interface WebhookUrls {
  rooms: string | null;
  sessions: string | null;
  recordings: string | null;
}

export interface WebhookSecrets {
  current: string;
  /** The secret before the last rotation, still signing beside the current one until `previousUntil`. */
  previous: string | null;
  previousUntil: string | null;
}

/** Each application's webhook receivers and signing secrets. */
export class WebhookSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async urls(applicationId: string): Promise<WebhookUrls | undefined> {
    const row = await this.db
      .selectFrom('applications')
      .select(['rooms_webhook_url', 'sessions_webhook_url', 'recordings_webhook_url'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    return row && { rooms: row.rooms_webhook_url, sessions: row.sessions_webhook_url, recordings: row.recordings_webhook_url };
  }

  /** Changes the receivers given (null removes one), leaves the others. */
  async setUrls(applicationId: string, changes: Partial<WebhookUrls>): Promise<void> {
    const set: { rooms_webhook_url?: string | null; sessions_webhook_url?: string | null; recordings_webhook_url?: string | null } = {};
    if (changes.rooms !== undefined) set.rooms_webhook_url = changes.rooms;
    if (changes.sessions !== undefined) set.sessions_webhook_url = changes.sessions;
    if (changes.recordings !== undefined) set.recordings_webhook_url = changes.recordings;
    if (Object.keys(set).length > 0) await this.db.updateTable('applications').set(set).where('id', '=', applicationId).execute();
  }

  /** The secrets that sign deliveries now: the previous one only while its grace period runs. */
  async secrets(applicationId: string, now: string): Promise<WebhookSecrets | undefined> {
    const row = await this.db
      .selectFrom('applications')
      .select(['webhook_secret', 'previous_webhook_secret', 'previous_webhook_secret_until'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!row?.webhook_secret) return undefined;
    const inGrace = row.previous_webhook_secret !== null && row.previous_webhook_secret_until !== null && row.previous_webhook_secret_until > now;
    return {
      current: row.webhook_secret,
      previous: inGrace ? row.previous_webhook_secret : null,
      previousUntil: inGrace ? row.previous_webhook_secret_until : null,
    };
  }

  /** A new secret; the one it replaces keeps signing beside it until `previousUntil`, so receivers can switch without refusing deliveries. */
  async rotateSecret(applicationId: string, previousUntil: string): Promise<void> {
    await this.db
      .updateTable('applications')
      .set((eb) => ({ previous_webhook_secret: eb.ref('webhook_secret'), previous_webhook_secret_until: previousUntil, webhook_secret: newWebhookSecret() }))
      .where('id', '=', applicationId)
      .execute();
  }
}
