import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatMessage,
  type MediaKind,
  type MeetingControlRequest,
  type ParticipantInfo,
  type ParticipantRef,
  type RaisedHand,
  type ReactionEmoji,
  type ServerMessage,
} from '@parley/protocol';
import { ParleyClientError } from './client-error.js';
import { rememberedGuestId } from './guest-identity.js';
import { PendingRequests } from './pending-requests.js';
import { PublisherConnection } from './publisher-connection.js';
import { SignalingSocket } from './signaling-socket.js';
import { SubscriberConnection } from './subscriber-connection.js';
import { TypedEmitter } from './typed-emitter.js';

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
}

/** Someone else in the meeting, and the media received from them. */
export interface RemoteParticipant {
  info: ParticipantInfo;
  /** Their tracks, added and removed as media starts and stops arriving. */
  stream: MediaStream;
}

/**
 * Why one is no longer in the meeting: `left` (one left), `ended` (the room was closed), `ended_by_host`
 * (a host ended it for everyone), `expired`, `removed` or `blocked` (a moderator took one out; a blocked
 * person cannot join the room again), `connection_lost`, `refused` (the server turned one away).
 */
export type DisconnectReason = 'left' | 'ended' | 'ended_by_host' | 'expired' | 'removed' | 'blocked' | 'connection_lost' | 'refused';

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
  /**
   * One's own role, media or moderation changed: through one's own `setMicrophoneEnabled` and
   * `setCameraEnabled`, or by a moderator (muted, promoted to co-host…). `self` is the new state.
   */
  'self-updated': (self: ParticipantInfo) => void;
  track: (participant: RemoteParticipant, track: MediaStreamTrack) => void;
  /** A chat message to everyone, one's own included, in the order the server keeps. */
  'chat-message': (message: ChatMessage) => void;
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
  /** The end: `by` is the moderator, when one was `removed` or `blocked`. */
  disconnected: (reason: DisconnectReason, message?: string, by?: ParticipantRef) => void;
}

const JOIN_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A joined meeting: publish local media, receive everyone else's, follow who comes and goes, chat,
 * raise a hand, react, and (as a host or co-host) moderate.
 */
export class ParleyRoom extends TypedEmitter<RoomEvents> {
  private readonly remotes = new Map<string, RemoteParticipant>();
  private readonly chat: ChatMessage[] = [];
  private hands: RaisedHand[] = [];
  private readonly chatSends = new PendingRequests<ChatMessage>('chat', REQUEST_TIMEOUT_MS, 'The server did not answer the chat message');
  private readonly controlRequests = new PendingRequests<void>('control', REQUEST_TIMEOUT_MS, 'The server did not answer the request');
  private publisher: PublisherConnection | undefined;
  private subscriber: SubscriberConnection | undefined;
  private pendingPublisherAnswer: { resolve: (sdp: string) => void; reject: (error: Error) => void } | undefined;
  private disconnected = false;

  private constructor(
    private readonly socket: SignalingSocket,
    private selfInfo: ParticipantInfo,
    readonly sessionId: string,
    readonly roomDisplayName: string,
    readonly localStream: MediaStream,
  ) {
    super();
  }

  /** Oneself as everyone else sees one: role, media, moderation. Changes are told by `self-updated`. */
  get self(): ParticipantInfo {
    return this.selfInfo;
  }

