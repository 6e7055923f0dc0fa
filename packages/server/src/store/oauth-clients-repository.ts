import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** An application seen as a RingCentral client app. */
export interface OAuthClient {
  applicationId: string;
  accountId: string;
  clientId: string;
  /** SHA-256 (hex) of the client secret. */
  secretHash: string;
  redirectUris: string[];
}

/** The OAuth client credentials of applications (columns of `applications`). */
export class OAuthClientsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Gives the application new client credentials (replacing any it had); false when it does not exist. */
  async setCredentials(applicationId: string, credentials: { clientId: string; secretHash: string; redirectUris: string[] }): Promise<boolean> {
    const result = await this.db
      .updateTable('applications')
      .set({
        oauth_client_id: credentials.clientId,
        oauth_client_secret_hash: credentials.secretHash,
        oauth_redirect_uris: JSON.stringify(credentials.redirectUris),
      })
      .where('id', '=', applicationId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findByClientId(clientId: string): Promise<OAuthClient | undefined> {
    const row = await this.db
      .selectFrom('applications')
      .select(['id', 'account_id', 'oauth_client_id', 'oauth_client_secret_hash', 'oauth_redirect_uris'])
      .where('oauth_client_id', '=', clientId)
      .executeTakeFirst();
    return row && toClient(row);
  }

  async findByApplication(applicationId: string): Promise<OAuthClient | undefined> {
    const row = await this.db
      .selectFrom('applications')
      .select(['id', 'account_id', 'oauth_client_id', 'oauth_client_secret_hash', 'oauth_redirect_uris'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    return row && toClient(row);
  }
}

function toClient(row: {
  id: string;
  account_id: string;
  oauth_client_id: string | null;
  oauth_client_secret_hash: string | null;
  oauth_redirect_uris: string;
}): OAuthClient | undefined {
  if (row.oauth_client_id === null || row.oauth_client_secret_hash === null) return undefined;
  return {
    applicationId: row.id,
    accountId: row.account_id,
    clientId: row.oauth_client_id,
    secretHash: row.oauth_client_secret_hash,
    redirectUris: JSON.parse(row.oauth_redirect_uris) as string[],
  };
}
