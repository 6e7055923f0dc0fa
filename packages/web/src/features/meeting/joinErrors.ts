import { ParleyClientError } from '@parley/client';

/** Join failures the page has words for; anything else is shown as `unknown`. */
const KNOWN = [
  'room_unavailable',
  'not_found',
  'unauthorized',
  'forbidden',
  'room_locked',
  'password_required',
  'password_incorrect',
  'admission_denied',
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

/** The room's password was missing or wrong: the pre-join screen asks for it, under its field. */
export function isPasswordError(code: JoinErrorCode): code is 'password_required' | 'password_incorrect' {
  return code === 'password_required' || code === 'password_incorrect';
}
