import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChatMessage, ParticipantInfo, ParticipantRole, ServerMessage } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { MediaBackend, MediaRoom } from '../media/media-backend.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { RoomBlocksRepository } from '../store/room-blocks-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import { LiveParticipant, type ParticipantConnection } from './live-participant.js';
import { MeetingControls } from './meeting-controls.js';
import { closeAtAfterSession } from './room-deadlines.js';
import type { Room } from './room.js';
import { SerialQueue } from './serial-queue.js';
import { SessionChat } from './session-chat.js';

/** Seed limit: video publishers in one room. */
export const MAX_PUBLISHERS = 25;

export interface JoinAs {
  displayName: string;
  role: ParticipantRole;
  audioMuted: boolean;
  videoMuted: boolean;
  /** See `participantIdentity`. */
  identity?: string | undefined;
}

interface Dependencies {
  media: MediaBackend;
  rooms: Pick<RoomsRepository, 'findById'>;
  sessions: SessionsRepository;
  chatMessages: Pick<ChatMessagesRepository, 'insert'>;
  roomBlocks: Pick<RoomBlocksRepository, 'block'>;
  clock: Clock;
  logger: Logger;
}

/**
 * The live meeting of one room: its SFU room and its participants. Starts with the first join, ends
 * with the last leave; both are stored. Joins and leaves are serialized.
 */
export class LiveSession {
  private readonly participants = new Map<string, LiveParticipant>();
  private readonly queue = new SerialQueue();
  private readonly chat: SessionChat;
  /** Raised hands, reactions and moderation. */
  readonly controls: MeetingControls;
  private ended = false;

  private constructor(
    readonly id: string,
    readonly room: Room,
    private readonly mediaRoom: MediaRoom,
    private readonly deps: Dependencies,
    private readonly onEnded: (session: LiveSession) => void,
  ) {
    this.chat = new SessionChat(id, room, deps);
    this.controls = new MeetingControls(
      room.id,
      {
        find: (participantId) => this.participants.get(participantId),
        all: () => this.participants.values(),
        broadcast: (message) => this.broadcast(message),
        remove: (participant, message) => this.remove(participant, message),
      },
      deps,
    );
  }

