import { randomInt } from 'node:crypto';
import type { BridgeRecord } from '../store/bridges-repository.js';
import type { Bridge, BridgeInput, BridgePreferences, BridgeSecurity, BridgeType, WaitingRoomRequired } from './bridge.js';
import type { BridgePasswords } from './bridge-secrets.js';
import type { Admittance, ApprovalAudience, CameraState, JoinApprovalLevel, MicrophoneState, Room, RoomFeatures } from './room.js';

/**
 * What a bridge keeps besides its room (`bridges.preferences`): RingCentral's preferences as last set
 * (those a room setting carries are read back from the room), and the security flags no room setting
 * carries in full.
 */
export interface StoredBridgeSettings {
  preferences: BridgePreferences;
  noGuests: boolean;
  e2ee: boolean;
}

/** RingCentral's defaults (spec §3.2.1): a PMI waits for its host and for other accounts; the others let everyone in. */
export function defaultPreferences(type: BridgeType): BridgePreferences {
  const pmi = type === 'PMI';
  return {
    join: {
      audioMuted: false,
      videoMuted: false,
      waitingRoomRequired: pmi ? 'OtherAccount' : 'Nobody',
      pstn: { promptAnnouncement: true, promptParticipants: true },
    },
    playTones: 'Off',
    musicOnHold: true,
    joinBeforeHost: !pmi,
    screenSharing: true,
    recordingsMode: 'User',
    transcriptionsMode: 'User',
    recordings: { everyoneCanControl: { enabled: true, locked: false }, autoShared: { enabled: true, locked: false } },
    allowEveryoneTranscribeMeetings: true,
  };
}

/** The preferences with what the input sets laid over them, field by field. */
export function mergePreferences(base: BridgePreferences, input: BridgeInput['preferences']): BridgePreferences {
  if (!input) return base;
  const { join, recordings, ...flat } = input;
  return {
    ...base,
    ...definedOnly(flat),
    join: { ...base.join, ...definedOnly({ ...join, pstn: undefined }), pstn: { ...base.join.pstn, ...definedOnly(join?.pstn ?? {}) } },
    recordings: {
      everyoneCanControl: { ...base.recordings.everyoneCanControl, ...definedOnly(recordings?.everyoneCanControl ?? {}) },
      autoShared: { ...base.recordings.autoShared, ...definedOnly(recordings?.autoShared ?? {}) },
    },
  };
}

/** The room settings a bridge's preferences and security come down to: what the server enforces. */
export interface BridgeRoomSettings {
  joinApprovalLevel: JoinApprovalLevel;
  approvalAudience: ApprovalAudience;
  admittance: Admittance;
  microphoneState: MicrophoneState;
  cameraState: CameraState;
  features: Pick<RoomFeatures, 'screenSharing'>;
  recording: { autoRecord: boolean; recordOnlyOwner: boolean };
}

/**
 * - Not joining before the host has everyone wait for the host; otherwise `waitingRoomRequired` says
 *   who waits for them (nobody, everybody, guests, or people from other accounts).
 * - `sameAccount` admits only the account's users; `noGuests` only signed-in users.
 * - Audio muted on join is the room's microphone forced off, video muted on join its cameras starting
 *   off; screen sharing not allowed leaves it to hosts and co-hosts; automatic recording (`Auto`, `ForceAuto`)
 *   records from the start; recording controlled by the host only when not everyone may control it.
 */
export function roomSettingsOf(preferences: BridgePreferences, security: Pick<BridgeSecurity, 'noGuests' | 'sameAccount'>): BridgeRoomSettings {
  const audience = AUDIENCES[preferences.joinBeforeHost ? preferences.join.waitingRoomRequired : 'Everybody'];
  return {
    joinApprovalLevel: audience === undefined ? 'none' : 'after_owner_only',
    approvalAudience: audience ?? 'everyone',
    admittance: security.sameAccount ? 'account_users' : security.noGuests ? 'users' : 'anyone',
    microphoneState: preferences.join.audioMuted ? 'off' : 'default',
    cameraState: preferences.join.videoMuted ? 'off' : 'default',
    features: { screenSharing: preferences.screenSharing },
    recording: { autoRecord: preferences.recordingsMode !== 'User', recordOnlyOwner: !preferences.recordings.everyoneCanControl.enabled },
  };
}

