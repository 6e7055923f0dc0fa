import {
  canModerate,
  canPublish,
  type AssignableRole,
  type ChatMessage,
  type ParticipantRole,
  type RaisedHand,
  type RoomClosedEvent,
  type ServerMessage,
  type SettableRuntimeStatus,
  type WebinarQuestion,
  type WebinarRequest,
  type WebinarRules,
  type WebinarRuntimeStatus,
  type WebinarStateEvent,
} from '@parley/protocol';
import type { Logger } from 'pino';
import type { Clock, Scheduler } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { WebinarStageRepository } from '../store/webinar-stage-repository.js';
import type { LiveParticipant } from './live-participant.js';
import { SerialQueue } from './serial-queue.js';
import { reachesAudience, WebinarQuestions } from './webinar-questions.js';
import { UNRESTRICTED_WEBINAR_RULES, webinarRulesOf, type WebinarRoomPolicy } from './webinar-policy.js';

/** The roles a moderator may give someone in a webinar (a meeting's are `cohost` and `guest`). */
export const WEBINAR_ASSIGNABLE_ROLES: readonly AssignableRole[] = ['cohost', 'panelist', 'attendee'];

/** The attendee count reaches everyone at most this often: one message per person per interval, however many come and go. */
export const ATTENDEE_COUNT_INTERVAL_MS = 1_000;

/** From which statuses each move is allowed. */
const MOVES: Record<SettableRuntimeStatus, readonly WebinarRuntimeStatus[]> = {
  Live: ['Practice', 'Break'],
  Break: ['Live'],
  Debrief: ['Live', 'Break'],
};

/** How the stage reaches the session it is part of; the live session provides it. */
export interface StageMembers {
  all(): Iterable<LiveParticipant>;
  find(participantId: string): LiveParticipant | undefined;
  /** To everyone the message concerns (see `recipients`). */
  broadcast(message: ServerMessage): void;
  /** Lets a participant go, told `message` first. */
  remove(participant: LiveParticipant, message: ServerMessage): Promise<void>;
  /** Who receives media changed (the webinar went live, or on a break). */
  mediaAudienceChanged(): void;
  /** A participant left the stage: their media stops at the media server and reaches nobody. */
  leftStage(participant: LiveParticipant): Promise<void>;
  /** A participant came on stage: media a moderator did not stop may flow again. */
  cameOnStage(participant: LiveParticipant): Promise<void>;
}

interface Dependencies {
  webinarStage: Pick<WebinarStageRepository, 'setRuntimeStatus' | 'saveQuestion' | 'runtimeStatus' | 'questions'>;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
}

/**
 * What makes a live session a webinar: the stage (hosts, co-hosts, panelists: they publish and see
 * everyone) and the audience (attendees: they never publish, receive the stage's media only while it is
 * live, and never hear of one another, so that nothing sent per attendee reaches every other attendee),
 * the runtime status, and the Q&A.
 */
export class WebinarStage {
  private status: WebinarRuntimeStatus = 'Practice';
  /** Everyone present who is not an attendee. */
  private readonly stage = new Map<string, LiveParticipant>();
  /** Everyone who was on stage during the session: what they said in the chat stays for the audience. */
  private readonly everOnStage = new Set<string>();
  private attendees = 0;
  private announcedAttendees = 0;
  private cancelCount: (() => void) | undefined;
  private readonly questions: WebinarQuestions;
  private readonly queue = new SerialQueue();
  /** What the webinar's settings allow now; they may change during the session. */
  private rules: WebinarRules = UNRESTRICTED_WEBINAR_RULES;
  /** Where the audience goes once the webinar ends. */
  private redirectUri: string | undefined;

  constructor(
    private readonly session: { id: string; roomId: string },
    private readonly members: StageMembers,
    private readonly deps: Dependencies,
  ) {
    this.questions = new WebinarQuestions(session.id, deps);
  }

  get runtimeStatus(): WebinarRuntimeStatus {
    return this.status;
  }

  /** What the webinar's settings allow now. */
  get currentRules(): WebinarRules {
    return this.rules;
  }

