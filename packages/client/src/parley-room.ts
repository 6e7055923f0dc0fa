import {
  CHAT_MESSAGE_MAX_LENGTH,
  type Caption,
  type CaptionsState,
  type ChatMessage,
  type DisconnectReason,
  type MediaKind,
  type MeetingControlRequest,
  type MeetingSettings,
  type ParticipantInfo,
  type ParticipantRef,
  type RaisedHand,
  type ReactionEmoji,
  type RecordingControlRequest,
  type RecordingState,
  type ResumedEvent,
  type ServerMessage,
  type SetCaptionsRequest,
  type StreamSource,
  type VideoTileView,
  type SettableRuntimeStatus,
  type WaitingGuest,
  type WaitingReason,
  type WebinarQuestion,
  type WebinarRules,
  type WebinarRequest,
  type WebinarRuntimeStatus,
  canPublish,
  type AssignableRole,
} from '@parley/protocol';
import { catchUpMessages } from './catch-up.js';
import { ParleyClientError } from './client-error.js';
import { rememberedGuestId } from './guest-identity.js';
import { IceWatchdog } from './ice-watchdog.js';
import { NetworkMonitor } from './network-monitor.js';
import type { NetworkQuality } from './network-quality.js';
import { PendingRequests } from './pending-requests.js';
import { PublisherConnection } from './publisher-connection.js';
import { ReconnectingSignaling, type ResumeTarget } from './reconnecting-socket.js';
import { SignalingSocket } from './signaling-socket.js';
import { SubscriberConnection } from './subscriber-connection.js';
import { TypedEmitter } from './typed-emitter.js';
import { WebinarState } from './webinar-state.js';

export interface JoinOptions {
  meetingCode: string;
  /** The host URL's `participant_token`; leave out for guests. */
  participantToken?: string;
  /**
   * Who this guest is across visits, so a host's block holds (see `rememberedGuestId`, the default).
   * Ignored when joining with a participant token.
   */
  guestId?: string;
  displayName: string;
  /** From getUserMedia: zero or one audio track, zero or one video track. */
  localStream: MediaStream;
  audioMuted: boolean;
  videoMuted: boolean;
  /** Defaults to the page's origin. */
  serverUrl?: string;
  /** The room's password, for guests of a room that has one (`PublicRoomInfo.passwordRequired`). */
  password?: string;
  /**
   * Called when the join is held in the room's waiting room: `join` then resolves only once someone
   * lets this person in (or rejects with `admission_denied`), however long that takes.
   */
  onWaiting?: (reason: WaitingReason) => void;
  /** Gives up joining (leaving the waiting room, say): `join` rejects with code `cancelled`. */
  signal?: AbortSignal;
}

/** Someone else in the meeting, and the media received from them. */
export interface RemoteParticipant {
  info: ParticipantInfo;
  /** Their microphone and camera, added and removed as media starts and stops arriving. */
  stream: MediaStream;
  /** Their screen share and its sound, while they share (`info.screenSharing`). */
  screenStream: MediaStream;
}

/** A reaction someone sent; show it briefly over their tile. */
export interface Reaction {
  participantId: string;
  emoji: ReactionEmoji;
  sentAt: string;
}

export interface RoomEvents {
  'participant-joined': (participant: RemoteParticipant) => void;
  'participant-left': (participantId: string) => void;
  /** Someone else's name, role, media or moderation changed. */
  'participant-updated': (participant: RemoteParticipant) => void;
  /** A track started arriving from someone: in `stream`, or in `screenStream` for a share. */
  track: (participant: RemoteParticipant, track: MediaStreamTrack, source: StreamSource) => void;
  /** Someone (oneself included) started or stopped speaking. */
  speaking: (participantId: string, speaking: boolean) => void;
  /** One's own screen share started (with what is shared) or ended (`null`), the browser's own "Stop sharing" included. */
  'local-screen-share': (stream: MediaStream | null) => void;
  /** A chat message to everyone, one's own included, in the order the server keeps. */
  'chat-message': (message: ChatMessage) => void;
  /**
   * The connection to the server dropped and the SDK is getting it back (media may keep flowing).
   * Others see this participant as `reconnecting` meanwhile; chat cannot be sent.
   */
  reconnecting: () => void;
  /** Back as the same participant. Whatever changed meanwhile arrived just before, as the usual events. */
  reconnected: () => void;
  /** How well someone's media gets through, yourself (`self.id`) included; sampled every few seconds. */
  'network-quality': (participantId: string, quality: NetworkQuality) => void;
  /** The meeting was locked or unlocked, or one of the room's features turned on or off. */
  'room-updated': (settings: MeetingSettings) => void;
  /** For moderators: who waits to be let in, longest waiting first. */
  'waiting-room': (waiting: WaitingGuest[]) => void;
  /**
   * One's own role, media or moderation changed: through one's own `setMicrophoneEnabled` and
   * `setCameraEnabled`, or by a moderator (muted, promoted to co-host…). `self` is the new state.
   */
  'self-updated': (self: ParticipantInfo) => void;
  /** A hand went up (one's own included), at the end of `raisedHands()`. */
  'hand-raised': (hand: RaisedHand) => void;
  /** A hand went down; `by` is the moderator who lowered it, when it was not its owner. */
  'hand-lowered': (participantId: string, by: ParticipantRef | undefined) => void;
  /** Someone (oneself included) sent a reaction. */
  reaction: (reaction: Reaction) => void;
  /**
   * A moderator stopped one's microphone (`audio`) or camera (`video`) at the server: it is off, and
   * turning it on is refused (`media_moderated`) until a moderator asks and one accepts.
   */
  'media-stopped': (kind: MediaKind, by: ParticipantRef) => void;
  /** A moderator asks one to turn one's microphone (or camera) on: see `acceptUnmuteRequest`. */
  'unmute-requested': (kind: MediaKind, by: ParticipantRef) => void;
  /** The meeting started or stopped being recorded (see `recording`). */
  'recording-state': (state: RecordingState) => void;
  /** Webinars: the webinar moved on (see `runtimeStatus`). */
  'runtime-status': (status: WebinarRuntimeStatus) => void;
  /** Webinars: how many attendees watch changed (see `attendeeCount`). */
  'attendee-count': (count: number) => void;
  /** Webinars: a question was asked, answered or dismissed (see `questions`). */
  question: (question: WebinarQuestion) => void;
  /** Webinars: what the webinar's settings allow changed (see `webinarRules`). */
  'webinar-rules': (rules: WebinarRules) => void;
  /**
   * The media server carrying the meeting was lost and the meeting is moving to another: one stays in
   * it (chat, hands and everyone's place go on), while one's audio and video connect again by
   * themselves. `media-reconnected` follows once one's media is published there again.
   */
  'media-reconnecting': () => void;
  'media-reconnected': () => void;
  /** Live captions were turned on or off for everyone (see `captions`). */
  'captions-state': (state: CaptionsState) => void;
  /** While captions are on: something someone (oneself included) said. Plain text: render it as text. */
  caption: (caption: Caption) => void;
  /** The end: `by` is the moderator, when one was `removed` or `blocked`. */
  disconnected: (reason: DisconnectReason, message?: string, by?: ParticipantRef) => void;
}

