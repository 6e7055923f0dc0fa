import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OAuthSessions } from '../../identity/oauth-sessions.js';
import type { OAuthScope } from '../../identity/oauth-scopes.js';
import type { Services } from '../../services.js';
import { InviteeService } from '../../webinars/invitee-service.js';
import { RegistrationService } from '../../webinars/registration-service.js';
import { SubscriptionService } from '../../webinars/subscription-service.js';
import { WebinarHistory } from '../../webinars/webinar-history.js';
import { WebinarEmails } from '../../webinars/webinar-emails.js';
import { WebinarLinks } from '../../webinars/webinar-links.js';
import { WebinarService } from '../../webinars/webinar-service.js';
import { requireAccessToken } from './ringcentral-auth.js';
import { acceptEmptyJsonBodies, installRingCentralErrorHandling } from './ringcentral-errors.js';
import { registerWebinarConfigurationRoutes } from './webinar-configuration-routes.js';
import { registerWebinarHistoryRoutes } from './webinar-history-routes.js';
import { registerWebinarInviteeRoutes } from './webinar-invitee-routes.js';
import { registerWebinarNotificationRoutes } from './webinar-notification-routes.js';
import { registerWebinarRegistrationRoutes } from './webinar-registration-routes.js';

/** Where the Webinar API is. */
export const WEBINAR_API_PREFIX = '/webinar';
/** Webinar bodies are small JSON documents; a bulk invitee change is the largest. */
const WEBINAR_BODY_LIMIT = 512 * 1024;

const NOTIFICATIONS_PREFIX = '/notifications/v1';

/** Reads need `ReadWebinars`, changes `EditWebinars`; notifications need no application permission (spec §2.6). */
function scopeOf(request: FastifyRequest): OAuthScope | undefined {
  if (request.url.startsWith(`${WEBINAR_API_PREFIX}${NOTIFICATIONS_PREFIX}/`)) return undefined;
  return request.method === 'GET' || request.method === 'HEAD' ? 'ReadWebinars' : 'EditWebinars';
}

/** The webinars domain's services, as the API and the hosted registration pages share them. */
export interface WebinarDomain {
  webinars: WebinarService;
  invitees: InviteeService;
  registration: RegistrationService;
  history: WebinarHistory;
  subscriptions: SubscriptionService;
  links: WebinarLinks;
  /** Whether a session's invitations are all sent (`hasUnsentInvites`). */
  emails: WebinarEmails;
}

export function webinarServices(services: Services): WebinarDomain {
  const { db } = services.store;
  const links = new WebinarLinks({ ...services, publicUrl: services.config.publicUrl });
  const emails = new WebinarEmails({ db, links, enabled: services.config.smtpUrl !== '', from: services.config.mailFrom });
  const webinars = new WebinarService({ ...services, db, emails });
  return {
    webinars,
    invitees: new InviteeService({ db, clock: services.clock, users: services.users, webinars, emails }),
    registration: new RegistrationService({ db, clock: services.clock, webinars, emails }),
    history: new WebinarHistory({ db, clock: services.clock, webinars, recordings: services.recordings }),
    subscriptions: new SubscriptionService({ db, clock: services.clock }),
    links,
    emails,
  };
}

/**
 * RingCentral's Webinar API under `/webinar`: configuration (webinars, sessions, invitees),
 * registration, history and notifications, authenticated by the OAuth tokens of `/restapi/oauth`, in RingCentral's error format.
 */
export async function webinarApi(app: FastifyInstance, options: WebinarDomain & { services: Services; oauthSessions: OAuthSessions }): Promise<void> {
  const { webinars, invitees, registration, history, subscriptions, links, emails, services } = options;
  installRingCentralErrorHandling(app);
  acceptEmptyJsonBodies(app, WEBINAR_BODY_LIMIT);
  requireAccessToken(app, options.oauthSessions, scopeOf);
  await app.register(
    async (scope) => {
      registerWebinarConfigurationRoutes(scope, { webinars, links, emails });
      registerWebinarInviteeRoutes(scope, { invitees, links });
    },
    { prefix: '/configuration/v1' },
  );
  await app.register(async (scope) => registerWebinarRegistrationRoutes(scope, { registration, history, recordings: services.recordings, links }), { prefix: '/registration/v1' });
  await app.register(
    async (scope) => registerWebinarHistoryRoutes(scope, { history, webinars, users: services.users, downloadLinks: services.recordingDownloadLinks }),
    { prefix: '/history/v1' },
  );
  await app.register(async (scope) => registerWebinarNotificationRoutes(scope, { subscriptions, clock: services.clock, publicUrl: services.config.publicUrl }), { prefix: NOTIFICATIONS_PREFIX });
}
