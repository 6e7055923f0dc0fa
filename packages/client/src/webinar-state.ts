import type { ServerMessage, WebinarQuestion, WebinarRules, WebinarRuntimeStatus } from '@parley/protocol';

/** The webinar messages the server sends (only in a room of kind `webinar`). */
export type WebinarMessage = Extract<ServerMessage, { type: 'webinar-state' | 'webinar-status' | 'attendee-count' | 'question' }>;

/** What a page knows of its webinar: where it stands, how many watch, and the questions it may see. */
export class WebinarState {
  private status: WebinarRuntimeStatus | undefined;
  private attendees = 0;
  private readonly questionsById = new Map<string, WebinarQuestion>();
  private currentRules: WebinarRules | undefined;

  /** Undefined in a meeting (no webinar state ever came). */
  get runtimeStatus(): WebinarRuntimeStatus | undefined {
    return this.status;
  }

  get attendeeCount(): number {
    return this.attendees;
  }

  /** What the webinar's settings allow; undefined in a meeting. */
  get rules(): WebinarRules | undefined {
    return this.currentRules;
  }

  /** First asked first. */
  questions(): WebinarQuestion[] {
    return [...this.questionsById.values()].sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  }

  apply(message: WebinarMessage): void {
    switch (message.type) {
      case 'webinar-state':
        this.status = message.runtimeStatus;
        this.attendees = message.attendeeCount;
        this.currentRules = message.rules;
        // The whole view this participant may see now (a promotion widens it).
        this.questionsById.clear();
        for (const question of message.questions) this.questionsById.set(question.id, question);
        break;
      case 'webinar-status':
        this.status = message.runtimeStatus;
        break;
      case 'attendee-count':
        this.attendees = message.count;
        break;
      case 'question':
        this.questionsById.set(message.question.id, message.question);
        break;
    }
  }
}