const JOIN_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** An offer the server neither answers nor refuses in this time is given up (and rolled back). */
const PUBLISH_TIMEOUT_MS = 20_000;

/**
 * A joined meeting: publish local media, receive everyone else's, follow who comes and goes, chat,
 * raise a hand, react, and (as a host or co-host) moderate.
 */
export class ParleyRoom extends TypedEmitter<RoomEvents> {
  private readonly remotes = new Map<string, RemoteParticipant>();
  private readonly chat: ChatMessage[] = [];
  private readonly speaking = new Set<string>();
  private screen: MediaStream | null = null;
  private lastVideoView = '';
  private hands: RaisedHand[] = [];
  private readonly chatSends = new PendingRequests<ChatMessage>('chat', REQUEST_TIMEOUT_MS, 'The server did not answer the chat message');
  private readonly controlRequests = new PendingRequests<void>('control', REQUEST_TIMEOUT_MS, 'The server did not answer the request');
  private readonly publishOffers = new PendingRequests<string>('publish', PUBLISH_TIMEOUT_MS, 'The server did not answer the offer');
  /** The offer the server answers next: negotiations run one at a time, and answers carry no id. */
  private awaitedOffer: string | undefined;
  private publisher: PublisherConnection | undefined;
  private subscriber: SubscriberConnection | undefined;
  private disconnected = false;
  private readonly socket: ReconnectingSignaling;
  private readonly iceWatchdogs: IceWatchdog[] = [];
  private readonly network: NetworkMonitor;
  private currentSettings: MeetingSettings;
  private waiting: WaitingGuest[] = [];
  private recordingState: RecordingState = { active: false, automatic: false };
  private readonly webinar = new WebinarState();
  /** Sent back to a webinar's audience while publishing (see `startSending`). */
  private offStage = false;
  /** Where a webinar's `room-closed` sent its audience. */
  private redirectUri: string | undefined;
  /** Counts media reconnections: only the latest one's end is told. */
  private mediaReconnections = 0;
  /** The server tells the real state (and language) right after `joined`. */
  private captionsState: CaptionsState = { active: false, language: 'en-US' };
  /** Why the camera could not be turned on when joining (the presenter limit), if it could not. */
  private refusedCamera: ParleyClientError | undefined;

  private constructor(
    socket: SignalingSocket,
    resumeTarget: ResumeTarget,
    private selfInfo: ParticipantInfo,
    readonly sessionId: string,
    readonly roomDisplayName: string,
    readonly localStream: MediaStream,
    settings: MeetingSettings,
  ) {
    super();
    this.socket = new ReconnectingSignaling(socket, resumeTarget, {
      message: (message) => this.handle(message),
      reconnecting: () => this.onReconnecting(),
      resumed: (state) => this.onResumed(state),
      failed: (error) => this.disconnect(error.code === 'connection_lost' ? 'connection_lost' : 'reconnect_failed', error.message),
    });
    this.network = new NetworkMonitor(
      selfInfo.id,
      { publisher: () => this.publisher?.pc, subscriber: () => this.subscriber },
      (participantId, quality) => this.emit('network-quality', participantId, quality),
    );
    this.currentSettings = settings;
  }

  /** Oneself as everyone else sees one: role, media, moderation. Changes are told by `self-updated`. */
  get self(): ParticipantInfo {
    return this.selfInfo;
  }

