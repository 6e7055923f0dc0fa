import type { WebinarRuntimeStatus } from '@parley/protocol';
import type { Recording } from '../../recording/recording.js';
import { recordingDurationSeconds } from '../../recording/recording.js';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { User } from '../../store/users-repository.js';
import type { InviteeRecord } from '../../store/webinar-invitees-repository.js';
import type { SessionParticipant, WebinarRole } from '../../webinars/attendance.js';
import type { Webinar, WebinarSettings } from '../../webinars/webinar.js';
import { sessionTitleOf } from '../../webinars/webinar.js';
import { webinarRecordingStatusOf, type SessionHistory, type WebinarRecordingStatus } from '../../webinars/webinar-history.js';
import type { LinkedUser } from './webinar-json.js';

/** `HostModel`: the host's name and who they are. */
interface HostModel {
  firstName: string;
  lastName: string;
  linkedUser: LinkedUser;
}

/** `HistoryWebinarResource` (spec §4.4.1). */
export interface HistoryWebinarResource {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  title: string;
  description: string;
  settings: WebinarSettings;
  host: HostModel;
}

/** `RecordingModel` / `RecordingExtendedModel` (spec §4.4.5). */
export interface RecordingModel {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  status: WebinarRecordingStatus;
  failureReason?: { errorCode: string; message: string };
  duration?: number;
  shared: boolean;
  sharedUriExpirationTime: null;
  recordingSharedUri?: string;
}

/** `HistorySessionResource` (spec §4.4.1). */
export interface HistorySessionResource {
  id: string;
  creationTime: string;
  lastModifiedTime: string;
  startTime: string;
  endTime: string;
  duration: number;
  title: string;
  description: string;
  scheduledStartTime: string;
  scheduledDuration: number;
  timeZone: string;
  localeCode: string;
  panelJoinTimeOffset: number;
  status: SessionHistory['view']['status'];
  /** Active sessions only (spec: `Idle` is never returned). */
  runtimeStatus?: WebinarRuntimeStatus;
  participantCount: number;
  attendeeCount: number;
  uniqueParticipantCount: number;
  uniqueAttendeeCount: number;
  videoBridgeId: string;
  recording?: RecordingModel;
}

/** `SessionGlobalResource`: the session with a reference to its webinar. */
export interface SessionGlobalResource extends HistorySessionResource {
  webinar: { id: string; title: string; description: string; host: HostModel };
}

/** `InviteeModel` (spec §4.4.3). */
export interface HistoryInviteeModel {
  id: string;
  firstName?: string;
  lastName?: string;
  role: WebinarRole;
  originalRole: WebinarRole;
  linkedUser?: LinkedUser;
  type: InviteeRecord['type'];
  email?: string;
  qnaBlocked: boolean;
  sendInvite: boolean;
  joined: boolean;
}

/** `ParticipantReducedModel` (spec §4.4.4). */
export interface ParticipantReducedModel {
  id: string;
  firstName: string;
  lastName: string;
  role: WebinarRole;
  originalRole: WebinarRole;
  linkedUser?: LinkedUser;
  type: 'User';
}

/** `ParticipantExtendedModel`, with `duration` (seconds present; a Parley extension). */
export interface ParticipantExtendedModel extends ParticipantReducedModel {
  email?: string;
  qnaBlocked: boolean;
  joinTime: string;
  leaveTime?: string;
  duration: number;
  wasEjected: boolean;
  inviteeId?: string;
  registrantId?: string;
  uniqueUserHash: string;
}

export interface HistoryPresentation {
  downloadLinks: RecordingDownloadLinks;
  /** The webinar's host, for `HostModel` (absent if they were deleted since). */
  host: User | undefined;
}

const linkedUser = (userId: string, accountId: string): LinkedUser => ({ userId, accountId, domain: 'pbx' });

