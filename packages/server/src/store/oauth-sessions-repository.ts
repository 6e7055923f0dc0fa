import type { Kysely, Selectable } from 'kysely';
import type { Database, OAuthSessionsTable } from './schema.js';

export interface OAuthSessionRecord {
  id: string;
  applicationId: string;
  userId: string;
  scope: string;
  endpointId: string;
  publicClient: boolean;
  accessTokenDigest: string;
  accessExpiresAt: string;
  refreshTokenDigest: string;
  refreshExpiresAt: string;
  createdAt: string;
  revokedAt: string | null;
}

export type TokenPair = Pick<OAuthSessionRecord, 'accessTokenDigest' | 'accessExpiresAt' | 'refreshTokenDigest' | 'refreshExpiresAt'>;

/** OAuth sessions and their current token pair. */
export class OAuthSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: Omit<OAuthSessionRecord, 'revokedAt'>): Promise<void> {
    await this.db
      .insertInto('oauth_sessions')
      .values({
        id: session.id,
        application_id: session.applicationId,
        user_id: session.userId,
        scope: session.scope,
        endpoint_id: session.endpointId,
        public_client: session.publicClient ? 1 : 0,
        access_token_digest: session.accessTokenDigest,
        access_expires_at: session.accessExpiresAt,
        refresh_token_digest: session.refreshTokenDigest,
        refresh_expires_at: session.refreshExpiresAt,
        created_at: session.createdAt,
      })
      .execute();
  }

  async findByAccessToken(digest: string): Promise<OAuthSessionRecord | undefined> {
    const row = await this.db.selectFrom('oauth_sessions').selectAll().where('access_token_digest', '=', digest).executeTakeFirst();
    return row && fromRow(row);
  }

  async findByRefreshToken(digest: string): Promise<OAuthSessionRecord | undefined> {
    const row = await this.db.selectFrom('oauth_sessions').selectAll().where('refresh_token_digest', '=', digest).executeTakeFirst();
    return row && fromRow(row);
  }

  /**
   * Replaces the session's token pair, only if its refresh token is still `previousRefreshDigest` and it
   * is not revoked: of two refreshes with the same token, one wins. False for the loser.
   */
  async rotate(id: string, previousRefreshDigest: string, pair: TokenPair): Promise<boolean> {
    const result = await this.db
      .updateTable('oauth_sessions')
      .set({
        access_token_digest: pair.accessTokenDigest,
        access_expires_at: pair.accessExpiresAt,
        refresh_token_digest: pair.refreshTokenDigest,
        refresh_expires_at: pair.refreshExpiresAt,
      })
      .where('id', '=', id)
      .where('refresh_token_digest', '=', previousRefreshDigest)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revoke(id: string, revokedAt: string): Promise<void> {
    await this.db.updateTable('oauth_sessions').set({ revoked_at: revokedAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}

function fromRow(row: Selectable<OAuthSessionsTable>): OAuthSessionRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    userId: row.user_id,
    scope: row.scope,
    endpointId: row.endpoint_id,
    publicClient: row.public_client === 1,
    accessTokenDigest: row.access_token_digest,
    accessExpiresAt: row.access_expires_at,
    refreshTokenDigest: row.refresh_token_digest,
    refreshExpiresAt: row.refresh_expires_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
