import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** An email to send, as composed: plain text, with an optional iCalendar attachment. */
export interface OutgoingEmail {
  topic: string;
  to: string;
  subject: string;
  text: string;
  ics?: string;
}

export interface QueuedEmail extends OutgoingEmail {
  id: string;
  attempts: number;
  giveUpAt: string;
}

/** A pending email still failing this long after it was queued is given up (marked failed). */
export const EMAIL_GIVE_UP_MS = 24 * 3600_000;

/** Queues `email` inside the caller's transaction: it is sent only if the change it tells of is stored. */
export async function enqueueEmail(db: Kysely<Database>, email: OutgoingEmail, now: Date): Promise<void> {
  await db
    .insertInto('email_outbox')
    .values({
      id: randomUUID(),
      topic: email.topic,
      to_address: email.to,
      subject: email.subject,
      text: email.text,
      ics: email.ics ?? null,
      status: 'pending',
      next_attempt_at: now.toISOString(),
      give_up_at: new Date(now.getTime() + EMAIL_GIVE_UP_MS).toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
}

/** The email outbox as its worker reads and settles it. */
export class EmailOutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes up to `limit` due emails for `claimant` until `leaseUntil`, in one statement: a row is
   * claimed only while nobody holds it, so workers on several nodes never take the same one at once
   * (one whose claimant died is taken again once its lease ran out).
   */
  async claimDue(claimant: string, now: string, leaseUntil: string, limit: number): Promise<QueuedEmail[]> {
    const free = (qb: Kysely<Database>) =>
      qb
        .selectFrom('email_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('created_at')
        .limit(limit);
    const rows = await this.db
      .updateTable('email_outbox')
      .set({ claimed_by: claimant, claimed_until: leaseUntil })
      .where('id', 'in', free(this.db))
      // Checked again on the row itself: a claim another worker made meanwhile stands.
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returningAll()
      .execute();
    return rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      ...(row.ics !== null ? { ics: row.ics } : {}),
      attempts: row.attempts,
      giveUpAt: row.give_up_at,
    }));
  }

  async markSent(id: string, claimant: string, now: string): Promise<void> {
    await this.db
      .updateTable('email_outbox')
      .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), next_attempt_at: null, claimed_by: null, claimed_until: null, last_error: null }))
      .where('id', '=', id)
      .where('claimed_by', '=', claimant)
      .execute();
  }

  /** A failed attempt: tried again at `retryAt`, or given up (`failed`) when there is none. */
  async markFailed(id: string, claimant: string, error: string, retryAt: string | null): Promise<void> {
    await this.db
      .updateTable('email_outbox')
      .set((eb) => ({
        status: retryAt === null ? 'failed' : 'pending',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: retryAt,
        claimed_by: null,
        claimed_until: null,
        last_error: error.slice(0, 1000),
      }))
      .where('id', '=', id)
      .where('claimed_by', '=', claimant)
      .execute();
  }

  /** The topics among `topics` whose email was sent. */
  async sentTopics(topics: readonly string[]): Promise<Set<string>> {
    if (topics.length === 0) return new Set();
    const rows = await this.db.selectFrom('email_outbox').select('topic').where('topic', 'in', topics).where('status', '=', 'sent').execute();
    return new Set(rows.map((row) => row.topic));
  }
}
