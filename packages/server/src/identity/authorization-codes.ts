import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { AuthorizationCodesRepository } from '../store/authorization-codes-repository.js';
import type { Database } from '../store/schema.js';
import { OAuthError } from './oauth-error.js';
import type { OAuthScope } from './oauth-scopes.js';
import type { OAuthSessions } from './oauth-sessions.js';
import { randomSecret, secretDigest } from './secret-digest.js';

/** How long a code waits to be exchanged: RingCentral's codes live one minute. */
export const AUTHORIZATION_CODE_TTL_MS = 60_000;

export type CodeChallengeMethod = 'plain' | 'S256';

/** RFC 7636 §4.1: 43 to 128 unreserved characters, for verifiers and for plain challenges alike. */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface NewAuthorizationCode {
  applicationId: string;
  userId: string;
  redirectUri: string;
  scopes: readonly OAuthScope[];
  codeChallenge?: { value: string; method: CodeChallengeMethod } | undefined;
}

export interface CodeExchange {
  applicationId: string;
  /** The caller proved it holds the client secret; a public client must then have used PKCE. */
  clientAuthenticated: boolean;
  code: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
}

/**
 * Authorization codes: issued when a user approves a client on the consent page, exchanged once, within
 * a minute, by the same client, with the same redirect URI and (when the client sent a PKCE challenge)
 * the verifier that matches it. A code used twice revokes the session it was first exchanged for: one of
 * the two callers is not who they claim to be (RFC 6749 §4.1.2).
 */
export class AuthorizationCodes {
  private readonly codes: AuthorizationCodesRepository;

  constructor(
    db: Kysely<Database>,
    private readonly sessions: OAuthSessions,
    private readonly clock: Clock,
  ) {
    this.codes = new AuthorizationCodesRepository(db);
  }

  async issue(request: NewAuthorizationCode): Promise<string> {
    const code = randomSecret();
    const now = this.clock.now();
    await this.codes.insert({
      codeDigest: secretDigest(code),
      applicationId: request.applicationId,
      userId: request.userId,
      redirectUri: request.redirectUri,
      scope: request.scopes.join(' '),
      codeChallenge: request.codeChallenge?.value ?? null,
      codeChallengeMethod: request.codeChallenge?.method ?? null,
      expiresAt: isoTimestamp(new Date(now.getTime() + AUTHORIZATION_CODE_TTL_MS)),
      createdAt: isoTimestamp(now),
    });
    return code;
  }

  /**
   * Checks the exchange and uses the code up; answers whom it authorizes and for what. `attach` must
   * then be told the session opened with it.
   */
  async redeem(exchange: CodeExchange): Promise<{ userId: string; scopes: OAuthScope[]; codeDigest: string; publicClient: boolean }> {
    const digest = secretDigest(exchange.code);
    const code = await this.codes.find(digest);
    if (!code) throw OAuthError.invalidGrant('Invalid authorization code', 'OAU-106');
    if (code.applicationId !== exchange.applicationId) throw OAuthError.invalidGrant('Authorization code was not issued for this application', 'OAU-110');
    if (code.usedAt !== null) {
      if (code.sessionId !== null) await this.sessions.revokeSession(code.sessionId);
      throw OAuthError.invalidGrant('Invalid authorization code', 'OAU-106');
    }
    if (Date.parse(code.expiresAt) <= this.clock.now().getTime()) throw OAuthError.invalidGrant('Authorization code is expired', 'OAU-108');
    // Codes only ever go to registered URIs, so a request that names none cannot redirect one elsewhere.
    if (exchange.redirectUri !== undefined && exchange.redirectUri !== code.redirectUri) throw OAuthError.invalidGrant('Redirect URIs do not match', 'OAU-109');
    if (!exchange.clientAuthenticated && code.codeChallenge === null) throw OAuthError.invalidClient('Client authentication is required');
    if (code.codeChallenge !== null && !verifierMatches(exchange.codeVerifier, code.codeChallenge, code.codeChallengeMethod ?? 'plain')) {
      throw OAuthError.invalidGrant('Invalid code verifier', 'OAU-106');
    }
    if (!(await this.codes.markUsed(digest, isoTimestamp(this.clock.now())))) throw OAuthError.invalidGrant('Invalid authorization code', 'OAU-106');
    return {
      userId: code.userId,
      scopes: code.scope.split(' ').filter((s) => s !== '') as OAuthScope[],
      codeDigest: digest,
      publicClient: !exchange.clientAuthenticated,
    };
  }

  attach(codeDigest: string, sessionId: string): Promise<void> {
    return this.codes.setSession(codeDigest, sessionId);
  }
}

function verifierMatches(verifier: string | undefined, challenge: string, method: CodeChallengeMethod): boolean {
  if (verifier === undefined || !PKCE_VALUE.test(verifier)) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return derived === challenge;
}