  /**
   * Connects, joins and starts publishing; rejects with a `ParleyClientError` saying why it cannot
   * (`password_required`, `password_incorrect`, `room_locked`, `admission_denied`, `cancelled`…).
   */
  static async join(options: JoinOptions): Promise<ParleyRoom> {
    if (options.signal?.aborted) throw ParleyClientError.cancelled();
    const serverUrl = options.serverUrl ?? location.origin;
    const socket = await SignalingSocket.open(serverUrl);
    const early: ServerMessage[] = [];
    let onAbort = (): void => undefined;
    const joined = await new Promise<Extract<ServerMessage, { type: 'joined' }>>((resolve, reject) => {
      // Given up while the socket was opening (an abort listener added now would never fire).
      if (options.signal?.aborted) {
        reject(ParleyClientError.cancelled());
        return;
      }
      const timer = setTimeout(() => reject(new ParleyClientError('timeout', 'The server did not answer the join request')), JOIN_TIMEOUT_MS);
      onAbort = () => {
        clearTimeout(timer);
        socket.send({ type: 'leave' });
        reject(ParleyClientError.cancelled());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      socket.onMessage((message) => {
        if (message.type === 'joined') {
          clearTimeout(timer);
          resolve(message);
        } else if (message.type === 'waiting') {
          // Waiting has no deadline: the server answers once someone lets this person in, or not.
          clearTimeout(timer);
          options.onWaiting?.(message.reason);
        } else if (message.type === 'error' && message.fatal) {
          clearTimeout(timer);
          reject(new ParleyClientError(message.code, message.message));
        } else {
          early.push(message);
        }
      });
      socket.onClose(() => {
        clearTimeout(timer);
        reject(ParleyClientError.connectionLost());
      });
      socket.send({
        type: 'join',
        meetingCode: options.meetingCode,
        ...(options.participantToken ? { participantToken: options.participantToken } : { guestId: options.guestId ?? rememberedGuestId() }),
        ...(options.password ? { password: options.password } : {}),
        displayName: options.displayName,
        audioMuted: options.audioMuted,
        videoMuted: options.videoMuted,
      });
    })
      .catch((error: unknown) => {
        socket.close();
        throw error;
      })
      .finally(() => options.signal?.removeEventListener('abort', onAbort));

    // The first of `nodeUrls` is this node, which the page already reaches by `serverUrl`.
    const resumeTarget = { serverUrls: [serverUrl, ...joined.nodeUrls.slice(1)], meetingCode: options.meetingCode, resumeToken: joined.resumeToken };
    const room = new ParleyRoom(socket, resumeTarget, joined.self, joined.sessionId, joined.roomDisplayName, options.localStream, joined.settings);
    for (const info of joined.participants) room.remotes.set(info.id, { info, stream: new MediaStream(), screenStream: new MediaStream() });
    room.chat.push(...joined.chatHistory);
    room.hands = [...joined.raisedHands];
    for (const message of early) room.handle(message);
    room.applyTrackState();
    // A webinar's attendees watch and listen: they never publish, whatever the page captured.
    if (canPublish(joined.self.role) && options.localStream.getTracks().length > 0) {
      await room.startPublishing().catch(async (error: unknown) => {
        await room.leave();
        throw error;
      });
    }
    return room;
  }

  participants(): RemoteParticipant[] {
    return [...this.remotes.values()];
  }

  /** Whether the connection to the server is down and being got back (between `reconnecting` and `reconnected`). */
  get isReconnecting(): boolean {
    return !this.disconnected && !this.socket.connected;
  }

  /** The latest network quality of a participant (`self.id` for yourself); `unknown` before it is measured. */
  networkQuality(participantId: string): NetworkQuality {
    return this.network.quality(participantId);
  }

  /** Whether the meeting is locked, and which of the room's features are on, as they are now. */
  get settings(): MeetingSettings {
    return this.currentSettings;
  }

  /**
   * Webinars: where the webinar stands (`Practice`, `Live`, `Break`, `Debrief`); undefined in a meeting.
   * Changes are told by `runtime-status`.
   */
  get runtimeStatus(): WebinarRuntimeStatus | undefined {
    return this.webinar.runtimeStatus;
  }

  /** Webinars: how many attendees watch; changes are told by `attendee-count`. */
  get attendeeCount(): number {
    return this.webinar.attendeeCount;
  }

  /** Webinars: what the webinar's settings allow (Q&A, panelists' camera, screen and microphone); undefined in a meeting. */
  get webinarRules(): WebinarRules | undefined {
    return this.webinar.rules;
  }

  /** Webinars, attendees: where the webinar sent its audience when it ended (its post-webinar page), if it did. */
  get postWebinarRedirectUri(): string | undefined {
    return this.redirectUri;
  }

  /** Webinars: the questions one may see, first asked first: the stage sees all; an attendee the answered ones and their own. */
  questions(): WebinarQuestion[] {
    return this.webinar.questions();
  }

  /**
   * Whether one sends media: from joining (with tracks, on stage), or since `startSending`; not since
   * a host sent one back to a webinar's audience.
   */
  get isSending(): boolean {
    return this.publisher !== undefined && !this.offStage;
  }

  /**
   * Webinars: starts sending `stream`'s tracks once a host brought one on stage (an attendee joins
   * sending nothing). They go out as one's microphone and camera state says (off, until one turns them
   * on). Rejects with `forbidden` while one is an attendee; does nothing when already sending. Brought
   * back on stage, one sends `stream`'s tracks (the page opened its devices afresh) on the connection
   * one sent with before.
   */
  async startSending(stream: MediaStream): Promise<void> {
    if (!canPublish(this.selfInfo.role)) throw new ParleyClientError('forbidden', 'Attendees watch and listen: only the panel sends');
    if (this.isSending) return;
    if (this.publisher) {
      this.offStage = false;
      for (const track of stream.getTracks()) await this.replaceTrack(track);
      // Leaving the stage ended what the server had published of us: a fresh offer publishes it again.
      await this.publisher.renegotiate().catch(rethrowAsClientError);
      return;
    }
    for (const track of stream.getTracks()) if (!this.localStream.getTracks().includes(track)) this.localStream.addTrack(track);
    this.applyTrackState();
    await this.startPublishing();
  }

  /** Webinars, hosts and co-hosts: takes the webinar live, on a break, or to its end for the audience (`Debrief`). */
  setRuntimeStatus(status: SettableRuntimeStatus): Promise<void> {
    return this.control({ type: 'set-runtime-status', status });
  }

  /**
   * Webinars, attendees: asks the panel a question (plain text; `rate_limited` beyond a few a minute);
   * `anonymous` where the webinar allows it (`webinarRules.anonymousQuestions`).
   */
  askQuestion(text: string, options: { anonymous?: boolean } = {}): Promise<void> {
    return this.control({ type: 'ask-question', text, ...(options.anonymous ? { anonymous: true } : {}) });
  }

  /** Webinars, the stage: answers a question; every attendee sees the answer. */
  answerQuestion(questionId: string, text: string): Promise<void> {
    return this.control({ type: 'answer-question', questionId, text });
  }

  /** Webinars, the stage: puts a question aside unanswered. */
  dismissQuestion(questionId: string): Promise<void> {
    return this.control({ type: 'dismiss-question', questionId });
  }

  /** Whether the meeting is being recorded now; changes are told by `recording-state`. */
  get recording(): RecordingState {
    return this.recordingState;
  }

  /**
   * Moderators: starts recording the meeting; everyone gets `recording-state`. Rejects with
   * `recording_unavailable` when the room's recording is off, `conflict` when it is already recorded.
   */
  startRecording(): Promise<void> {
    return this.control({ type: 'start-recording' });
  }

  /** Moderators: stops recording; rejects with `forbidden` when the room records every meeting (`recording.automatic`). */
  stopRecording(): Promise<void> {
    return this.control({ type: 'stop-recording' });
  }

  /** Whether live captions run in the meeting now, and the language they recognise; changes are told by `captions-state`. */
  get captions(): CaptionsState {
    return this.captionsState;
  }

  /**
   * Moderators: turns live captions on for everyone; each utterance then arrives as a `caption` event.
   * Rejects with `captions_unavailable` when the room does not offer captions, and with
   * `speech_recognizer_unavailable` when the server cannot recognise speech.
   */
  startCaptions(): Promise<void> {
    return this.control({ type: 'set-captions', active: true });
  }

  /** Moderators: turns live captions off for everyone. */
  stopCaptions(): Promise<void> {
    return this.control({ type: 'set-captions', active: false });
  }

  /** For moderators: who waits to be let in, longest waiting first (always empty for guests). */
  waitingGuests(): WaitingGuest[] {
    return [...this.waiting];
  }

  /**
   * Moderators only: locks the meeting (nobody new gets in) or unlocks it. The new state arrives as a
   * `room-updated` event, for everyone.
   */
  setLocked(locked: boolean): void {
    this.socket.send({ type: 'set-lock', locked });
  }

  /** Moderators only: lets these waiting guests in ("admit all": pass everyone `waitingGuests()` lists). */
  admit(waitingIds: string[]): void {
    if (waitingIds.length > 0) this.socket.send({ type: 'admit', waitingIds });
  }

  /** Moderators only: turns these waiting guests away. */
  deny(waitingIds: string[]): void {
    if (waitingIds.length > 0) this.socket.send({ type: 'deny', waitingIds });
  }

  /** Who is speaking now, oneself included. */
  speakingParticipantIds(): string[] {
    return [...this.speaking];
  }

  /**
   * Set when the camera was on at `join` but the meeting had reached its presenter limit
   * (`presenter_limit_reached`), or a webinar keeps its panelists' cameras off (`forbidden`): one
   * joined with the camera off, and can talk and listen.
   */
  get cameraRefusedAtJoin(): ParleyClientError | undefined {
    return this.refusedCamera;
  }

  /** What one shares now, or `null`. */
  get localScreenStream(): MediaStream | null {
    return this.screen;
  }

  /** Every chat message of the session so far, oldest first: what was said before one joined included. */
  chatMessages(): ChatMessage[] {
    return [...this.chat];
  }

  /**
   * Sends a chat message to everyone. Resolves with the message as the server stamped it (it also
   * arrives as a `chat-message` event); rejects with a `ParleyClientError` whose code says why it was
   * refused: `validation_failed` (empty, or longer than `CHAT_MESSAGE_MAX_LENGTH` once trimmed),
   * `chat_unavailable` (chat is off in this room), `rate_limited`, `timeout`, `connection_lost`.
   */
  sendChatMessage(text: string): Promise<ChatMessage> {
    const trimmed = text.trim();
    const length = [...trimmed].length;
    if (length === 0 || length > CHAT_MESSAGE_MAX_LENGTH) {
      return Promise.reject(new ParleyClientError('validation_failed', `A chat message must be 1 to ${CHAT_MESSAGE_MAX_LENGTH} characters long`));
    }
    if (this.disconnected || !this.socket.connected) return Promise.reject(ParleyClientError.connectionLost());
    return this.chatSends.start((requestId) => this.socket.send({ type: 'chat-send', text: trimmed, requestId }));
  }

  /**
   * Mutes or unmutes one's microphone. Throws a `ParleyClientError` with code `media_moderated` when
   * unmuting a microphone a moderator stopped (see `media-stopped`).
   */
  setMicrophoneEnabled(enabled: boolean): void {
    this.setMediaEnabled('audio', enabled);
  }

  /**
   * Starts or stops sending the camera. Starting rejects with a `ParleyClientError`
   * `presenter_limit_reached` when the meeting already has as many people sending video as it allows,
   * and with `media_moderated` when a moderator turned the camera off; the camera then stays off.
   */
  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (enabled === !this.selfInfo.videoMuted) return;
    if (enabled) this.assertNotModerated('video');
    else this.setMediaEnabled('video', false);
    if (this.publisher?.hasCamera) await this.publisher.setCameraSending(enabled).catch(rethrowAsClientError);
    if (enabled) this.setMediaEnabled('video', true);
  }

