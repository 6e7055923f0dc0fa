import type { InviteeRecord } from '../../store/webinar-invitees-repository.js';
import type { QuestionnaireAnswer, RegistrantRecord } from '../../store/webinar-registrants-repository.js';
import type { WebinarSessionStatus } from '../../store/webinar-sessions-repository.js';
import type { RegistrationQuestion, RegistrationSettings } from '../../webinars/registration-settings.js';
import type { Registration } from '../../webinars/registration-service.js';
import type { Webinar, WebinarSessionView, WebinarSettings } from '../../webinars/webinar.js';
import type { WebinarEmails } from '../../webinars/webinar-emails.js';
import type { WebinarLinks } from '../../webinars/webinar-links.js';

/** `RcwDomainUserModel`: a user of an account; Parley's users are all of its one domain, `pbx`. */
export interface LinkedUser {
  userId: string;
  accountId: string;
  domain: 'pbx';
}

/** `WcsWebinarResource` (spec §4.2.1). */
export interface WebinarResource {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  title: string;
  description: string;
  settings: WebinarSettings;
  host: { entitled: boolean; userId: string; accountId: string; linkedUser: LinkedUser };
}

/** `WcsSessionResource` (spec §4.2.2). */
export interface SessionResource {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  scheduledStartTime: string;
  scheduledDuration: number;
  timeZone: string;
  localizedTimeZoneDescription: string;
  panelJoinTimeOffset: number;
  title: string;
  description: string;
  status: WebinarSessionStatus;
  hostJoinUri: string;
  localeCode: string;
  videoBridgeId: string;
  attendeeJoinUri: string;
  hasUnsentInvites: boolean;
}

/** `SessionGlobalListEntry`: the session with a reference to its webinar. */
export interface SessionListEntry extends SessionResource {
  webinar: { id: string; title: string; description: string; host: { linkedUser: LinkedUser } };
}

/** `InviteeResource` (spec §4.2.3). */
export interface InviteeResource {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  jobTitle?: string;
  linkedUser?: LinkedUser;
  role: InviteeRecord['role'];
  type: InviteeRecord['type'];
  sendInvite: boolean;
  joinUri: string;
}

/** `RegSessionModel` (spec §4.3.1), with the form's `questions` (a Parley extension). */
export interface RegSessionModel {
  id: string;
  registrationStatus: 'Open' | 'Closed';
  registrationPageUri: string;
  registrantCount: number;
  postWebinarRegistrantCount: number;
  hasRealRegistrants: boolean;
  icalendarSequence: number;
  settings: RegistrationSettings & { recordingExist: boolean; postWebinarRegistrationClosingTime: null };
  questions: RegistrationQuestion[];
}

/** `RegistrantModelWithQuestionnaire` (spec §4.3.2); `icalendarSequence` only in a create's answer. */
export interface RegistrantModel {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  firstName: string;
  lastName: string;
  email: string;
  joinUri: string;
  cancellationUri: string;
  registeredPostWebinar: boolean;
  registrationTime: string;
  externalId?: string;
  source?: string;
  visitorId?: string;
  ipAddress?: string;
  questionnaire?: QuestionnaireAnswer[];
  /** The participant they were in the session: attended. Absent: not (yet) attended. */
  participantId?: string;
  icalendarSequence?: number;
}

const linkedUser = (userId: string, accountId: string): LinkedUser => ({ userId, accountId, domain: 'pbx' });

export function webinarResourceOf(webinar: Webinar): WebinarResource {
  return {
    id: webinar.id,
    creationTime: webinar.createdAt,
    lastModifiedTime: webinar.updatedAt,
    title: webinar.title,
    description: webinar.description,
    settings: webinar.settings,
    // Parley has no webinar licences: every host is entitled.
    host: { entitled: true, userId: webinar.hostUserId, accountId: webinar.accountId, linkedUser: linkedUser(webinar.hostUserId, webinar.accountId) },
  };
}

/** What a session is shown with beyond itself: its links, and whether its invitations all went out. */
export interface SessionPresentation {
  links: WebinarLinks;
  emails: Pick<WebinarEmails, 'hasUnsentInvites'>;
}

