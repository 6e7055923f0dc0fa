import { randomInt } from 'node:crypto';
import { ParleyError } from '../errors.js';
import type { BridgeCaller } from '../rooms/bridge.js';
import type { Room } from '../rooms/room.js';
import type { WebinarRecord } from '../store/webinars-repository.js';
import type { WebinarSessionRecord, WebinarSessionStatus } from '../store/webinar-sessions-repository.js';

/** Who calls: a user of an account through a client app; `isAdmin` is RingCentral's "WebinarSettings" permission. */
export type WebinarCaller = BridgeCaller;

export type WebinarAuthentication = 'Guest' | 'AuthenticatedUser' | 'AuthenticatedCoworker';
export const WEBINAR_AUTHENTICATIONS = ['Guest', 'AuthenticatedUser', 'AuthenticatedCoworker'] as const;

/** The webinar settings a host may set (RingCentral's `WcsWebinarSettingsModel` without its read-only ones). */
export interface WritableWebinarSettings {
  autoRecord: boolean;
  panelistWaitingRoom: boolean;
  panelistVideoEnabled: boolean;
  panelistScreenSharingEnabled: boolean;
  panelistMuteControlEnabled: boolean;
  panelistAuthentication: WebinarAuthentication;
  attendeeAuthentication: WebinarAuthentication;
  artifactsAccessAuthentication: WebinarAuthentication;
  pstnEnabled: boolean;
  qnaEnabled: boolean;
  qnaAnonymousEnabled: boolean;
  moderatedQnaEnabled: boolean;
  registrationEnabled: boolean;
  password?: string;
  postWebinarRedirectUri?: string;
}

/** Every setting as shown: the read-only ones are the account policy Parley has (all on but deletion). */
export interface WebinarSettings extends WritableWebinarSettings {
  recordingEnabled: boolean;
  recordingSharingEnabled: boolean;
  recordingDownloadEnabled: boolean;
  pastSessionDeletionEnabled: boolean;
  pollsEnabled: boolean;
  pollsAnonymousEnabled: boolean;
  externalLivestreamEnabled: boolean;
}

/** RingCentral's defaults (spec §4.2.1). */
const DEFAULT_SETTINGS: WebinarSettings = {
  recordingEnabled: true,
  autoRecord: false,
  recordingSharingEnabled: true,
  recordingDownloadEnabled: true,
  pastSessionDeletionEnabled: false,
  panelistWaitingRoom: false,
  panelistVideoEnabled: true,
  panelistScreenSharingEnabled: true,
  panelistMuteControlEnabled: true,
  panelistAuthentication: 'Guest',
  attendeeAuthentication: 'Guest',
  artifactsAccessAuthentication: 'AuthenticatedUser',
  pstnEnabled: false,
  qnaEnabled: true,
  qnaAnonymousEnabled: true,
  moderatedQnaEnabled: false,
  pollsEnabled: true,
  pollsAnonymousEnabled: true,
  registrationEnabled: false,
  externalLivestreamEnabled: true,
};

/** The settings stored (what the host set), over the defaults. */
export function webinarSettingsOf(stored: string): WebinarSettings {
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(stored) as Partial<WritableWebinarSettings>) };
}

/**
 * The stored settings after a change: what is given replaces what was, and an empty `password`
 * removes it (RingCentral: "in order to reset a webinar password it should be passed as an empty string").
 */
export function mergeWebinarSettings(stored: string, changes: Partial<WritableWebinarSettings> | undefined): string {
  const merged: Partial<WritableWebinarSettings> = { ...(JSON.parse(stored) as Partial<WritableWebinarSettings>), ...changes };
  if (merged.password === '') delete merged.password;
  return JSON.stringify(merged);
}

export interface Webinar extends Omit<WebinarRecord, 'settings'> {
  settings: WebinarSettings;
}

export function webinarOf(record: WebinarRecord): Webinar {
  return { ...record, settings: webinarSettingsOf(record.settings) };
}

/** A session with what it is shown with: its webinar, its status and its room. */
export interface WebinarSessionView {
  webinar: Webinar;
  session: WebinarSessionRecord;
  status: WebinarSessionStatus;
  room: Room;
}

/** The title a session is shown with: its own, or its webinar's when it has none. */
export function sessionTitleOf(view: Pick<WebinarSessionView, 'webinar' | 'session'>): string {
  return view.session.title !== '' ? view.session.title : view.webinar.title;
}

/** When a session starts, in its own time zone, for people to read: "Monday, March 2, 2026 at 3:00 PM GMT+1". */
export function sessionStartText(session: Pick<WebinarSessionView['session'], 'timeZone' | 'scheduledStartTime'>): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: session.timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(session.scheduledStartTime));
}

/** Webinar, session, invitee and registrant ids: 12 digits, as RingCentral's are numeric strings (at most 20 characters). */
export function newWebinarId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

/** A refusal about one field of the request, which the façade names in its error. */
export function invalidParameter(parameterName: string, message = `Parameter [${parameterName}] value is invalid.`): ParleyError {
  return ParleyError.validation(message, [{ parameterName }]);
}
