import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Database } from '../store/schema.js';
import type { UsersRepository } from '../store/users-repository.js';
import { WebinarInviteesRepository, type InviteeRecord, type InviteeRole } from '../store/webinar-invitees-repository.js';
import { invalidParameter, newWebinarId, type WebinarCaller, type WebinarSessionView } from './webinar.js';
import type { WebinarEmails } from './webinar-emails.js';
import type { Page, WebinarService } from './webinar-service.js';

/** What may be said of an invitee when adding one: a name and email, or a user of the account, never both. */
export interface AddInviteeInput {
  role: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  jobTitle?: string;
  linkedUser?: { userId: string; accountId: string };
  type?: 'User' | 'Room';
  sendInvite?: boolean;
}

/** What may change: the role (co-host or panelist) and the details; never who the linked user is. */
export interface UpdateInviteeInput {
  role: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  jobTitle?: string;
  linkedUser?: unknown;
  type?: 'User' | 'Room';
  sendInvite?: boolean;
}

export interface BulkInviteesInput {
  addedInvitees?: AddInviteeInput[];
  updatedInvitees?: (UpdateInviteeInput & { id: string })[];
  deletedInvitees?: { id: string }[];
}

export interface BulkInviteesResult {
  addedInvitees: InviteeRecord[];
  updatedInvitees: InviteeRecord[];
  deletedInvitees: { id: string }[];
}

export interface InviteeServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  users: Pick<UsersRepository, 'findById'>;
  webinars: WebinarService;
  /** Invitations and their cancellations; none without it. */
  emails?: WebinarEmails;
}

/**
 * A session's invitees: its host (the implicit record, which never changes), co-hosts and panelists.
 * Each change is checked in full before anything is written, so a refused request changes nothing;
 * a bulk change is one transaction.
 */
export class InviteeService {
  private readonly invitees: WebinarInviteesRepository;

  constructor(private readonly deps: InviteeServiceDeps) {
    this.invitees = new WebinarInviteesRepository(deps.db);
  }

  async list(caller: WebinarCaller, webinarId: string, sessionId: string, page: Page): Promise<{ view: WebinarSessionView; invitees: InviteeRecord[] }> {
    const view = await this.deps.webinars.getSession(caller, webinarId, sessionId);
    return { view, invitees: await this.invitees.list(sessionId, page) };
  }

  async get(caller: WebinarCaller, webinarId: string, sessionId: string, inviteeId: string): Promise<{ view: WebinarSessionView; invitee: InviteeRecord }> {
    const view = await this.deps.webinars.getSession(caller, webinarId, sessionId);
    const invitee = await this.invitees.find(sessionId, inviteeId);
    if (!invitee) throw ParleyError.notFound(`Invitee ${inviteeId} of session ${sessionId} was not found`);
    return { view, invitee };
  }

  async update(caller: WebinarCaller, webinarId: string, sessionId: string, inviteeId: string, input: UpdateInviteeInput): Promise<{ view: WebinarSessionView; invitee: InviteeRecord }> {
    const result = await this.bulk(caller, webinarId, sessionId, { updatedInvitees: [{ ...input, id: inviteeId }] }, true);
    return { view: result.view, invitee: result.updatedInvitees[0] as InviteeRecord };
  }

  async delete(caller: WebinarCaller, webinarId: string, sessionId: string, inviteeId: string): Promise<void> {
    await this.bulk(caller, webinarId, sessionId, { deletedInvitees: [{ id: inviteeId }] }, true);
  }

