import type { Kysely, Selectable } from 'kysely';
import type { Database, WebinarInviteesTable } from './schema.js';

export type InviteeRole = WebinarInviteesTable['role'];

export interface InviteeRecord {
  id: string;
  sessionId: string;
  role: InviteeRole;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  jobTitle: string | null;
  /** A user of the webinar's account, instead of a name and email. */
  linkedUser: { userId: string; accountId: string } | null;
  type: 'User' | 'Room';
  sendInvite: boolean;
  /** The order they were added in; the Host record is 0. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export type InviteeChanges = Partial<Pick<InviteeRecord, 'role' | 'firstName' | 'lastName' | 'email' | 'jobTitle' | 'type' | 'sendInvite'>> & { updatedAt: string };

/** A session's invitees: the implicit Host record first, then the others in the order they were added. */
export class WebinarInviteesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(invitee: InviteeRecord): Promise<void> {
    await this.db
      .insertInto('webinar_invitees')
      .values({
        id: invitee.id,
        session_id: invitee.sessionId,
        role: invitee.role,
        first_name: invitee.firstName,
        last_name: invitee.lastName,
        email: invitee.email,
        job_title: invitee.jobTitle,
        linked_user_id: invitee.linkedUser?.userId ?? null,
        linked_account_id: invitee.linkedUser?.accountId ?? null,
        type: invitee.type,
        send_invite: invitee.sendInvite ? 1 : 0,
        position: invitee.position,
        created_at: invitee.createdAt,
        updated_at: invitee.updatedAt,
      })
      .execute();
  }

  async find(sessionId: string, id: string): Promise<InviteeRecord | undefined> {
    const row = await this.db.selectFrom('webinar_invitees').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async list(sessionId: string, page?: { offset: number; limit: number }): Promise<InviteeRecord[]> {
    let query = this.db
      .selectFrom('webinar_invitees')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .orderBy('id');
    if (page) query = query.offset(page.offset).limit(page.limit);
    return (await query.execute()).map(fromRow);
  }

  async update(sessionId: string, id: string, changes: InviteeChanges): Promise<void> {
    const row: Partial<Selectable<WebinarInviteesTable>> = { updated_at: changes.updatedAt };
    if (changes.role !== undefined) row.role = changes.role;
    if (changes.firstName !== undefined) row.first_name = changes.firstName;
    if (changes.lastName !== undefined) row.last_name = changes.lastName;
    if (changes.email !== undefined) row.email = changes.email;
    if (changes.jobTitle !== undefined) row.job_title = changes.jobTitle;
    if (changes.type !== undefined) row.type = changes.type;
    if (changes.sendInvite !== undefined) row.send_invite = changes.sendInvite ? 1 : 0;
    await this.db.updateTable('webinar_invitees').set(row).where('session_id', '=', sessionId).where('id', '=', id).execute();
  }

  async delete(sessionId: string, id: string): Promise<void> {
    await this.db.deleteFrom('webinar_invitees').where('session_id', '=', sessionId).where('id', '=', id).execute();
  }
}

function fromRow(row: Selectable<WebinarInviteesTable>): InviteeRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    jobTitle: row.job_title,
    linkedUser: row.linked_user_id !== null && row.linked_account_id !== null ? { userId: row.linked_user_id, accountId: row.linked_account_id } : null,
    type: row.type,
    sendInvite: row.send_invite === 1,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
