import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  canModerate,
  canPublish,
  type AssignableRole,
  type ChatMessage,
  type ClientMessage,
  type MeetingSettings,
  type ParticipantInfo,
  type ParticipantRole,
  type PublishRequest,
  type RaisedHand,
  type ServerMessage,
  type VideoTileView,
  type WaitingGuest,
  type WebinarRequest,
} from '@parley/protocol';
import { SessionCaptions, type SessionCaptionsDeps } from '../captions/session-captions.js';
import { systemScheduler, type Clock, type Scheduler } from '../clock.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { ResumeClaims, ResumeTokens } from '../identity/resume-tokens.js';
import type { MediaBackend, MediaRoom } from '../media/media-backend.js';
import { SessionRecorder, type SessionRecorderDeps } from '../recording/session-recorder.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { RoomBlocksRepository } from '../store/room-blocks-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import type { WebinarStageRepository } from '../store/webinar-stage-repository.js';
import type { MeetingDoor } from './admission.js';
import { LiveParticipant, type ParticipantConnection } from './live-participant.js';
import { MediaReconnection } from './media-reconnection.js';
import { MeetingControls } from './meeting-controls.js';
import { ReconnectionGrace } from './reconnection-grace.js';
import { INITIAL_LIVE_SESSION_STATE, LiveSessionStateKeeper, parseLiveSessionState, type LiveSessionState } from './live-session-state.js';
import { closeAtAfterSession } from './room-deadlines.js';
import type { Room, RoomFeatures } from './room.js';
import { SerialQueue } from './serial-queue.js';
import type { OutageTolerantWrites } from '../store/outage-tolerant-writes.js';
import { SessionChat } from './session-chat.js';
import { SessionMedia } from './session-media.js';
import { WEBINAR_ASSIGNABLE_ROLES, WebinarStage } from './webinar-stage.js';
import { panelistMediaLimits, UNRESTRICTED_WEBINAR_RULES, type WebinarRoomPolicy } from './webinar-policy.js';

/**
 * Seed limit: people in one room. Every one of them may send audio, so the SFU room takes that many
 * publishers; how many may send video is the configured presenter limit, which Parley enforces.
 */
export const MAX_PARTICIPANTS = 200;

/** The messages that tell of a change in the meeting state a takeover must keep (`LiveSessionState`). */
const STATE_MESSAGES = new Set<ServerMessage['type']>(['room-updated', 'recording-state', 'captions-state', 'participant-updated']);

/** The roles a moderator may give someone in a meeting. */
const MEETING_ASSIGNABLE_ROLES: readonly AssignableRole[] = ['cohost', 'guest'];

export interface JoinAs {
  displayName: string;
  role: ParticipantRole;
  audioMuted: boolean;
  videoMuted: boolean;
  /** See `participantIdentity`. */
  identity?: string | undefined;
  /** The user a participant token named; null for guests (kept in the history). */
  userId: string | null;
}

