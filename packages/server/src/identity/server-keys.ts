import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface ServerKey {
  id: string;
  secret: Uint8Array;
}

/**
 * The secret the server signs its own tokens and links with, kept in the database so every node, and
 * every restart, verifies what another signed. Made on first use; the newest key is the one in use.
 */
export async function loadServerKey(db: Kysely<Database>, now: () => Date): Promise<ServerKey> {
  let row = await db.selectFrom('server_keys').selectAll().orderBy('created_at', 'desc').executeTakeFirst();
  if (!row) {
    row = { id: randomUUID(), secret: randomBytes(32).toString('base64url'), created_at: now().toISOString() };
    await db.insertInto('server_keys').values(row).execute();
  }
  return { id: row.id, secret: Buffer.from(row.secret, 'base64url') };
}

/**
 * A key for one purpose, derived from the server key (HKDF-SHA256), so that what is signed for one
 * purpose can never be passed off as another: a recording download signature is not a participant
 * token.
 */
export function purposeKey(serverKey: ServerKey, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', serverKey.secret, new Uint8Array(0), `parley ${purpose}`, 32));
}