export async function sessionResourceOf(view: WebinarSessionView, { links, emails }: SessionPresentation): Promise<SessionResource> {
  const { session, webinar, room } = view;
  return {
    id: session.id,
    creationTime: session.createdAt,
    lastModifiedTime: session.updatedAt,
    scheduledStartTime: session.scheduledStartTime,
    scheduledDuration: session.scheduledDuration,
    timeZone: session.timeZone,
    localizedTimeZoneDescription: timeZoneDescriptionOf(session.timeZone, session.scheduledStartTime),
    panelJoinTimeOffset: session.panelJoinTimeOffset,
    title: session.title,
    description: session.description,
    status: view.status,
    hostJoinUri: await links.hostJoinUri(room, webinar),
    localeCode: session.localeCode,
    // The RingCentral Video bridge a session's room is: its id there.
    videoBridgeId: room.id,
    attendeeJoinUri: await links.attendeeJoinUri(room),
    // A co-host or panelist not sent an invitation (not to be, not yet, or emails off).
    hasUnsentInvites: await emails.hasUnsentInvites(session.id),
  };
}

export async function sessionListEntryOf(view: WebinarSessionView, presentation: SessionPresentation): Promise<SessionListEntry> {
  const { webinar } = view;
  return {
    ...(await sessionResourceOf(view, presentation)),
    webinar: { id: webinar.id, title: webinar.title, description: webinar.description, host: { linkedUser: linkedUser(webinar.hostUserId, webinar.accountId) } },
  };
}

export async function inviteeResourceOf(view: WebinarSessionView, invitee: InviteeRecord, links: WebinarLinks): Promise<InviteeResource> {
  return {
    id: invitee.id,
    creationTime: invitee.createdAt,
    lastModifiedTime: invitee.updatedAt,
    ...(invitee.firstName !== null ? { firstName: invitee.firstName } : {}),
    ...(invitee.lastName !== null ? { lastName: invitee.lastName } : {}),
    ...(invitee.email !== null ? { email: invitee.email } : {}),
    ...(invitee.jobTitle !== null ? { jobTitle: invitee.jobTitle } : {}),
    ...(invitee.linkedUser ? { linkedUser: linkedUser(invitee.linkedUser.userId, invitee.linkedUser.accountId) } : {}),
    role: invitee.role,
    type: invitee.type,
    sendInvite: invitee.sendInvite,
    joinUri: await links.inviteeJoinUri(view.room, view.webinar, invitee),
  };
}

export function regSessionModelOf(registration: Registration, links: WebinarLinks, recordingExist: boolean): RegSessionModel {
  return {
    id: registration.view.session.id,
    registrationStatus: registration.registrationStatus,
    registrationPageUri: links.registrationPageUri(registration.view.session.id),
    registrantCount: registration.registrantCount,
    postWebinarRegistrantCount: 0,
    hasRealRegistrants: registration.registrantCount > 0,
    icalendarSequence: 0,
    settings: { ...registration.settings, recordingExist, postWebinarRegistrationClosingTime: null },
    questions: registration.questions,
  };
}

export async function registrantModelOf(
  view: WebinarSessionView,
  registrant: RegistrantRecord,
  links: WebinarLinks,
  options: { questionnaire: boolean; created?: boolean; participantId?: string | undefined },
): Promise<RegistrantModel> {
  return {
    id: registrant.id,
    creationTime: registrant.createdAt,
    lastModifiedTime: registrant.updatedAt,
    firstName: registrant.firstName,
    lastName: registrant.lastName,
    email: registrant.email,
    joinUri: await links.registrantJoinUri(view.room, registrant),
    cancellationUri: links.registrantCancellationUri(registrant),
    registeredPostWebinar: false,
    registrationTime: registrant.createdAt,
    ...(registrant.externalId !== null ? { externalId: registrant.externalId } : {}),
    ...(registrant.source !== null ? { source: registrant.source } : {}),
    ...(registrant.visitorId !== null ? { visitorId: registrant.visitorId } : {}),
    ...(registrant.ipAddress !== null ? { ipAddress: registrant.ipAddress } : {}),
    ...(options.questionnaire ? { questionnaire: registrant.questionnaire } : {}),
    ...(options.participantId !== undefined ? { participantId: options.participantId } : {}),
    ...(options.created ? { icalendarSequence: 0 } : {}),
  };
}

/** "Eastern Standard Time (America/New_York)": the zone's English name at the session's start. */
function timeZoneDescriptionOf(timeZone: string, at: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' }).formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value;
  return name ? `${name} (${timeZone})` : timeZone;
}
