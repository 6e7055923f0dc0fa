import type { Kysely, Selectable } from 'kysely';
import type { Database, WebinarRegistrantsTable } from './schema.js';

/** One answer of a registrant's questionnaire: chosen answers, or text. */
export type QuestionnaireAnswer = { questionId: string; answerIds: string[] } | { questionId: string; answerText: string };

export interface RegistrantRecord {
  id: string;
  sessionId: string;
  firstName: string;
  lastName: string;
  /** Lower-cased. */
  email: string;
  externalId: string | null;
  source: string | null;
  visitorId: string | null;
  ipAddress: string | null;
  questionnaire: QuestionnaireAnswer[];
  customJoinUri: string | null;
  customCancellationUri: string | null;
  cancellationToken: string;
  createdAt: string;
  updatedAt: string;
}

/** A session's registrants, by id. One registration per email and session (a unique index). */
export class WebinarRegistrantsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(registrant: RegistrantRecord): Promise<void> {
    await this.db
      .insertInto('webinar_registrants')
      .values({
        id: registrant.id,
        session_id: registrant.sessionId,
        first_name: registrant.firstName,
        last_name: registrant.lastName,
        email: registrant.email,
        external_id: registrant.externalId,
        source: registrant.source,
        visitor_id: registrant.visitorId,
        ip_address: registrant.ipAddress,
        questionnaire: JSON.stringify(registrant.questionnaire),
        custom_join_uri: registrant.customJoinUri,
        custom_cancellation_uri: registrant.customCancellationUri,
        cancellation_token: registrant.cancellationToken,
        created_at: registrant.createdAt,
        updated_at: registrant.updatedAt,
      })
      .execute();
  }

  async find(sessionId: string, id: string): Promise<RegistrantRecord | undefined> {
    const row = await this.db.selectFrom('webinar_registrants').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async findByCancellationToken(token: string): Promise<RegistrantRecord | undefined> {
    const row = await this.db.selectFrom('webinar_registrants').selectAll().where('cancellation_token', '=', token).executeTakeFirst();
    return row && fromRow(row);
  }

  async emailRegistered(sessionId: string, email: string): Promise<boolean> {
    const row = await this.db.selectFrom('webinar_registrants').select('id').where('session_id', '=', sessionId).where('email', '=', email).executeTakeFirst();
    return row !== undefined;
  }

  async count(sessionId: string): Promise<number> {
    const row = await this.db.selectFrom('webinar_registrants').select((eb) => eb.fn.countAll<string | number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(sessionId: string, page?: { offset: number; limit: number }): Promise<RegistrantRecord[]> {
    let query = this.db.selectFrom('webinar_registrants').selectAll().where('session_id', '=', sessionId).orderBy('id');
    if (page) query = query.offset(page.offset).limit(page.limit);
    return (await query.execute()).map(fromRow);
  }

  async delete(sessionId: string, id: string): Promise<void> {
    await this.db.deleteFrom('webinar_registrants').where('session_id', '=', sessionId).where('id', '=', id).execute();
  }
}

function fromRow(row: Selectable<WebinarRegistrantsTable>): RegistrantRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    externalId: row.external_id,
    source: row.source,
    visitorId: row.visitor_id,
    ipAddress: row.ip_address,
    questionnaire: JSON.parse(row.questionnaire) as QuestionnaireAnswer[],
    customJoinUri: row.custom_join_uri,
    customCancellationUri: row.custom_cancellation_uri,
    cancellationToken: row.cancellation_token,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
