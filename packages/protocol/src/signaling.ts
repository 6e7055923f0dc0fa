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

export interface ParticipantInfo {
  id: string;
  displayName: string;
  role: ParticipantRole;
  audioMuted: boolean;
  videoMuted: boolean;
  joinedAt: string;
  /** They are sharing their screen (at most one person in a meeting does at a time). */
  screenSharing: boolean;
}

/**
 * What a media line a participant sends carries. A participant sends at most one of each; a screen
 * share is a video line (`screen`) and, where the browser offers it, the shared tab's sound
 * (`screen-audio`).
 */
export type StreamSource = 'microphone' | 'camera' | 'screen' | 'screen-audio';

/** The sources carried on video media lines. */
export type VideoSource = Extract<StreamSource, 'camera' | 'screen'>;

/** One media line of the subscriber connection: which participant's track arrives on `mid`. */
export interface SubscribedStream {
  mid: string;
  participantId: string;
  kind: 'audio' | 'video';
  source: StreamSource;
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
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
}

/**
 * An offer for the publisher connection: the first one publishes, later ones renegotiate (a camera
 * turned on or off, a screen share started or stopped). Only media lines that send count: turning the
 * camera off makes its line stop sending. The server refuses (and changes nothing) an offer that would
 * exceed the room's presenter limit (`presenter_limit_reached`) or share a second screen
 * (`screen_share_busy`).
 */
export interface PublishRequest {
  type: 'publish';
  sdp: string;
  /**
   * What each media line of `sdp` carries, by mid. Without it, the first audio line is the microphone
   * and the first video line the camera; any other sending line must be named here.
   */
  sources?: Record<string, StreamSource>;
  /** Chosen by the page and echoed on the `error` refusing this offer, to tell that refusal from other errors. */
  requestId?: string;
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

// ---- What the page shows (client → server)

/** The most tiles a `video-view` may list: every presenter's camera and a screen share, with room to spare. */
export const VIDEO_VIEW_MAX_TILES = 64;

/** One tile showing someone's video, and its size on screen in device pixels. */
export interface VideoTileView {
  participantId: string;
  source: VideoSource;
  width: number;
  height: number;
}

/**
 * Which of the others' videos the page shows, and how large. The server sends only those videos, each
 * at the simulcast layer its size needs, and pauses every other; audio always flows. Each message
 * replaces the previous one. Until a page sends one, it receives every video at the highest layer.
 */
export interface VideoViewRequest {
  type: 'video-view';
  tiles: VideoTileView[];
}

/**
 * The camera's simulcast layers, lowest first: the rid each is sent with, how much it is scaled down
 * from the capture, and the height it has from the 720p capture pages ask for. The page publishes
 * exactly these; the server picks among them by tile size.
 */
export const CAMERA_SIMULCAST_LAYERS = [
  { rid: 'l', scaleResolutionDownBy: 4, height: 180, maxBitrate: 150_000 },
  { rid: 'm', scaleResolutionDownBy: 2, height: 360, maxBitrate: 500_000 },
  { rid: 'h', scaleResolutionDownBy: 1, height: 720, maxBitrate: 1_200_000 },
] as const;

export type ClientMessage =
  | JoinRequest
  | PublishRequest
  | SubscriberAnswer
  | TrickleFromClient
  | MediaStateUpdate
  | LeaveRequest
  | ChatSendRequest
  | VideoViewRequest;

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
  reason: 'ended' | 'expired';
}

// ---- Who is speaking (server → client)

/**
 * Someone started or stopped speaking, as the SFU hears it (a muted microphone never speaks). Sent to
 * everyone, the speaker included.
 */
export interface SpeakingEvent {
  type: 'speaking';
  participantId: string;
  speaking: boolean;
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
  | SpeakingEvent;

export const SIGNALING_PATH = '/signaling';