  /** Follows the webinar's settings as they are now: every page is shown what changed (questions may appear or go). */
  follow(policy: WebinarRoomPolicy): void {
    this.redirectUri = policy.postWebinarRedirectUri;
    const rules = webinarRulesOf(policy);
    const changed = (Object.keys(rules) as (keyof WebinarRules)[]).some((rule) => rules[rule] !== this.rules[rule]);
    this.rules = rules;
    if (!changed) return;
    for (const participant of this.members.all()) participant.connection.send(this.stateFor(participant));
  }

  /** How the audience is told the webinar ended for them: where to go next, when the webinar says. */
  endedForAudience(reason: RoomClosedEvent['reason'] = 'webinar_ended'): RoomClosedEvent {
    return { type: 'room-closed', reason, ...(this.redirectUri !== undefined ? { redirectUri: this.redirectUri } : {}) };
  }

  /** Stores the status a new session starts in. */
  async begin(): Promise<void> {
    await this.deps.webinarStage.setRuntimeStatus(this.session.id, this.status, this.deps.clock.now().toISOString());
  }

  /** Picks up where the webinar stood on the node it is taken over from: its runtime status and Q&A. */
  async restore(): Promise<void> {
    this.status = (await this.deps.webinarStage.runtimeStatus(this.session.id)) ?? this.status;
    await this.questions.restore();
  }

  /** Refuses an attendee once the webinar ended for its audience. */
  checkEntry(role: ParticipantRole): void {
    if (!canPublish(role) && this.status === 'Debrief') throw new ParleyError('room_unavailable', 'The webinar has ended');
  }

  /** A participant joined: before anyone is told. */
  added(participant: LiveParticipant): void {
    if (canPublish(participant.info.role)) this.putOnStage(participant);
    else this.countAttendees(+1);
  }

  /** A participant left: after everyone concerned was told. */
  removed(participant: LiveParticipant): void {
    if (!this.stage.delete(participant.id)) this.countAttendees(-1);
    this.questions.forget(participant.id);
  }

  /** A moderator changed a participant's role (everyone concerned was told). */
  async roleChanged(participant: LiveParticipant): Promise<void> {
    const wasOnStage = this.stage.has(participant.id);
    const onStage = canPublish(participant.info.role);
    if (wasOnStage === onStage) return;
    if (onStage) {
      this.putOnStage(participant);
      this.countAttendees(-1);
      await this.members.cameOnStage(participant);
    } else {
      this.stage.delete(participant.id);
      this.countAttendees(+1);
      await this.members.leftStage(participant);
    }
    // Their page now sees what its new place sees.
    participant.connection.send(this.stateFor(participant));
  }

  /**
   * Who of `everyone` a message goes to. News of someone on stage (and anything about nobody in
   * particular) goes to everyone; news of an attendee (their join, leave, hand, reaction, chat) only
   * to the stage and to that attendee. News that someone joined the stage reaches the audience too.
   */
  recipients(message: ServerMessage, everyone: Iterable<LiveParticipant>): Iterable<LiveParticipant> {
    const subject = subjectOf(message);
    if (subject === undefined || this.stage.has(subject)) return everyone;
    if ((message.type === 'participant-joined' || message.type === 'participant-updated') && canPublish(message.participant.role)) return everyone;
    return this.stageAnd(subject);
  }

  /** Whom a participant sees in the session: an attendee, the stage only (never a walk through the audience); anyone else, everyone. */
  seenBy(participant: LiveParticipant, everyone: Iterable<LiveParticipant>): Iterable<LiveParticipant> {
    return canPublish(participant.info.role) ? everyone : this.stage.values();
  }

  /** What was said and whose hands are up, as a participant's page is shown it on arrival: an attendee sees the stage's, and their own. */
  visibleTo<T extends { chatHistory: ChatMessage[]; raisedHands: RaisedHand[] }>(participant: LiveParticipant, view: T): T {
    if (canPublish(participant.info.role)) return view;
    return {
      ...view,
      chatHistory: view.chatHistory.filter((m) => this.everOnStage.has(m.participantId) || m.participantId === participant.id),
      raisedHands: view.raisedHands.filter((h) => this.stage.has(h.participantId) || h.participantId === participant.id),
    };
  }

  /** Whether a participant receives the others' media now: the stage always, the audience while the webinar is live. */
  receivesMedia(participant: LiveParticipant): boolean {
    return canPublish(participant.info.role) || this.status === 'Live';
  }