  static async start(room: Room, deps: Dependencies, onEnded: (session: LiveSession) => void): Promise<LiveSession> {
    const id = randomUUID();
    const mediaRoom = await deps.media.createRoom({ id, description: room.displayName, maxPublishers: MAX_PUBLISHERS });
    try {
      await deps.sessions.start({ id, roomId: room.id, startedAt: deps.clock.now().toISOString() });
    } catch (error) {
      await mediaRoom.destroy();
      throw error;
    }
    deps.logger.info({ roomId: room.id, sessionId: id }, 'session started');
    return new LiveSession(id, room, mediaRoom, deps, onEnded);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  participantList(): ParticipantInfo[] {
    return [...this.participants.values()].map((p) => p.info);
  }

  /** Adds a participant; resolves `undefined` when this session ended meanwhile (join a new one). */
  join(as: JoinAs, connection: ParticipantConnection): Promise<LiveParticipant | undefined> {
    return this.queue.run(async () => {
      if (this.ended) return undefined;
      const info: ParticipantInfo = {
        id: randomUUID(),
        displayName: as.displayName,
        role: as.role,
        audioMuted: as.audioMuted,
        videoMuted: as.videoMuted,
        moderated: { audio: false, video: false },
        joinedAt: this.deps.clock.now().toISOString(),
      };
      const publisher = await this.mediaRoom.joinPublisher({ participantId: info.id, displayName: info.displayName });
      const subscriber = this.mediaRoom.createSubscriber({
        participantId: info.id,
        onOffer: (offer) => connection.send({ type: 'subscriber-offer', sdp: offer.sdp, streams: offer.streams }),
      });
      const participant = new LiveParticipant(info, connection, publisher, subscriber, as.identity);
      await this.controls.admit(participant);
      publisher.onFlowing((flowing) => {
        if (participant.left || participant.publishing === flowing) return;
        participant.publishing = flowing;
        this.refreshSubscriptions();
      });
      try {
        await this.deps.sessions.addParticipant({ id: info.id, sessionId: this.id, roomId: this.room.id, displayName: info.displayName, role: info.role, joinedAt: info.joinedAt });
      } catch (error) {
        await participant.releaseMedia();
        throw error;
      }
      const others = this.participantList();
      this.participants.set(info.id, participant);
      connection.send({
        type: 'joined',
        self: participant.info,
        sessionId: this.id,
        roomDisplayName: this.room.displayName,
        participants: others,
        chatHistory: this.chat.history(),
        raisedHands: this.controls.raisedHands(),
      });
      this.broadcast({ type: 'participant-joined', participant: participant.info }, info.id);
      this.deps.logger.info({ sessionId: this.id, participantId: info.id, role: info.role }, 'participant joined');
      this.updateSubscription(participant, this.publishingIds());
      return participant;
    });
  }

  /** Applies the participant's publisher offer; others subscribe once their media flows. */
  publish(participant: LiveParticipant, offerSdp: string): Promise<string> {
    return participant.publisher.publish(offerSdp);
  }

  /** The participant's own microphone and camera switches; refused for media a moderator stopped. */
  updateMediaState(participant: LiveParticipant, state: { audioMuted: boolean; videoMuted: boolean }): void {
    this.controls.checkMediaState(participant, state);
    participant.info = { ...participant.info, ...state };
    this.broadcast({ type: 'participant-updated', participant: participant.info }, participant.id);
  }

  /**
   * A chat message from `participant` to everyone, themselves included; their copy carries
   * `requestId` so their page can match it to what it sent. Rejects with a `ParleyError` saying why
   * a message is refused.
   */
  sendChat(participant: LiveParticipant, text: string, requestId?: string): Promise<ChatMessage> {
    return this.chat.send(participant, text, (message) => {
      for (const p of this.participants.values()) {
        p.connection.send(p === participant && requestId !== undefined ? { type: 'chat-message', message, requestId } : { type: 'chat-message', message });
      }
    });
  }

  /** Removes a participant (they left, or their connection closed); the last one out ends the session. */
  leave(participant: LiveParticipant): Promise<void> {
    return this.queue.run(async () => {
      if (participant.left) return;
      participant.left = true;
      this.participants.delete(participant.id);
      this.chat.forget(participant.id);
      this.controls.forget(participant);
      const now = this.deps.clock.now().toISOString();
      await participant.releaseMedia();
      await this.deps.sessions.markParticipantLeft(participant.id, now);
      this.broadcast({ type: 'participant-left', participantId: participant.id });
      this.deps.logger.info({ sessionId: this.id, participantId: participant.id }, 'participant left');
      if (participant.publishing) this.refreshSubscriptions();
      if (this.participants.size === 0) await this.end();
    });
  }

  /**
   * Takes a participant out (a moderator removed them): their media is cut at the media server at
   * once, then their page is told why and let go, and everyone else sees them leave.
   */
  async remove(participant: LiveParticipant, message: ServerMessage): Promise<void> {
    await participant.publisher.kick().catch((error: Error) =>
      this.deps.logger.warn({ err: error, participantId: participant.id }, 'kicking a publisher failed; removing them anyway'),
    );
    participant.connection.send(message);
    participant.connection.close();
    await this.leave(participant);
  }

  /** Ends the session for everyone, telling their pages why (the media server was lost, say). */
  close(message: ServerMessage): Promise<void> {
    return this.queue.run(async () => {
      for (const participant of this.participants.values()) {
        participant.left = true;
        participant.connection.send(message);
        participant.connection.close();
        await participant.releaseMedia().catch(() => undefined);
      }
      this.participants.clear();
      await this.end();
    });
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.onEnded(this);
    const endedAt = this.deps.clock.now();
    await this.mediaRoom.destroy();
    // The room may have changed since the session started (a new expires_at, say): its deadline follows
    // the room as it is now. A room deleted meanwhile is no longer read, and its deadline no longer matters.
    const room = (await this.deps.rooms.findById(this.room.id)) ?? this.room;
    await this.deps.sessions.end({ id: this.id, roomId: this.room.id, endedAt: endedAt.toISOString(), roomCloseAt: closeAtAfterSession(room, endedAt) });
    this.deps.logger.info({ roomId: this.room.id, sessionId: this.id }, 'session ended');
  }

  private publishingIds(): string[] {
    return [...this.participants.values()].filter((p) => p.publishing).map((p) => p.id);
  }

  private refreshSubscriptions(): void {
    const publishing = this.publishingIds();
    for (const participant of this.participants.values()) this.updateSubscription(participant, publishing);
  }

  private updateSubscription(participant: LiveParticipant, publishing: string[]): void {
    void participant.subscriber.setPublishers(publishing).catch((error: Error) =>
      this.deps.logger.warn({ err: error, participantId: participant.id }, 'subscription update failed'),
    );
  }

  private broadcast(message: ServerMessage, exceptId?: string): void {
    for (const participant of this.participants.values()) {
      if (participant.id !== exceptId) participant.connection.send(message);
    }
  }
}
