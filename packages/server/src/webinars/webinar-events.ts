import type { RegistrantRecord } from '../store/webinar-registrants-repository.js';
import type { WebinarSessionRecord, WebinarSessionStatus } from '../store/webinar-sessions-repository.js';
import type { WebinarEventSource } from '../store/webinar-event-outbox.js';
import { sessionTitleOf, type Webinar } from './webinar.js';

/**
 * The bodies of the webinar events this domain reports (RingCentral publishes no schema for them; spec
 * §4.5.4 suggests these): what changed, and the resource as it is after the change.
 */

export type WebinarEventType = 'Create' | 'Update' | 'Delete';

export function eventSourceOf(webinar: Webinar, session: Pick<WebinarSessionRecord, 'roomId'>): WebinarEventSource {
  return { accountId: webinar.accountId, webinarId: webinar.id, hostUserId: webinar.hostUserId, roomId: session.roomId };
}

/** `/webinar/configuration/v1/company/sessions`: a session was created, changed or deleted. */
export function sessionEventBody(eventType: WebinarEventType, webinar: Webinar, session: WebinarSessionRecord, status: WebinarSessionStatus) {
  return {
    eventType,
    session: {
      id: session.id,
      webinarId: webinar.id,
      title: sessionTitleOf({ webinar, session }),
      description: session.description,
      scheduledStartTime: session.scheduledStartTime,
      scheduledDuration: session.scheduledDuration,
      timeZone: session.timeZone,
      status,
      videoBridgeId: session.roomId,
      webinar: { id: webinar.id, title: webinar.title, host: { linkedUser: { userId: webinar.hostUserId, accountId: webinar.accountId, domain: 'pbx' } } },
    },
  };
}

/** `/webinar/registration/v1/company/sessions/registrants`: someone registered, or a registration was cancelled. */
export function registrantEventBody(eventType: 'Create' | 'Delete', webinar: Webinar, registrant: RegistrantRecord) {
  return {
    eventType,
    sessionId: registrant.sessionId,
    webinarId: webinar.id,
    registrant: {
      id: registrant.id,
      firstName: registrant.firstName,
      lastName: registrant.lastName,
      email: registrant.email,
      registrationTime: registrant.createdAt,
      ...(registrant.source !== null ? { source: registrant.source } : {}),
      ...(registrant.externalId !== null ? { externalId: registrant.externalId } : {}),
    },
  };
}

/** `/webinar/registration/v1/company/sessions/state`: the session's registration changed (opened, closed, its settings). */
export function registrationStateEventBody(webinar: Webinar, sessionId: string, registrationStatus: 'Open' | 'Closed', registrantCount: number) {
  return { sessionId, webinarId: webinar.id, registrationStatus, registrantCount };
}
