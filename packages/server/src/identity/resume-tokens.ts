import type { Kysely } from 'kysely';
import { errors, jwtVerify, SignJWT } from 'jose';
import { PARTICIPANT_ROLES, type ParticipantRole } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import { loadServerKey, purposeKey } from './server-keys.js';

/** What a node needs to take a participant back into their session, whichever node started it. */
export interface ResumeClaims {
  sessionId: string;
  roomId: string;
  participantId: string;
  role: ParticipantRole;
  displayName: string;
  /** See `participantIdentity`. */
  identity?: string;
  /** The user a participant token named; null for guests. */
  userId: string | null;
}

/**
 * A resume token outlives any meeting worth resuming; whether its participant's place is still kept
 * (the grace period, a leave) is for the session to say, not the token.
 */
const RESUME_TOKEN_LIFETIME_S = 24 * 3600;
const ALGORITHM = 'HS256';

/**
 * Resume tokens: the secret a participant resumes with after a dropped connection, signed with a key
 * derived from the server key every node shares, so the node that takes a meeting over (its owner died
 * or drained) can check them and knows who the participant was without the memory of the node that
 * issued them.
 */
export class ResumeTokens {
  private constructor(
    private readonly key: Uint8Array,
    private readonly clock: Clock,
  ) {}

  static async load(db: Kysely<Database>, clock: Clock): Promise<ResumeTokens> {
    const serverKey = await loadServerKey(db, () => clock.now());
    return new ResumeTokens(purposeKey(serverKey, 'resume token'), clock);
  }

  mint(claims: ResumeClaims): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const { identity, ...rest } = claims;
    return new SignJWT({ ...rest, ...(identity !== undefined ? { identity } : {}) })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuedAt(now)
      .setExpirationTime(now + RESUME_TOKEN_LIFETIME_S)
      .sign(this.key);
  }

  /** The claims of a valid, unexpired token; `undefined` for a forged, tampered, expired or malformed one. */
  async verify(token: string): Promise<ResumeClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], currentDate: this.clock.now() });
      const { sessionId, roomId, participantId, role, displayName, identity, userId } = payload;
      if (typeof sessionId !== 'string' || typeof roomId !== 'string' || typeof participantId !== 'string') return undefined;
      if (!isParticipantRole(role) || typeof displayName !== 'string') return undefined;
      if (identity !== undefined && typeof identity !== 'string') return undefined;
      if (userId !== null && typeof userId !== 'string') return undefined;
      return { sessionId, roomId, participantId, role, displayName, userId, ...(identity !== undefined ? { identity } : {}) };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}

function isParticipantRole(value: unknown): value is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly unknown[]).includes(value);
}
