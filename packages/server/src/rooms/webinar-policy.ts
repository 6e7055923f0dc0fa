import type { ParticipantRole, WebinarRules } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import type { ParticipantUser } from './room-admittance.js';
import type { Room } from './room.js';

/** Who may enter a webinar in a role: anyone, any Parley user (of any account), or users of the host's account. */
export type WebinarAuthentication = 'Guest' | 'AuthenticatedUser' | 'AuthenticatedCoworker';

/**
 * What a webinar's settings ask of its session's room, as the room enforces them (the webinar's own
 * words: see webinars/webinar.ts). Read at every join, and again when the webinar changes while live.
 */
export interface WebinarRoomPolicy {
  /** The webinar's account: `AuthenticatedCoworker` compares with it. */
  accountId: string;
  /** The session was live and ended: nobody enters again, whatever link they have. */
  finished: boolean;
  panelistAuthentication: WebinarAuthentication;
  attendeeAuthentication: WebinarAuthentication;
  /** Panelists wait until a host or co-host lets them in. */
  panelistWaitingRoom: boolean;
  /** Panelists may turn their camera on. */
  panelistVideoEnabled: boolean;
  /** Panelists may share their screen. */
  panelistScreenSharingEnabled: boolean;
  /**
   * Panelists control their own microphone. When off, the host does: panelists join muted as if a
   * moderator had muted them, and speak once a host or co-host asks them to and they accept.
   */
  panelistMuteControlEnabled: boolean;
  qnaEnabled: boolean;
  /** Attendees may ask without their name being shown to anyone. */
  qnaAnonymousEnabled: boolean;
  /** Attendees see only the questions the panel approved (published), and their own. */
  moderatedQnaEnabled: boolean;
  /** Where attendees are sent when the session ends. */
  postWebinarRedirectUri: string | undefined;
}

/** The webinar side of rooms that back webinar sessions; implemented by webinars/. */
export interface WebinarPolicies {
  /** The policy of the webinar whose session the room backs; undefined for any other room. */
  policyOf(roomId: string): Promise<WebinarRoomPolicy | undefined>;
  /**
   * Whether a personal link (a participant token naming `participantId`) still lets its holder in:
   * the invitee is still invited, the registrant still registered.
   */
  personalLinkValid(roomId: string, participantId: string): Promise<boolean>;
}

/**
 * The rules of a webinar room that backs no webinar session (one made through the API alone): Q&A
 * open, named, seen by the audience once answered; the panel unrestricted.
 */
export const UNRESTRICTED_WEBINAR_RULES: WebinarRules = {
  questions: true,
  anonymousQuestions: false,
  moderatedQuestions: true,
  panelistCamera: true,
  panelistScreenSharing: true,
  panelistOwnMicrophone: true,
};

/** What the webinar's pages are told they may do. */
export function webinarRulesOf(policy: WebinarRoomPolicy): WebinarRules {
  return {
    questions: policy.qnaEnabled,
    anonymousQuestions: policy.qnaAnonymousEnabled,
    moderatedQuestions: policy.moderatedQnaEnabled,
    panelistCamera: policy.panelistVideoEnabled,
    panelistScreenSharing: policy.panelistScreenSharingEnabled,
    panelistOwnMicrophone: policy.panelistMuteControlEnabled,
  };
}

/** A participant's place in a webinar, as its settings treat them: the panel (co-hosts and panelists) or the audience. */
function authenticationFor(policy: WebinarRoomPolicy, role: ParticipantRole): WebinarAuthentication {
  return role === 'attendee' ? policy.attendeeAuthentication : policy.panelistAuthentication;
}

/**
 * Refuses whom the webinar's authentication setting does not admit in `role`: `sign_in_required` when
 * nobody signed in (the page then asks them to), `forbidden` for a user of another account where only
 * the host's account is admitted. Hosts are not asked: the host link is the webinar's own.
 */
export function checkWebinarAuthentication(policy: WebinarRoomPolicy, role: ParticipantRole, user: ParticipantUser | undefined): void {
  if (role === 'host') return;
  switch (authenticationFor(policy, role)) {
    case 'Guest':
      return;
    case 'AuthenticatedUser':
      if (!user) throw signInRequired();
      return;
    case 'AuthenticatedCoworker':
      if (!user) throw signInRequired();
      if (user.accountId !== policy.accountId) throw ParleyError.forbidden("Only users of the webinar's organization may join this webinar");
      return;
  }
}

/** Whether a panelist's arrival waits for a host or co-host to let them in. */
export function waitsForPanelAdmission(policy: WebinarRoomPolicy | undefined, role: ParticipantRole): boolean {
  return policy?.panelistWaitingRoom === true && role === 'panelist';
}

/** What a participant of `role` may send under the rules: only panelists are limited by them (attendees send nothing anyway). */
export function panelistMediaLimits(rules: WebinarRules, role: ParticipantRole): { camera: boolean; screen: boolean; ownMicrophone: boolean } {
  if (role !== 'panelist') return { camera: true, screen: true, ownMicrophone: true };
  return { camera: rules.panelistCamera, screen: rules.panelistScreenSharing, ownMicrophone: rules.panelistOwnMicrophone };
}

/**
 * The policy of a webinar room's arrival, once it may come in: refuses everyone once the session has
 * finished (`room_unavailable`), a personal link whose invitee or registrant is gone (`unauthorized`),
 * and whom the authentication settings do not admit (`forbidden`). Undefined for rooms that back no
 * webinar session.
 */
export async function webinarArrivalPolicy(
  policies: WebinarPolicies | undefined,
  room: Pick<Room, 'id' | 'kind' | 'hostParticipantId'>,
  arrival: { participantId: string | undefined; role: ParticipantRole; user: ParticipantUser | undefined },
): Promise<WebinarRoomPolicy | undefined> {
  if (room.kind !== 'webinar' || !policies) return undefined;
  const policy = await policies.policyOf(room.id);
  if (!policy) return undefined;
  if (policy.finished) throw new ParleyError('room_unavailable', 'This webinar has ended');
  if (!(await personalLinkStillValid(policies, room, arrival.participantId))) throw personalLinkRevoked();
  checkWebinarAuthentication(policy, arrival.role, arrival.user);
  return policy;
}

/** Whether the personal link a participant id comes from still works (the host's always does; no link, nothing to check). */
export async function personalLinkStillValid(
  policies: WebinarPolicies | undefined,
  room: Pick<Room, 'id' | 'kind' | 'hostParticipantId'>,
  participantId: string | undefined,
): Promise<boolean> {
  if (room.kind !== 'webinar' || !policies || participantId === undefined || participantId === room.hostParticipantId) return true;
  if (isSignedInParticipantId(participantId)) return true;
  return policies.personalLinkValid(room.id, participantId);
}

export function personalLinkRevoked(): ParleyError {
  return ParleyError.unauthorized('This webinar link no longer works: its invitation or registration was cancelled');
}

const SIGNED_IN_PREFIX = 'signed-in:';

/**
 * The participant id of a user who signed in on a webinar's page to prove who they are: it names the
 * user, and no invitee or registrant (whose ids are digits), so it is no personal link.
 */
export function signedInParticipantId(userId: string): string {
  return `${SIGNED_IN_PREFIX}${userId}`;
}

export function isSignedInParticipantId(participantId: string): boolean {
  return participantId.startsWith(SIGNED_IN_PREFIX);
}

function signInRequired(): ParleyError {
  return new ParleyError('sign_in_required', 'Sign in to join this webinar');
}
