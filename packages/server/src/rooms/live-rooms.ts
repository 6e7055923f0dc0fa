import type { Logger } from 'pino';
import { canModerate, type JoinRequest, type ParticipantRole, type ResumeRequest, type RoomClosedEvent } from '@parley/protocol';
import type { SpeechRecognizer } from '../captions/speech-recognizer.js';
import { systemScheduler, type Clock, type Scheduler } from '../clock.js';
import type { Cluster } from '../cluster/cluster.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { ParticipantClaims, ParticipantTokens } from '../identity/participant-tokens.js';
import type { ResumeClaims, ResumeTokens } from '../identity/resume-tokens.js';
import type { MediaBackend } from '../media/media-backend.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { ApplicationsRepository } from '../store/applications-repository.js';
import { OutageTolerantWrites } from '../store/outage-tolerant-writes.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { RoomBlocksRepository } from '../store/room-blocks-repository.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import type { WebinarStageRepository } from '../store/webinar-stage-repository.js';
import type { LiveParticipant, ParticipantConnection } from './live-participant.js';
import type { ParticipantUser } from './room-admittance.js';
import { LiveSession } from './live-session.js';
import { displayNameOf } from './display-name.js';
import { assertMayEndMeeting } from './moderation-rules.js';
import { participantIdentity, TOKEN_IDENTITY } from './participant-identity.js';
import type { RoomClosures } from './room-closures.js';
import { OrphanedSessions } from './orphaned-sessions.js';
import { RoomEntrance } from './room-entrance.js';
import type { RoomPasswordLinks } from './room-password-links.js';
import type { RoomUpdates } from './room-updates.js';
import type { Room } from './room.js';
import { isSignedInParticipantId, personalLinkRevoked, personalLinkStillValid, webinarArrivalPolicy, waitsForPanelAdmission, type WebinarPolicies } from './webinar-policy.js';

interface Dependencies {
  rooms: RoomsRepository;
  /** A room's account (through its application), for rooms that admit or hold back by account. */
  applications: Pick<ApplicationsRepository, 'findApplication'>;
  roomPasswordLinks: Pick<RoomPasswordLinks, 'matches'>;
  sessions: SessionsRepository;
  chatMessages: ChatMessagesRepository;
  roomBlocks: RoomBlocksRepository;
  participantTokens: ParticipantTokens;
  resumeTokens: ResumeTokens;
  media: MediaBackend;
  roomClosures: RoomClosures;
  roomUpdates: RoomUpdates;
  recordings: RecordingsRepository;
  recordingWorker: { wake(): void };
  webinarStage: WebinarStageRepository;
  speechRecognizer: SpeechRecognizer;
  /** Which node runs each room: a session starts here only once this node owns its room. */
  cluster: Cluster;
  /** The settings of webinars whose sessions rooms back, and whether personal links still work. */
  webinarPolicies?: WebinarPolicies;
  config: Pick<Config, 'maxPresenters' | 'chatRateWindowMs' | 'dataDir' | 'ffmpegBinary'>;
  clock: Clock;
  /** Runs reconnection grace periods; the system's timers unless a test drives its own. */
  scheduler?: Scheduler;
  logger: Logger;
}

/** Where a join comes from, beyond what it says. */
export interface JoinContext {
  /** The client's network address: wrong room passwords are counted per address. */
  address?: string;
  /** Aborts a guest's wait in the waiting room (their connection closed, or they left). */
  signal?: AbortSignal;
}

/** Every live session on this node, by room id: the only holder of live meeting state. */
export class LiveRooms {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly starting = new Map<string, Promise<LiveSession>>();
  private readonly entrance: RoomEntrance;
  private readonly stopListening: (() => void)[];
  private readonly orphans: OrphanedSessions;
  /** Set once this node hands its meetings over: it starts and takes over none any more. */
  private draining = false;
  /** What the sessions here record as they go, kept through a database outage. */
  private readonly writes: OutageTolerantWrites;