  stateFor(participant: LiveParticipant): WebinarStateEvent {
    return {
      type: 'webinar-state',
      runtimeStatus: this.status,
      attendeeCount: this.attendees,
      questions: this.questions.visibleTo(participant, this.rules),
      rules: this.rules,
    };
  }

  /** Carries out a webinar request from `actor`, or rejects with a `ParleyError` saying why not. */
  handle(actor: LiveParticipant, request: WebinarRequest): Promise<void> {
    return this.queue.run(async () => {
      if (actor.left) throw ParleyError.badRequest('You are no longer in this webinar');
      switch (request.type) {
        case 'set-runtime-status':
          return this.setStatus(actor, request.status);
        case 'ask-question':
          return this.deliver(await this.questions.ask(actor, request.text, request.anonymous ?? false, this.rules));
        case 'answer-question':
          return this.deliver(await this.questions.answer(actor, request.questionId, request.text));
        case 'dismiss-question':
          return this.deliver(await this.questions.dismiss(actor, request.questionId));
      }
    });
  }

  /** The session ended: nothing more is announced. */
  close(): void {
    this.cancelCount?.();
    this.cancelCount = undefined;
  }

  private async setStatus(by: LiveParticipant, status: SettableRuntimeStatus): Promise<void> {
    if (!canModerate(by.info.role)) throw ParleyError.forbidden('Only the host or a co-host can start, pause or end the webinar');
    if (this.status === status) return;
    if (!MOVES[status].includes(this.status)) throw ParleyError.conflict(`A webinar in ${this.status} cannot move to ${status}`);
    await this.deps.webinarStage.setRuntimeStatus(this.session.id, status, this.deps.clock.now().toISOString());
    this.status = status;
    this.deps.logger.info({ sessionId: this.session.id, participantId: by.id, runtimeStatus: status }, 'webinar status changed');
    this.members.broadcast({ type: 'webinar-status', runtimeStatus: status });
    if (status === 'Debrief') {
      const audience = [...this.members.all()].filter((p) => !canPublish(p.info.role));
      await Promise.all(audience.map((p) => this.members.remove(p, this.endedForAudience())));
    } else {
      this.members.mediaAudienceChanged();
    }
  }

  /**
   * A question reaches the stage and its asker; every attendee too once the audience is shown it, and
   * (Q&A not moderated) when it is dismissed, so that their pages drop it.
   */
  private deliver(question: WebinarQuestion): void {
    const message: ServerMessage = { type: 'question', question };
    const toAudience = reachesAudience(question, this.rules) || (question.status === 'dismissed' && !this.rules.moderatedQuestions);
    const recipients = toAudience ? this.members.all() : this.stageAnd(question.askedBy.id);
    for (const participant of recipients) participant.connection.send(message);
  }

  /** The stage, and the one attendee concerned (found by id: never a walk through the audience). */
  private *stageAnd(participantId: string): Iterable<LiveParticipant> {
    yield* this.stage.values();
    const attendee = this.stage.has(participantId) ? undefined : this.members.find(participantId);
    if (attendee) yield attendee;
  }

  private putOnStage(participant: LiveParticipant): void {
    this.stage.set(participant.id, participant);
    this.everOnStage.add(participant.id);
  }

  /** Counts attendees, and has the count announced once the interval is over (a burst of arrivals is one message). */
  private countAttendees(change: number): void {
    this.attendees += change;
    if (this.cancelCount) return;
    this.cancelCount = this.deps.scheduler.after(ATTENDEE_COUNT_INTERVAL_MS, () => {
      this.cancelCount = undefined;
      if (this.attendees === this.announcedAttendees) return;
      this.announcedAttendees = this.attendees;
      this.members.broadcast({ type: 'attendee-count', count: this.attendees });
    });
  }
}

/** The participant a message is news of, if it is news of one. */
function subjectOf(message: ServerMessage): string | undefined {
  switch (message.type) {
    case 'participant-joined':
    case 'participant-updated':
      return message.participant.id;
    case 'participant-left':
    case 'hand-lowered':
    case 'reaction':
    case 'speaking':
      return message.participantId;
    case 'hand-raised':
      return message.hand.participantId;
    case 'chat-message':
      return message.message.participantId;
    default:
      return undefined;
  }
}