  /**
   * Adds, updates and deletes invitees in one go (RingCentral's bulk PATCH). `single`: the request is
   * about one invitee (PUT, DELETE), whose fields are named without the bulk body's list.
   */
  async bulk(
    caller: WebinarCaller,
    webinarId: string,
    sessionId: string,
    input: BulkInviteesInput,
    single = false,
  ): Promise<BulkInviteesResult & { view: WebinarSessionView }> {
    const view = await this.deps.webinars.getSession(caller, webinarId, sessionId);
    const added = input.addedInvitees ?? [];
    const updated = input.updatedInvitees ?? [];
    const deleted = input.deletedInvitees ?? [];
    if (view.status === 'Finished' && added.length + updated.length + deleted.length > 0) throw ParleyError.forbidden('The invitees of a Finished session cannot change');
    if (view.status === 'Active' && deleted.length > 0) throw ParleyError.forbidden('Invitees of an Active session cannot be deleted');

    const current = await this.invitees.list(sessionId);
    const byId = new Map(current.map((i) => [i.id, i]));
    const touched = new Set<string>();
    const target = (id: string): InviteeRecord => {
      const invitee = byId.get(id);
      if (!invitee) throw ParleyError.notFound(`Invitee ${id} of session ${sessionId} was not found`);
      if (invitee.role === 'Host') throw ParleyError.forbidden("The implicit record of the webinar's Host cannot be modified or deleted");
      if (touched.has(id)) throw ParleyError.conflict(`Invitee ${id} is named twice in one request`);
      touched.add(id);
      return invitee;
    };

    const now = isoTimestamp(this.deps.clock.now());
    const deletions = deleted.map((d) => target(d.id).id);
    const remaining = current.filter((i) => !deletions.includes(i.id));
    const updates = updated.map((u, index) => this.updatedRecord(target(u.id), u, single ? '' : `updatedInvitees[${index}].`, now));
    const additions: InviteeRecord[] = [];
    const nextPosition = Math.max(0, ...current.map((i) => i.position)) + 1;
    for (const [index, a] of added.entries()) {
      const record = await this.newRecord(view, a, `addedInvitees[${index}].`, now, nextPosition + index);
      const sameAs = [...remaining, ...additions].find((i) => (record.linkedUser ? i.linkedUser?.userId === record.linkedUser.userId : i.email !== null && i.email === record.email));
      if (sameAs) throw ParleyError.conflict(`${record.linkedUser ? `User ${record.linkedUser.userId}` : record.email} is invited to this session already`);
      additions.push(record);
    }

    // Invitations go to those added, and those updated to be sent one; cancellations to those removed who were.
    const at = this.deps.clock.now();
    const emails = this.deps.emails;
    const outgoing = emails
      ? [
          ...(await Promise.all(additions.map((record) => emails.invitation(view, record, at)))),
          ...(await Promise.all(updates.filter((record) => record.sendInvite && !byId.get(record.id)?.sendInvite).map((record) => emails.invitation(view, record, at)))),
          ...(await Promise.all(deletions.map((id) => emails.invitationCancellation(view, byId.get(id) as InviteeRecord, at)))),
        ].flat()
      : [];
    await this.deps.db.transaction().execute(async (tx) => {
      const invitees = new WebinarInviteesRepository(tx);
      await emails?.queue(tx, outgoing, at);
      for (const id of deletions) await invitees.delete(sessionId, id);
      for (const record of updates) await invitees.update(sessionId, record.id, record);
      for (const record of additions) await invitees.insert(record);
    });
    return { view, addedInvitees: additions, updatedInvitees: updates, deletedInvitees: deletions.map((id) => ({ id })) };
  }

  private async newRecord(view: WebinarSessionView, input: AddInviteeInput, at: string, now: string, position: number): Promise<InviteeRecord> {
    const role = inviteeRoleOf(input.role, `${at}role`);
    const named = input.firstName !== undefined || input.lastName !== undefined || input.email !== undefined;
    if (named && input.linkedUser) throw invalidParameter(`${at}linkedUser`, 'An invitee is either a name and email or a linked user, not both');
    const base = { id: newWebinarId(), sessionId: view.session.id, role, position, jobTitle: input.jobTitle ?? null, type: input.type ?? 'User', sendInvite: input.sendInvite ?? true, createdAt: now, updatedAt: now };
    if (input.linkedUser) {
      const user = await this.deps.users.findById(input.linkedUser.userId);
      if (!user || user.accountId !== view.webinar.accountId || input.linkedUser.accountId !== view.webinar.accountId) {
        throw invalidParameter(`${at}linkedUser.userId`, `Resource for parameter [${at}linkedUser.userId] is not found`);
      }
      const [firstName, ...rest] = user.name.split(' ');
      return { ...base, firstName: firstName ?? user.name, lastName: rest.join(' '), email: user.email, linkedUser: { userId: user.id, accountId: user.accountId } };
    }
    for (const field of ['firstName', 'lastName', 'email'] as const) {
      if (input[field] === undefined || input[field].trim() === '') throw invalidParameter(`${at}${field}`, `Parameter [${at}${field}] is required for an invitee who is not a linked user.`);
    }
    return { ...base, firstName: input.firstName as string, lastName: input.lastName as string, email: (input.email as string).toLowerCase(), linkedUser: null };
  }

  private updatedRecord(invitee: InviteeRecord, input: UpdateInviteeInput, at: string, now: string): InviteeRecord {
    const role = inviteeRoleOf(input.role, `${at}role`);
    if (input.linkedUser !== undefined) throw invalidParameter(`${at}linkedUser`, "An invitee's linked user cannot be changed");
    if (invitee.sendInvite && input.sendInvite === false) throw invalidParameter(`${at}sendInvite`, 'sendInvite cannot be changed back to false');
    return {
      ...invitee,
      role,
      ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
      ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
      ...(input.email !== undefined ? { email: input.email.toLowerCase() } : {}),
      ...(input.jobTitle !== undefined ? { jobTitle: input.jobTitle } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.sendInvite !== undefined ? { sendInvite: input.sendInvite } : {}),
      updatedAt: now,
    };
  }
}

/**
 * An invitee's role: `CoHost` or `Panelist`, in any case (RingCentral's own sample writes `Cohost`).
 * Nobody becomes the Host, and attendees register rather than being invited.
 */
function inviteeRoleOf(role: string, parameter: string): Exclude<InviteeRole, 'Host'> {
  const lower = role.toLowerCase();
  if (lower === 'cohost') return 'CoHost';
  if (lower === 'panelist') return 'Panelist';
  if (lower === 'host') throw invalidParameter(parameter, 'An invitee cannot be made Host: the webinar has one');
  if (lower === 'attendee') throw invalidParameter(parameter, 'Attendees register for a session; invitees are CoHost or Panelist');
  throw invalidParameter(parameter);
}
