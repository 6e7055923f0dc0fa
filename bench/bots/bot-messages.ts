/**
 * What the benchmark and its bot processes say to each other over the Node IPC channel. A bot process
 * gets one `start`, answers `ready` once every bot in it carries media (or `failed`), answers each
 * `report` with its totals so far, and exits on `stop`.
 */
import type { RtpTotals } from './rtp-counter.js';
import type { RoomAccess } from './room-access.js';
import type { CameraSettings } from './camera-settings.js';

export interface PublisherBotsStart {
  type: 'start';
  access: RoomAccess;
  /** One publisher per id: its feed id on bare Janus, its display name in Parley. */
  ids: string[];
  /** Absent: the publishers only speak (an audio-only room). */
  camera?: CameraSettings;
  /** Publish the camera as three simulcast layers (rids q, h, f: ¼, ½ and full size). */
  simulcast: boolean;
}

export interface SubscriberBotsStart {
  type: 'start';
  access: RoomAccess;
  ids: string[];
}

/**
 * What the subscribers of one process received, and how long each took to get in: from sending its
 * `join` to its first RTP packet (a bot that has received nothing yet is not listed).
 */
export interface SubscriberTotals extends RtpTotals {
  joinMilliseconds: number[];
}

export type BotCommand<Start> = Start | { type: 'report' } | { type: 'stop' };

/** What the publishers of one process sent, per outgoing stream ("audio", "video", "video q"…). */
export type PublisherTotals = Record<string, { packets: number; bytes: number; frames: number; width: number; height: number }>;

export type BotEvent<Totals> = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'report'; totals: Totals };