interface Dependencies extends SessionRecorderDeps, SessionCaptionsDeps {
  media: MediaBackend;
  rooms: Pick<RoomsRepository, 'findById'>;
  sessions: SessionsRepository;
  chatMessages: Pick<ChatMessagesRepository, 'insert' | 'listForSession'>;
  config: Pick<Config, 'maxPresenters' | 'chatRateWindowMs' | 'dataDir' | 'ffmpegBinary'>;
  roomBlocks: Pick<RoomBlocksRepository, 'block'>;
  webinarStage: Pick<WebinarStageRepository, 'setRuntimeStatus' | 'saveQuestion' | 'runtimeStatus' | 'questions'>;
  /** Who waits at the room's door now, longest waiting first: what a newly promoted moderator is shown. */
  waitingGuests: (roomId: string) => WaitingGuest[];
  resumeTokens: Pick<ResumeTokens, 'mint'>;
  /** Where pages resume should this node go away (`NodeUrls`). */
  nodeUrls: () => Promise<string[]>;
  clock: Clock;
  /** Runs the reconnection grace periods; the system's timers unless a test drives its own. */
  scheduler?: Scheduler;
  /** The record of who left and that the meeting ended, which a database outage delays, never loses. */
  writes: OutageTolerantWrites;
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
  private readonly grace: ReconnectionGrace<LiveParticipant>;
  private readonly media: SessionMedia;
  /** What makes a webinar's session one: its stage and audience, runtime status and Q&A; none in a meeting. */
  private readonly stage: WebinarStage | undefined;
  private readonly mediaReconnection = new MediaReconnection();
  /**
   * After a takeover: the participants the previous node had, shown as reconnecting until they resume
   * here or their grace period runs out. Empty in a session this node started.
   */
  private readonly returning: ReconnectionGrace<ParticipantInfo>;
  private readonly stateKeeper: LiveSessionStateKeeper;
  /** Raised hands, reactions and moderation. */
  readonly controls: MeetingControls;
  /** Recording of this session. */
  readonly recorder: SessionRecorder;
  /** Live captions of this session. */
  readonly captions: SessionCaptions;
  private ended = false;
  private locked = false;
  private hostHasJoined = false;
  /** The room's features as they are now: the API may change them during the session. */
  private features: RoomFeatures;

  private constructor(
    readonly id: string,
    readonly room: Room,
    private readonly mediaRoom: MediaRoom,
    private readonly deps: Dependencies,
    private readonly onEnded: (session: LiveSession) => void,
    keptState: LiveSessionState = INITIAL_LIVE_SESSION_STATE,
  ) {
    this.chat = new SessionChat(id, room, deps);
    const failedToLetGo = (error: Error) => deps.logger.error({ err: error, sessionId: id }, 'letting go of a participant who did not come back failed');
    this.grace = new ReconnectionGrace(deps.scheduler ?? systemScheduler, (participant) => void this.giveUp(participant).catch(failedToLetGo));
    this.returning = new ReconnectionGrace(deps.scheduler ?? systemScheduler, (info) => void this.giveUpReturning(info).catch(failedToLetGo));
    this.stateKeeper = new LiveSessionStateKeeper(id, keptState, deps);
    this.locked = keptState.locked;
    this.features = { ...room.features };
    this.media = new SessionMedia({
      participants: () => this.participants.values(),
      broadcast: (message, exceptId) => this.broadcast(message, exceptId),
      maxPresenters: deps.config.maxPresenters,
      receivesMedia: (participant) => this.stage?.receivesMedia(participant) ?? true,
      features: () => this.features,
      mediaLimits: (participant) => panelistMediaLimits(this.stage?.currentRules ?? UNRESTRICTED_WEBINAR_RULES, participant.info.role),
      logger: deps.logger,
    });
    this.controls = new MeetingControls(
      room.id,
      {
        find: (participantId) => this.participants.get(participantId),
        all: () => this.participants.values(),
        broadcast: (message) => this.broadcast(message),
        remove: (participant, message) => this.expel(participant, message),
        assignableRoles: room.kind === 'webinar' ? WEBINAR_ASSIGNABLE_ROLES : MEETING_ASSIGNABLE_ROLES,
        roleChanged: async (participant) => {
          if (canModerate(participant.info.role)) participant.connection.send({ type: 'waiting-room', waiting: deps.waitingGuests(room.id) });
          await this.stage?.roleChanged(participant);
        },
      },
      deps,
    );
    this.stage =
      room.kind === 'webinar'
        ? new WebinarStage(
            { id, roomId: room.id },
            {
              all: () => this.participants.values(),
              find: (participantId) => this.participants.get(participantId),
              broadcast: (message) => this.broadcast(message),
              remove: (participant, message) => this.expel(participant, message),
              mediaAudienceChanged: () => this.media.refreshAll(),
              leftStage: (participant) => this.media.leaveStage(participant),
              cameOnStage: (participant) => this.media.joinStage(participant),
            },
            { ...deps, scheduler: deps.scheduler ?? systemScheduler },
          )
        : undefined;
    this.recorder = new SessionRecorder(
      { id, room, mediaRoom, features: () => this.features, broadcast: (message) => this.broadcast(message) },
      deps,
    );
    mediaRoom.onInterrupted((restoring) => {
      if (restoring) this.mediaReconnecting();
      else void this.close({ type: 'error', code: 'media_unavailable', message: 'The media server was lost, and no other could take the meeting', fatal: true });
    });
    this.captions = new SessionCaptions(
      {
        id,
        mediaRoom,
        features: () => this.features,
        displayNameOf: (participantId) => this.participants.get(participantId)?.info.displayName,
        broadcast: (message) => this.broadcast(message),
      },
      deps,
    );
  }

