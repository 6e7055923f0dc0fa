import type { ParticipantClaims } from '../identity/participant-tokens.js';

/**
 * Who someone is across visits to a room, as far as Parley can tell: the participant named by their
 * participant token, or else the guest id their page keeps. `undefined` for a guest whose page sent
 * none (an SDK user without storage): they can be removed, but not recognised when they come back.
 */
export function participantIdentity(claims: ParticipantClaims | undefined, guestId: string | undefined): string | undefined {
  if (claims) return `token:${claims.participantId}`;
  return guestId === undefined ? undefined : `guest:${guestId}`;
}
