import { randomBytes } from 'node:crypto';

/** RingCentral's rules for the answer (spec §4.5.3): within 3 s, under 1024 bytes, echoing the token. */
const HANDSHAKE_TIMEOUT_MS = 3000;
const MAX_ANSWER_BYTES = 1024;

/**
 * The validation handshake of a new WebHook subscription: POSTs to the address with an empty body and a
 * fresh `Validation-Token` (and the subscription's `Verification-Token`, if it has one); the receiver
 * must answer 200 in time, echoing `Validation-Token` in a header. Returns why it did not, or
 * undefined when it did. Redirects are not followed, as for every delivery.
 */
export async function webhookHandshakeFailure(address: string, verificationToken: string | undefined, timeoutMs = HANDSHAKE_TIMEOUT_MS): Promise<string | undefined> {
  const validationToken = randomBytes(16).toString('hex');
  let response: Response;
  let body: string;
  try {
    response = await fetch(address, {
      method: 'POST',
      headers: { 'validation-token': validationToken, 'user-agent': 'RingCentral-Webhook/8.3', ...(verificationToken !== undefined ? { 'verification-token': verificationToken } : {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'the address cannot be reached';
  }
  if (response.status !== 200) return `it answered HTTP ${response.status}, not 200`;
  if (response.headers.get('validation-token') !== validationToken) return 'it did not echo the Validation-Token header';
  let size = Buffer.byteLength(body);
  response.headers.forEach((value, name) => {
    size += name.length + value.length + 4;
  });
  if (size > MAX_ANSWER_BYTES) return `its answer is ${size} bytes, over ${MAX_ANSWER_BYTES}`;
  return undefined;
}
