import type { Logger } from 'pino';
import { canModerate, type JoinRequest, type ParticipantRole, type ResumeRequest, type RoomClosedEvent } from '@parley/protocol';
import type { SpeechRecognizer } from '../captions/speech-recognizer.js';
import type { Clock, Scheduler } from '../clock.js';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { ParticipantClaims, ParticipantTokens } from '../identity/participant-tokens.js';
import type { MediaBackend } from '../media/media-backend.js';
import type { ChatMessagesRepository } from '../store/chat-messages-repository.js';
import type { ApplicationsRepository } from '../store/applications-repository.js';
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
import { closeAtAfterSession } from './room-deadlines.js';
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
  media: MediaBackend;
  roomClosures: RoomClosures;
  roomUpdates: RoomUpdates;
  recordings: RecordingsRepository;
  recordingWorker: { wake(): void };
  webinarStage: WebinarStageRepository;
  speechRecognizer: SpeechRecognizer;
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

  constructor(private readonly deps: Dependencies) {
    this.entrance = new RoomEntrance({
      clock: deps.clock,
      passwordLinks: deps.roomPasswordLinks,
      meetingDoorOf: (roomId) => this.sessions.get(roomId)?.door(),
      onWaitingChanged: (roomId, waiting) => this.sessions.get(roomId)?.sendToModerators({ type: 'waiting-room', waiting }),
    });
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
    const room = await this.deps.rooms.findByMeetingCode(request.meetingCode);
    const session = room && this.sessions.get(room.id);
    if (!session) throw new ParleyError('resume_expired', 'This meeting session has ended');
    const participant = await session.resume(request.resumeToken, connection);
    // A personal link that stopped working while its holder was away does not take them back in.
    const participantId = participant.identity?.startsWith(TOKEN_IDENTITY) ? participant.identity.slice(TOKEN_IDENTITY.length) : undefined;
    if (!(await personalLinkStillValid(this.deps.webinarPolicies, session.room, participantId))) {
      await session.leave(participant);
      throw personalLinkRevoked();
    }
    return { session, participant };
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
   * Ends sessions a crash left open: their media rooms died with the previous process. Run once at
   * start-up, before any join.
   */
  async endOrphanedSessions(): Promise<number> {
    const open = await this.deps.sessions.listOpen();
    const now = this.deps.clock.now();
    for (const session of open) {
      const room = await this.deps.rooms.findById(session.roomId);
      const closeAt = room ? closeAtAfterSession(room, now) : null;
      await this.deps.sessions.end({ id: session.id, roomId: session.roomId, endedAt: now.toISOString(), roomCloseAt: closeAt });
    }
    return open.length;
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
    // Two first joins at once must share one session: the second awaits the first's start.
    let starting = this.starting.get(room.id);
    if (!starting) {
      starting = LiveSession.start(room, { ...this.deps, waitingGuests: (roomId) => this.entrance.waiting(roomId) }, (ended) => {
        if (this.sessions.get(room.id) === ended) this.sessions.delete(room.id);
      })
        .then((session) => {
          this.sessions.set(room.id, session);
          return session;
        })
        .finally(() => this.starting.delete(room.id));
      this.starting.set(room.id, starting);
    }
    return starting;
  }
}

function roomUnavailable(): ParleyError {
  return new ParleyError('room_unavailable', 'This meeting is no longer available');
}