  constructor(private readonly deps: Dependencies) {
    this.writes = new OutageTolerantWrites({ scheduler: deps.scheduler ?? systemScheduler, logger: deps.logger });
    this.entrance = new RoomEntrance({
      clock: deps.clock,
      passwordLinks: deps.roomPasswordLinks,
      meetingDoorOf: (roomId) => this.sessions.get(roomId)?.door(),
      onWaitingChanged: (roomId, waiting) => this.sessions.get(roomId)?.sendToModerators({ type: 'waiting-room', waiting }),
    });
    this.orphans = new OrphanedSessions({ ...deps, runsHere: (roomId) => this.sessions.has(roomId) || this.starting.has(roomId) });
    this.stopListening = [
      deps.roomClosures.onClosed((roomId) => {
        this.entrance.close(roomId);
        return this.endSessionOf(roomId);
      }),
      deps.roomUpdates.onUpdated((room) => {
        this.sessions.get(room.id)?.roomChanged(room);
        void this.refreshWebinarPolicy(room);
        // A room that closed with nobody in it will not open for those waiting (a live meeting goes on).
        if (!room.isAvailable && !this.sessions.has(room.id) && !this.starting.has(room.id)) this.entrance.close(room.id);
        else this.entrance.reconsider(room);
      }),
      // Another node may run the room now (this one lost touch with the cluster a while): the session is
      // handed over as in a drain, still open in the database, and its pages resume where it runs.
      deps.cluster.onRoomLost(
        (roomId) =>
          void this.sessions
            .get(roomId)
            ?.handOver()
            .catch((error: Error) => deps.logger.error({ err: error, roomId }, 'handing over a room lost to another node failed')),
      ),
    ];
  }

  /**
   * Admits a participant into the room's live session, starting the session if needed. Guests pass
   * the room's entrance first (password, lock, waiting room): this resolves only once they are in.
   */
  async join(request: JoinRequest, connection: ParticipantConnection, context: JoinContext = {}): Promise<{ session: LiveSession; participant: LiveParticipant }> {
    // The same rule as a rename in the meeting: everyone sees the name tidied, or it is refused.
    const displayName = displayNameOf(request.displayName);
    const room = await this.deps.rooms.findByMeetingCode(request.meetingCode);
    if (!room) throw ParleyError.notFound(`There is no meeting with code ${request.meetingCode}`);
    let role: ParticipantRole = 'guest';
    let claims: ParticipantClaims | undefined;
    let user: ParticipantUser | undefined;
    if (request.participantToken) {
      claims = await this.deps.participantTokens.verify(request.participantToken);
      if (!claims || claims.roomId !== room.id) throw ParleyError.unauthorized('This meeting link is not valid');
      role = claims.role;
      user = claims.user;
    }
    // A webinar's public link brings people into its audience: whoever is not invited on stage watches.
    if (room.kind === 'webinar' && role === 'guest') role = 'attendee';
    const identity = participantIdentity(claims, request.guestId);
    if (identity !== undefined && (await this.deps.roomBlocks.isBlocked(room.id, identity))) {
      throw new ParleyError('participant_blocked', 'A host removed you from this meeting and blocked you from joining it again');
    }
    // A token the page got by signing in names a user, not an invitee or registrant: no personal link.
    const personalLinkId = claims && !isSignedInParticipantId(claims.participantId) ? claims.participantId : undefined;
    const webinarPolicy = await webinarArrivalPolicy(this.deps.webinarPolicies, room, { participantId: personalLinkId, role, user });
    const application = await this.deps.applications.findApplication(room.applicationId);
    if (!application) throw ParleyError.notFound(`There is no meeting with code ${request.meetingCode}`);
    // Nobody waits at the door of a room that can no longer open.
    if (!room.isAvailable && !this.sessions.has(room.id)) throw roomUnavailable();
    await this.entrance.pass({
      room,
      role,
      displayName,
      password: request.password,
      user,
      roomAccountId: application.accountId,
      address: context.address ?? 'unknown',
      // A webinar's personal links (invitees', registrants') enter without its password, as RingCentral's do.
      personalLink: webinarPolicy !== undefined && personalLinkId !== undefined,
      untilAnswered: waitsForPanelAdmission(webinarPolicy, role),
      connection,
      signal: context.signal,
    });
    // `initial_join_options.microphone_state: off` has everyone start muted, whatever their page says.
    const audioMuted = request.audioMuted || room.microphoneState === 'off';
    const videoMuted = request.videoMuted || room.cameraState === 'off';
    const as = { displayName, role, audioMuted, videoMuted, identity, userId: user?.userId ?? null };
    // A session that ends while we wait for its queue refuses us; the next attempt starts a new one.
    for (let attempt = 0; attempt < 3; attempt++) {
      let session = this.sessions.get(room.id);
      if (!session) {
        if (!room.isAvailable) throw roomUnavailable();
        if (this.draining) throw tryAgain();
        session = await this.startSession(room);
      }
      if (webinarPolicy) session.followWebinarPolicy(webinarPolicy);
      const participant = await session.join(as, connection);
      if (!participant) continue;
      if (canModerate(role)) connection.send({ type: 'waiting-room', waiting: this.entrance.waiting(room.id) });
      // A host's arrival opens an `after_owner_only` meeting to the guests waiting for it.
      if (role === 'host') this.entrance.reconsider(room);
      return { session, participant };
    }
    throw new ParleyError('internal', 'Could not join the meeting; please try again');
  }