const AUDIENCES: Record<WaitingRoomRequired, ApprovalAudience | undefined> = {
  Nobody: undefined,
  Everybody: 'everyone',
  GuestsOnly: 'guests',
  OtherAccount: 'other_accounts',
};

/**
 * The bridge as it is: its record, with what its room carries read from the room (which the Vonage API
 * may have changed too), so the bridge never claims a setting the server does not enforce.
 */
export function bridgeOf(record: BridgeRecord, room: Room, passwords: BridgePasswords | undefined): Bridge {
  const stored = JSON.parse(record.preferences) as StoredBridgeSettings;
  const preferences = stored.preferences;
  const passwordProtected = room.passwordHash !== null;
  const approval = approvalOf(room, preferences);
  return {
    id: record.roomId,
    accountId: record.accountId,
    ownerUserId: record.ownerUserId,
    type: record.type,
    name: room.displayName,
    pins: { web: room.meetingCode, pstn: { host: record.pstnHostPin, participant: record.pstnParticipantPin } },
    security: {
      passwordProtected,
      passwords: passwordProtected ? passwords : undefined,
      noGuests: room.admittance === 'users' || (room.admittance === 'account_users' && stored.noGuests),
      sameAccount: room.admittance === 'account_users',
      e2ee: stored.e2ee,
    },
    preferences: {
      ...preferences,
      joinBeforeHost: approval.joinBeforeHost,
      join: { ...preferences.join, audioMuted: room.microphoneState === 'off', videoMuted: room.cameraState === 'off', waitingRoomRequired: approval.waitingRoomRequired },
      screenSharing: room.features.screenSharing,
      recordingsMode: room.recording.autoRecord ? (preferences.recordingsMode === 'User' ? 'Auto' : preferences.recordingsMode) : 'User',
      recordings: { ...preferences.recordings, everyoneCanControl: { ...preferences.recordings.everyoneCanControl, enabled: !room.recording.recordOnlyOwner } },
    },
    room,
    createdAt: record.createdAt,
  };
}

/** The waiting-room choices that give the room's approval level and audience, preferring the ones last set. */
function approvalOf(room: Room, set: BridgePreferences): { waitingRoomRequired: WaitingRoomRequired; joinBeforeHost: boolean } {
  if (room.joinApprovalLevel === 'none') return { waitingRoomRequired: 'Nobody', joinBeforeHost: true };
  if (room.joinApprovalLevel === 'explicit_approval') return { waitingRoomRequired: 'Everybody', joinBeforeHost: set.joinBeforeHost };
  if (room.approvalAudience === 'guests') return { waitingRoomRequired: 'GuestsOnly', joinBeforeHost: true };
  if (room.approvalAudience === 'other_accounts') return { waitingRoomRequired: 'OtherAccount', joinBeforeHost: true };
  return set.joinBeforeHost ? { waitingRoomRequired: 'Everybody', joinBeforeHost: true } : { waitingRoomRequired: set.join.waitingRoomRequired, joinBeforeHost: false };
}

/** A 12-digit PSTN PIN, leading zeros and all, like RingCentral's (`013409241367`). */
export function randomPstnPin(): string {
  return randomDigits(12);
}

/** A meeting password like RingCentral's generated ones (`Wq123ygs15`): ten letters and digits. */
export function randomBridgePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** The password phone callers type on their keypad: ten digits. */
export function randomPstnPassword(): string {
  return randomDigits(10);
}

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
