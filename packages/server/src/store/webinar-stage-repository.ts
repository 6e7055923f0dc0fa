import type { Kysely } from 'kysely';
import type { WebinarQuestion, WebinarRuntimeStatus } from '@parley/protocol';
import type { Database, WebinarQuestionsTable } from './schema.js';
import { enqueueWebinarRuntimeEvent } from './webinar-event-outbox.js';

/** What a webinar session keeps of its stage: its runtime status and its Q&A. */
export class WebinarStageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores where a live session is in its run, and puts the runtime event in the outbox in the same
   * transaction (for the RingCentral notification subscriptions of the webinar the room backs).
   */
  async setRuntimeStatus(sessionId: string, status: WebinarRuntimeStatus, changedAt: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const session = await tx.updateTable('sessions').set({ runtime_status: status }).where('id', '=', sessionId).returning('room_id').executeTakeFirst();
      if (session) await enqueueWebinarRuntimeEvent(tx, session.room_id, { status: 'Active', runtimeStatus: status }, changedAt);
    });
  }

  async runtimeStatus(sessionId: string): Promise<WebinarRuntimeStatus | null> {
    const row = await this.db.selectFrom('sessions').select('runtime_status').where('id', '=', sessionId).executeTakeFirst();
    return row?.runtime_status ?? null;
  }

  /** Stores a question as it is now: a new one, or one answered or dismissed since. */
  async saveQuestion(sessionId: string, question: WebinarQuestion): Promise<void> {
    const row = rowOf(sessionId, question);
    await this.db
      .insertInto('webinar_questions')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({
          status: row.status,
          answer: row.answer,
          answered_by: row.answered_by,
          answerer_name: row.answerer_name,
          answered_at: row.answered_at,
        }),
      )
      .execute();
  }

  /** A session's questions, first asked first. */
  async questions(sessionId: string): Promise<WebinarQuestion[]> {
    const rows = await this.db.selectFrom('webinar_questions').selectAll().where('session_id', '=', sessionId).orderBy('asked_at').orderBy('id').execute();
    return rows.map(questionOf);
  }
}

function rowOf(sessionId: string, question: WebinarQuestion): WebinarQuestionsTable {
  return {
    id: question.id,
    session_id: sessionId,
    asked_by: question.askedBy.id,
    asker_name: question.askedBy.displayName,
    text: question.text,
    asked_at: question.askedAt,
    status: question.status,
    answer: question.answer?.text ?? null,
    answered_by: question.answer?.by.id ?? null,
    answerer_name: question.answer?.by.displayName ?? null,
    answered_at: question.answer?.answeredAt ?? null,
  };
}

function questionOf(row: WebinarQuestionsTable): WebinarQuestion {
  const question: WebinarQuestion = {
    id: row.id,
    askedBy: { id: row.asked_by, displayName: row.asker_name },
    text: row.text,
    askedAt: row.asked_at,
    status: row.status,
  };
  if (row.answer !== null && row.answered_by !== null && row.answerer_name !== null && row.answered_at !== null) {
    question.answer = { text: row.answer, by: { id: row.answered_by, displayName: row.answerer_name }, answeredAt: row.answered_at };
  }
  return question;
}
