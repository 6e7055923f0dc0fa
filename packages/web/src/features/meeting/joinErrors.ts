import { ParleyClientError } from '@parley/client';

/** Join failures the page has words for; anything else is shown as `unknown`. */
const KNOWN = [
  'room_unavailable',
  'not_found',
  'unauthorized',
  'forbidden',
  'room_locked',
  'room_full',
  'media_failed',
  'media_unavailable',
  'connection_lost',
  'timeout',
  'rate_limited',
  'participant_blocked',
] as const;

export type JoinErrorCode = (typeof KNOWN)[number] | 'unknown';

export function joinErrorCode(error: unknown): JoinErrorCode {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  return (KNOWN as readonly string[]).includes(code ?? '') ? (code as JoinErrorCode) : 'unknown';
}
