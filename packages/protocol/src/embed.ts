/**
 * The embedding protocol: how a page that shows a Parley meeting in an iframe (the host page) drives it
 * and follows it, with `window.postMessage`. Every message carries `parley: EMBED_PROTOCOL_VERSION`, so
 * each side tells Parley's messages from anything else posted to it, and a later version can change
 * shapes without being misread. See docs/embed.md.
 *
 * host page → meeting page: `EmbedCommandMessage`. meeting page → host page: `EmbedEventMessage`, and one
 * `EmbedResultMessage` for every command.
 */
import type { DisconnectReason } from './disconnect-reason.js';
import type { ErrorCode } from './errors.js';
import type { Caption, ChatMessage, ParticipantInfo, ParticipantRef, RaisedHand } from './signaling.js';

export const EMBED_PROTOCOL_VERSION = 1;

/** What the host page may ask. */
export type EmbedCommand =
  /** Turns the microphone off (before joining: the pre-join switch). */
  | { command: 'mute' }
  /** Turns the microphone on; refused with `media_moderated` while a moderator keeps it off. */
  | { command: 'unmute' }
  /** Turns the camera on; refused with `presenter_limit_reached` or `media_moderated` as the toolbar's switch is. */
  | { command: 'camera-on' }
  | { command: 'camera-off' }
  /** Leaves the meeting (or the waiting room). */
  | { command: 'leave' }
  | { command: 'raise-hand' }
  | { command: 'lower-hand' }
  /** A chat message to everyone; refused with `chat_unavailable`, `validation_failed` or `rate_limited`. */
  | { command: 'send-chat'; text: string }
  /** Before joining: the name to join with. In the meeting: a rename everyone sees. */
  | { command: 'set-display-name'; displayName: string };

export type EmbedCommandName = EmbedCommand['command'];

export const EMBED_COMMANDS: readonly EmbedCommandName[] = [
  'mute',
  'unmute',
  'camera-on',
  'camera-off',
  'leave',
  'raise-hand',
  'lower-hand',
  'send-chat',
  'set-display-name',
];

/**
 * host page → meeting page. `requestId` (at most 64 characters) is echoed on the command's result, so
 * a host page can tell its answers apart.
 */
export type EmbedCommandMessage = EmbedCommand & {
  parley: typeof EMBED_PROTOCOL_VERSION;
  type: 'command';
  requestId?: string;
};

/**
 * Why a command was refused: a code from Parley's error table (what the server answered), or one of the
 * meeting page's own: `bad_command` (not a command this version knows, or missing its fields),
 * `unsupported_version`, `not_available` (not on the screen the page shows now: a chat message before
 * joining, say), `device_unavailable` (no microphone or camera to turn on or off), `connection_lost`,
 * `media_failed`.
 */
export type EmbedErrorCode = ErrorCode | 'bad_command' | 'unsupported_version' | 'not_available' | 'device_unavailable' | 'connection_lost' | 'media_failed';

export interface EmbedError {
  code: EmbedErrorCode;
  /** For logs, in English; branch on `code`. */
  message: string;
}

/** meeting page → host page: the answer to one command, carried out (`ok`) or refused (`error`). */
export type EmbedResultMessage = {
  parley: typeof EMBED_PROTOCOL_VERSION;
  type: 'result';
  /** The command answered; `null` when the message named none the page knows. */
  command: EmbedCommandName | null;
  requestId?: string;
} & ({ ok: true } | { ok: false; error: EmbedError });

/** What the meeting page tells the host page, by event name. */
export interface EmbedEvents {
  /** The page takes commands: sent once, when it first shows a screen that can carry some out. */
  ready: { version: typeof EMBED_PROTOCOL_VERSION };
  /** In the meeting: oneself, everyone already there, the meeting's name. */
  joined: { self: ParticipantInfo; participants: ParticipantInfo[]; roomName: string };
  /** Out of the meeting, and why. The page then shows its own "you left" screen, with Rejoin. */
  left: { reason: DisconnectReason };
  /** One's own name, media, role or moderation changed (by a command, the page's own buttons or a moderator). */
  'self-updated': { self: ParticipantInfo };
  'participant-joined': { participant: ParticipantInfo };
  /** Someone else's name, media, role or moderation changed. */
  'participant-updated': { participant: ParticipantInfo };
  'participant-left': { participant: ParticipantRef };
  /**
   * Who has the floor: the last person (oneself included) who started speaking and is still in the
   * meeting. Silence keeps them; `null` when nobody still there has spoken.
   */
  'active-speaker': { participantId: string | null };
  /** A chat message said in the meeting after one joined, one's own included. Plain text, never markup. */
  'chat-message': { message: ChatMessage };
  'hand-raised': { hand: RaisedHand };
  'hand-lowered': { participantId: string };
  /** The meeting started being recorded (also on joining one that is); `automatic`: it cannot be stopped. */
  'recording-started': { startedAt: string; automatic: boolean };
  /** The meeting stopped being recorded. */
  'recording-stopped': Record<string, never>;
  /** While live captions are on: one utterance someone said (oneself included). Plain text, never markup. */
  caption: { caption: Caption };
}

export type EmbedEventName = keyof EmbedEvents;

/** meeting page → host page. */
export type EmbedEventMessage = {
  [E in EmbedEventName]: { parley: typeof EMBED_PROTOCOL_VERSION; type: 'event'; event: E; data: EmbedEvents[E] };
}[EmbedEventName];

/** Everything the meeting page posts to its host page. */
export type EmbedOutgoingMessage = EmbedEventMessage | EmbedResultMessage;
