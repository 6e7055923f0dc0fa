import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadServerKey, purposeKey } from '../identity/server-keys.js';
import type { Database } from '../store/schema.js';

/** A bridge's passwords: the meeting's, and the one phone callers type. */
export interface BridgePasswords {
  plainText: string;
  pstn: string;
}

/**
 * RingCentral shows a bridge's owner its password in plain text (`security.password.plainText`), so
 * unlike a room's (kept only as a scrypt hash for checking) it must be recoverable. It is sealed with
 * AES-256-GCM under a key derived from the server key: a dump of the bridges table, a log line or a
 * backup of it alone does not give passwords away. (The server key lives in the same database, so a
 * copy of the whole database does; that is the price of showing the password back.)
 */
export class BridgeSecrets {
  private constructor(private readonly key: Uint8Array) {}

  static async load(db: Kysely<Database>, now: () => Date): Promise<BridgeSecrets> {
    return new BridgeSecrets(purposeKey(await loadServerKey(db, now), 'bridge secrets'));
  }

  seal(passwords: BridgePasswords): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(passwords), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  open(sealed: string): BridgePasswords {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !data) throw new Error('sealed bridge secrets are malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')) as BridgePasswords;
  }
}
