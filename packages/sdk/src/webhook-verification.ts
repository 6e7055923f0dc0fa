import { MEETINGS_WEBHOOK_EVENTS, type MeetingsWebhookEvent } from '@parley/protocol';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** How far a delivery's `webhook-timestamp` may be from now, either way: Standard Webhooks' five minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRefusal =
  /** `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent. */
  | 'missing_header'
  /** The timestamp is not a number of seconds, or is too far in the past or the future: a replay, or a wrong clock. */
  | 'timestamp_out_of_tolerance'
  /** No `v1` signature matches the body under this secret: not from Parley, altered, or another secret. */
  | 'bad_signature'
  /** Signed, but not a Meetings event this SDK knows. */
  | 'unknown_event';

/** A webhook delivery that must not be trusted; answer it with a 4xx and do not act on it. */
export class ParleyWebhookError extends Error {
  override name = 'ParleyWebhookError';
  constructor(
    readonly reason: WebhookRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Request headers as Node's `http` (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object carries them. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * Checks that a webhook delivery comes from Parley, unaltered and recent, and answers its event.
 * Parley signs deliveries the Standard Webhooks way: `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, several space-separated
 * while a secret is rotated), under the webhook secret (`whsec_…`).
 *
 * `body` must be the request body exactly as received (bytes or text): JSON parsed and serialized
 * again would not verify. Throws `ParleyWebhookError` saying why a delivery is refused.
 */
export function verifyMeetingsWebhook(body: string | Uint8Array, headers: WebhookHeaders, secret: string): MeetingsWebhookEvent {
  const verifier = webhookVerifier(secret);
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signature = headerOf(headers, 'webhook-signature');
  checkTimestamp(timestamp);

  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    // The library judges the timestamp too, with the same tolerance; it was judged above to say why.
    verifier.verify(text, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      throw new ParleyWebhookError('bad_signature', `The webhook signature does not match its body: ${error.message}. Check the secret, and verify the raw body as received.`);
    }
    throw error;
  }
  return meetingsEventOf(text);
}

function webhookVerifier(secret: string): Webhook {
  if (!secret.startsWith('whsec_')) throw new TypeError('A webhook secret starts with "whsec_"; pass it whole, as Parley showed it');
  try {
    return new Webhook(secret);
  } catch (error) {
    throw new TypeError(`The webhook secret is not valid: ${(error as Error).message}`);
  }
}

function headerOf(headers: WebhookHeaders, name: string): string {
  let value: string | readonly string[] | null | undefined;
  if (headers instanceof Headers) {
    value = headers.get(name);
  } else {
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  // A header sent twice arrives as a list; several signatures are space-separated anyway.
  const text = typeof value === 'string' ? value : value?.join(' ');
  if (text === undefined || text.trim() === '') throw new ParleyWebhookError('missing_header', `The webhook delivery has no ${name} header`);
  return text.trim();
}

function checkTimestamp(timestamp: string): void {
  if (!/^\d+$/.test(timestamp)) {
    throw new ParleyWebhookError('timestamp_out_of_tolerance', `webhook-timestamp must be whole seconds since 1970, not "${timestamp}"`);
  }
  const skew = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (Math.abs(skew) > WEBHOOK_TOLERANCE_SECONDS) {
    const direction = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw new ParleyWebhookError(
      'timestamp_out_of_tolerance',
      `The webhook delivery is ${direction}, beyond the ${WEBHOOK_TOLERANCE_SECONDS} s tolerance: a replay, or a clock that is wrong`,
    );
  }
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(MEETINGS_WEBHOOK_EVENTS);

function meetingsEventOf(text: string): MeetingsWebhookEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new ParleyWebhookError('unknown_event', 'The webhook body is signed but is not JSON');
  }
  const event = payload !== null && typeof payload === 'object' ? (payload as { event?: unknown }).event : undefined;
  if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) {
    throw new ParleyWebhookError('unknown_event', `The webhook body is signed but its event ${JSON.stringify(event)} is not one of ${MEETINGS_WEBHOOK_EVENTS.join(', ')}`);
  }
  return payload as MeetingsWebhookEvent;
}
