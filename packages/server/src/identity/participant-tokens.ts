import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { Kysely } from 'kysely';
import type { ParticipantRole } from '@parley/protocol';
import type { Database } from '../store/schema.js';

export interface ParticipantClaims {
  participantId: string;
  roomId: string;
  role: ParticipantRole;
}

/**
 * Participant tokens: the `participant_token` of host URLs, an HS256 JWT signed with a server key kept
 * in the database (so every node, and every restart, verifies the same tokens). Payload as Vonage's:
 * `participantId` and `iat`, plus the room and role Parley enforces.
 */
export class ParticipantTokens {
  private constructor(
    private readonly keyId: string,
    private readonly secret: Uint8Array,
  ) {}

  static async load(db: Kysely<Database>, now: () => Date): Promise<ParticipantTokens> {
    let row = await db.selectFrom('server_keys').selectAll().orderBy('created_at', 'desc').executeTakeFirst();
    if (!row) {
      row = { id: randomUUID(), secret: randomBytes(32).toString('base64url'), created_at: now().toISOString() };
      await db.insertInto('server_keys').values(row).execute();
    }
    return new ParticipantTokens(row.id, Buffer.from(row.secret, 'base64url'));
  }

  async mint(claims: ParticipantClaims): Promise<string> {
    return new SignJWT({ participantId: claims.participantId, roomId: claims.roomId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.keyId })
      .setIssuedAt()
      .sign(this.secret);
  }

  /** The claims of a valid token, or `undefined` for a forged, malformed or foreign one. */
  async verify(token: string): Promise<ParticipantClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
      const { participantId, roomId, role } = payload;
      if (typeof participantId !== 'string' || typeof roomId !== 'string' || (role !== 'host' && role !== 'guest')) return undefined;
      return { participantId, roomId, role };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }
}
