import type { Kysely, Transaction } from 'kysely';
import { isoTimestamp } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Room } from '../rooms/room.js';
import { latestExpiry, RoomService, roomServiceOn, type RoomServiceDeps } from '../rooms/room-service.js';
import type { Database } from '../store/schema.js';
import type { User, UsersRepository } from '../store/users-repository.js';
import { WebinarInviteesRepository } from '../store/webinar-invitees-repository.js';
import {
  WebinarSessionsRepository,
  type WebinarSessionFilter,
  type WebinarSessionRecord,
  type WebinarSessionStatus,
} from '../store/webinar-sessions-repository.js';
import { enqueueWebinarEvent } from '../store/webinar-event-outbox.js';
import { WebinarsRepository, type WebinarRecord } from '../store/webinars-repository.js';
import type { OutgoingEmail } from '../store/email-outbox-repository.js';
import type { WebinarEmails } from './webinar-emails.js';
import { DEFAULT_REGISTRATION_SETTINGS } from './registration-settings.js';
import { eventSourceOf, sessionEventBody } from './webinar-events.js';
import {
  invalidParameter,
  mergeWebinarSettings,
  newWebinarId,
  sessionTitleOf,
  webinarOf,
  type Webinar,
  type WebinarCaller,
  type WebinarSessionView,
  type WritableWebinarSettings,
} from './webinar.js';

const SESSION_EVENTS = '/webinar/configuration/v1/company/sessions';

export interface WebinarServiceDeps extends RoomServiceDeps {
  db: Kysely<Database>;
  users: Pick<UsersRepository, 'findById'>;
  /** Cancellations to the invitees of a deleted session; none without it. */
  emails?: WebinarEmails;
}

export interface CreateWebinarInput {
  title: string;
  description?: string;
  settings?: Partial<WritableWebinarSettings>;
  /** Another user of the account as host: administrators only. */
  hostUserId?: string;
}

export interface UpdateWebinarInput {
  title?: string;
  description?: string;
  settings?: Partial<WritableWebinarSettings>;
}

export interface SessionInput {
  scheduledStartTime?: string;
  scheduledDuration?: number;
  timeZone?: string;
  panelJoinTimeOffset?: number;
  title?: string;
  description?: string;
  localeCode?: string;
  status?: WebinarSessionStatus;
}

export interface Page {
  offset: number;
  limit: number;
}

/**
 * Webinars and their sessions. Tenancy is the account: another account's webinar does not exist for the
 * caller. Within the account, the host and administrators (RingCentral's "WebinarSettings" permission)
 * may read and change a webinar; other users are refused. Each session is backed by one room of kind
 * `webinar`, made with the session and retired with it; the session's status is its room's.
 */
export class WebinarService {
  private readonly webinars: WebinarsRepository;
  private readonly sessions: WebinarSessionsRepository;
  private readonly rooms: RoomService;

  constructor(private readonly deps: WebinarServiceDeps) {
    this.webinars = new WebinarsRepository(deps.db);
    this.sessions = new WebinarSessionsRepository(deps.db);
    this.rooms = new RoomService(deps);
  }

  async createWebinar(caller: WebinarCaller, input: CreateWebinarInput): Promise<Webinar> {
    const host = await this.hostFor(caller, input.hostUserId);
    const now = isoTimestamp(this.deps.clock.now());
    const record: WebinarRecord = {
      id: newWebinarId(),
      accountId: caller.accountId,
      applicationId: caller.applicationId,
      hostUserId: host.id,
      title: input.title,
      description: input.description ?? '',
      settings: mergeWebinarSettings('{}', input.settings),
      createdAt: now,
      updatedAt: now,
    };
    await this.webinars.insert(record);
    return webinarOf(record);
  }

  /** The webinar, if the caller may manage it: NotFound outside its account, Forbidden for its other users. */
  async getWebinar(caller: WebinarCaller, webinarId: string): Promise<Webinar> {
    return webinarOf(await this.managedRecord(caller, webinarId));
  }

  /** The caller's webinars made at or after `creationTimeFrom`, oldest first. */
  async listWebinars(caller: WebinarCaller, creationTimeFrom: string, page: Page): Promise<Webinar[]> {
    return (await this.webinars.listByHost(caller.userId, creationTimeFrom, page)).map(webinarOf);
  }