/** A name as first and last name: RingCentral keeps two, Parley one. */
function namesOf(name: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

function hostModelOf(webinar: Webinar, host: User | undefined): HostModel {
  return { ...namesOf(host?.name ?? ''), linkedUser: linkedUser(webinar.hostUserId, webinar.accountId) };
}

export function historyWebinarOf(webinar: Webinar, host: User | undefined): HistoryWebinarResource {
  return {
    id: webinar.id,
    creationTime: webinar.createdAt,
    lastModifiedTime: webinar.updatedAt,
    title: webinar.title,
    description: webinar.description,
    settings: webinar.settings,
    host: hostModelOf(webinar, host),
  };
}

/** A recording; `extended` adds its sharing link (a download link, while it is available). */
export function recordingModelOf(recording: Recording, links: RecordingDownloadLinks, extended: boolean): RecordingModel {
  const status = webinarRecordingStatusOf(recording.status);
  return {
    id: recording.id,
    creationTime: recording.createdAt,
    lastModifiedTime: recording.endedAt ?? recording.createdAt,
    status,
    ...(recording.status === 'failed' ? { failureReason: { errorCode: 'REC-500', message: recording.failureReason ?? 'Recording processing failed' } } : {}),
    ...(recording.endedAt !== null ? { duration: Math.max(1, recordingDurationSeconds({ startedAt: recording.startedAt, endedAt: recording.endedAt })) } : {}),
    shared: false,
    sharedUriExpirationTime: null,
    ...(extended && status === 'Available' ? { recordingSharedUri: links.linkTo(recording.id) } : {}),
  };
}

export function historySessionOf(history: SessionHistory, links: RecordingDownloadLinks, extended: boolean): HistorySessionResource {
  const { view, attendance } = history;
  const { session } = view;
  // The session's recording: its first (a session that was recorded again has more, listed under /recordings).
  const recording = history.recordings[0];
  return {
    id: session.id,
    creationTime: session.createdAt,
    lastModifiedTime: session.updatedAt,
    startTime: history.startTime,
    endTime: history.endTime,
    duration: history.duration,
    title: sessionTitleOf(view),
    description: session.description,
    scheduledStartTime: session.scheduledStartTime,
    scheduledDuration: session.scheduledDuration,
    timeZone: session.timeZone,
    localeCode: session.localeCode,
    panelJoinTimeOffset: session.panelJoinTimeOffset,
    status: view.status,
    ...(view.status === 'Active' && history.runtimeStatus ? { runtimeStatus: history.runtimeStatus } : {}),
    participantCount: attendance.participantCount,
    attendeeCount: attendance.attendeeCount,
    uniqueParticipantCount: attendance.participants.length,
    uniqueAttendeeCount: attendance.participants.filter((p) => p.role === 'Attendee').length,
    videoBridgeId: view.room.id,
    ...(recording ? { recording: recordingModelOf(recording, links, extended) } : {}),
  };
}

export function sessionGlobalOf(history: SessionHistory, presentation: HistoryPresentation): SessionGlobalResource {
  const { webinar } = history.view;
  return {
    ...historySessionOf(history, presentation.downloadLinks, false),
    webinar: { id: webinar.id, title: webinar.title, description: webinar.description, host: hostModelOf(webinar, presentation.host) },
  };
}

export function historyInviteeOf(invitee: InviteeRecord, joined: boolean): HistoryInviteeModel {
  return {
    id: invitee.id,
    ...(invitee.firstName !== null ? { firstName: invitee.firstName } : {}),
    ...(invitee.lastName !== null ? { lastName: invitee.lastName } : {}),
    role: invitee.role,
    originalRole: invitee.role,
    ...(invitee.linkedUser ? { linkedUser: linkedUser(invitee.linkedUser.userId, invitee.linkedUser.accountId) } : {}),
    type: invitee.type,
    ...(invitee.email !== null ? { email: invitee.email } : {}),
    qnaBlocked: false,
    sendInvite: invitee.sendInvite,
    joined,
  };
}

export function participantReducedOf(participant: SessionParticipant, accountId: string): ParticipantReducedModel {
  return {
    id: participant.id,
    ...namesOf(participant.displayName),
    role: participant.role,
    originalRole: participant.originalRole,
    ...(participant.userId !== null ? { linkedUser: linkedUser(participant.userId, accountId) } : {}),
    type: 'User',
  };
}

export function participantExtendedOf(participant: SessionParticipant, history: SessionHistory): ParticipantExtendedModel {
  const invitee = participant.inviteeId !== undefined ? history.invitees.find((i) => i.id === participant.inviteeId) : undefined;
  const registrant = participant.registrantId !== undefined ? history.registrants.find((r) => r.id === participant.registrantId) : undefined;
  const email = invitee?.email ?? registrant?.email;
  return {
    ...participantReducedOf(participant, history.view.webinar.accountId),
    ...(email ? { email } : {}),
    qnaBlocked: false,
    joinTime: participant.joinTime,
    ...(participant.leaveTime !== undefined ? { leaveTime: participant.leaveTime } : {}),
    duration: participant.duration,
    wasEjected: participant.wasEjected,
    ...(participant.inviteeId !== undefined ? { inviteeId: participant.inviteeId } : {}),
    ...(participant.registrantId !== undefined ? { registrantId: participant.registrantId } : {}),
    uniqueUserHash: participant.uniqueUserHash,
  };
}

/** A recording with the session it is of (`SessionRefModel`). */
export function recordingItemOf(recording: Recording, history: SessionHistory, presentation: HistoryPresentation, extended: boolean) {
  const { view } = history;
  const { webinar } = view;
  return {
    ...recordingModelOf(recording, presentation.downloadLinks, extended),
    session: {
      id: view.session.id,
      startTime: history.startTime,
      endTime: history.endTime,
      duration: history.duration,
      title: sessionTitleOf(view),
      description: view.session.description,
      webinar: { id: webinar.id, title: webinar.title, description: webinar.description, host: hostModelOf(webinar, presentation.host) },
    },
  };
}
