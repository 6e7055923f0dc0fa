import { createHmac } from 'node:crypto';
import { WEBHOOK_SECRET_PREFIX } from '../store/webhook-secret.js';

export interface SignedWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers for one attempt: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under
 * each secret (the current one, and the previous one while a rotation's grace period runs),
 * space-separated. `timestamp` is the attempt's time in whole seconds.
 */
export function signWebhook(message: { id: string; timestamp: number; body: string }, secrets: readonly string[]): SignedWebhookHeaders {
  const signed = `${message.id}.${message.timestamp}.${message.body}`;
  const signatures = secrets.map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(signed).digest('base64')}`);
  return { 'webhook-id': message.id, 'webhook-timestamp': String(message.timestamp), 'webhook-signature': signatures.join(' ') };
}

/** The HMAC key is the base64 after the `whsec_` prefix. */
function keyOf(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new TypeError('A webhook secret starts with "whsec_"');
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
}
