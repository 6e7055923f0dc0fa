/** A room as the domain knows it, independent of any façade's wire format. */
export interface Room {
  serial: number;
  id: string;
  applicationId: string;
  displayName: string;
  metadata: string | null;
  type: RoomType;
  /** A meeting, or the stage and audience of a webinar session (webinars/). */
  kind: RoomKind;
  expiresAt: string;
  expireAfterUse: boolean;
  recording: { autoRecord: boolean; recordOnlyOwner: boolean };
  meetingCode: string;
  isAvailable: boolean;
  themeId: string | null;
  joinApprovalLevel: JoinApprovalLevel;
  /** Whom the approval level holds back: the others enter as if it were `none`. */
  approvalAudience: ApprovalAudience;
  /** Who may enter at all; hosts always may. */
  admittance: Admittance;
  /** The scrypt hash of the password guests must give to join (see room-password.ts); null for none. */
  passwordHash: string | null;
  microphoneState: MicrophoneState;
  /** How cameras start: `off` has everyone join with the camera off (they may turn it on). */
  cameraState: CameraState;
  callbackUrls: { rooms: string | null; sessions: string | null; recordings: string | null };
  features: RoomFeatures;
  language: string;
  hostParticipantId: string;
  closeAt: string | null;
  createdAt: string;
}

export type RoomType = 'instant' | 'long_term';
/**
 * `meeting`: everyone may publish (within the presenter limit). `webinar`: a webinar session's room,
 * where hosts, co-hosts and panelists are on stage and attendees only watch and listen.
 */
export type RoomKind = 'meeting' | 'webinar';
export type JoinApprovalLevel = 'none' | 'after_owner_only' | 'explicit_approval';
/**
 * Who waits under the room's join approval level: `everyone` (every non-host, as Vonage's rooms),
 * `guests` (people no participant token names as a user), or `other_accounts` (guests, and users of
 * other accounts than the room's). RingCentral's `waitingRoomRequired` maps onto these.
 */
export type ApprovalAudience = 'everyone' | 'guests' | 'other_accounts';
/**
 * Who may enter: `anyone` with the link, only `users` (whom a participant token names), or only
 * `account_users` (users of the room's own account). RingCentral's `noGuests` and `sameAccount`.
 */
export type Admittance = 'anyone' | 'users' | 'account_users';
export type MicrophoneState = 'default' | 'on' | 'off';
export type CameraState = 'default' | 'off';

export interface RoomFeatures {
  recording: boolean;
  chat: boolean;
  whiteboard: boolean;
  localeSwitcher: boolean;
  captions: boolean;
  /** Everyone may share a screen; when off, only hosts and co-hosts may (RingCentral's `screenSharing`). */
  screenSharing: boolean;
}

/** The languages of the meeting page (`ui_settings.language`). */
export const ROOM_LANGUAGES = ['en', 'he', 'es', 'pt-br', 'it', 'ca', 'fr', 'de', 'ar', 'zh-tw', 'zh-cn'] as const;

/** Instant rooms live this long unused, and every room this long after its last participant left. */
export const ROOM_IDLE_LIFETIME_MS = 10 * 60_000;
