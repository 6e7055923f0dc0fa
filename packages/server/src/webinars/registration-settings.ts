import type { QuestionnaireAnswer } from '../store/webinar-registrants-repository.js';
import { invalidParameter } from './webinar.js';

export const ON_DEMAND_DURATIONS = ['OneMonth', 'TwoMonths', 'ThreeMonths', 'SixMonths', 'OneYear'] as const;

/** RingCentral's registration settings of a session (`RegSessionModel.settings`) that a host may set. */
export interface RegistrationSettings {
  /** The most registrants the session takes; registration closes when it has them. 0: no limit. */
  autoCloseLimit: number;
  suppressEmails: boolean;
  registrationDigestEnabled: boolean;
  preventMultipleDeviceJoins: boolean;
  workEmailRequired: boolean;
  viewRecording: boolean;
  onDemandDuration: (typeof ON_DEMAND_DURATIONS)[number];
  autoOpenPostWebinarRegistration: boolean;
}

/** RingCentral's defaults (spec §4.3.1). */
export const DEFAULT_REGISTRATION_SETTINGS: RegistrationSettings = {
  autoCloseLimit: 0,
  suppressEmails: false,
  registrationDigestEnabled: true,
  preventMultipleDeviceJoins: false,
  workEmailRequired: false,
  viewRecording: true,
  onDemandDuration: 'SixMonths',
  autoOpenPostWebinarRegistration: false,
};

export const QUESTION_TYPES = ['Text', 'SingleChoice', 'MultipleChoice'] as const;

/**
 * A question of the registration form (a Parley extension: RingCentral's API exchanges only the
 * answers, keyed by `questionId`). A choice question lists its answers; a text question has none.
 */
export interface RegistrationQuestion {
  questionId: string;
  questionText: string;
  type: (typeof QUESTION_TYPES)[number];
  required: boolean;
  answers?: { answerId: string; answerText: string }[];
}

/** The questions as a host set them, refused when ambiguous: ids must be unique, and only choice questions have answers. */
export function checkQuestions(questions: readonly RegistrationQuestion[]): void {
  const ids = new Set<string>();
  for (const [index, question] of questions.entries()) {
    const at = `questions[${index}]`;
    if (ids.has(question.questionId)) throw invalidParameter(`${at}.questionId`, `Question id ${question.questionId} is used twice`);
    ids.add(question.questionId);
    const answers = question.answers ?? [];
    if (question.type === 'Text' && answers.length > 0) throw invalidParameter(`${at}.answers`, 'A Text question has no answers to choose from');
    if (question.type !== 'Text' && answers.length < 1) throw invalidParameter(`${at}.answers`, 'A choice question needs answers to choose from');
    if (new Set(answers.map((a) => a.answerId)).size !== answers.length) throw invalidParameter(`${at}.answers`, 'Answer ids of a question must be unique');
  }
}

/**
 * A registrant's answers, checked against the session's questions: every answer to a known question,
 * of its kind (one answer for a single choice, answers of the question for any choice, text for a text
 * question), each question at most once, and every required one answered. A session without questions
 * takes answers as given: the host asks them on its own registration page.
 */
export function checkAnswers(questions: readonly RegistrationQuestion[], answers: readonly QuestionnaireAnswer[]): QuestionnaireAnswer[] {
  if (questions.length === 0) return [...answers];
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const answered = new Set<string>();
  for (const [index, answer] of answers.entries()) {
    const at = `questionnaire[${index}]`;
    const question = byId.get(answer.questionId);
    if (!question) throw invalidParameter(`${at}.questionId`, `Question ${answer.questionId} is not asked in this session`);
    if (answered.has(answer.questionId)) throw invalidParameter(`${at}.questionId`, `Question ${answer.questionId} is answered twice`);
    answered.add(answer.questionId);
    if (question.type === 'Text') {
      if (!('answerText' in answer) || answer.answerText.trim() === '') throw invalidParameter(`${at}.answerText`, `Question ${question.questionId} takes a text answer`);
      continue;
    }
    if (!('answerIds' in answer)) throw invalidParameter(`${at}.answerIds`, `Question ${question.questionId} takes answer ids`);
    const known = new Set((question.answers ?? []).map((a) => a.answerId));
    if (answer.answerIds.some((id) => !known.has(id))) throw invalidParameter(`${at}.answerIds`, `An answer of question ${question.questionId} is not one of its answers`);
    if (new Set(answer.answerIds).size !== answer.answerIds.length) throw invalidParameter(`${at}.answerIds`, `An answer of question ${question.questionId} is given twice`);
    if (question.type === 'SingleChoice' && answer.answerIds.length !== 1) throw invalidParameter(`${at}.answerIds`, `Question ${question.questionId} takes exactly one answer`);
  }
  const missing = questions.find((q) => q.required && !answered.has(q.questionId));
  if (missing) throw invalidParameter('questionnaire', `Question ${missing.questionId} must be answered`);
  return [...answers];
}
