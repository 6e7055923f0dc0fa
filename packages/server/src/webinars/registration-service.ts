import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { WebinarRegistrantsRepository, type QuestionnaireAnswer, type RegistrantRecord } from '../store/webinar-registrants-repository.js';
import { WebinarSessionsRepository } from '../store/webinar-sessions-repository.js';
import { enqueueWebinarEvent } from '../store/webinar-event-outbox.js';
import type { WebinarEmails } from './webinar-emails.js';
import { checkAnswers, checkQuestions, type RegistrationQuestion, type RegistrationSettings } from './registration-settings.js';
import { newWebinarId, type WebinarCaller, type WebinarSessionView } from './webinar.js';
import { eventSourceOf, registrantEventBody, registrationStateEventBody } from './webinar-events.js';
import type { Page, WebinarService } from './webinar-service.js';

/** A session's registration as shown: whether it takes registrants now, and how many it has. */
export interface Registration {
  view: WebinarSessionView;
  /** `Open` only while the webinar has registration enabled, the host has it open, it is not full and the session has not ended. */
  registrationStatus: 'Open' | 'Closed';
  registrantCount: number;
  settings: RegistrationSettings;
  questions: RegistrationQuestion[];
}

export interface RegistrationChanges {
  registrationStatus?: 'Open' | 'Closed';
  settings?: Partial<RegistrationSettings>;
  questions?: RegistrationQuestion[];
}

export interface RegistrantInput {
  firstName: string;
  lastName: string;
  email: string;
  externalId?: string;
  source?: string;
  visitorId?: string;
  ipAddress?: string;
  questionnaire?: QuestionnaireAnswer[];
  /** The host's own links, shown instead of Parley's (custom registration pages). */
  joinUri?: string;
  cancellationUri?: string;
}

const STATE_EVENTS = '/webinar/registration/v1/company/sessions/state';
const REGISTRANT_EVENTS = '/webinar/registration/v1/company/sessions/registrants';

export interface RegistrationServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  webinars: WebinarService;
  /** Registrants' confirmations; none without it. */
  emails?: WebinarEmails;
}

/**
 * Registration for webinar sessions: the settings and questions of each session's registration, and
 * its registrants, whom the host adds through the API or people add themselves on the hosted page.
 * A registrant may come while registration is open and the session has not finished, once per email.
 */
export class RegistrationService {
  private readonly registrants: WebinarRegistrantsRepository;

  constructor(private readonly deps: RegistrationServiceDeps) {
    this.registrants = new WebinarRegistrantsRepository(deps.db);
  }

  async get(caller: WebinarCaller, sessionId: string): Promise<Registration> {
    return this.registrationOf(await this.deps.webinars.getSessionById(caller, sessionId));
  }

  /** The registration of a session for the public page; undefined for a session that does not exist. */
  async findPublic(sessionId: string): Promise<Registration | undefined> {
    const view = await this.deps.webinars.findSession(sessionId);
    return view && this.registrationOf(view);
  }

  async update(caller: WebinarCaller, sessionId: string, changes: RegistrationChanges): Promise<Registration> {
    const view = await this.deps.webinars.getSessionById(caller, sessionId);
    if (changes.questions !== undefined) checkQuestions(changes.questions);
    const settings = { ...(JSON.parse(view.session.registrationSettings) as RegistrationSettings), ...changes.settings };
    const now = isoTimestamp(this.deps.clock.now());
    await this.deps.db.transaction().execute(async (tx) => {
      const sessions = new WebinarSessionsRepository(tx);
      await sessions.update(sessionId, {
        ...(changes.registrationStatus !== undefined ? { registrationStatus: changes.registrationStatus } : {}),
        ...(changes.settings !== undefined ? { registrationSettings: JSON.stringify(settings) } : {}),
        ...(changes.questions !== undefined ? { registrationQuestions: JSON.stringify(changes.questions) } : {}),
        updatedAt: now,
      });
      const session = await sessions.findById(sessionId);
      if (!session) throw ParleyError.notFound(`Session ${sessionId} was not found`);
      const after = { ...view, session };
      const registration = await this.registrationOf(after, new WebinarRegistrantsRepository(tx));
      await enqueueWebinarEvent(tx, eventSourceOf(view.webinar, session), STATE_EVENTS, registrationStateEventBody(view.webinar, sessionId, registration.registrationStatus, registration.registrantCount), now);
    });
    return this.get(caller, sessionId);
  }

  async list(caller: WebinarCaller, sessionId: string, page: Page): Promise<{ view: WebinarSessionView; registrants: RegistrantRecord[] }> {
    const view = await this.deps.webinars.getSessionById(caller, sessionId);
    return { view, registrants: await this.registrants.list(sessionId, page) };
  }

  async getRegistrant(caller: WebinarCaller, sessionId: string, registrantId: string): Promise<{ view: WebinarSessionView; registrant: RegistrantRecord }> {
    const view = await this.deps.webinars.getSessionById(caller, sessionId);
    const registrant = await this.registrants.find(sessionId, registrantId);
    if (!registrant) throw ParleyError.notFound(`Registrant ${registrantId} of session ${sessionId} was not found`);
    return { view, registrant };
  }

  /** A registrant the host adds. */
  async register(caller: WebinarCaller, sessionId: string, input: RegistrantInput): Promise<{ view: WebinarSessionView; registrant: RegistrantRecord }> {
    const registration = await this.get(caller, sessionId);
    return { view: registration.view, registrant: await this.add(registration, input) };
  }

  /** Someone registering themselves on the hosted page: only the fields the page has. */
  async registerPublic(registration: Registration, input: Pick<RegistrantInput, 'firstName' | 'lastName' | 'email' | 'questionnaire' | 'ipAddress'>): Promise<RegistrantRecord> {
    return this.add(registration, { ...input, source: 'parley-registration-page' });
  }