  /**
   * Shares a screen, window or tab: `stream` if given, else what the browser asks the user to pick
   * (with its sound where the browser offers it). Resolves with what is shared. Rejects with a
   * `ParleyClientError`: `screen_share_cancelled` (the user picked nothing), `screen_share_busy`
   * (someone else shares; one share at a time), `presenter_limit_reached`, `media_failed`. The share
   * ends with `stopScreenShare()` or the browser's own "Stop sharing"; `local-screen-share` tells both.
   */
  async startScreenShare(stream?: MediaStream): Promise<MediaStream> {
    if (this.screen) return this.screen;
    if (!this.publisher) throw new ParleyClientError('media_failed', 'Nothing is published yet');
    const shared = stream ?? (await captureScreen());
    const [video] = shared.getVideoTracks();
    if (!video) throw new ParleyClientError('media_failed', 'The shared stream has no video');
    // Text and slides: keep the resolution and let the frame rate give way.
    video.contentHint = 'detail';
    try {
      await this.publisher.startScreen(video, shared.getAudioTracks()[0]);
    } catch (error) {
      if (!stream) for (const track of shared.getTracks()) track.stop();
      rethrowAsClientError(error);
    }
    this.screen = shared;
    video.addEventListener('ended', () => void this.stopScreenShare(), { once: true });
    this.emit('local-screen-share', shared);
    return shared;
  }

