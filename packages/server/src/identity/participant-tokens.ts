import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import type { Kysely } from 'kysely';
import { PARTICIPANT_ROLES, type ParticipantRole } from '@parley/protocol';
import type { ParticipantUser } from '../rooms/room-admittance.js';
import type { Database } from '../store/schema.js';
import { loadServerKey } from './server-keys.js';

export interface ParticipantClaims {
  participantId: string;
  roomId: string;
  role: ParticipantRole;
  /** The user the token was minted for (a RingCentral extension); absent in the host URLs of rooms. */
  user?: ParticipantUser;
}

const MAX_REUSABLE_TOKENS = 10_000;

/** However soon its room expires, a token works this long: a meeting going on keeps its room past its idle expiry. */
export const MIN_PARTICIPANT_TOKEN_LIFETIME_S = 24 * 3600;

/**
 * Participant tokens: the `participant_token` of host URLs, an HS256 JWT signed with a server key kept
 * in the database (so every node, and every restart, verifies the same tokens). Payload as Vonage's:
 * `participantId` and `iat`, plus the room and role Parley enforces, and, for a token minted for one of
 * an account's users, who they are (`userId`, `accountId`): rooms that admit only users, or hold back
 * only guests, read it.
 */
export class ParticipantTokens {
  /** Synchronous signing and verification: a host URL is minted on every room read. */
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly check: (token: string) => Record<string, unknown>;
  /**
   * The last token minted per participant, room and role, with its `iat`. A token is a pure function of
   * those and `iat` (whole seconds), so a mint within the same second reuses it: the bytes are the same
   * as signing again.
   */
  private readonly minted = new Map<string, { iat: number; token: string }>();

  private constructor(keyId: string, secret: Buffer) {
    this.sign = createSigner({ key: secret, algorithm: 'HS256', kid: keyId });
    this.check = createVerifier({ key: secret, algorithms: ['HS256'] });
  }

  static async load(db: Kysely<Database>, now: () => Date): Promise<ParticipantTokens> {
    const key = await loadServerKey(db, now);
    return new ParticipantTokens(key.id, Buffer.from(key.secret));
  }

  /**
   * A token for `claims`, which stops working when its room expires (`roomExpiresAt`, ISO-8601), or a
   * day after it was minted if that is later (or unknown): no link outlives the room it opens.
   */
  mint(claims: ParticipantClaims, roomExpiresAt?: string): string {
    const iat = Math.floor(Date.now() / 1000);
    const roomExpiry = roomExpiresAt === undefined ? 0 : Math.floor(Date.parse(roomExpiresAt) / 1000);
    const exp = Math.max(roomExpiry, iat + MIN_PARTICIPANT_TOKEN_LIFETIME_S);
    const key = `${claims.participantId} ${claims.roomId} ${claims.role} ${claims.user?.userId ?? ''} ${exp}`;
    const last = this.minted.get(key);
    if (last?.iat === iat) return last.token;
    const user = claims.user ? { userId: claims.user.userId, accountId: claims.user.accountId } : {};
    const token = this.sign({ participantId: claims.participantId, roomId: claims.roomId, role: claims.role, ...user, iat, exp });
    // Only the current second's tokens can be reused: older ones are dropped as the map grows.
    if (this.minted.size >= MAX_REUSABLE_TOKENS) this.minted.clear();
    this.minted.set(key, { iat, token });
    return token;
  }

  /** The claims of a valid token, or `undefined` for a forged, malformed or foreign one. */
  verify(token: string): ParticipantClaims | undefined {
    try {
      const { participantId, roomId, role, userId, accountId } = this.check(token);
      if (typeof participantId !== 'string' || typeof roomId !== 'string' || !isParticipantRole(role)) return undefined;
      if (typeof userId === 'string' && typeof accountId === 'string') return { participantId, roomId, role, user: { userId, accountId } };
      return { participantId, roomId, role };
    } catch (error) {
      if (error instanceof TokenError) return undefined;
      throw error;
    }
  }
}

function isParticipantRole(value: unknown): value is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly unknown[]).includes(value);
}
