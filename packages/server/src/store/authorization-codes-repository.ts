import type { Kysely, Selectable } from 'kysely';
import type { Database, OAuthAuthorizationCodesTable } from './schema.js';

export interface AuthorizationCodeRecord {
  codeDigest: string;
  applicationId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: 'plain' | 'S256' | null;
  expiresAt: string;
  usedAt: string | null;
  sessionId: string | null;
  createdAt: string;
}

/** Authorization codes, by digest. */
export class AuthorizationCodesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(code: Omit<AuthorizationCodeRecord, 'usedAt' | 'sessionId'>): Promise<void> {
    await this.db
      .insertInto('oauth_authorization_codes')
      .values({
        code_digest: code.codeDigest,
        application_id: code.applicationId,
        user_id: code.userId,
        redirect_uri: code.redirectUri,
        scope: code.scope,
        code_challenge: code.codeChallenge,
        code_challenge_method: code.codeChallengeMethod,
        expires_at: code.expiresAt,
        created_at: code.createdAt,
      })
      .execute();
  }

  async find(codeDigest: string): Promise<AuthorizationCodeRecord | undefined> {
    const row = await this.db.selectFrom('oauth_authorization_codes').selectAll().where('code_digest', '=', codeDigest).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Marks the code used, once: false when it was used already (by a concurrent exchange, say). */
  async markUsed(codeDigest: string, usedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('oauth_authorization_codes')
      .set({ used_at: usedAt })
      .where('code_digest', '=', codeDigest)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setSession(codeDigest: string, sessionId: string): Promise<void> {
    await this.db.updateTable('oauth_authorization_codes').set({ session_id: sessionId }).where('code_digest', '=', codeDigest).execute();
  }
}

function fromRow(row: Selectable<OAuthAuthorizationCodesTable>): AuthorizationCodeRecord {
  return {
    codeDigest: row.code_digest,
    applicationId: row.application_id,
    userId: row.user_id,
    redirectUri: row.redirect_uri,
    scope: row.scope,
    codeChallenge: row.code_challenge,
    codeChallengeMethod: row.code_challenge_method,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    sessionId: row.session_id,
    createdAt: row.created_at,
  };
}