  /** Ends one's screen share, if any. */
  async stopScreenShare(): Promise<void> {
    const shared = this.screen;
    if (!shared) return;
    this.screen = null;
    for (const track of shared.getTracks()) track.stop();
    this.emit('local-screen-share', null);
    if (!this.disconnected) await this.publisher?.stopScreen().catch(rethrowAsClientError);
  }

  /**
   * Says which of the others' videos the page shows and how large (device pixels): the server sends
   * only those, each at the quality its size needs, and pauses the rest; sound always flows. Until a
   * page calls this it receives every video at full quality.
   */
  setVideoView(tiles: readonly VideoTileView[]): void {
    const key = JSON.stringify(tiles);
    if (key === this.lastVideoView) return;
    this.lastVideoView = key;
    this.socket.send({ type: 'video-view', tiles: [...tiles] });
  }

  /**
   * Renames oneself: everyone sees the new name (`participant-updated`; oneself `self-updated`), and the
   * session's record keeps it. The server tidies its spaces; rejects with `validation_failed` (empty,
   * longer than `DISPLAY_NAME_MAX_LENGTH`, control characters) or `rate_limited` (a few a minute).
   */
  setDisplayName(displayName: string): Promise<void> {
    return this.control({ type: 'set-display-name', displayName });
  }

  /** The hands up, first raised first: the order in which a host gives the floor. */
  raisedHands(): RaisedHand[] {
    return [...this.hands];
  }

  /** Puts one's hand up, at the end of the queue (`hand-raised` follows). */
  raiseHand(): Promise<void> {
    return this.control({ type: 'raise-hand' });
  }

  /** Puts a hand down: one's own, or, as a moderator, anyone's. */
  lowerHand(participantId?: string): Promise<void> {
    return this.control({ type: 'lower-hand', ...(participantId === undefined ? {} : { participantId }) });
  }

  /** Shows a reaction over one's tile to everyone; rejects with `rate_limited` beyond a few a second. */
  sendReaction(emoji: ReactionEmoji): Promise<void> {
    return this.control({ type: 'send-reaction', emoji });
  }

  /**
   * Moderators: mutes someone at the server. Their microphone stays off until a moderator asks them to
   * unmute (`askToUnmute`) and they accept. Rejects with `forbidden` for guests, and for hosts as targets.
   */
  muteParticipant(participantId: string): Promise<void> {
    return this.control({ type: 'stop-media', participantId, kind: 'audio' });
  }

  /** Moderators: turns someone's camera off at the server, as `muteParticipant` does their microphone. */
  stopParticipantCamera(participantId: string): Promise<void> {
    return this.control({ type: 'stop-media', participantId, kind: 'video' });
  }

  /** Moderators: mutes everyone who is not a host or co-host, as `muteParticipant` does one person. */
  muteEveryone(): Promise<void> {
    return this.control({ type: 'mute-everyone' });
  }

  /** Moderators: asks someone whose microphone (or camera) is off to turn it on; they get `unmute-requested`. */
  askToUnmute(participantId: string, kind: MediaKind = 'audio'): Promise<void> {
    return this.control({ type: 'ask-to-unmute', participantId, kind });
  }

  /**
   * Accepts a moderator's `unmute-requested`: the moderator's stop is lifted, then the microphone (or
   * camera) is turned on. Rejects with `bad_request` when no moderator asked.
   */
  async acceptUnmuteRequest(kind: MediaKind): Promise<void> {
    await this.control({ type: 'accept-unmute', kind });
    if (kind === 'video') await this.setCameraEnabled(true);
    else this.setMicrophoneEnabled(true);
  }

  /** Moderators: takes someone out of the meeting; with `block`, they cannot join this room again. */
  removeParticipant(participantId: string, options: { block?: boolean } = {}): Promise<void> {
    return this.control({ type: 'remove-participant', participantId, block: options.block ?? false });
  }