  async updateWebinar(caller: WebinarCaller, webinarId: string, input: UpdateWebinarInput): Promise<Webinar> {
    const stored = await this.managedRecord(caller, webinarId);
    await this.webinars.update(webinarId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.settings !== undefined ? { settings: mergeWebinarSettings(stored.settings, input.settings) } : {}),
      updatedAt: isoTimestamp(this.deps.clock.now()),
    });
    const updated = await this.getWebinar(caller, webinarId);
    // The rooms follow: a session without a title of its own is shown with the webinar's, and autoRecord is the rooms'.
    // Only a password given is hashed again (scrypt is slow, and a new salt would end the `?pw=` of links for nothing).
    const passwordChanged = input.settings?.password !== undefined;
    for (const session of await this.sessions.listByWebinar(webinarId)) await this.syncRoom(updated, session, passwordChanged);
    return updated;
  }

  /** Deletes the webinar with its sessions (their rooms retired): refused while a session is or was live. */
  async deleteWebinar(caller: WebinarCaller, webinarId: string): Promise<void> {
    const webinar = await this.getWebinar(caller, webinarId);
    const sessions = await this.sessions.listByWebinar(webinar.id);
    const statuses = await this.sessions.statuses(sessions);
    if ([...statuses.values()].some((status) => status !== 'Scheduled')) {
      throw ParleyError.forbidden('A webinar with a session in Active or Finished status cannot be deleted');
    }
    const rooms = await Promise.all(sessions.map((session) => this.deps.rooms.findById(session.roomId)));
    const cancellations = await Promise.all(sessions.map((session, index) => this.cancellationsOf(webinar, session, rooms[index])));
    await this.deps.db.transaction().execute(async (tx) => {
      await this.deps.emails?.queue(tx, cancellations.flat(), this.deps.clock.now());
      for (const [index, session] of sessions.entries()) await retire(tx, this.deps, webinar, session, rooms[index], this.deps.clock.now());
      await new WebinarsRepository(tx).delete(webinar.id);
    });
  }

  async createSession(caller: WebinarCaller, webinarId: string, input: SessionInput): Promise<WebinarSessionView> {
    const webinar = await this.getWebinar(caller, webinarId);
    const { scheduledStartTime, scheduledDuration, timeZone } = input;
    if (scheduledStartTime === undefined) throw invalidParameter('scheduledStartTime', 'Parameter [scheduledStartTime] is required.');
    if (scheduledDuration === undefined) throw invalidParameter('scheduledDuration', 'Parameter [scheduledDuration] is required.');
    if (timeZone === undefined) throw invalidParameter('timeZone', 'Parameter [timeZone] is required.');
    checkTimeZone(timeZone);
    if (input.status !== undefined && input.status !== 'Scheduled') throw invalidParameter('status', 'A new session is Scheduled');
    const now = this.deps.clock.now();
    const host = await this.deps.users.findById(webinar.hostUserId);
    if (!host) throw ParleyError.notFound(`The host of webinar ${webinar.id} was not found`);
    const session: WebinarSessionRecord = {
      id: newWebinarId(),
      webinarId: webinar.id,
      roomId: '',
      title: input.title ?? '',
      description: input.description ?? '',
      scheduledStartTime: isoTimestamp(new Date(scheduledStartTime)),
      scheduledDuration,
      timeZone,
      localeCode: input.localeCode ?? 'en-US',
      panelJoinTimeOffset: input.panelJoinTimeOffset ?? 0,
      registrationStatus: 'Open',
      registrationSettings: JSON.stringify(DEFAULT_REGISTRATION_SETTINGS),
      registrationQuestions: '[]',
      createdAt: isoTimestamp(now),
      updatedAt: isoTimestamp(now),
    };
    // The room, the session and its implicit Host invitee are made together: a failure leaves none of them.
    const room = await this.deps.db.transaction().execute(async (tx) => {
      const made = await roomServiceOn(tx, this.deps).create(webinar.applicationId, {
        displayName: sessionTitleOf({ webinar, session }),
        type: 'long_term',
        kind: 'webinar',
        // A session's room lives as long as a room may: the session can be moved, and its history stays.
        expiresAt: latestExpiry(now),
        recording: { autoRecord: webinar.settings.autoRecord },
        features: { recording: webinar.settings.recordingEnabled },
        password: webinar.settings.password ?? null,
      });
      session.roomId = made.id;
      await new WebinarSessionsRepository(tx).insert(session);
      await new WebinarInviteesRepository(tx).insert(hostInvitee(session, host, isoTimestamp(now)));
      await enqueueWebinarEvent(tx, eventSourceOf(webinar, session), SESSION_EVENTS, sessionEventBody('Create', webinar, session, 'Scheduled'), isoTimestamp(now));
      return made;
    });
    return { webinar, session, status: 'Scheduled', room };
  }

  async getSession(caller: WebinarCaller, webinarId: string, sessionId: string): Promise<WebinarSessionView> {
    const webinar = await this.getWebinar(caller, webinarId);
    const session = await this.sessions.findById(sessionId);
    if (!session || session.webinarId !== webinar.id) throw ParleyError.notFound(`Session ${sessionId} of webinar ${webinarId} was not found`);
    return this.viewOf(webinar, session);
  }

  /** The session by its id alone (the Registration API names no webinar), if the caller may manage its webinar. */
  async getSessionById(caller: WebinarCaller, sessionId: string): Promise<WebinarSessionView> {
    const session = await this.sessions.findById(sessionId);
    const webinar = session && (await this.webinars.findById(session.webinarId));
    if (!session || !webinar || webinar.accountId !== caller.accountId) throw ParleyError.notFound(`Session ${sessionId} was not found`);
    return this.getSession(caller, webinar.id, session.id);
  }

  /** The session by its id for anyone (the public registration page): no caller, no access check. */
  async findSession(sessionId: string): Promise<WebinarSessionView | undefined> {
    const session = await this.sessions.findById(sessionId);
    const webinar = session && (await this.webinars.findById(session.webinarId));
    return session && webinar ? this.viewOf(webinarOf(webinar), session) : undefined;
  }

  /** Changes a Scheduled session; one that is or was live is history and cannot change. */
  async updateSession(caller: WebinarCaller, webinarId: string, sessionId: string, input: SessionInput): Promise<WebinarSessionView> {
    const view = await this.getSession(caller, webinarId, sessionId);
    if (view.status !== 'Scheduled') throw ParleyError.forbidden(`A session in ${view.status} status cannot be updated`);
    if (input.status !== undefined && input.status !== view.status) {
      throw ParleyError.forbidden(`A session's status follows its webinar room: it cannot be set to ${input.status}`);
    }
    if (input.timeZone !== undefined) checkTimeZone(input.timeZone);
    const now = isoTimestamp(this.deps.clock.now());
    await this.deps.db.transaction().execute(async (tx) => {
      const sessions = new WebinarSessionsRepository(tx);
      await sessions.update(sessionId, {
        ...(input.scheduledStartTime !== undefined ? { scheduledStartTime: isoTimestamp(new Date(input.scheduledStartTime)) } : {}),
        ...(input.scheduledDuration !== undefined ? { scheduledDuration: input.scheduledDuration } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.panelJoinTimeOffset !== undefined ? { panelJoinTimeOffset: input.panelJoinTimeOffset } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.localeCode !== undefined ? { localeCode: input.localeCode } : {}),
        updatedAt: now,
      });
      const changed = (await sessions.findById(sessionId)) as WebinarSessionRecord;
      await enqueueWebinarEvent(tx, eventSourceOf(view.webinar, changed), SESSION_EVENTS, sessionEventBody('Update', view.webinar, changed, view.status), now);
    });
    const updated = await this.getSession(caller, webinarId, sessionId);
    const room = await this.syncRoom(updated.webinar, updated.session);
    return room ? { ...updated, room } : updated;
  }

  /** Deletes a Scheduled session with its invitees and registrants, and retires its room. */
  async deleteSession(caller: WebinarCaller, webinarId: string, sessionId: string): Promise<void> {
    const view = await this.getSession(caller, webinarId, sessionId);
    if (view.status !== 'Scheduled') throw ParleyError.forbidden(`A session in ${view.status} status cannot be deleted`);
    const cancellations = await this.cancellationsOf(view.webinar, view.session, view.room);
    await this.deps.db.transaction().execute(async (tx) => {
      await this.deps.emails?.queue(tx, cancellations, this.deps.clock.now());
      await retire(tx, this.deps, view.webinar, view.session, view.room, this.deps.clock.now());
    });
  }

  /**
   * A page of sessions: the caller's own, or (`company`, administrators only) those of the account's
   * hosts the filter names, all of them when it names none.
   */
  async listSessions(caller: WebinarCaller, scope: 'own' | 'company', filter: Omit<WebinarSessionFilter, 'accountId'>, page: Page, order: 'start' | 'end-desc'): Promise<WebinarSessionView[]> {
    if (scope === 'company' && !caller.isAdmin) throw ParleyError.forbidden('[WebinarSettings] permission required');
    const hostUserIds = scope === 'own' ? [caller.userId] : filter.hostUserIds;
    const records = await this.sessions.list({ ...filter, accountId: caller.accountId, ...(hostUserIds ? { hostUserIds } : {}) }, page, order);
    const webinars = new Map<string, Webinar>();
    const views: WebinarSessionView[] = [];
    for (const session of records) {
      let webinar = webinars.get(session.webinarId);
      if (!webinar) {
        webinar = webinarOf((await this.webinars.findById(session.webinarId)) as WebinarRecord);
        webinars.set(webinar.id, webinar);
      }
      views.push(await this.viewOf(webinar, session));
    }
    return views;
  }

  /** The stored webinar, if the caller may manage it: NotFound outside its account, Forbidden for its other users. */
  private async managedRecord(caller: WebinarCaller, webinarId: string): Promise<WebinarRecord> {
    const record = await this.webinars.findById(webinarId);
    if (!record || record.accountId !== caller.accountId) throw ParleyError.notFound(`Webinar ${webinarId} was not found`);
    if (record.hostUserId !== caller.userId && !caller.isAdmin) throw ParleyError.forbidden("Only the webinar's host or an administrator with the WebinarSettings permission may access it");
    return record;
  }

  private async viewOf(webinar: Webinar, session: WebinarSessionRecord): Promise<WebinarSessionView> {
    const status = (await this.sessions.statuses([session])).get(session.id) as WebinarSessionStatus;
    const room = await this.deps.rooms.findById(session.roomId);
    if (!room) throw new Error(`The room of webinar session ${session.id} is missing`);
    return { webinar, session, status, room };
  }

  /**
   * The room shows the session's title, records as the webinar says and asks its password (the room's
   * entrance checks it; the room announces the change, so a live session follows the webinar's other
   * settings at once); a retired room is left alone.
   */
  private async syncRoom(webinar: Webinar, session: WebinarSessionRecord, passwordChanged = false): Promise<Room | undefined> {
    const room = await this.deps.rooms.findById(session.roomId);
    if (!room?.isAvailable) return undefined;
    return this.rooms.update(room.applicationId, room.id, {
      displayName: sessionTitleOf({ webinar, session }),
      recording: { autoRecord: webinar.settings.autoRecord },
      ...(passwordChanged ? { password: webinar.settings.password ?? null } : {}),
    });
  }

  /** The cancellations a deleted session's invitees are sent (those who were sent an invitation). */
  private async cancellationsOf(webinar: Webinar, session: WebinarSessionRecord, room: Room | undefined): Promise<OutgoingEmail[]> {
    const emails = this.deps.emails;
    if (!emails || !room) return [];
    const invitees = await new WebinarInviteesRepository(this.deps.db).list(session.id);
    const view: WebinarSessionView = { webinar, session, status: 'Scheduled', room };
    return (await Promise.all(invitees.map((invitee) => emails.invitationCancellation(view, invitee, this.deps.clock.now())))).flat();
  }

  /** The caller, or the user an administrator names, who must be of the caller's account. */
  private async hostFor(caller: WebinarCaller, hostUserId: string | undefined): Promise<User> {
    const userId = hostUserId ?? caller.userId;
    if (userId !== caller.userId && !caller.isAdmin) throw ParleyError.forbidden('[WebinarSettings] permission required to create a webinar for another host');
    const user = await this.deps.users.findById(userId);
    if (!user || user.accountId !== caller.accountId) throw invalidParameter('host.linkedUser.userId', `Resource for parameter [host.linkedUser.userId] is not found`);
    return user;
  }
}

