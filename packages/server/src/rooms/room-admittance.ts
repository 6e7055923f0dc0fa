import type { Admittance, ApprovalAudience } from './room.js';

/** The user a participant token names: someone signed in, as opposed to a guest with the link. */
export interface ParticipantUser {
  userId: string;
  accountId: string;
}

/**
 * Whether the room lets this arrival in at all (`admittance`); a refusal says why, in words the page
 * can show. Hosts are not asked: the host URL is the room's own.
 */
export function admittanceRefusal(admittance: Admittance, user: ParticipantUser | undefined, roomAccountId: string): string | undefined {
  if (admittance === 'users' && !user) return 'Only signed-in users may join this meeting';
  if (admittance === 'account_users' && user?.accountId !== roomAccountId) return "Only users of the meeting's organization may join this meeting";
  return undefined;
}

/** Whether the room's join approval level holds this arrival back, given whom it is meant for. */
export function isHeldBack(audience: ApprovalAudience, user: ParticipantUser | undefined, roomAccountId: string): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'guests':
      return user === undefined;
    case 'other_accounts':
      return user?.accountId !== roomAccountId;
  }
}
