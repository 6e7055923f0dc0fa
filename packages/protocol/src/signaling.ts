/**
 * The signaling protocol between a meeting page (through `@parley/client`) and the Parley server, over
 * one WebSocket at `/signaling`. The browser never talks to the SFU: the server relays offers, answers
 * and ICE candidates to the media handles it holds, so every permission is enforced server-side.
 *
 * Per participant there are two PeerConnections: `publisher` (what the browser sends) and
 * `subscriber` (everything it receives, one multistream connection the server re-offers as
 * publishers come and go).
 */

/** `host`: came in through the host URL. `cohost`: a guest a host promoted; moderates like a host. */
export type ParticipantRole = 'host' | 'cohost' | 'guest';

/** Whether someone in this role may moderate the meeting (mute, remove, admit, lock…). */
export function canModerate(role: ParticipantRole): boolean {
  return role !== 'guest';
}
export type PeerConnectionKind = 'publisher' | 'subscriber';

/** What a participant sends: their microphone (`audio`) or their camera (`video`). */
export type MediaKind = 'audio' | 'video';

export interface ParticipantInfo {
  id: string;
  displayName: string;
  /** Live: a host may promote a guest to co-host (and back) during the meeting. */
  role: ParticipantRole;
  audioMuted: boolean;
  videoMuted: boolean;
  /**
   * Media a moderator stopped at the media server: it reaches nobody, and the participant cannot turn
   * it back on until a moderator asks them to and they accept (`accept-unmute`). Moderated media is
   * always muted too.
   */
  moderated: Record<MediaKind, boolean>;
  joinedAt: string;
}

/** Who did something to someone (lowered their hand, muted them): enough to name them on the page. */
export interface ParticipantRef {
  id: string;
  displayName: string;
}

/** One media line of the subscriber connection: which participant's track arrives on `mid`. */
export interface SubscribedStream {
  mid: string;
  participantId: string;
  kind: 'audio' | 'video';
}

export interface IceCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

// ---------------------------------------------------------------- client → server