  /**
   * Moderators: makes a guest a co-host (who can moderate too), or a co-host a guest again. In a
   * webinar: brings an attendee on stage (`panelist`) or sends a panelist back to the audience (`attendee`).
   */
  setParticipantRole(participantId: string, role: AssignableRole): Promise<void> {
    return this.control({ type: 'set-role', participantId, role });
  }

  /**
   * Hosts: ends the meeting for everyone. Resolves once the server closed it (everyone, oneself
   * included, is then `disconnected` with `ended_by_host`); rejects with `forbidden` for anyone else.
   */
  endMeeting(): Promise<void> {
    if (this.disconnected) return Promise.reject(ParleyClientError.connectionLost());
    return new Promise<void>((resolve, reject) => {
      const off = this.on('disconnected', (reason) => {
        off();
        if (reason === 'ended_by_host') resolve();
        else reject(ParleyClientError.connectionLost());
      });
      this.control({ type: 'end-meeting' }).catch((error: Error) => {
        off();
        reject(error);
      });
    });
  }

  /** Publishes `track` in place of the current track of its kind (a new camera or microphone). */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    const old = this.localStream.getTracks().find((t) => t.kind === track.kind);
    if (old && old !== track) {
      this.localStream.removeTrack(old);
      old.stop();
    }
    if (!this.localStream.getTracks().includes(track)) this.localStream.addTrack(track);
    this.applyTrackState();
    if (!(await this.publisher?.replaceTrack(track))) {
      throw new ParleyClientError('media_failed', `No ${track.kind} track was being published to replace`);
    }
  }

  /** Leaves the meeting and releases every connection. */
  async leave(): Promise<void> {
    if (this.disconnected) return;
    this.socket.send({ type: 'leave' });
    this.disconnect('left');
  }

  /** Throws `media_moderated` when a moderator stopped this media: it stays off until they ask and one accepts. */
  private assertNotModerated(kind: MediaKind): void {
    if (!this.selfInfo.moderated[kind]) return;
    throw new ParleyClientError(
      'media_moderated',
      kind === 'audio' ? 'A moderator muted you: you can unmute once a moderator asks you to' : 'A moderator turned off your camera: you can turn it on once a moderator asks you to',
    );
  }

  private setMediaEnabled(kind: MediaKind, enabled: boolean): void {
    if (enabled) this.assertNotModerated(kind);
    this.updateSelf(kind === 'audio' ? { ...this.selfInfo, audioMuted: !enabled } : { ...this.selfInfo, videoMuted: !enabled });
    this.socket.send({ type: 'media-state', audioMuted: this.selfInfo.audioMuted, videoMuted: this.selfInfo.videoMuted });
  }

  /** One's own state changed (by oneself or by the server): the tracks follow it, and listeners hear of it. */
  private updateSelf(self: ParticipantInfo): void {
    // Sent back to a webinar's audience: the page releases its devices, and the publisher idles until
    // one is brought on stage again (`startSending`).
    if (this.publisher && canPublish(this.selfInfo.role) && !canPublish(self.role)) this.offStage = true;
    this.selfInfo = self;
    this.applyTrackState();
    this.emit('self-updated', self);
  }

  private applyTrackState(): void {
    for (const track of this.localStream.getAudioTracks()) track.enabled = !this.selfInfo.audioMuted;
    for (const track of this.localStream.getVideoTracks()) track.enabled = !this.selfInfo.videoMuted;
  }

  /** Sends a hand, reaction, moderation, rename, recording, webinar or captions request; settles with the server's `ack` or `error`. */
  private control(request: DistributiveOmit<ControlRequest, 'requestId'>): Promise<void> {
    if (this.disconnected) return Promise.reject(ParleyClientError.connectionLost());
    return this.controlRequests.start((requestId) => this.socket.send({ ...request, requestId } as ControlRequest));
  }

  private async startPublishing(): Promise<void> {
    const publisher = new PublisherConnection(
      (sdp, sources) => this.sendPublishOffer(sdp, sources),
      (candidate) => this.socket.send({ type: 'trickle', pc: 'publisher', candidate }),
    );
    this.publisher = publisher;
    this.watchIce(publisher.pc, () => this.restartPublisherIce());
    try {
      await publisher.publish(this.localStream, !this.selfInfo.videoMuted);
    } catch (error) {
      if (!(error instanceof ParleyClientError && (error.code === 'presenter_limit_reached' || (error.code === 'forbidden' && !this.selfInfo.videoMuted)))) rethrowAsClientError(error);
      // The meeting has all the video it allows (or no camera for us): join with the camera off, and say so.
      this.refusedCamera = error;
      this.setMediaEnabled('video', false);
      await publisher.setCameraSending(false).catch(rethrowAsClientError);
    }
  }

  /**
   * The server moved the meeting to another media server: both connections start again there. What
   * one sent is published again as it was (the camera on or off, a screen share in progress); the
   * next subscriber offer makes a new subscriber connection.
   */
  private async reconnectMedia(): Promise<void> {
    const reconnection = ++this.mediaReconnections;
    this.emit('media-reconnecting');
    this.publishOffers.rejectAll(ParleyClientError.connectionLost('The media server was lost'));
    // `startPublishing` replaces the publisher with one on a new connection, watched afresh.
    for (const watchdog of this.iceWatchdogs.splice(0)) watchdog.stop();
    this.publisher?.close();
    this.subscriber?.close();
    this.subscriber = undefined;
    // The lost connection's tracks are over. The new one's may reuse their ids, and a stream refuses a
    // track whose id it already holds.
    for (const remote of this.remotes.values()) {
      for (const stream of [remote.stream, remote.screenStream]) for (const track of stream.getTracks()) stream.removeTrack(track);
    }
    // From here on, what this page says of its media is for the new media server.
    this.socket.send({ type: 'media-reconnect-ack' });
    try {
      if (this.localStream.getTracks().length > 0) await this.startPublishing();
      const [screenVideo] = this.screen?.getVideoTracks() ?? [];
      if (screenVideo && this.publisher) await this.publisher.startScreen(screenVideo, this.screen?.getAudioTracks()[0]);
    } catch (error) {
      console.warn('Parley: publishing again after the media server moved failed', error);
    }
    if (reconnection === this.mediaReconnections && !this.disconnected) this.emit('media-reconnected');
  }

  private watchIce(pc: RTCPeerConnection, restart: () => void): void {
    // While the signaling connection is down a restart cannot be negotiated; resuming restarts both.
    this.iceWatchdogs.push(new IceWatchdog(pc, () => this.socket.connected && restart()));
  }

  private restartPublisherIce(): void {
    this.publisher?.restartIce().catch((error: Error) => console.warn('Parley: restarting the publisher ICE failed', error));
  }

  private onReconnecting(): void {
    // Answers to what was in flight will never come: their senders learn it now.
    this.rejectPendingRequests();
    this.emit('reconnecting');
  }

  private onResumed(state: ResumedEvent): void {
    const known = {
      participants: [...this.remotes.values()].map((p) => p.info),
      chatMessageIds: new Set(this.chat.map((m) => m.id)),
      raisedHands: this.hands,
    };
    for (const message of catchUpMessages(known, state)) this.handle(message);
    // Microphone or camera switched while away: the server and everyone else learn it now. What a
    // moderator stopped meanwhile stays stopped: the server's word wins over the page's.
    const local = this.selfInfo;
    const now: ParticipantInfo = {
      ...state.self,
      audioMuted: state.self.moderated.audio || local.audioMuted,
      videoMuted: state.self.moderated.video || local.videoMuted,
    };
    this.updateSelf(now);
    if (now.audioMuted !== state.self.audioMuted || now.videoMuted !== state.self.videoMuted) {
      this.socket.send({ type: 'media-state', audioMuted: now.audioMuted, videoMuted: now.videoMuted });
    }
    // The network may have changed under the publisher too; the server restarts the subscriber's ICE itself.
    this.restartPublisherIce();
    this.emit('reconnected');
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'publisher-answer':
        if (this.awaitedOffer !== undefined) this.publishOffers.resolve(this.awaitedOffer, message.sdp);
        break;
      case 'media-reconnect':
        void this.reconnectMedia();
        break;
      case 'subscriber-offer':
        this.ensureSubscriber()
          .applyOffer(message.sdp, message.streams)
          .catch((error: Error) => console.error('Parley: applying the subscriber offer failed', error));
        break;
      case 'participant-joined': {
        const participant = { info: message.participant, stream: new MediaStream(), screenStream: new MediaStream() };
        this.remotes.set(participant.info.id, participant);
        this.emit('participant-joined', participant);
        break;
      }
      case 'participant-updated': {
        if (message.participant.id === this.selfInfo.id) {
          this.updateSelf(message.participant);
          break;
        }
        const participant = this.remotes.get(message.participant.id);
        if (participant && !canPublish(this.selfInfo.role) && !canPublish(message.participant.role)) {
          // A webinar's attendee sees the stage only: whoever leaves it leaves their view.
          this.remotes.delete(participant.info.id);
          this.emit('participant-left', participant.info.id);
        } else if (participant) {
          participant.info = message.participant;
          this.emit('participant-updated', participant);
        } else {
          // Someone brought on a webinar's stage, news to its audience.
          this.handle({ type: 'participant-joined', participant: message.participant });
        }
        break;
      }
      case 'participant-left':
        this.speaking.delete(message.participantId);
        // Hands of people who leave go down with them, without an event of their own.
        this.hands = this.hands.filter((hand) => hand.participantId !== message.participantId);
        if (this.remotes.delete(message.participantId)) this.emit('participant-left', message.participantId);
        break;
      case 'speaking':
        if (message.speaking) this.speaking.add(message.participantId);
        else this.speaking.delete(message.participantId);
        this.emit('speaking', message.participantId, message.speaking);
        break;
      case 'room-closed':
        this.redirectUri = message.redirectUri;
        this.disconnect(message.reason);
        break;
      case 'chat-message':
        this.chat.push(message.message);
        if (message.requestId !== undefined) this.chatSends.resolve(message.requestId, message.message);
        this.emit('chat-message', message.message);
        break;
      case 'hand-raised':
        if (this.hands.some((hand) => hand.participantId === message.hand.participantId)) break;
        this.hands = [...this.hands, message.hand];
        this.emit('hand-raised', message.hand);
        break;
      case 'hand-lowered':
        this.hands = this.hands.filter((hand) => hand.participantId !== message.participantId);
        this.emit('hand-lowered', message.participantId, message.by);
        break;
      case 'reaction':
        this.emit('reaction', { participantId: message.participantId, emoji: message.emoji, sentAt: message.sentAt });
        break;
      case 'media-stopped':
        this.emit('media-stopped', message.kind, message.by);
        break;
      case 'unmute-requested':
        this.emit('unmute-requested', message.kind, message.by);
        break;
      case 'removed':
        this.disconnect(message.blocked ? 'blocked' : 'removed', undefined, message.by);
        break;
      case 'ack':
        this.controlRequests.resolve(message.requestId, undefined);
        break;
      case 'error':
        // An error naming a request (an offer, a chat message, a meeting control) refuses that request only.
        if (message.requestId !== undefined) {
          const refusal = new ParleyClientError(message.code, message.message);
          if (!this.publishOffers.reject(message.requestId, refusal) && !this.chatSends.reject(message.requestId, refusal)) {
            this.controlRequests.reject(message.requestId, refusal);
          }
          break;
        }
        if (message.fatal) this.disconnect('refused', message.message);
        break;
      case 'room-updated':
        this.currentSettings = message.settings;
        this.emit('room-updated', message.settings);
        break;
      case 'recording-state':
        this.recordingState = message.recording;
        this.emit('recording-state', message.recording);
        break;
      case 'captions-state':
        this.captionsState = message.captions;
        this.emit('captions-state', message.captions);
        break;
      case 'caption':
        this.emit('caption', message.caption);
        break;
      case 'waiting-room':
        this.waiting = message.waiting;
        this.emit('waiting-room', message.waiting);
        break;
      case 'webinar-state':
      case 'webinar-status':
      case 'attendee-count':
      case 'question': {
        const before = { status: this.webinar.runtimeStatus, count: this.webinar.attendeeCount, rules: this.webinar.rules };
        this.webinar.apply(message);
        if (this.webinar.rules && this.webinar.rules !== before.rules) this.emit('webinar-rules', this.webinar.rules);
        if (message.type === 'question') this.emit('question', message.question);
        if (this.webinar.runtimeStatus !== undefined && this.webinar.runtimeStatus !== before.status) this.emit('runtime-status', this.webinar.runtimeStatus);
        if (this.webinar.attendeeCount !== before.count) this.emit('attendee-count', this.webinar.attendeeCount);
        break;
      }
      case 'joined':
      case 'waiting':
        // Answers `join` itself consumes.
      case 'resumed':
      case 'pong':
      case 'node-draining':
        // Answers the signaling connection itself consumes.
        break;
    }
  }

  /** Sends a publisher offer; resolves with the answer, rejects with the refusal (or a timeout). */
  private sendPublishOffer(sdp: string, sources: Record<string, StreamSource>): Promise<string> {
    return this.publishOffers.start((requestId) => {
      this.awaitedOffer = requestId;
      this.socket.send({ type: 'publish', sdp, sources, requestId });
    });
  }

  /** Everything awaiting the server's answer fails: the connection that would carry it is gone. */
  private rejectPendingRequests(): void {
    this.publishOffers.rejectAll(ParleyClientError.connectionLost());
    this.chatSends.rejectAll(ParleyClientError.connectionLost());
    this.controlRequests.rejectAll(ParleyClientError.connectionLost());
  }

  private ensureSubscriber(): SubscriberConnection {
    if (this.subscriber) return this.subscriber;
    this.subscriber = new SubscriberConnection(
      (sdp) => this.socket.send({ type: 'subscriber-answer', sdp }),
      (candidate) => this.socket.send({ type: 'trickle', pc: 'subscriber', candidate }),
      (participantId, source, track) => {
        const participant = this.remotes.get(participantId);
        if (!participant) return;
        const stream = streamFor(participant, source);
        for (const existing of stream.getTracks()) {
          if (existing.kind === track.kind && existing !== track) stream.removeTrack(existing);
        }
        if (!stream.getTracks().includes(track)) stream.addTrack(track);
        this.emit('track', participant, track, source);
      },
      (participantId, source, track) => {
        const participant = this.remotes.get(participantId);
        if (participant) streamFor(participant, source).removeTrack(track);
      },
    );
    this.watchIce(this.subscriber.pc, () => this.socket.send({ type: 'subscriber-ice-restart' }));
    return this.subscriber;
  }

  private disconnect(reason: DisconnectReason, message?: string, by?: ParticipantRef): void {
    if (this.disconnected) return;
    this.disconnected = true;
    this.rejectPendingRequests();
    for (const watchdog of this.iceWatchdogs) watchdog.stop();
    this.network.stop();
    for (const track of this.screen?.getTracks() ?? []) track.stop();
    this.screen = null;
    this.publisher?.close();
    this.subscriber?.close();
    this.socket.close();
    this.emit('disconnected', reason, message, by);
  }
}

/** Where a remote track of this source belongs: the camera stream or the screen-share stream. */
function streamFor(participant: RemoteParticipant, source: StreamSource): MediaStream {
  return source === 'screen' || source === 'screen-audio' ? participant.screenStream : participant.stream;
}

/** Asks the browser for a screen, window or tab to share, with its sound where offered. */
async function captureScreen(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getDisplayMedia) throw new ParleyClientError('media_failed', 'This browser cannot share a screen');
  try {
    return await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      throw new ParleyClientError('screen_share_cancelled', 'No screen was picked to share');
    }
    throw new ParleyClientError('media_failed', `The screen could not be captured: ${(error as Error).message}`);
  }
}

/** Every error the SDK raises is a `ParleyClientError`; a browser's own failure becomes `media_failed`. */
function rethrowAsClientError(error: unknown): never {
  if (error instanceof ParleyClientError) throw error;
  throw new ParleyClientError('media_failed', `Publishing failed: ${(error as Error).message}`);
}

/** The requests answered with an `ack` or an `error` naming them. */
type ControlRequest = MeetingControlRequest | RecordingControlRequest | WebinarRequest | SetCaptionsRequest;

/** `Omit` applied to each member of a union, so each request keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
