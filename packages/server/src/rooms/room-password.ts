import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ParleyError } from '../errors.js';

/** The longest join password, in characters; long enough for any passphrase, short enough to hash cheaply. */
export const ROOM_PASSWORD_MAX_LENGTH = 128;

/**
 * scrypt's cost (N = 2^14, r = 8: 16 MiB and tens of milliseconds per hash), the parameters OWASP
 * names for scrypt. Kept in each hash, so raising them later still verifies the hashes made before.
 */
const COST: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>> = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = 'scrypt';

/** A password a room may be given: 1 to `ROOM_PASSWORD_MAX_LENGTH` characters, kept exactly as typed. */
export function checkRoomPassword(password: string): void {
  const length = [...password].length;
  if (length === 0 || length > ROOM_PASSWORD_MAX_LENGTH) {
    throw ParleyError.validation(`A room password must be 1 to ${ROOM_PASSWORD_MAX_LENGTH} characters long`);
  }
}

/** The stored form of a join password: `scrypt$<N>$<r>$<p>$<salt>$<hash>`, base64url, salted per room. */
export async function hashRoomPassword(password: string): Promise<string> {
  checkRoomPassword(password);
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, COST, KEY_LENGTH);
  return [FORMAT, COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `password` is the one `stored` was made from; in constant time. A malformed hash matches nothing. */
export async function verifyRoomPassword(password: string, stored: string): Promise<boolean> {
  const [format, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (format !== FORMAT || salt === undefined || hash === undefined || rest.length > 0) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(cost).every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  // A password too long to be a room's cannot be one; no need to spend a hash on it.
  if (expected.length === 0 || [...password].length > ROOM_PASSWORD_MAX_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost, expected.length);
  return timingSafeEqual(actual, expected);
}

function derive(password: string, salt: Buffer, cost: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above scrypt's 128·N·r bytes, which Node's 32 MiB default only just covers.
    scrypt(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