  /** Connects, joins and starts publishing; rejects with a `ParleyClientError` saying why it cannot. */
  static async join(options: JoinOptions): Promise<ParleyRoom> {
    const socket = await SignalingSocket.open(options.serverUrl ?? location.origin);
    const early: ServerMessage[] = [];
    const joined = await new Promise<Extract<ServerMessage, { type: 'joined' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ParleyClientError('timeout', 'The server did not answer the join request')), JOIN_TIMEOUT_MS);
      socket.onMessage((message) => {
        if (message.type === 'joined') {
          clearTimeout(timer);
          resolve(message);
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
        displayName: options.displayName,
        audioMuted: options.audioMuted,
        videoMuted: options.videoMuted,
      });
    }).catch((error: unknown) => {
      socket.close();
      throw error;
    });

    const room = new ParleyRoom(socket, joined.self, joined.sessionId, joined.roomDisplayName, options.localStream);
    for (const info of joined.participants) room.remotes.set(info.id, { info, stream: new MediaStream() });
    room.chat.push(...joined.chatHistory);
    room.hands = [...joined.raisedHands];
    socket.onMessage((message) => room.handle(message));
    socket.onClose(() => room.disconnect('connection_lost'));
    for (const message of early) room.handle(message);
    room.applyTrackState();
    if (options.localStream.getTracks().length > 0) await room.startPublishing();
    return room;
  }

  participants(): RemoteParticipant[] {
    return [...this.remotes.values()];
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
    if (this.disconnected) return Promise.reject(ParleyClientError.connectionLost());
    return this.chatSends.start((requestId) => this.socket.send({ type: 'chat-send', text: trimmed, requestId }));
  }

  /**
   * Mutes or unmutes one's microphone. Throws a `ParleyClientError` with code `media_moderated` when
   * unmuting a microphone a moderator stopped (see `media-stopped`).
   */
  setMicrophoneEnabled(enabled: boolean): void {
    this.setMediaEnabled('audio', enabled);
  }

  /** Turns one's camera off or on; throws like `setMicrophoneEnabled` when a moderator stopped it. */
  setCameraEnabled(enabled: boolean): void {
    this.setMediaEnabled('video', enabled);
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
    this.setMediaEnabled(kind, true);
  }

  /** Moderators: takes someone out of the meeting; with `block`, they cannot join this room again. */
  removeParticipant(participantId: string, options: { block?: boolean } = {}): Promise<void> {
    return this.control({ type: 'remove-participant', participantId, block: options.block ?? false });
  }

  /** Moderators: makes a guest a co-host (who can moderate too), or a co-host a guest again. */
  setParticipantRole(participantId: string, role: 'cohost' | 'guest'): Promise<void> {
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

  private setMediaEnabled(kind: MediaKind, enabled: boolean): void {
    if (enabled && this.selfInfo.moderated[kind]) {
      throw new ParleyClientError(
        'media_moderated',
        kind === 'audio' ? 'A moderator muted you: you can unmute once a moderator asks you to' : 'A moderator turned off your camera: you can turn it on once a moderator asks you to',
      );
    }
    this.updateSelf(kind === 'audio' ? { ...this.selfInfo, audioMuted: !enabled } : { ...this.selfInfo, videoMuted: !enabled });
    this.socket.send({ type: 'media-state', audioMuted: this.selfInfo.audioMuted, videoMuted: this.selfInfo.videoMuted });
  }

  /** One's own state changed (by oneself or by the server): the tracks follow it, and listeners hear of it. */
  private updateSelf(self: ParticipantInfo): void {
    this.selfInfo = self;
    this.applyTrackState();
    this.emit('self-updated', self);
  }

  private applyTrackState(): void {
    for (const track of this.localStream.getAudioTracks()) track.enabled = !this.selfInfo.audioMuted;
    for (const track of this.localStream.getVideoTracks()) track.enabled = !this.selfInfo.videoMuted;
  }

  /** Sends a hand, reaction or moderation request; settles with the server's `ack` or `error`. */
  private control(request: DistributiveOmit<MeetingControlRequest, 'requestId'>): Promise<void> {
    if (this.disconnected) return Promise.reject(ParleyClientError.connectionLost());
    return this.controlRequests.start((requestId) => this.socket.send({ ...request, requestId } as MeetingControlRequest));
  }

  private async startPublishing(): Promise<void> {
    this.publisher = new PublisherConnection(
      (sdp) =>
        new Promise<string>((resolve, reject) => {
          this.pendingPublisherAnswer = { resolve, reject };
          this.socket.send({ type: 'publish', sdp });
        }),
      (candidate) => this.socket.send({ type: 'trickle', pc: 'publisher', candidate }),
    );
    try {
      await this.publisher.publish(this.localStream);
    } catch (error) {
      throw error instanceof ParleyClientError ? error : new ParleyClientError('media_failed', `Publishing failed: ${(error as Error).message}`);
    }
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'publisher-answer':
        this.pendingPublisherAnswer?.resolve(message.sdp);
        this.pendingPublisherAnswer = undefined;
        break;
      case 'subscriber-offer':
        this.ensureSubscriber()
          .applyOffer(message.sdp, message.streams)
          .catch((error: Error) => console.error('Parley: applying the subscriber offer failed', error));
        break;
      case 'participant-joined': {
        const participant = { info: message.participant, stream: new MediaStream() };
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
        if (participant) {
          participant.info = message.participant;
          this.emit('participant-updated', participant);
        }
        break;
      }
      case 'participant-left':
        // Hands of people who leave go down with them, without an event of their own.
        this.hands = this.hands.filter((hand) => hand.participantId !== message.participantId);
        if (this.remotes.delete(message.participantId)) this.emit('participant-left', message.participantId);
        break;
      case 'room-closed':
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
        // An error naming a request refuses that request only.
        if (message.requestId !== undefined) {
          const refusal = new ParleyClientError(message.code, message.message);
          if (!this.chatSends.reject(message.requestId, refusal)) this.controlRequests.reject(message.requestId, refusal);
          break;
        }
        if (this.pendingPublisherAnswer) {
          this.pendingPublisherAnswer.reject(new ParleyClientError(message.code, message.message));
          this.pendingPublisherAnswer = undefined;
        }
        if (message.fatal) this.disconnect('refused', message.message);
        break;
      case 'joined':
        break;
    }
  }

  private ensureSubscriber(): SubscriberConnection {
    this.subscriber ??= new SubscriberConnection(
      (sdp) => this.socket.send({ type: 'subscriber-answer', sdp }),
      (candidate) => this.socket.send({ type: 'trickle', pc: 'subscriber', candidate }),
      (participantId, track) => {
        const participant = this.remotes.get(participantId);
        if (!participant) return;
        for (const existing of participant.stream.getTracks()) {
          if (existing.kind === track.kind && existing !== track) participant.stream.removeTrack(existing);
        }
        if (!participant.stream.getTracks().includes(track)) participant.stream.addTrack(track);
        this.emit('track', participant, track);
      },
      (participantId, track) => this.remotes.get(participantId)?.stream.removeTrack(track),
    );
    return this.subscriber;
  }

  private disconnect(reason: DisconnectReason, message?: string, by?: ParticipantRef): void {
    if (this.disconnected) return;
    this.disconnected = true;
    this.pendingPublisherAnswer?.reject(ParleyClientError.connectionLost());
    this.chatSends.rejectAll(ParleyClientError.connectionLost());
    this.controlRequests.rejectAll(ParleyClientError.connectionLost());
    this.publisher?.close();
    this.subscriber?.close();
    this.socket.close();
    this.emit('disconnected', reason, message, by);
  }
}

/** `Omit` applied to each member of a union, so each request keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
