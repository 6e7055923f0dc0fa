import type { BridgePasswords } from './bridge-secrets.js';
import type { Room } from './room.js';

/**
 * RingCentral Video's bridge: a room with an owner (a user of the account), a life-cycle type, PSTN
 * PINs and RingCentral's preferences. Its name is the room's display name, its web PIN the room's
 * meeting code; the preferences that a room setting carries (waiting room, muting, recording,
 * password, who may enter) are read from the room, so what the bridge says is what is enforced.
 */
export interface Bridge {
  id: string;
  accountId: string;
  ownerUserId: string;
  type: BridgeType;
  name: string;
  pins: { web: string; pstn: { host: string; participant: string } };
  security: BridgeSecurity;
  preferences: BridgePreferences;
  room: Room;
  createdAt: string;
}

export const BRIDGE_TYPES = ['Instant', 'Scheduled', 'PMI'] as const;
export type BridgeType = (typeof BRIDGE_TYPES)[number];
export const WAITING_ROOM_REQUIRED = ['Nobody', 'Everybody', 'GuestsOnly', 'OtherAccount'] as const;
export type WaitingRoomRequired = (typeof WAITING_ROOM_REQUIRED)[number];
/** `recordingsMode`, `transcriptionsMode`. */
export const AUTOMATION_MODES = ['Auto', 'ForceAuto', 'User'] as const;
export type AutomationMode = (typeof AUTOMATION_MODES)[number];
export const PLAY_TONES = ['On', 'Off', 'ExitOnly', 'EnterOnly'] as const;
export type PlayTones = (typeof PLAY_TONES)[number];

export interface BridgeSecurity {
  passwordProtected: boolean;
  /** Present when protected. */
  passwords: BridgePasswords | undefined;
  noGuests: boolean;
  sameAccount: boolean;
  e2ee: boolean;
}

export interface LockablePreference {
  enabled: boolean;
  locked: boolean;
}

export interface BridgePreferences {
  join: {
    audioMuted: boolean;
    videoMuted: boolean;
    waitingRoomRequired: WaitingRoomRequired;
    pstn: { promptAnnouncement: boolean; promptParticipants: boolean };
  };
  playTones: PlayTones;
  musicOnHold: boolean;
  joinBeforeHost: boolean;
  screenSharing: boolean;
  recordingsMode: AutomationMode;
  transcriptionsMode: AutomationMode;
  recordings: { everyoneCanControl: LockablePreference; autoShared: LockablePreference };
  allowEveryoneTranscribeMeetings: boolean;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What a caller may set on a bridge (`CreateBridgeRequest`, `UpdateBridgeRequest`); what is left out keeps its value or default. */
export interface BridgeInput {
  name?: string;
  /** On creation only. */
  type?: BridgeType;
  pins?: { web?: string; pstn?: { host?: string; participant?: string } };
  security?: { passwordProtected?: boolean; password?: string; noGuests?: boolean; sameAccount?: boolean; e2ee?: boolean };
  preferences?: DeepPartial<BridgePreferences>;
}

/** Who acts on bridges: a user, holding an OAuth token, through their account's application. */
export interface BridgeCaller {
  userId: string;
  accountId: string;
  isAdmin: boolean;
  /** The application their token was issued to: bridges they create are its rooms. */
  applicationId: string;
}
