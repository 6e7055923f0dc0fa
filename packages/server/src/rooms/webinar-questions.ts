import { randomUUID } from 'node:crypto';
import { canPublish, QUESTION_MAX_LENGTH, type ParticipantRef, type WebinarQuestion, type WebinarRules } from '@parley/protocol';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { WebinarStageRepository } from '../store/webinar-stage-repository.js';
import { boundedTextOf } from './chat-message.js';
import type { LiveParticipant } from './live-participant.js';
import { ParticipantRateLimiter } from './participant-rate-limiter.js';

/** Per attendee: at most this many questions in any window of `QUESTION_RATE_WINDOW_MS`. */
export const QUESTION_RATE_LIMIT = 3;
export const QUESTION_RATE_WINDOW_MS = 60_000;

interface Dependencies {
  webinarStage: Pick<WebinarStageRepository, 'saveQuestion' | 'questions'>;
  clock: Clock;
}

/**
 * A webinar session's Q&A: attendees ask, the stage answers or dismisses. Every change is stored before
 * anyone hears of it; the list stays in memory for late joiners.
 */
export class WebinarQuestions {
  private readonly questions = new Map<string, WebinarQuestion>();
  private readonly limiter: ParticipantRateLimiter;

  constructor(
    private readonly sessionId: string,
    private readonly deps: Dependencies,
  ) {
    this.limiter = new ParticipantRateLimiter(QUESTION_RATE_LIMIT, QUESTION_RATE_WINDOW_MS, deps.clock);
  }

  /** Picks up the Q&A of a session taken over from another node, as the database has it. */
  async restore(): Promise<void> {
    for (const question of await this.deps.webinarStage.questions(this.sessionId)) this.questions.set(question.id, question);
  }

  /**
   * What `participant` may see, first asked first: the stage sees every question; an attendee their
   * own, and the others' the audience is shown (`reachesAudience`).
   */
  visibleTo(participant: LiveParticipant, rules: Pick<WebinarRules, 'moderatedQuestions'>): WebinarQuestion[] {
    const all = [...this.questions.values()];
    if (canPublish(participant.info.role)) return all;
    return all.filter((q) => reachesAudience(q, rules) || q.askedBy.id === participant.id);
  }

  async ask(asker: LiveParticipant, rawText: string, anonymous: boolean, rules: Pick<WebinarRules, 'questions' | 'anonymousQuestions'>): Promise<WebinarQuestion> {
    if (canPublish(asker.info.role)) throw ParleyError.forbidden('Questions are asked by the audience; the panel answers them');
    if (!rules.questions) throw ParleyError.forbidden('Questions are off in this webinar');
    if (anonymous && !rules.anonymousQuestions) throw ParleyError.forbidden('Questions cannot be anonymous in this webinar');
    const text = boundedTextOf(rawText, QUESTION_MAX_LENGTH, 'A question');
    if (!this.limiter.take(asker.id)) {
      throw ParleyError.rateLimited(`Too many questions: at most ${QUESTION_RATE_LIMIT} a minute`);
    }
    // An anonymous question keeps who asked it (their page knows it as theirs) but never their name.
    const askedBy = anonymous ? { id: asker.id, displayName: '' } : refOf(asker);
    return this.save({ id: randomUUID(), askedBy, text, askedAt: this.deps.clock.now().toISOString(), status: 'open', ...(anonymous ? { anonymous } : {}) });
  }

  async answer(by: LiveParticipant, questionId: string, rawText: string): Promise<WebinarQuestion> {
    const question = this.openQuestion(by, questionId, 'answer');
    const text = boundedTextOf(rawText, QUESTION_MAX_LENGTH, 'An answer');
    return this.save({ ...question, status: 'answered', answer: { text, by: refOf(by), answeredAt: this.deps.clock.now().toISOString() } });
  }

  async dismiss(by: LiveParticipant, questionId: string): Promise<WebinarQuestion> {
    return this.save({ ...this.openQuestion(by, questionId, 'dismiss'), status: 'dismissed' });
  }

  /** The attendee left: their rate window goes with them (their questions stay). */
  forget(participantId: string): void {
    this.limiter.forget(participantId);
  }

  private openQuestion(by: LiveParticipant, questionId: string, action: string): WebinarQuestion {
    if (!canPublish(by.info.role)) throw ParleyError.forbidden(`Only the panel can ${action} questions`);
    const question = this.questions.get(questionId);
    if (!question) throw ParleyError.notFound('There is no such question');
    if (question.status !== 'open') throw ParleyError.conflict(`That question was already ${question.status}`);
    return question;
  }

  private async save(question: WebinarQuestion): Promise<WebinarQuestion> {
    await this.deps.webinarStage.saveQuestion(this.sessionId, question);
    this.questions.set(question.id, question);
    return question;
  }
}

function refOf(participant: LiveParticipant): ParticipantRef {
  return { id: participant.id, displayName: participant.info.displayName };
}

/**
 * Whether the whole audience is shown a question: once answered; with Q&A not moderated, also while
 * open. A dismissed question stays between the panel and its asker.
 */
export function reachesAudience(question: WebinarQuestion, rules: Pick<WebinarRules, 'moderatedQuestions'>): boolean {
  return question.status === 'answered' || (question.status === 'open' && !rules.moderatedQuestions);
}
