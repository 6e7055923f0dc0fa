import { canModerate, type ParticipantRole, type WaitingReason } from '@parley/protocol';
import type { JoinApprovalLevel } from './room.js';

/** What the way in needs to know of the room's live meeting; absent when nobody is in it. */
export interface MeetingDoor {
  locked: boolean;
  /** The room's host has come in during this meeting (`after_owner_only` opens then, and stays open). */
  hostHasJoined: boolean;
}

export type Admission =
  | { kind: 'enter' }
  | { kind: 'wait'; reason: WaitingReason }
  | { kind: 'refuse'; code: 'room_locked' };

/**
 * Who may enter a room's meeting now, the one rule for arrivals and for those already waiting:
 * - hosts always enter: neither the lock nor the waiting room holds back the people who run the meeting;
 * - a locked meeting lets nobody else in (those already waiting stay, and a moderator may still let them in);
 * - `none` lets guests straight in;
 * - `after_owner_only` lets guests in once the host has come in during this meeting; if the host then
 *   leaves, the meeting stays open, as it does for those already in it;
 * - `explicit_approval` has every guest wait for a moderator's answer;
 * - whoever the approval level does not hold back (`heldBack` false: the room's approval audience is
 *   guests only, say, and a participant token names them as a user) enters as if it were `none`.
 */
export function admissionOf(role: ParticipantRole, approvalLevel: JoinApprovalLevel, meeting: MeetingDoor | undefined, heldBack = true): Admission {
  if (canModerate(role)) return { kind: 'enter' };
  if (meeting?.locked) return { kind: 'refuse', code: 'room_locked' };
  if (!heldBack) return { kind: 'enter' };
  switch (approvalLevel) {
    case 'none':
      return { kind: 'enter' };
    case 'after_owner_only':
      return meeting?.hostHasJoined ? { kind: 'enter' } : { kind: 'wait', reason: 'host_absent' };
    case 'explicit_approval':
      return { kind: 'wait', reason: 'approval_required' };
  }
}
