/**
 * The signaling protocol between a meeting page (through `@parley/client`) and the Parley server, over
 * one WebSocket at `/signaling`. The browser never talks to the SFU: the server relays offers, answers
 * and ICE candidates to the media handles it holds, so every permission is enforced server-side.
 *
 * Per participant there are two PeerConnections: `publisher` (what the browser sends) and
 * `subscriber` (everything it receives, one multistream connection the server re-offers as
 * publishers come and go).
 */

/**
 * `host`: came in through the host URL. `cohost`: promoted by a host, or invited as a webinar co-host;
 * moderates like a host. `guest`: anyone else in a meeting. In a webinar, `panelist`s are on stage with
 * the hosts (they publish, they do not moderate) and `attendee`s watch and listen (they never publish).
 */
export const PARTICIPANT_ROLES = ['host', 'cohost', 'guest', 'panelist', 'attendee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Whether someone in this role may moderate the meeting (mute, remove, admit, lock…). */
export function canModerate(role: ParticipantRole): boolean {
  return role === 'host' || role === 'cohost';
}

/** Whether someone in this role may send media: everyone but a webinar's attendees. */
export function canPublish(role: ParticipantRole): boolean {
  return role !== 'attendee';
}
export type PeerConnectionKind = 'publisher' | 'subscriber';

/** What can change about the meeting while people are in it; everyone in it sees the same. */
export interface MeetingSettings {
  /** Nobody new gets in (hosts arriving through the host URL still do). */
  locked: boolean;
  /** The room's optional parts as they are now: the API may turn them on or off during the meeting. */
  features: import('./room-info.js').RoomFeatures;
}

/** Why a guest waits before entering (`join_approval_level`). */
export type WaitingReason =
  /** `after_owner_only`: the meeting opens when its host arrives. */
  | 'host_absent'
  /** `explicit_approval`: someone in the meeting must let each guest in. */
  | 'approval_required';

/** A guest in the waiting room, as the meeting's moderators see them. */
export interface WaitingGuest {
  /** Names the guest in `admit` and `deny`; not their participant id (they have none until admitted). */
  id: string;
  displayName: string;
  /** ISO-8601: when they started waiting. */
  since: string;
}

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
  /**
   * True while the participant's connection is lost and the server holds their place (at most
   * `RECONNECT_GRACE_MS`); absent otherwise.
   */
  reconnecting?: boolean;
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
  /**
   * A guest's identity: a random id (8 to 64 letters, digits, `-` or `_`) the page keeps across visits
   * (localStorage). A host who blocks someone blocks this identity (or, for those who came with a
   * participant token, the token's participant), so a blocked guest cannot come back.
   */
  guestId?: string;
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** The room's password, for a guest when the room has one (`PublicRoomInfo.passwordRequired`). */
  password?: string;
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

// ---- Reconnection: a dropped connection resumes the same participant within the grace period.

/** How long the server keeps a participant whose connection dropped, for them to resume. */
export const RECONNECT_GRACE_MS = 30_000;
/** A page sends `ping` this often; the server answers `pong`. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A page whose `ping` the server leaves unanswered (nor sends anything else) this long treats its connection as dead. */
export const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * The first message on a new connection of a participant whose previous one dropped, in place of
 * `join`, on any node of the cluster (see `NodeUrls`). The server answers `resumed`, a fatal
 * `resume_expired` error once their place is gone, or a `try_again` error when this node cannot take
 * the meeting just now (try the next node).
 */
export interface ResumeRequest {
  type: 'resume';
  meetingCode: string;
  /** The secret `resumeToken` of the participant's `joined` message. */
  resumeToken: string;
}

/** Proves the connection alive both ways; answered with `pong`. */
export interface PingRequest {
  type: 'ping';
}

/**
 * The subscriber connection's ICE failed: the server answers with a new `subscriber-offer` carrying
 * fresh ICE credentials. (The publisher restarts ICE itself, with a `publish` offer made for it.)
 */
export interface SubscriberIceRestartRequest {
  type: 'subscriber-ice-restart';
}

// Admission: the lock and the waiting room. Only moderators (`canModerate`) may send these; anyone else
// gets a `forbidden` error.

/** Locks the meeting (nobody new gets in) or unlocks it. Everyone is told with `room-updated`. */
export interface SetLockRequest {
  type: 'set-lock';
  locked: boolean;
}

/** The longest list of guests one `admit` or `deny` may name. */
export const WAITING_ANSWER_MAX_GUESTS = 200;

/**
 * Lets waiting guests in. One guest, or every guest the moderator sees listed ("admit all"): naming
 * them means nobody who arrived a moment later is let in unseen. Guests who are no longer waiting
 * (another moderator answered, or they left) are skipped; when none of them still waits, a
 * `not_found` error says so.
 */
export interface AdmitRequest {
  type: 'admit';
  waitingIds: string[];
}

/** Turns waiting guests away; each sees that they were not let in. Same rules as `admit`. */
export interface DenyRequest {
  type: 'deny';
  waitingIds: string[];
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

/**
 * Promotes a guest to co-host, or demotes a co-host to guest. In a webinar the roles are `cohost`,
 * `panelist` and `attendee` instead: a moderator brings an attendee on stage as a panelist (their page
 * starts sending only once they turn their camera or microphone on) and sends a panelist back to the
 * audience (the server stops their media at once). Any other role is refused with `validation_failed`.
 */
export interface SetRoleRequest {
  type: 'set-role';
  participantId: string;
  role: AssignableRole;
  requestId?: string;
}

/** Ends the meeting for everyone (hosts only): every page gets `room-closed` with `ended_by_host`. */
export interface EndMeetingRequest {
  type: 'end-meeting';
  requestId?: string;
}

// ---- One's display name (client → server)

/** The longest display name, in characters, once its spaces are tidied (runs made one, ends trimmed). */
export const DISPLAY_NAME_MAX_LENGTH = 100;

/**
 * Renames oneself during the meeting. The server tidies the name's spaces and keeps it in the session's
 * record; everyone, oneself included, gets `participant-updated`. Answered with `ack` or `error` (echoing
 * `requestId`) like the controls below: `validation_failed` for a name empty or longer than
 * `DISPLAY_NAME_MAX_LENGTH` once tidied, or with control characters; `rate_limited` beyond a few a minute.
 * Chat messages already sent keep the name they were sent under.
 */
export interface SetDisplayNameRequest {
  type: 'set-display-name';
  displayName: string;
  requestId?: string;
}

/** Everything a participant does to the meeting beyond their own media: hands, reactions, moderation, their name. */
export type MeetingControlRequest =
  | SetDisplayNameRequest
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

// ---- Recording (client → server). Only moderators (`canModerate`) may send these; anyone else gets
// `forbidden`. Each may carry a `requestId`, answered with an `ack` once done or an `error` saying why not.
// Everyone in the meeting then gets `recording-state`.

/**
 * Starts recording the meeting. Refused with `recording_unavailable` when the room's recording is off,
 * `conflict` when it is already being recorded.
 */
export interface StartRecordingRequest {
  type: 'start-recording';
  requestId?: string;
}

/**
 * Stops recording the meeting. Refused with `forbidden` in a room that records every session
 * (`RecordingState.automatic`), `conflict` when nothing is being recorded.
 */
export interface StopRecordingRequest {
  type: 'stop-recording';
  requestId?: string;
}

export type RecordingControlRequest = StartRecordingRequest | StopRecordingRequest;

/** The roles a moderator may give someone during a session (`set-role`). */
export type AssignableRole = Extract<ParticipantRole, 'cohost' | 'guest' | 'panelist' | 'attendee'>;

// ---- Webinars (client → server). Only in a room of kind `webinar`; elsewhere refused with `bad_request`.
// Each may carry a `requestId`, answered with an `ack` once done or an `error` saying why not.

/**
 * Where a webinar session stands (the RingCentral `runtimeStatus`). A session starts in `Practice`: the
 * panel is on stage, the audience waits and receives no media. `Live`: attendees watch and listen.
 * `Break`: attendees see a break screen and receive no media. `Debrief`: the webinar ended for the
 * audience (every attendee was let go, none may join); the panel stays until a host ends the session
 * (`end-meeting`). `Idle` is a session nobody started; `GoingLive` is the façade's transition state,
 * which Parley passes through at once.
 */
export const WEBINAR_RUNTIME_STATUSES = ['Idle', 'Practice', 'GoingLive', 'Live', 'Break', 'Debrief'] as const;
export type WebinarRuntimeStatus = (typeof WEBINAR_RUNTIME_STATUSES)[number];

/** The statuses a host or co-host may move a webinar to: `Live` from `Practice` or `Break`, `Break` from `Live`, `Debrief` from `Live` or `Break`. */
export type SettableRuntimeStatus = Extract<WebinarRuntimeStatus, 'Live' | 'Break' | 'Debrief'>;

/** Moves the webinar on (moderators only, else `forbidden`; a move the table above does not allow is `conflict`). Everyone gets `webinar-status`. */
export interface SetRuntimeStatusRequest {
  type: 'set-runtime-status';
  status: SettableRuntimeStatus;
  requestId?: string;
}

/** The longest question or answer, in characters once trimmed. */
export const QUESTION_MAX_LENGTH = 500;

/**
 * An attendee's question to the panel (attendees only; plain text, 1 to `QUESTION_MAX_LENGTH`
 * characters once trimmed; rate-limited). The panel and the asker get `question`.
 */
export interface AskQuestionRequest {
  type: 'ask-question';
  text: string;
  /** Asked without the asker's name, where the webinar allows it (`WebinarRules.anonymousQuestions`). */
  anonymous?: boolean;
  requestId?: string;
}

/** Answers a question in text (anyone on stage); the answer reaches every attendee (`question`). */
export interface AnswerQuestionRequest {
  type: 'answer-question';
  questionId: string;
  text: string;
  requestId?: string;
}

/** Puts a question aside unanswered (anyone on stage); the panel and the asker see it dismissed. */
export interface DismissQuestionRequest {
  type: 'dismiss-question';
  questionId: string;
  requestId?: string;
}

export type WebinarRequest = SetRuntimeStatusRequest | AskQuestionRequest | AnswerQuestionRequest | DismissQuestionRequest;

// ---- Media failover (client → server)

/**
 * The page dropped both media connections after `media-reconnect`: what it sends from now on is for the
 * meeting's new media server. Until then the server ignores its offers, answers, candidates and ICE
 * restarts, which belong to the connections the lost media server carried.
 */
export interface MediaReconnectAck {
  type: 'media-reconnect-ack';
}

// ---- Live captions (client → server). Only moderators (`canModerate`) may send this; anyone else gets
// `forbidden`. It may carry a `requestId`, answered with an `ack` once done or an `error` saying why not.
// Everyone in the meeting then gets `captions-state`.

/**
 * Turns live captions on or off for everyone in the meeting (nothing changes when they already are).
 * Turning them on is refused with `captions_unavailable` when the room's captions are off, and with
 * `speech_recognizer_unavailable` when the server has no speech recognizer installed.
 */
export interface SetCaptionsRequest {
  type: 'set-captions';
  active: boolean;
  requestId?: string;
}

export type ClientMessage =
  | JoinRequest
  | PublishRequest
  | SubscriberAnswer
  | TrickleFromClient
  | MediaStateUpdate
  | LeaveRequest
  | ChatSendRequest
  | ResumeRequest
  | PingRequest
  | SubscriberIceRestartRequest
  | SetLockRequest
  | AdmitRequest
  | DenyRequest
  | VideoViewRequest
  | MeetingControlRequest
  | RecordingControlRequest
  | WebinarRequest
  | MediaReconnectAck
  | SetCaptionsRequest;

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
  /** Secret to the participant: resumes them after a dropped connection (`resume`). */
  resumeToken: string;
  settings: MeetingSettings;
  /** The hands up when this participant arrived, first raised first. */
  raisedHands: RaisedHand[];
  /** Where to resume should this node go away: see `NodeUrls`. */
  nodeUrls: NodeUrls;
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
  /**
   * `ended`: the room was closed through the API; `ended_by_host`: a host ended the meeting for all;
   * `webinar_ended`: to a webinar's attendees, the webinar ended for its audience (`Debrief`).
   */
  reason: 'ended' | 'expired' | 'ended_by_host' | 'webinar_ended';
  /** To a webinar's attendees: where the webinar sends its audience once it ends (its `postWebinarRedirectUri`). */
  redirectUri?: string;
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

// ---- Reconnection

/**
 * The answer to `resume`: the participant is back, as who they were. Carries the session as it is
 * now, so the page can catch up on whoever came, went or changed, and on what was said, while it was away.
 */
export interface ResumedEvent {
  type: 'resumed';
  self: ParticipantInfo;
  sessionId: string;
  /** Everyone else in the session now. */
  participants: ParticipantInfo[];
  /** The session's chat so far, oldest first (the same window `joined` hands a newcomer). */
  chatHistory: ChatMessage[];
  /** The hands up now, first raised first. */
  raisedHands: RaisedHand[];
  /** Where to resume should this node go away: see `NodeUrls`. */
  nodeUrls: NodeUrls;
}

export interface PongEvent {
  type: 'pong';
}

// Admission: the lock, the waiting room, the room's settings.

/**
 * A guest's join is on hold: they are in the waiting room, not in the meeting (no media, not listed).
 * `joined` follows when they are let in; an `admission_denied` error when they are turned away.
 * Closing the connection, or sending `leave`, leaves the waiting room.
 */
export interface WaitingEvent {
  type: 'waiting';
  reason: WaitingReason;
}

/** To moderators: everyone in the waiting room, longest waiting first. Sent on joining and on every change. */
export interface WaitingRoomEvent {
  type: 'waiting-room';
  waiting: WaitingGuest[];
}

/** The meeting's settings changed (locked or unlocked, a feature turned on or off). */
export interface RoomUpdatedEvent {
  type: 'room-updated';
  settings: MeetingSettings;
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

// ---- Recording (server → client)

/** Whether the meeting is being recorded: what everyone's recording indicator shows. */
export interface RecordingState {
  active: boolean;
  /** ISO-8601: when the recording under way started; absent when nothing is recorded. */
  startedAt?: string;
  /** The room records every session (`auto_record`): this recording cannot be stopped. */
  automatic: boolean;
}

/** To everyone: the meeting's recording state, sent just after `joined` (and `resumed`) and on every change. */
export interface RecordingStateEvent {
  type: 'recording-state';
  recording: RecordingState;
}

// ---- Webinars (server → client). Attendees never hear of each other: they are not in `participants`
// of `joined`, nor sent their joins, leaves, hands, reactions or chat; the stage (hosts, co-hosts,
// panelists) sees everyone.

/** A question of a webinar's Q&A. Its texts are plain text, never markup. */
export interface WebinarQuestion {
  id: string;
  /** The attendee who asked it, and their name when they did. */
  askedBy: ParticipantRef;
  text: string;
  /** ISO-8601, stamped by the server. */
  askedAt: string;
  status: 'open' | 'answered' | 'dismissed';
  /** Asked anonymously: `askedBy.displayName` is empty for everyone, the panel included. */
  anonymous?: boolean;
  /** Once answered. */
  answer?: { text: string; by: ParticipantRef; answeredAt: string };
}

/**
 * Sent just after `joined` (and `resumed`) in a webinar: where it stands, how many attendees watch,
 * and the questions this participant may see (the stage: all; an attendee: the answered ones and their own).
 */
export interface WebinarStateEvent {
  type: 'webinar-state';
  runtimeStatus: WebinarRuntimeStatus;
  attendeeCount: number;
  questions: WebinarQuestion[];
  /** What the webinar's settings allow; sent again whenever they change during the session. */
  rules: WebinarRules;
}

/** A webinar's settings as its pages follow them (the server enforces each). */
export interface WebinarRules {
  /** Attendees may ask questions. */
  questions: boolean;
  /** Attendees may ask without their name. */
  anonymousQuestions: boolean;
  /** Attendees see only the questions the panel answered, and their own; else every question not dismissed. */
  moderatedQuestions: boolean;
  /** Panelists may turn their camera on. */
  panelistCamera: boolean;
  /** Panelists may share their screen. */
  panelistScreenSharing: boolean;
  /** Panelists unmute themselves; else they stay muted until a host or co-host asks them to speak. */
  panelistOwnMicrophone: boolean;
}

/** To everyone: the webinar moved on. */
export interface WebinarStatusEvent {
  type: 'webinar-status';
  runtimeStatus: WebinarRuntimeStatus;
}

/** To everyone, at most about once a second while it changes: how many attendees watch. */
export interface AttendeeCountEvent {
  type: 'attendee-count';
  count: number;
}

/** A question was asked, answered or dismissed: to the stage and its asker, and, once answered, to every attendee. */
export interface QuestionEvent {
  type: 'question';
  question: WebinarQuestion;
}

// ---- Media failover (server → client)

/**
 * To everyone: the media server carrying the meeting was lost, and the meeting is being moved to a
 * healthy one (the same session, its people and chat unchanged). The page drops both of its media
 * connections, publishes again what it was sending (microphone, camera as it was, a screen share in
 * progress) on a new one, and takes the next `subscriber-offer` on a new subscriber connection. It
 * says `media-reconnect-ack` first. What it sends afterwards waits on the server for the meeting to be
 * back. A page that was away when this was sent gets it again just after `resumed`.
 */
export interface MediaReconnectEvent {
  type: 'media-reconnect';
}

// ---- Live captions (server → client)

/** Whether live captions run in the meeting: what every page's captions switch shows. */
export interface CaptionsState {
  active: boolean;
  /**
   * The language the server recognises speech in (BCP 47, `en-US`): captions transcribe speech in this
   * language only, whatever language the page is shown in.
   */
  language: string;
}

/** To everyone: the meeting's captions state, sent just after `joined` (and `resumed`) and on every change. */
export interface CaptionsStateEvent {
  type: 'captions-state';
  captions: CaptionsState;
}

/** Something a participant said, as the server's speech recognizer heard it: one utterance. */
export interface Caption {
  participantId: string;
  /** The speaker's display name when they said it. */
  displayName: string;
  /** Plain text, never markup; lower-case words without punctuation, as the recognizer gives them. */
  text: string;
  /** ISO-8601, stamped by the server when the utterance ended. */
  at: string;
}

/** To everyone, while captions are on: one utterance recognised, the speaker's own included. */
export interface CaptionEvent {
  type: 'caption';
  caption: Caption;
}

// ---- A meeting outlives its node (server → client)

/**
 * The public URL of the node that sent it, then those of the cluster's other live nodes that take
 * meetings. When the signaling connection drops, the page resumes on the URL it reached this node by
 * (which may differ from the first, behind a proxy), then on each of the others in turn:
 * if the node running the meeting died or drained, another takes the meeting over (the same session,
 * its people and chat) on the first `resume` it gets, and tells the page `media-reconnect` after
 * `resumed`. A node that cannot take it just now answers a non-fatal `try_again` error.
 */
export type NodeUrls = string[];

/**
 * To everyone, before the node closes their connection: it is shutting down and hands the meeting
 * over. The page resumes at once, on another node first (see `NodeUrls`); nothing is for the person
 * to do.
 */
export interface NodeDrainingEvent {
  type: 'node-draining';
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
  | ResumedEvent
  | PongEvent
  | WaitingEvent
  | WaitingRoomEvent
  | RoomUpdatedEvent
  | SpeakingEvent
  | HandRaisedEvent
  | HandLoweredEvent
  | ReactionEvent
  | MediaStoppedEvent
  | UnmuteRequestedEvent
  | RemovedEvent
  | AckEvent
  | RecordingStateEvent
  | WebinarStateEvent
  | WebinarStatusEvent
  | AttendeeCountEvent
  | QuestionEvent
  | MediaReconnectEvent
  | CaptionsStateEvent
  | CaptionEvent
  | NodeDrainingEvent;

export const SIGNALING_PATH = '/signaling';