  /**
   * Takes a participant whose connection dropped back into their session, on a new connection.
   * Rejects with `resume_expired` once their place is gone (or was never theirs to take).
   */
  async resume(request: ResumeRequest, connection: ParticipantConnection): Promise<{ session: LiveSession; participant: LiveParticipant }> {
    const claims = await this.deps.resumeTokens.verify(request.resumeToken);
    const room = await this.deps.rooms.findByMeetingCode(request.meetingCode);
    if (!claims || !room || claims.roomId !== room.id) throw resumeExpired();
    const running = this.sessions.get(room.id) ?? (await this.starting.get(room.id)?.catch(() => undefined));
    const session = running ?? (await this.adopt(room, claims));
    // A webinar's session taken over follows its webinar's settings before anyone is back in it.
    if (!running) await this.refreshWebinarPolicy(room);
    const participant = await session.resume(claims, connection);
    // A personal link that stopped working while its holder was away does not take them back in.
    const participantId = participant.identity?.startsWith(TOKEN_IDENTITY) ? participant.identity.slice(TOKEN_IDENTITY.length) : undefined;
    if (!(await personalLinkStillValid(this.deps.webinarPolicies, session.room, participantId))) {
      await session.leave(participant);
      throw personalLinkRevoked();
    }
    return { session, participant };
  }

  /**
   * Takes over the room's session that no live node runs (its node died or drained), for the
   * participant of a verified resume token: only while the session is still open in the database.
   * Rejects with `try_again` when another node claimed the room first, or this one drains.
   */
  private async adopt(room: Room, claims: ResumeClaims): Promise<LiveSession> {
    if (this.draining) throw tryAgain();
    const stored = await this.deps.sessions.find(claims.sessionId);
    if (!stored || stored.endedAt !== null || stored.roomId !== room.id) throw resumeExpired();
    return this.startOnce(room, async () => {
      if (!(await this.deps.cluster.claimRoom(room.id))) throw tryAgain();
      // A recording the previous node could not end (it was killed) ends now; this node records anew.
      for (const recording of await this.deps.recordings.listStarted()) {
        if (recording.sessionId === stored.id) await this.deps.recordings.end(recording.id, this.deps.clock.now().toISOString());
      }
      this.deps.recordingWorker.wake();
      return LiveSession.adopt(room, stored.id, this.sessionDeps(), this.sessionEnded(room.id));
    });
  }

  /** A moderator lets waiting guests into the session's meeting, or turns them away. */
  async answerWaiting(session: LiveSession, by: LiveParticipant, waitingIds: readonly string[], admit: boolean): Promise<void> {
    if (!canModerate(by.info.role)) throw ParleyError.forbidden('Only the host can let people in or turn them away');
    this.entrance.answer(session.room.id, waitingIds, admit);
  }

  /** Counts for metrics. */
  stats(): { sessions: number; participants: number } {
    let participants = 0;
    for (const session of this.sessions.values()) participants += session.participantList().length;
    return { sessions: this.sessions.size, participants };
  }

  /** The live session of a room, if one is running on this node. */
  find(roomId: string): LiveSession | undefined {
    return this.sessions.get(roomId);
  }

  /**
   * Ends the open sessions no node runs (their node died or drained) that nobody took over within
   * `ORPHAN_GRACE_MS` of this node noticing them. Run at start-up and then periodically, on any number
   * of nodes at once. Resolves with how many it ended.
   */
  endOrphanedSessions(): Promise<number> {
    return this.orphans.sweep();
  }

  /**
   * This node goes away (`SIGTERM`): it takes no new meetings, and hands each of its live meetings
   * over, left open in the database with their state, for another node (or this one restarted) to take
   * over as their pages resume there.
   */
  async drain(): Promise<void> {
    this.draining = true;
    await this.deps.cluster.startDraining();
    const starting = await Promise.all([...this.starting.values()].map((start) => start.catch(() => undefined)));
    const sessions = new Set([...this.sessions.values(), ...starting.filter((session) => session !== undefined)]);
    await Promise.all(
      [...sessions].map(async (session) => {
        await session.handOver().catch((error: Error) => this.deps.logger.error({ err: error, sessionId: session.id }, 'handing the session over failed'));
        await this.deps.cluster.releaseRoom(session.room.id);
      }),
    );
  }

  async closeAll(code: 'media_unavailable' | 'internal', message: string): Promise<void> {
    const sessions = [...this.sessions.values()];
    await Promise.all(sessions.map((s) => s.close({ type: 'error', code, message, fatal: true }).catch(() => undefined)));
  }

