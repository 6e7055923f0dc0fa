import { hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface ServerKey {
  id: string;
  secret: Uint8Array;
}

/**
 * The id of the first server key. Every node that finds no key makes this one, and the database keeps
 * whichever insert came first (the others do nothing): nodes starting together on an empty database
 * all end up with the same key, rather than each signing with its own.
 */
const FIRST_KEY_ID = 'server-key-1';

/**
 * The secret the server signs its own tokens and links with, kept in the database so every node, and
 * every restart, verifies what another signed. Made on first use; the newest key is the one in use.
 */
export async function loadServerKey(db: Kysely<Database>, now: () => Date): Promise<ServerKey> {
  let row = await newestKey(db);
  if (!row) {
    const first = { id: FIRST_KEY_ID, secret: randomBytes(32).toString('base64url'), created_at: now().toISOString() };
    await db.insertInto('server_keys').values(first).onConflict((conflict) => conflict.column('id').doNothing()).execute();
    row = await newestKey(db);
    if (!row) throw new Error('The server key was stored but cannot be read back');
  }
  return { id: row.id, secret: Buffer.from(row.secret, 'base64url') };
}

function newestKey(db: Kysely<Database>) {
  return db.selectFrom('server_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/**
 * A key for one purpose, derived from the server key (HKDF-SHA256), so that what is signed for one
 * purpose can never be passed off as another: a recording download signature is not a participant
 * token.
 */
export function purposeKey(serverKey: ServerKey, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', serverKey.secret, new Uint8Array(0), `parley ${purpose}`, 32));
}
