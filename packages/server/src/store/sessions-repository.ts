import { ParleyError } from '../errors.js';
import type { Kysely } from 'kysely';
import type { ParticipantRole } from '@parley/protocol';
import type { Database } from './schema.js';
import { participantWebhook, sessionEndedWebhook, sessionStartedWebhook } from './webhook-events.js';
import { enqueueWebhook } from './webhook-outbox.js';
import { enqueueWebinarRuntimeEvent } from './webinar-event-outbox.js';

export interface SessionRecord {
  id: string;
  roomId: string;
  startedAt: string;
  endedAt: string | null;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  roomId: string;
  displayName: string;
  role: ParticipantRole;
  joinedAt: string;
  leftAt: string | null;
  /** The user a participant token named; null for guests. */
  userId: string | null;
}

/** Sessions (one live meeting of a room) and who took part in them. */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Starts a session, only in a room still available and not deleted: checked in the same transaction
   * that holds the room's deadline, so a room closed or deleted since the caller read it gets no session.
   * `session:started` goes to the outbox in that transaction.
   */
  async start(session: { id: string; roomId: string; startedAt: string }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const held = await tx
        .updateTable('rooms')
        .set({ close_at: null })
        .where('id', '=', session.roomId)
        .where('is_available', '=', 1)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(held.numUpdatedRows) === 0) throw new ParleyError('room_unavailable', 'This meeting is no longer available');
      const row = { id: session.id, room_id: session.roomId, started_at: session.startedAt, ended_at: null };
      await tx.insertInto('sessions').values(row).execute();
      await enqueueWebhook(tx, session.roomId, sessionStartedWebhook(row), session.startedAt);
      await enqueueWebinarRuntimeEvent(tx, session.roomId, { status: 'Active' }, session.startedAt);
    });
  }

  /**
   * Ends a session, closes any participant still marked present, and sets the room's next deadline.
   * The first end of a session also puts in the outbox, in the same transaction, a
   * `session:participant:left` for each of those participants, then `session:ended`. Which session and
   * participants were still open is decided by the writes that close them, so a concurrent end or
   * leave (on PostgreSQL they run at once) cannot report them a second time; a session already ended
   * keeps the end it had.
   */
  async end(session: { id: string; roomId: string; endedAt: string; roomCloseAt: string | null }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const ended = await tx
        .updateTable('sessions')
        .set({ ended_at: session.endedAt })
        .where('id', '=', session.id)
        .where('ended_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      const left = await tx
        .updateTable('participants')
        .set({ left_at: session.endedAt })
        .where('session_id', '=', session.id)
        .where('left_at', 'is', null)
        .returningAll()
        .execute();
      await tx.updateTable('rooms').set({ close_at: session.roomCloseAt }).where('id', '=', session.roomId).execute();
      for (const participant of left.sort((a, b) => a.joined_at.localeCompare(b.joined_at))) {
        await enqueueWebhook(tx, participant.room_id, participantWebhook('session:participant:left', participant), session.endedAt);
      }
      if (ended) {
        await enqueueWebhook(tx, ended.room_id, sessionEndedWebhook(ended, session.endedAt), session.endedAt);
        await enqueueWebinarRuntimeEvent(tx, ended.room_id, { status: 'Finished' }, session.endedAt);
      }
    });
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, roomId: row.room_id, startedAt: row.started_at, endedAt: row.ended_at };
  }

  async listForRoom(roomId: string): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('room_id', '=', roomId).orderBy('started_at').execute();
    return rows.map((row) => ({ id: row.id, roomId: row.room_id, startedAt: row.started_at, endedAt: row.ended_at }));
  }

  /** Sessions still open: running on some node, or left open by one that died or drained. */
  async listOpen(): Promise<SessionRecord[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('ended_at', 'is', null).execute();
    return rows.map((row) => ({ id: row.id, roomId: row.room_id, startedAt: row.started_at, endedAt: row.ended_at }));
  }

  /**
   * Records a participant who joined (without `userId`, a guest; `identity`, who they are across
   * visits), and puts `session:participant:joined` in the outbox in the same transaction.
   */
  async addParticipant(p: Omit<ParticipantRecord, 'leftAt' | 'userId'> & { userId?: string | null; identity?: string | null }): Promise<void> {
    const row = {
      id: p.id,
      session_id: p.sessionId,
      room_id: p.roomId,
      display_name: p.displayName,
      role: p.role,
      joined_at: p.joinedAt,
      left_at: null,
      user_id: p.userId ?? null,
      identity: p.identity ?? null,
    };
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('participants').values(row).execute();
      await enqueueWebhook(tx, p.roomId, participantWebhook('session:participant:joined', row), p.joinedAt);
    });
  }

  /** Records that a participant left (once), and puts `session:participant:left` in the outbox in the same transaction. */
  async markParticipantLeft(id: string, leftAt: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const left = await tx.updateTable('participants').set({ left_at: leftAt }).where('id', '=', id).where('left_at', 'is', null).returningAll().executeTakeFirst();
      if (left) await enqueueWebhook(tx, left.room_id, participantWebhook('session:participant:left', left), leftAt);
    });
  }

  /** A participant still present renamed themselves: the session's record keeps the name they have now. */
  async renameParticipant(id: string, displayName: string): Promise<void> {
    await this.db.updateTable('participants').set({ display_name: displayName }).where('id', '=', id).where('left_at', 'is', null).execute();
  }

  /** Keeps what of a live session must outlive its node (opaque here: `LiveSessionState` as JSON). */
  async saveLiveState(id: string, state: string): Promise<void> {
    await this.db.updateTable('sessions').set({ live_state: state }).where('id', '=', id).where('ended_at', 'is', null).execute();
  }

  /** What `saveLiveState` kept of a session, if anything. */
  async findLiveState(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('sessions').select('live_state').where('id', '=', id).executeTakeFirst();
    return row?.live_state ?? undefined;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const rows = await this.db.selectFrom('participants').selectAll().where('session_id', '=', sessionId).orderBy('joined_at').execute();
    return rows.map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      roomId: row.room_id,
      displayName: row.display_name,
      role: row.role,
      joinedAt: row.joined_at,
      leftAt: row.left_at,
      userId: row.user_id,
    }));
  }
}