  /** Cancels a registration (the host's DELETE): refused once the session has finished. */
  async cancel(caller: WebinarCaller, sessionId: string, registrantId: string): Promise<void> {
    const { view, registrant } = await this.getRegistrant(caller, sessionId, registrantId);
    await this.remove(view, registrant);
  }

  /** The registration a cancellation link is for, with its session; undefined for a link that is not (or no longer) one. */
  async findByCancellationToken(token: string): Promise<{ registration: Registration; registrant: RegistrantRecord } | undefined> {
    const registrant = await this.registrants.findByCancellationToken(token);
    const registration = registrant && (await this.findPublic(registrant.sessionId));
    return registrant && registration ? { registration, registrant } : undefined;
  }

  /** Cancels through the registrant's own link. */
  async cancelByToken(token: string): Promise<{ registration: Registration; registrant: RegistrantRecord }> {
    const found = await this.findByCancellationToken(token);
    if (!found) throw ParleyError.notFound('This registration does not exist or was already cancelled');
    await this.remove(found.registration.view, found.registrant);
    return found;
  }

  private async remove(view: WebinarSessionView, registrant: RegistrantRecord): Promise<void> {
    if (view.status === 'Finished') throw ParleyError.forbidden('A registration for a Finished session cannot be cancelled');
    const now = isoTimestamp(this.deps.clock.now());
    await this.deps.db.transaction().execute(async (tx) => {
      const registrants = new WebinarRegistrantsRepository(tx);
      const before = await this.registrationOf(view, registrants);
      await registrants.delete(view.session.id, registrant.id);
      await enqueueWebinarEvent(tx, eventSourceOf(view.webinar, view.session), REGISTRANT_EVENTS, registrantEventBody('Delete', view.webinar, registrant), now);
      await this.reportStateChange(tx, before, registrants, now);
    });
  }

  private async add(registration: Registration, input: RegistrantInput): Promise<RegistrantRecord> {
    const refusal = registrationRefusal(registration);
    if (refusal) throw ParleyError.forbidden(refusal);
    const questionnaire = checkAnswers(registration.questions, input.questionnaire ?? []);
    const email = input.email.trim().toLowerCase();
    const sessionId = registration.view.session.id;
    if (await this.registrants.emailRegistered(sessionId, email)) throw ParleyError.conflict(`${email} is registered for this session already`);
    const now = isoTimestamp(this.deps.clock.now());
    const registrant: RegistrantRecord = {
      id: newWebinarId(),
      sessionId,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email,
      externalId: input.externalId ?? null,
      source: input.source ?? null,
      visitorId: input.visitorId ?? null,
      ipAddress: input.ipAddress ?? null,
      questionnaire,
      customJoinUri: input.joinUri ?? null,
      customCancellationUri: input.cancellationUri ?? null,
      cancellationToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      updatedAt: now,
    };
    const emails = (await this.deps.emails?.registrationConfirmation(registration.view, registrant, this.deps.clock.now())) ?? [];
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        // Registrations of one session are counted one at a time, so two at once cannot both take its last seat.
        await new WebinarSessionsRepository(tx).lock(sessionId);
        const registrants = new WebinarRegistrantsRepository(tx);
        const before = await this.registrationOf(registration.view, registrants);
        const full = registrationRefusal(before);
        if (full) throw ParleyError.forbidden(full);
        await registrants.insert(registrant);
        await this.deps.emails?.queue(tx, emails, this.deps.clock.now());
        await enqueueWebinarEvent(tx, eventSourceOf(registration.view.webinar, registration.view.session), REGISTRANT_EVENTS, registrantEventBody('Create', registration.view.webinar, registrant), now);
        await this.reportStateChange(tx, before, registrants, now);
      });
    } catch (error) {
      // The same email registering twice at once: the index lets one in.
      if (isUniqueViolation(error, 'email')) throw ParleyError.conflict(`${email} is registered for this session already`);
      throw error;
    }
    return registrant;
  }

  /** The registration state event, when a registrant coming or going filled the last seat or freed one. */
  private async reportStateChange(tx: Transaction<Database>, before: Registration, registrants: WebinarRegistrantsRepository, now: string): Promise<void> {
    const after = await this.registrationOf(before.view, registrants);
    if (after.registrationStatus === before.registrationStatus) return;
    const { webinar, session } = before.view;
    await enqueueWebinarEvent(tx, eventSourceOf(webinar, session), STATE_EVENTS, registrationStateEventBody(webinar, session.id, after.registrationStatus, after.registrantCount), now);
  }

  private async registrationOf(view: WebinarSessionView, registrants = this.registrants): Promise<Registration> {
    const registration = {
      view,
      registrantCount: await registrants.count(view.session.id),
      settings: JSON.parse(view.session.registrationSettings) as RegistrationSettings,
      questions: JSON.parse(view.session.registrationQuestions) as RegistrationQuestion[],
    };
    return { ...registration, registrationStatus: registrationRefusal(registration) === undefined ? 'Open' : 'Closed' };
  }
}

/** Why a session takes no registrant now, in words for the person registering; undefined when it does. */
export function registrationRefusal(registration: Omit<Registration, 'registrationStatus'>): string | undefined {
  const { view, settings, registrantCount } = registration;
  if (view.status === 'Finished') return 'This webinar session has ended';
  if (!view.webinar.settings.registrationEnabled) return 'This webinar does not take registrations';
  if (settings.autoCloseLimit > 0 && registrantCount >= settings.autoCloseLimit) return 'This webinar session is full';
  if (view.session.registrationStatus !== 'Open') return 'Registration for this webinar session is closed';
  return undefined;
}
