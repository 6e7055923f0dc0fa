import { canModerate, type ParticipantInfo } from '@parley/protocol';
import { ParleyError } from '../errors.js';

/**
 * Who may do what to whom in a meeting: the one place these rules live, checked by the server for
 * every request whatever the page shows. `action` completes "Only hosts and co-hosts can …".
 */
export function assertMayModerate(actor: ParticipantInfo, action: string): void {
  if (!canModerate(actor.role)) throw ParleyError.forbidden(`Only hosts and co-hosts can ${action}`);
}

/**
 * A moderator acts on someone else who is not a host: hosts came in through the host link and stay
 * in charge of their meeting, whoever was promoted to co-host. One's own media, hand and presence are
 * one's own controls' business.
 */
export function assertMayModerateTarget(actor: ParticipantInfo, target: ParticipantInfo, action: string): void {
  assertMayModerate(actor, action);
  if (target.id === actor.id) throw ParleyError.badRequest('You cannot moderate yourself');
  if (target.role === 'host') throw ParleyError.forbidden('Nobody can moderate a host');
}

/** Everyone lowers their own hand; moderators lower anyone's. */
export function assertMayLowerHand(actor: ParticipantInfo, target: ParticipantInfo): void {
  if (target.id !== actor.id) assertMayModerate(actor, "lower someone else's hand");
}

/** Only a host ends the meeting for everyone: a co-host can remove people, not close the room. */
export function assertMayEndMeeting(actor: ParticipantInfo): void {
  if (actor.role !== 'host') throw ParleyError.forbidden('Only a host can end the meeting for everyone');
}
