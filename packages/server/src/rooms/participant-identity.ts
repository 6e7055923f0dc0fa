import type { ParticipantClaims } from '../identity/participant-tokens.js';

/** How the identity of someone a participant token names begins. */
export const TOKEN_IDENTITY = 'token:';

/**
 * Who someone is across visits to a room, as far as Parley can tell: the participant named by their
 * participant token, or else the guest id their page keeps. `undefined` for a guest whose page sent
 * none (an SDK user without storage): they can be removed, but not recognised when they come back.
 */
export function participantIdentity(claims: ParticipantClaims | undefined, guestId: string | undefined): string | undefined {
  if (claims) return `${TOKEN_IDENTITY}${claims.participantId}`;
  return guestId === undefined ? undefined : `guest:${guestId}`;
}
