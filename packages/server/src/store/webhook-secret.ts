import { randomBytes } from 'node:crypto';

/** Standard Webhooks' prefix of a signing secret; the rest is the HMAC key in base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A fresh per-application webhook signing secret: 32 random bytes, as Standard Webhooks recommends (24–64). */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}
