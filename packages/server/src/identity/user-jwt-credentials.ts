import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { UsersRepository, type UserJwtCredential } from '../store/users-repository.js';
import { loadServerKey, purposeKey } from './server-keys.js';

export type JwtCredentialCheck = { userId: string; credentialId: string } | { refused: string };

/**
 * JWT credentials: what RingCentral's Developer Console hands a user for the JWT bearer grant
 * (`assertion`). Parley's are HS256 JWTs signed with a key derived from the server key, naming the
 * user (`sub`) and the credential (`jti`); the credential's row lets it be revoked, and a deleted user's
 * credentials stop working with them.
 */
export class UserJwtCredentials {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly check: (token: string) => Record<string, unknown>;
  private readonly users: UsersRepository;

  private constructor(
    db: Kysely<Database>,
    key: Uint8Array,
    private readonly clock: Clock,
  ) {
    const secret = Buffer.from(key);
    this.sign = createSigner({ key: secret, algorithm: 'HS256' });
    // Time claims are checked against the injected clock below.
    this.check = createVerifier({ key: secret, algorithms: ['HS256'], ignoreExpiration: true, ignoreNotBefore: true });
    this.users = new UsersRepository(db);
  }

  static async load(db: Kysely<Database>, clock: Clock): Promise<UserJwtCredentials> {
    const serverKey = await loadServerKey(db, () => clock.now());
    return new UserJwtCredentials(db, purposeKey(serverKey, 'user jwt credential'), clock);
  }

  /** A new credential for the user, valid for `lifetimeSeconds` (or until revoked, when absent). */
  async issue(userId: string, lifetimeSeconds?: number): Promise<{ credential: UserJwtCredential; jwt: string }> {
    if (lifetimeSeconds !== undefined && !(Number.isSafeInteger(lifetimeSeconds) && lifetimeSeconds > 0)) {
      throw ParleyError.validation('A credential lives a whole number of seconds, at least one');
    }
    if (!(await this.users.findById(userId))) throw ParleyError.notFound(`User ${userId} was not found`);
    // Whole seconds, as the JWT's claims say it.
    const now = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const expiresAt = lifetimeSeconds === undefined ? undefined : new Date(now.getTime() + lifetimeSeconds * 1000);
    const credential: UserJwtCredential = {
      id: randomUUID(),
      userId,
      createdAt: isoTimestamp(now),
      expiresAt: expiresAt ? isoTimestamp(expiresAt) : null,
      revokedAt: null,
    };
    await this.users.insertJwtCredential(credential);
    const claims: Record<string, unknown> = { sub: userId, jti: credential.id, iat: Math.floor(now.getTime() / 1000) };
    if (expiresAt) claims.exp = Math.floor(expiresAt.getTime() / 1000);
    return { credential, jwt: this.sign(claims) };
  }

  async revoke(userId: string, credentialId: string): Promise<void> {
    if (!(await this.users.revokeJwtCredential(userId, credentialId, isoTimestamp(this.clock.now())))) {
      throw ParleyError.notFound(`User ${userId} has no credential ${credentialId} that is not revoked already`);
    }
  }

  list(userId: string): Promise<UserJwtCredential[]> {
    return this.users.listJwtCredentials(userId);
  }

  /** Whose credential `assertion` is, or why it is refused. */
  async verify(assertion: string): Promise<JwtCredentialCheck> {
    let claims: Record<string, unknown>;
    try {
      claims = this.check(assertion);
    } catch (error) {
      if (error instanceof TokenError) return { refused: 'The JWT credential is not valid' };
      throw error;
    }
    const { sub, jti, exp } = claims;
    if (typeof sub !== 'string' || typeof jti !== 'string') return { refused: 'The JWT credential is not valid' };
    if (typeof exp === 'number' && exp * 1000 <= this.clock.now().getTime()) return { refused: 'The JWT credential has expired' };
    const credential = await this.users.findJwtCredential(jti);
    if (!credential || credential.userId !== sub || credential.revokedAt !== null) return { refused: 'The JWT credential has been revoked' };
    if (!(await this.users.findById(sub))) return { refused: 'The JWT credential belongs to a user who no longer exists' };
    return { userId: sub, credentialId: jti };
  }
}
