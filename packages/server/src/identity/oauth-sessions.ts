import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { OAuthSessionsRepository, type OAuthSessionRecord, type TokenPair } from '../store/oauth-sessions-repository.js';
import type { Database } from '../store/schema.js';
import { UsersRepository, type User } from '../store/users-repository.js';
import { OAuthError } from './oauth-error.js';
import type { OAuthScope } from './oauth-scopes.js';
import { randomSecret, secretDigest } from './secret-digest.js';

/** Token lifetimes in seconds (spec §5.3): what a request may ask for, and what it gets when it asks for nothing valid. */
export const ACCESS_TOKEN_TTL = { min: 600, max: 3600, default: 3600 } as const;
export const REFRESH_TOKEN_TTL = { max: 2_592_000, default: 604_800 } as const;

/** What the token endpoint answers (`TokenInfo`), before it is written in RingCentral's field names. */
export interface TokenGrant {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresIn: number;
  scope: string;
  /** The user (extension) the tokens act for: `owner_id`, and what `~` resolves to. */
  ownerId: string;
  endpointId: string;
  sessionId: string;
}

/** Who a valid access token acts for. */
export interface TokenHolder {
  sessionId: string;
  applicationId: string;
  user: User;
  scopes: string[];
}

export interface TokenLifetimes {
  /** The request's `access_token_ttl`, as sent: anything not a whole number takes the default. */
  accessTokenTtl?: string | undefined;
  refreshTokenTtl?: string | undefined;
}

export interface OpenSession {
  applicationId: string;
  user: User;
  scopes: readonly OAuthScope[];
  endpointId?: string | undefined;
  /** Opened by a client without a secret (authorization code with PKCE): it may refresh without one. */
  publicClient: boolean;
  lifetimes: TokenLifetimes;
}

/**
 * OAuth sessions as RingCentral runs them: each login opens a session with an access token (1 hour by
 * default) and a single-use refresh token (7 days); refreshing replaces both at once, the old pair
 * stops working; revoking either token ends the whole session. Only digests of the tokens are stored.
 */
export class OAuthSessions {
  private readonly sessions: OAuthSessionsRepository;
  private readonly users: UsersRepository;

  constructor(
    db: Kysely<Database>,
    private readonly clock: Clock,
  ) {
    this.sessions = new OAuthSessionsRepository(db);
    this.users = new UsersRepository(db);
  }

  async open(request: OpenSession): Promise<TokenGrant> {
    const now = this.clock.now();
    const ttl = lifetimesOf(request.lifetimes);
    const tokens = newTokens(now, ttl);
    const session = {
      id: randomUUID(),
      applicationId: request.applicationId,
      userId: request.user.id,
      scope: request.scopes.join(' '),
      endpointId: request.endpointId || randomSecret(16),
      publicClient: request.publicClient,
      ...tokens.pair,
      createdAt: isoTimestamp(now),
    };
    await this.sessions.insert(session);
    return grantOf(session, tokens, ttl);
  }

  /**
   * Exchanges a refresh token for a new pair. `clientAuthenticated` is false when the caller gave only
   * its client id: only a session a public client opened may be refreshed so.
   */
  async refresh(applicationId: string, clientAuthenticated: boolean, refreshToken: string, lifetimes: TokenLifetimes): Promise<TokenGrant> {
    const now = this.clock.now();
    const session = await this.sessions.findByRefreshToken(secretDigest(refreshToken));
    if (!session || session.applicationId !== applicationId) throw OAuthError.invalidGrant('Token not found', 'OAU-213');
    if (!session.publicClient && !clientAuthenticated) throw OAuthError.invalidClient('Client authentication is required');
    if (session.revokedAt !== null) throw OAuthError.invalidGrant('Token is revoked', 'OAU-211');
    if (Date.parse(session.refreshExpiresAt) <= now.getTime()) throw OAuthError.invalidGrant('Token is expired', 'OAU-212');
    if (!(await this.users.findById(session.userId))) throw OAuthError.invalidGrant('The user of this session no longer exists', 'OAU-140');
    const ttl = lifetimesOf(lifetimes);
    const tokens = newTokens(now, ttl);
    // Another refresh with the same token got there first: this one is as stale as a revoked token.
    if (!(await this.sessions.rotate(session.id, session.refreshTokenDigest, tokens.pair))) throw OAuthError.invalidGrant('Token is revoked', 'OAU-211');
    return grantOf(session, tokens, ttl);
  }

  /**
   * Ends the session `token` (access or refresh) belongs to, if it is the application's. Unknown tokens
   * are not an error (RFC 7009 §2.2): the caller's goal, that the token not work, holds.
   */
  async revoke(applicationId: string, token: string): Promise<void> {
    const digest = secretDigest(token);
    const session = (await this.sessions.findByAccessToken(digest)) ?? (await this.sessions.findByRefreshToken(digest));
    if (session?.applicationId === applicationId) await this.revokeSession(session.id);
  }

  revokeSession(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, isoTimestamp(this.clock.now()));
  }

  /** Who the access token acts for; `expired` or `invalid` (unknown, revoked, replaced, its user deleted) otherwise. */
  async authenticate(accessToken: string): Promise<TokenHolder | 'expired' | 'invalid'> {
    const session = await this.sessions.findByAccessToken(secretDigest(accessToken));
    if (!session || session.revokedAt !== null) return 'invalid';
    if (Date.parse(session.accessExpiresAt) <= this.clock.now().getTime()) return 'expired';
    const user = await this.users.findById(session.userId);
    if (!user) return 'invalid';
    return { sessionId: session.id, applicationId: session.applicationId, user, scopes: session.scope.split(' ').filter((s) => s !== '') };
  }
}

interface Lifetimes {
  access: number;
  refresh: number;
}

/**
 * RingCentral clamps what is asked for rather than refusing it: an access token lives 600 to 3600
 * seconds, a refresh token at least as long as its access token and at most 30 days. `@ringcentral/sdk`
 * sends `NaN` when it has nothing to send: that, like anything not a whole number, takes the default.
 */
function lifetimesOf(requested: TokenLifetimes): Lifetimes {
  const access = clamp(wholeSeconds(requested.accessTokenTtl) ?? ACCESS_TOKEN_TTL.default, ACCESS_TOKEN_TTL.min, ACCESS_TOKEN_TTL.max);
  const refresh = clamp(wholeSeconds(requested.refreshTokenTtl) ?? REFRESH_TOKEN_TTL.default, access, REFRESH_TOKEN_TTL.max);
  return { access, refresh };
}

function wholeSeconds(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function newTokens(now: Date, ttl: Lifetimes): { accessToken: string; refreshToken: string; pair: TokenPair } {
  const accessToken = randomSecret();
  const refreshToken = randomSecret();
  return {
    accessToken,
    refreshToken,
    pair: {
      accessTokenDigest: secretDigest(accessToken),
      accessExpiresAt: isoTimestamp(new Date(now.getTime() + ttl.access * 1000)),
      refreshTokenDigest: secretDigest(refreshToken),
      refreshExpiresAt: isoTimestamp(new Date(now.getTime() + ttl.refresh * 1000)),
    },
  };
}

function grantOf(session: Pick<OAuthSessionRecord, 'id' | 'userId' | 'scope' | 'endpointId'>, tokens: { accessToken: string; refreshToken: string }, ttl: Lifetimes): TokenGrant {
  return {
    accessToken: tokens.accessToken,
    expiresIn: ttl.access,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresIn: ttl.refresh,
    scope: session.scope,
    ownerId: session.userId,
    endpointId: session.endpointId,
    sessionId: session.id,
  };
}