  /**
   * Ends the room's live session, if one runs (or is starting) here, the way every session is ended
   * for everyone at once: each page is told why, then its media and connection are released.
   */
  async endSessionOf(roomId: string, reason: RoomClosedEvent['reason'] = 'ended'): Promise<void> {
    const session = this.sessions.get(roomId) ?? (await this.starting.get(roomId)?.catch(() => undefined));
    if (!session) return;
    await session.close({ type: 'room-closed', reason }).catch((error: Error) =>
      this.deps.logger.error({ err: error, roomId, sessionId: session.id }, 'ending the session of a closed room failed'),
    );
  }

  /** A host ends their meeting for everyone in it. */
  async endMeeting(session: LiveSession, host: LiveParticipant): Promise<void> {
    assertMayEndMeeting(host.info);
    await this.endSessionOf(session.room.id, 'ended_by_host');
  }

  async shutdown(): Promise<void> {
    for (const stop of this.stopListening) stop();
    await this.closeAll('internal', 'The server is shutting down');
    this.writes.close();
  }

  /**
   * Gives the room up in the cluster unless something of it lives here still: a session, one starting,
   * or guests waiting at its door (a page reaching another node is sent here while they wait).
   */
  async releaseIfIdle(roomId: string): Promise<void> {
    if (this.sessions.has(roomId) || this.starting.has(roomId) || this.entrance.waiting(roomId).length > 0) return;
    await this.deps.cluster.releaseRoom(roomId).catch((error: Error) => this.deps.logger.warn({ err: error, roomId }, 'releasing a room failed; its claim lapses by itself'));
  }

  /** A webinar changed while its session is live: the session follows its settings at once. */
  private async refreshWebinarPolicy(room: Room): Promise<void> {
    const session = this.sessions.get(room.id);
    if (!session || room.kind !== 'webinar' || !this.deps.webinarPolicies) return;
    try {
      const policy = await this.deps.webinarPolicies.policyOf(room.id);
      if (policy) session.followWebinarPolicy(policy);
    } catch (error) {
      this.deps.logger.error({ err: error, roomId: room.id }, 'reading the changed webinar settings failed');
    }
  }

  private startSession(room: Room): Promise<LiveSession> {
    return this.startOnce(room, () => this.claim(room).then(() => LiveSession.start(room, this.sessionDeps(), this.sessionEnded(room.id))));
  }

  private sessionDeps(): Parameters<typeof LiveSession.start>[1] {
    return { ...this.deps, writes: this.writes, waitingGuests: (roomId) => this.entrance.waiting(roomId), nodeUrls: () => this.nodeUrls() };
  }

  private sessionEnded(roomId: string): (ended: LiveSession) => void {
    return (ended) => {
      if (this.sessions.get(roomId) !== ended) return;
      this.sessions.delete(roomId);
      void this.releaseIfIdle(roomId);
    };
  }

  /** This node's public URL, then those of the other live nodes that take meetings (`NodeUrls`). */
  private async nodeUrls(): Promise<string[]> {
    const { self } = this.deps.cluster;
    const others = (await this.deps.cluster.nodes()).filter((node) => node.id !== self.id && !node.draining);
    return [self, ...others].map((node) => node.publicUrl);
  }

  /** Starts (or takes over) the room's session once: whoever comes meanwhile awaits the same start. */
  private startOnce(room: Room, start: () => Promise<LiveSession>): Promise<LiveSession> {
    let starting = this.starting.get(room.id);
    if (!starting) {
      starting = start()
        .then((session) => {
          // A session taken over with nobody left to come back ended at once.
          if (!session.isEnded) this.sessions.set(room.id, session);
          return session;
        })
        .finally(() => {
          this.starting.delete(room.id);
          // A start that failed, or a session taken over that ended at once, holds the room for nothing.
          if (!this.sessions.has(room.id)) void this.releaseIfIdle(room.id);
        });
      this.starting.set(room.id, starting);
    }
    return starting;
  }

  /** A session starts on the node that owns the room: two nodes never run one room. */
  private async claim(room: Room): Promise<void> {
    if (await this.deps.cluster.claimRoom(room.id)) return;
    throw tryAgain();
  }
}

function resumeExpired(): ParleyError {
  return new ParleyError('resume_expired', 'This meeting session has ended');
}

function tryAgain(): ParleyError {
  return new ParleyError('try_again', 'This server cannot take the meeting just now; try again');
}

function roomUnavailable(): ParleyError {
  return new ParleyError('room_unavailable', 'This meeting is no longer available');
}