export interface JoinRequest {
  type: 'join';
  meetingCode: string;
  /** The host URL's `participant_token`; absent for guests. */
  participantToken?: string;
  /**
   * A guest's identity: a random id (8 to 64 letters, digits, `-` or `_`) the page keeps across visits
   * (localStorage). A host who blocks someone blocks this identity (or, for those who came with a
   * participant token, the token's participant), so a blocked guest cannot come back.
   */
  guestId?: string;
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface PublishRequest {
  type: 'publish';
  sdp: string;
}

export interface SubscriberAnswer {
  type: 'subscriber-answer';
  sdp: string;
}

export interface TrickleFromClient {
  type: 'trickle';
  pc: PeerConnectionKind;
  /** `null` when the browser has gathered every candidate. */
  candidate: IceCandidate | null;
}

export interface MediaStateUpdate {
  type: 'media-state';
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface LeaveRequest {
  type: 'leave';
}

/** The longest chat message, in characters after trimming. */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;

/** A message to everyone in the meeting. The server stamps who sent it and when. */
export interface ChatSendRequest {
  type: 'chat-send';
  /** 1 to `CHAT_MESSAGE_MAX_LENGTH` characters once trimmed. */
  text: string;
  /**
   * Chosen by the page and echoed on the answer meant for it (its own `chat-message`, or an `error`),
   * so a page can tell which of its messages was accepted or refused.
   */
  requestId?: string;
}

// Raise hand, reactions and moderation. Each request may carry a `requestId` chosen by the page: the
// server answers it with an `ack` once carried out, or an `error` saying why not, both echoing it.
// Moderation requests (stop-media … set-role) are refused with `forbidden` unless the sender's role
// can moderate (`canModerate`), and nobody can moderate a host or themselves; only a host may end the
// meeting for everyone.

/** The reactions a participant can send, shown briefly over their tile to everyone. */
export const REACTIONS = ['👍', '👏', '😂', '😮', '❤️', '🎉'] as const;
export type ReactionEmoji = (typeof REACTIONS)[number];

/** Puts one's hand up, at the end of the meeting's queue of raised hands (nothing if it is already up). */
export interface RaiseHandRequest {
  type: 'raise-hand';
  requestId?: string;
}

/** Puts a hand down: one's own, or (moderators only) anyone's. */
export interface LowerHandRequest {
  type: 'lower-hand';
  /** Whose hand; absent for one's own. */
  participantId?: string;
  requestId?: string;
}

/** A reaction to everyone, rate-limited per participant (`rate_limited` beyond the limit). */
export interface SendReactionRequest {
  type: 'send-reaction';
  emoji: ReactionEmoji;
  requestId?: string;
}

/**
 * Stops someone's microphone (`audio`: mute them) or camera (`video`) at the media server. They see who
 * did it (`media-stopped`), and cannot turn it back on until a moderator asks them to and they accept.
 */
export interface StopMediaRequest {
  type: 'stop-media';
  participantId: string;
  kind: MediaKind;
  requestId?: string;
}

/** Stops the microphone of everyone who cannot moderate, as `stop-media` does for one. */
export interface MuteEveryoneRequest {
  type: 'mute-everyone';
  requestId?: string;
}

/** Asks a participant whose microphone (or camera) is off to turn it on; they see `unmute-requested`. */
export interface AskToUnmuteRequest {
  type: 'ask-to-unmute';
  participantId: string;
  kind: MediaKind;
  requestId?: string;
}

/**
 * Accepts a moderator's `unmute-requested`: lifts the moderator's stop on that media, so the page may
 * turn it on (with `media-state`). Refused when no moderator asked.
 */
export interface AcceptUnmuteRequest {
  type: 'accept-unmute';
  kind: MediaKind;
  requestId?: string;
}

/** Takes someone out of the meeting (`removed`); with `block`, they cannot come back to this room. */
export interface RemoveParticipantRequest {
  type: 'remove-participant';
  participantId: string;
  block: boolean;
  requestId?: string;
}

/** Promotes a guest to co-host, or demotes a co-host to guest. */
export interface SetRoleRequest {
  type: 'set-role';
  participantId: string;
  role: 'cohost' | 'guest';
  requestId?: string;
}

/** Ends the meeting for everyone (hosts only): every page gets `room-closed` with `ended_by_host`. */
export interface EndMeetingRequest {
  type: 'end-meeting';
  requestId?: string;
}

/** Everything a participant does to the meeting beyond their own media: hands, reactions, moderation. */
export type MeetingControlRequest =
  | RaiseHandRequest
  | LowerHandRequest
  | SendReactionRequest
  | StopMediaRequest
  | MuteEveryoneRequest
  | AskToUnmuteRequest
  | AcceptUnmuteRequest
  | RemoveParticipantRequest
  | SetRoleRequest
  | EndMeetingRequest;

export type ClientMessage =
  | JoinRequest
  | PublishRequest
  | SubscriberAnswer
  | TrickleFromClient
  | MediaStateUpdate
  | LeaveRequest
  | ChatSendRequest
  | MeetingControlRequest;

// ---------------------------------------------------------------- server → client

export interface JoinedEvent {
  type: 'joined';
  self: ParticipantInfo;
  sessionId: string;
  roomDisplayName: string;
  /** Everyone else already in the session. */
  participants: ParticipantInfo[];
  /** What was said in the session's chat before this participant arrived, oldest first. */
  chatHistory: ChatMessage[];
  /** The hands up when this participant arrived, first raised first. */
  raisedHands: RaisedHand[];
}

/** One chat message, as everyone in the meeting sees it. Its text is plain text, never markup. */
export interface ChatMessage {
  id: string;
  participantId: string;
  /** The sender's display name when they sent it. */
  senderName: string;
  text: string;
  /** ISO-8601, stamped by the server. */
  sentAt: string;
}

export interface ChatMessageEvent {
  type: 'chat-message';
  message: ChatMessage;
  /** Only on the sender's copy: the `requestId` of its `chat-send`. */
  requestId?: string;
}

export interface PublisherAnswer {
  type: 'publisher-answer';
  sdp: string;
}

/** A (re)negotiation of the subscriber connection; the page answers with `subscriber-answer`. */
export interface SubscriberOffer {
  type: 'subscriber-offer';
  sdp: string;
  streams: SubscribedStream[];
}

export interface ParticipantJoinedEvent {
  type: 'participant-joined';
  participant: ParticipantInfo;
}

export interface ParticipantUpdatedEvent {
  type: 'participant-updated';
  participant: ParticipantInfo;
}

export interface ParticipantLeftEvent {
  type: 'participant-left';
  participantId: string;
}

export interface SignalingErrorEvent {
  type: 'error';
  code: import('./errors.js').ErrorCode;
  message: string;
  /** True when the server closes the connection after this error (a refused join, for instance). */
  fatal: boolean;
  /** The `requestId` of the request this error refuses, when that request carried one. */
  requestId?: string;
}

export interface RoomClosedEvent {
  type: 'room-closed';
  /** `ended`: the room was closed through the API; `ended_by_host`: a host ended the meeting for all. */
  reason: 'ended' | 'expired' | 'ended_by_host';
}

// Raise hand, reactions and moderation (server → client).

/** A hand in the meeting's queue; the queue is ordered by when hands went up. */
export interface RaisedHand {
  participantId: string;
  /** ISO-8601, stamped by the server. */
  raisedAt: string;
}

/** A hand went up, at the end of the queue. Sent to everyone, the participant included. */
export interface HandRaisedEvent {
  type: 'hand-raised';
  hand: RaisedHand;
}

/** A hand went down. Sent to everyone; hands of people who leave go down without this event. */
export interface HandLoweredEvent {
  type: 'hand-lowered';
  participantId: string;
  /** The moderator who lowered it, when it was not the participant themselves. */
  by?: ParticipantRef;
}

/** A reaction, to everyone, the sender included. */
export interface ReactionEvent {
  type: 'reaction';
  participantId: string;
  emoji: ReactionEmoji;
  /** ISO-8601, stamped by the server. */
  sentAt: string;
}

/** To the participant only: a moderator stopped their microphone or camera (see `ParticipantInfo.moderated`). */
export interface MediaStoppedEvent {
  type: 'media-stopped';
  kind: MediaKind;
  by: ParticipantRef;
}

/** To the participant only: a moderator asks them to turn their microphone (or camera) on. */
export interface UnmuteRequestedEvent {
  type: 'unmute-requested';
  kind: MediaKind;
  by: ParticipantRef;
}

/** To the participant only, just before the server closes their connection: a moderator removed them. */
export interface RemovedEvent {
  type: 'removed';
  /** They are blocked too: joining this room again is refused with `participant_blocked`. */
  blocked: boolean;
  by: ParticipantRef;
}

/** A request that carried a `requestId` was carried out. */
export interface AckEvent {
  type: 'ack';
  requestId: string;
}

export type ServerMessage =
  | JoinedEvent
  | PublisherAnswer
  | SubscriberOffer
  | ParticipantJoinedEvent
  | ParticipantUpdatedEvent
  | ParticipantLeftEvent
  | SignalingErrorEvent
  | RoomClosedEvent
  | ChatMessageEvent
  | HandRaisedEvent
  | HandLoweredEvent
  | ReactionEvent
  | MediaStoppedEvent
  | UnmuteRequestedEvent
  | RemovedEvent
  | AckEvent;

export const SIGNALING_PATH = '/signaling';