/**
 * Deletes a session and retires its room (whoever is in it is sent away), inside `tx`: every read
 * goes through it, as SQLite's one connection is the transaction's until it ends.
 */
async function retire(tx: Transaction<Database>, deps: RoomServiceDeps, webinar: Webinar, session: WebinarSessionRecord, room: Room | undefined, now: Date): Promise<void> {
  await new WebinarSessionsRepository(tx).delete(session.id);
  if (room?.isAvailable) await roomServiceOn(tx, deps).delete(room.applicationId, room.id);
  await enqueueWebinarEvent(tx, eventSourceOf(webinar, session), SESSION_EVENTS, sessionEventBody('Delete', webinar, session, 'Scheduled'), isoTimestamp(now));
}

/** The implicit Host record every session has: the webinar's host, as a linked user. */
function hostInvitee(session: WebinarSessionRecord, host: User, now: string) {
  const [firstName, ...rest] = host.name.split(' ');
  return {
    id: newWebinarId(),
    sessionId: session.id,
    role: 'Host' as const,
    firstName: firstName ?? host.name,
    lastName: rest.join(' '),
    email: host.email,
    jobTitle: null,
    linkedUser: { userId: host.id, accountId: host.accountId },
    type: 'User' as const,
    sendInvite: true,
    position: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** An IANA time zone name this server's time zone data knows. */
function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw invalidParameter('timeZone');
  }
}