  static async start(room: Room, deps: Dependencies, onEnded: (session: LiveSession) => void): Promise<LiveSession> {
    const id = randomUUID();
    const mediaRoom = await deps.media.createRoom({ id, description: room.displayName, maxPublishers: MAX_PARTICIPANTS, cascade: room.kind === 'webinar' });
    try {
      await deps.sessions.start({ id, roomId: room.id, startedAt: deps.clock.now().toISOString() });
    } catch (error) {
      await mediaRoom.destroy();
      throw error;
    }
    deps.logger.info({ roomId: room.id, sessionId: id }, 'session started');
    const session = new LiveSession(id, room, mediaRoom, deps, onEnded);
    await session.stage?.begin();
    // `auto_record`: every session is recorded from its start. A recording that cannot start leaves
    // the meeting going, unrecorded, which everyone's indicator shows.
    if (room.recording.autoRecord && room.features.recording) {
      await session.recorder.start({ automatic: true }).catch((error: Error) =>
        deps.logger.error({ err: error, sessionId: id }, 'the automatic recording of the session could not start'),
      );
    }
    return session;
  }

  /**
   * Takes over a session another node ran (it died, or drained): the same session id, its chat in the
   * database, its media room made anew (one of that id left on a shared media server is replaced),
   * the meeting state that node kept. Its participants come back as they resume; those who do not
   * within the grace period leave.
   */
  static async adopt(room: Room, sessionId: string, deps: Dependencies, onEnded: (session: LiveSession) => void): Promise<LiveSession> {
    const state = parseLiveSessionState(await deps.sessions.findLiveState(sessionId));
    const present = (await deps.sessions.listParticipants(sessionId)).filter((p) => p.leftAt === null);
    const mediaRoom = await deps.media.createRoom({ id: sessionId, description: room.displayName, maxPublishers: MAX_PARTICIPANTS });
    deps.logger.info({ roomId: room.id, sessionId, participants: present.length }, 'session taken over');
    const session = new LiveSession(sessionId, room, mediaRoom, deps, onEnded, state);
    await session.chat.restore();
    await session.stage?.restore();
    for (const record of present) {
      const role = state.roles[record.id] ?? record.role;
      const info: ParticipantInfo = {
        id: record.id,
        displayName: record.displayName,
        role,
        audioMuted: true,
        videoMuted: true,
        moderated: { audio: false, video: false, ...state.moderated[record.id] },
        joinedAt: record.joinedAt,
        screenSharing: false,
        reconnecting: true,
      };
      session.returning.track(info);
      session.returning.hold(info);
      if (role === 'host') session.hostHasJoined = true;
    }
    if (state.recording && room.features.recording) {
      await session.recorder.start({ automatic: state.recording.automatic }).catch((error: Error) =>
        deps.logger.error({ err: error, sessionId }, 'the recording could not go on after the takeover'),
      );
    }
    if (state.captions) {
      await session.captions.restore().catch((error: Error) => deps.logger.error({ err: error, sessionId }, 'captions could not go on after the takeover'));
    }
    // Nobody left to wait for (they all left as the previous node went): the session ends now.
    if (present.length === 0) await session.queue.run(() => session.end());
    return session;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  participantList(): ParticipantInfo[] {
    return [...this.participants.values()].map((p) => p.info);
  }

  /** What the room's entrance needs to know of this meeting. */
  door(): MeetingDoor {
    return { locked: this.locked, hostHasJoined: this.hostHasJoined };
  }

  settings(): MeetingSettings {
    return { locked: this.locked, features: { ...this.features } };
  }

  /** Locks or unlocks the meeting, for a moderator; everyone sees the new state. */
  async setLocked(by: LiveParticipant, locked: boolean): Promise<void> {
    if (!canModerate(by.info.role)) throw ParleyError.forbidden('Only the host can lock or unlock the meeting');
    if (this.locked === locked) return;
    this.locked = locked;
    this.deps.logger.info({ sessionId: this.id, participantId: by.id, locked }, locked ? 'meeting locked' : 'meeting unlocked');
    this.broadcast({ type: 'room-updated', settings: this.settings() });
  }

  /** The room was changed through an API: pages follow its features. */
  roomChanged(room: Room): void {
    const features = Object.keys(this.features) as (keyof RoomFeatures)[];
    if (features.every((feature) => room.features[feature] === this.features[feature])) return;
    this.features = { ...room.features };
    this.broadcast({ type: 'room-updated', settings: this.settings() });
    void this.captions.followFeatures().catch((error: Error) => this.deps.logger.error({ err: error, sessionId: this.id }, 'stopping captions failed'));
  }

  /** A webinar's settings as they are now (at each join, and when they change): the stage follows them. */
  followWebinarPolicy(policy: WebinarRoomPolicy): void {
    this.stage?.follow(policy);
  }

  /** A moderator starts or stops recording the meeting. */
  async setRecording(by: LiveParticipant, recording: boolean): Promise<void> {
    if (!canModerate(by.info.role)) throw ParleyError.forbidden('Only the host or a co-host can start or stop recording');
    await (recording ? this.recorder.start() : this.recorder.stop());
  }

  /** Sends `message` to everyone who may moderate the meeting now. */
  sendToModerators(message: ServerMessage): void {
    for (const participant of this.participants.values()) {
      if (canModerate(participant.info.role)) participant.connection.send(message);
    }
  }

  /** Adds a participant; resolves `undefined` when this session ended meanwhile (join a new one). */
  join(as: JoinAs, connection: ParticipantConnection): Promise<LiveParticipant | undefined> {
    return this.queue.run(async () => {
      if (this.ended) return undefined;
      this.stage?.checkEntry(as.role);
      const info: ParticipantInfo = {
        id: randomUUID(),
        displayName: as.displayName,
        role: as.role,
        audioMuted: as.audioMuted,
        videoMuted: as.videoMuted,
        moderated: { audio: false, video: false },
        joinedAt: this.deps.clock.now().toISOString(),
        screenSharing: false,
      };
      const participant = await this.connectMedia(info, connection, as.identity);
      await this.controls.admit(participant);
      // A webinar whose host controls panelists' microphones has them join muted, as a moderator would.
      if (!this.media.limitsOf(participant).ownMicrophone) await this.controls.holdMuted(participant);
      try {
        await this.deps.sessions.addParticipant({ id: info.id, sessionId: this.id, roomId: this.room.id, displayName: info.displayName, role: info.role, joinedAt: info.joinedAt, userId: as.userId, identity: as.identity });
      } catch (error) {
        await participant.releaseMedia();
        throw error;
      }
      const resumeToken = await this.deps.resumeTokens.mint({
        sessionId: this.id,
        roomId: this.room.id,
        participantId: info.id,
        role: info.role,
        displayName: info.displayName,
        userId: as.userId,
        ...(as.identity !== undefined ? { identity: as.identity } : {}),
      });
      const nodeUrls = await this.deps.nodeUrls();
      this.media.add(participant);
      this.participants.set(info.id, participant);
      this.grace.track(participant);
      this.stage?.added(participant);
      if (info.role === 'host') this.hostHasJoined = true;
      connection.send({
        type: 'joined',
        self: participant.info,
        sessionId: this.id,
        roomDisplayName: this.room.displayName,
        ...this.sessionViewFor(participant),
        resumeToken,
        settings: this.settings(),
        nodeUrls,
      });
      connection.send({ type: 'recording-state', recording: this.recorder.state() });
      if (this.stage) connection.send(this.stage.stateFor(participant));
      connection.send({ type: 'captions-state', captions: this.captions.state() });
      this.broadcast({ type: 'participant-joined', participant: participant.info }, info.id);
      this.deps.logger.info({ sessionId: this.id, participantId: info.id, role: info.role }, 'participant joined');
      this.media.subscribe(participant);
      return participant;
    });
  }

  /**
   * Applies the participant's publisher offer, within the presenter limit and one screen share at a
   * time; others receive it once their media flows. Resolves with the SFU's answer.
   */
  publish(participant: LiveParticipant, request: Pick<PublishRequest, 'sdp' | 'sources'>): Promise<string> {
    return this.media.publish(participant, request);
  }

  /** What the participant's page shows of the others' videos: it receives only those. */
  setVideoView(participant: LiveParticipant, tiles: readonly VideoTileView[]): void {
    this.media.setVideoView(participant, tiles);
  }

  /** A webinar's runtime status and Q&A; refused in a meeting. */
  handleWebinar(participant: LiveParticipant, request: WebinarRequest): Promise<void> {
    if (!this.stage) return Promise.reject(ParleyError.badRequest('This is a meeting, not a webinar'));
    return this.stage.handle(participant, request);
  }

  /** The participant's own microphone and camera switches; refused for media a moderator stopped. */
  updateMediaState(participant: LiveParticipant, state: { audioMuted: boolean; videoMuted: boolean }): void {
    this.controls.checkMediaState(participant, state);
    this.media.checkCamera(participant, state);
    // Only these two: the signaling message that carries them has a `type` of its own.
    participant.info = { ...participant.info, audioMuted: state.audioMuted, videoMuted: state.videoMuted };
    this.broadcast({ type: 'participant-updated', participant: participant.info }, participant.id);
    this.media.mediaStateChanged(participant);
  }

  /**
   * A chat message from `participant` to everyone, themselves included; their copy carries
   * `requestId` so their page can match it to what it sent. Rejects with a `ParleyError` saying why
   * a message is refused.
   */
  sendChat(participant: LiveParticipant, text: string, requestId?: string): Promise<ChatMessage> {
    return this.chat.send(participant, text, (message) => {
      for (const p of this.recipientsOf({ type: 'chat-message', message })) {
        p.connection.send(p === participant && requestId !== undefined ? { type: 'chat-message', message, requestId } : { type: 'chat-message', message });
      }
    });
  }

  /** Removes a participant (they left, or did not come back in time); the last one out ends the session. */
  leave(participant: LiveParticipant): Promise<void> {
    return this.queue.run(() => this.remove(participant));
  }

  /**
   * The participant's connection dropped: others see them reconnecting, and their place is kept for
   * the grace period. A connection they already replaced by resuming changes nothing.
   */
  connectionLost(participant: LiveParticipant, connection: ParticipantConnection): void {
    if (participant.left || participant.connection !== connection) return;
    this.grace.hold(participant);
    this.setReconnecting(participant, true);
  }

  /**
   * Gives a participant whose connection dropped their place back, on `connection`, and brings their
   * page up to date. `claims` are those of their verified resume token. Rejects with `resume_expired`
   * when the token resumes nobody (any more).
   */
  resume(claims: ResumeClaims, connection: ParticipantConnection): Promise<LiveParticipant> {
    return this.queue.run(async () => {
      const expired = (): ParleyError => new ParleyError('resume_expired', 'Your place in the meeting was not kept: you were away too long, or the meeting ended');
      if (claims.sessionId !== this.id || this.ended) throw expired();
      const returning = this.returning.claim(claims.participantId);
      const participant = returning ? await this.readmit(returning, claims, connection) : this.grace.claim(claims.participantId);
      if (!participant || participant.left) throw expired();
      participant.reconnect(connection);
      this.setReconnecting(participant, false);
      connection.send({
        type: 'resumed',
        self: participant.info,
        sessionId: this.id,
        ...this.sessionViewFor(participant),
        nodeUrls: await this.deps.nodeUrls(),
      });
      connection.send({ type: 'recording-state', recording: this.recorder.state() });
      if (this.stage) connection.send(this.stage.stateFor(participant));
      connection.send({ type: 'captions-state', captions: this.captions.state() });
      // The media moved while they were away: their connections are to a media server that is gone.
      if (this.mediaReconnection.awaits(participant)) connection.send({ type: 'media-reconnect' });
      this.deps.logger.info({ sessionId: this.id, participantId: participant.id }, 'participant resumed');
      // Back on this node's media room: they receive what is published here, as a newcomer does.
      if (returning) {
        this.media.subscribe(participant);
        return participant;
      }
      // An offer sent while they were away never reached them, and their network may have changed:
      // a fresh offer with new ICE credentials covers both.
      void participant.subscriber.restartIce().catch((error: Error) =>
        this.deps.logger.warn({ err: error, participantId: participant.id }, 'subscriber ICE restart after resume failed'),
      );
      return participant;
    });
  }

  /**
   * Takes back, on this node's media room, a participant of a session taken over: the same id, role and
   * name, what moderators stopped still stopped. Their page starts its media again (`media-reconnect`
   * follows `resumed`), as after a media server failover.
   */
  private async readmit(info: ParticipantInfo, claims: ResumeClaims, connection: ParticipantConnection): Promise<LiveParticipant> {
    this.returning.forget(info);
    const participant = await this.connectMedia(info, connection, claims.identity);
    for (const kind of ['audio', 'video'] as const) {
      if (info.moderated[kind]) await participant.publisher.setModerated(kind, true);
    }
    await this.controls.admit(participant);
    this.media.add(participant);
    this.participants.set(info.id, participant);
    this.grace.track(participant);
    this.stage?.added(participant);
    this.mediaReconnection.begin([participant]);
    return participant;
  }

  /** A participant's publisher and subscriber on this session's media room, joining or coming back. */
  private async connectMedia(info: ParticipantInfo, connection: ParticipantConnection, identity: string | undefined): Promise<LiveParticipant> {
    const publisher = await this.mediaRoom.joinPublisher({ participantId: info.id, displayName: info.displayName });
    const subscriber = this.mediaRoom.createSubscriber({
      participantId: info.id,
      // A webinar's attendee only watches: their subscriber may be on another media server.
      audience: this.room.kind === 'webinar' && !canPublish(info.role),
      onMoved: () => this.subscriberMoved(participant),
      // Offers come only once subscriptions are set, after `participant` exists, on whichever
      // connection they have by then (a resume replaces it).
      onOffer: (offer) => participant.connection.send({ type: 'subscriber-offer', sdp: offer.sdp, streams: offer.streams }),
    });
    const participant = new LiveParticipant(info, connection, publisher, subscriber, identity);
    return participant;
  }

  /** A participant of a session taken over did not come back in time: they left, as anyone who does not. */
  private giveUpReturning(info: ParticipantInfo): Promise<void> {
    return this.queue.run(async () => {
      if (this.ended || !this.returning.isHeld(info)) return;
      this.returning.forget(info);
      this.deps.logger.info({ sessionId: this.id, participantId: info.id }, 'participant did not come back after the takeover');
      const leftAt = this.deps.clock.now().toISOString();
      await this.deps.writes.run('participant left', () => this.deps.sessions.markParticipantLeft(info.id, leftAt));
      this.broadcast({ type: 'participant-left', participantId: info.id });
      if (this.participants.size === 0 && this.returning.heldParticipants().length === 0) await this.end();
    });
  }

  private giveUp(participant: LiveParticipant): Promise<void> {
    return this.queue.run(async () => {
      // A resume queued before this expiry took the place back.
      if (!this.grace.isHeld(participant)) return;
      this.deps.logger.info({ sessionId: this.id, participantId: participant.id }, 'participant did not reconnect in time');
      await this.remove(participant);
    });
  }

  /**
   * The media server carrying the meeting was lost and the meeting moves to another: everyone's media
   * starts again there, and each page is told to publish and subscribe afresh. Everything else (the
   * people, chat, hands, moderation, the lock, the recording) goes on as it is.
   */
  private mediaReconnecting(): void {
    this.deps.logger.warn({ sessionId: this.id }, 'the media server was lost; moving the meeting');
    this.media.restart();
    this.mediaReconnection.begin(this.participants.values());
    this.broadcast({ type: 'media-reconnect' });
  }

  /**
   * The media server carrying only this participant's subscriber (a webinar attendee's, on a leaf) was
   * lost: their page alone connects anew, as everyone's does when the meeting's media server is lost.
   */
  private subscriberMoved(participant: LiveParticipant): void {
    if (participant.left) return;
    this.mediaReconnection.begin([participant]);
    participant.connection.send({ type: 'media-reconnect' });
  }

  /**
   * Whether a page's message is about media connections a lost media server carried: it is ignored
   * (see `MediaReconnection`).
   */
  isStaleMedia(participant: LiveParticipant, message: Pick<ClientMessage, 'type'>): boolean {
    return this.mediaReconnection.isStale(participant, message);
  }

  /** The participant's page dropped the media connections of the lost media server. */
  mediaReconnectAcknowledged(participant: LiveParticipant): void {
    this.mediaReconnection.acknowledged(participant);
  }

  private setReconnecting(participant: LiveParticipant, reconnecting: boolean): void {
    if ((participant.info.reconnecting ?? false) === reconnecting) return;
    const { reconnecting: _, ...info } = participant.info;
    participant.info = reconnecting ? { ...info, reconnecting } : info;
    this.broadcast({ type: 'participant-updated', participant: participant.info }, participant.id);
  }

  private async remove(participant: LiveParticipant): Promise<void> {
    if (participant.left) return;
    participant.left = true;
    this.participants.delete(participant.id);
    this.media.remove(participant);
    this.chat.forget(participant.id);
    this.controls.forget(participant);
    this.grace.forget(participant);
    this.mediaReconnection.forget(participant);
    const now = this.deps.clock.now().toISOString();
    await participant.releaseMedia();
    await this.deps.writes.run('participant left', () => this.deps.sessions.markParticipantLeft(participant.id, now));
    this.broadcast({ type: 'participant-left', participantId: participant.id });
    this.stage?.removed(participant);
    this.deps.logger.info({ sessionId: this.id, participantId: participant.id }, 'participant left');
    if (this.participants.size === 0 && this.returning.heldParticipants().length === 0) await this.end();
  }

  /**
   * Takes a participant out (a moderator removed them): their media is cut at the media server at
   * once, then their page is told why and let go, and everyone else sees them leave.
   */
  async expel(participant: LiveParticipant, message: ServerMessage): Promise<void> {
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
        participant.connection.send(message.type === 'room-closed' && this.stage && !canPublish(participant.info.role) ? this.stage.endedForAudience(message.reason) : message);
        participant.connection.close();
      }
      // Ending releases what media they hold.
      await this.end();
    });
  }

  /**
   * This node goes away (it drains) and hands the meeting over: the session stays open in the database
   * with its state, its recording ends cleanly (the node taking over records on in a new one), its
   * media room and the pages' connections are released, and each page is told to resume elsewhere.
   */
  handOver(): Promise<void> {
    return this.queue.run(async () => {
      if (this.ended) return;
      await this.stateKeeper.keep(this.liveState());
      for (const participant of this.participants.values()) {
        participant.left = true;
        participant.connection.send({ type: 'node-draining' });
        participant.connection.close();
      }
      await this.stopHere();
      this.deps.logger.info({ roomId: this.room.id, sessionId: this.id }, 'session handed over');
    });
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    await this.stopHere();
    const endedAt = this.deps.clock.now();
    await this.deps.writes.run('session ended', async () => {
      // The room may have changed since the session started (a new expires_at, say): its deadline follows
      // the room as it is now. A room deleted meanwhile is no longer read, and its deadline no longer matters.
      const room = (await this.deps.rooms.findById(this.room.id)) ?? this.room;
      await this.deps.sessions.end({ id: this.id, roomId: this.room.id, endedAt: endedAt.toISOString(), roomCloseAt: closeAtAfterSession(room, endedAt) });
    });
    this.deps.logger.info({ roomId: this.room.id, sessionId: this.id }, 'session ended');
  }

  /**
   * Stops running the session on this node, whether it ends or is handed over: its timers, stage,
   * recording and captions, whatever media its participants still hold, and its media room.
   */
  private async stopHere(): Promise<void> {
    this.ended = true;
    this.grace.clear();
    this.returning.clear();
    this.stage?.close();
    this.onEnded(this);
    await this.recorder.close().catch((error: Error) => this.deps.logger.error({ err: error, sessionId: this.id }, 'ending the recording failed'));
    await this.captions.close().catch((error: Error) => this.deps.logger.error({ err: error, sessionId: this.id }, 'stopping the captions failed'));
    for (const participant of this.participants.values()) await participant.releaseMedia().catch(() => undefined);
    this.participants.clear();
    await this.mediaRoom.destroy();
  }

  private broadcast(message: ServerMessage, exceptId?: string): void {
    for (const participant of this.recipientsOf(message)) {
      if (participant.id !== exceptId) participant.connection.send(message);
    }
    if (!this.ended && STATE_MESSAGES.has(message.type)) void this.stateKeeper.keep(this.liveState());
  }

  /** What of the meeting must outlive this node (see `LiveSessionState`). */
  private liveState(): LiveSessionState {
    const recording = this.recorder.state();
    const moderated: LiveSessionState['moderated'] = {};
    const roles: LiveSessionState['roles'] = {};
    for (const info of [...[...this.participants.values()].map((p) => p.info), ...this.returning.heldParticipants()]) {
      if (info.moderated.audio || info.moderated.video) moderated[info.id] = { ...info.moderated };
      roles[info.id] = info.role;
    }
    return { locked: this.locked, recording: recording.active ? { automatic: recording.automatic } : null, captions: this.captions.state().active, moderated, roles };
  }

  /** Everyone a message concerns: in a webinar, news of an attendee reaches only the stage and them. */
  private recipientsOf(message: ServerMessage): Iterable<LiveParticipant> {
    return this.stage?.recipients(message, this.participants.values()) ?? this.participants.values();
  }

  /** Who else is here, what was said and whose hands are up, as a participant arriving (or back) is shown it. */
  private sessionViewFor(participant: LiveParticipant): { participants: ParticipantInfo[]; chatHistory: ChatMessage[]; raisedHands: RaisedHand[] } {
    const seen = this.stage?.seenBy(participant, this.participants.values()) ?? this.participants.values();
    // Those a takeover still waits for are shown as reconnecting: the page keeps their tiles.
    const participants = [...[...seen].filter((p) => p !== participant).map((p) => p.info), ...this.returning.heldParticipants()];
    const view = { participants, chatHistory: this.chat.history(), raisedHands: this.controls.raisedHands() };
    return this.stage ? this.stage.visibleTo(participant, view) : view;
  }
}
