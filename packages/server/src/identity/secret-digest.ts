import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets Parley generates itself (client secrets, access and refresh tokens, authorization codes) are
 * 256 random bits: a plain SHA-256 of them cannot be reversed or guessed, so that is all the database
 * keeps, and a lookup by digest finds them. Passwords people choose get scrypt instead (room-password.ts).
 */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` is the one `digest` was made from, in constant time. */
export function matchesDigest(secret: string, digest: string): boolean {
  const actual = Buffer.from(secretDigest(secret), 'hex');
  const expected = Buffer.from(digest, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
