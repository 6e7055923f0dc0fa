import type { FastifyInstance } from 'fastify';
import { AuthorizationCodes } from '../../identity/authorization-codes.js';
import { AuthorizationRequests } from '../../identity/authorization-requests.js';
import { OAuthSessions } from '../../identity/oauth-sessions.js';
import { TokenGrants } from '../../identity/token-grants.js';
import { UserService } from '../../identity/users.js';
import { BridgeService } from '../../rooms/bridge-service.js';
import { MeetingHistory } from '../../rooms/meeting-history.js';
import { PasswordAttempts } from '../../rooms/password-attempts.js';
import { registerRoomSignInRoute } from '../public/room-sign-in-route.js';
import type { Services } from '../../services.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { registerBridgeRoutes } from './bridges-routes.js';
import { registerHistoryRoutes } from './history-routes.js';
import { WEBINAR_API_PREFIX, webinarApi, webinarServices } from './webinar-api.js';
import { webinarRegistrationPageRoutes } from './webinar-registration-page-routes.js';
import { installOAuthErrorHandling } from './oauth-errors.js';
import { parseEveryBodyAsForm } from './oauth-form.js';
import { registerOAuthRoutes } from './oauth-routes.js';
import { requireAccessToken } from './ringcentral-auth.js';
import { acceptEmptyJsonBodies, installRingCentralErrorHandling } from './ringcentral-errors.js';

/** Where RingCentral's SDKs find the OAuth endpoints (their `tokenEndpoint`, `revokeEndpoint`, `authorizeEndpoint`). */
export const OAUTH_PREFIX = '/restapi/oauth';
/** RingCentral Video's API; `@ringcentral/sdk` sends every path starting with it to its `server`. */
export const RCVIDEO_PREFIX = '/rcvideo';
/** RingCentral Video bodies are small JSON documents, like the Meetings API's. */
const RCVIDEO_BODY_LIMIT = 64 * 1024;

/**
 * The RingCentral-compatible APIs: the OAuth endpoints the official SDKs log in through (RingCentral's
 * OAuth error format), and RingCentral Video's (its REST error format), authenticated by the access
 * tokens those endpoints issue. See docs/ringcentral.md for how RingCentral's concepts map onto Parley's.
 */
export async function ringCentralApi(app: FastifyInstance, options: { services: Services }): Promise<void> {
  const { services } = options;
  const { db } = services.store;
  const oauthSessions = new OAuthSessions(db, services.clock);
  const authorizationCodes = new AuthorizationCodes(db, oauthSessions, services.clock);
  const userService = new UserService(services);
  // One count of wrong passwords per login and address, for the token endpoint and the consent page alike.
  const loginAttempts = new PasswordAttempts(services.clock);
  const tokenGrants = new TokenGrants({ ...services, userService, oauthSessions, authorizationCodes, loginAttempts });
  const authorizationRequests = new AuthorizationRequests({ ...services, userService, authorizationCodes, loginAttempts });

  await app.register(
    async (scope) => {
      parseEveryBodyAsForm(scope);
      installOAuthErrorHandling(scope);
      registerOAuthRoutes(scope, { tokenGrants });
      registerAuthorizeRoutes(scope, { authorizationRequests });
    },
    { prefix: OAUTH_PREFIX },
  );

  const bridges = new BridgeService({ ...services, db });
  const history = new MeetingHistory(db);
  await app.register(
    async (scope) => {
      installRingCentralErrorHandling(scope);
      acceptEmptyJsonBodies(scope, RCVIDEO_BODY_LIMIT);
      requireAccessToken(scope, oauthSessions, 'Video');
      registerBridgeRoutes(scope, { services, bridges });
      registerHistoryRoutes(scope, { history, downloadLinks: services.recordingDownloadLinks, clock: services.clock });
    },
    { prefix: RCVIDEO_PREFIX },
  );

  const webinars = webinarServices(services);
  await app.register(webinarApi, { ...webinars, services, oauthSessions, prefix: WEBINAR_API_PREFIX });
  // Public: the meeting page's sign-in (its wrong passwords count with the OAuth sign-ins'), and the
  // pages people register and cancel on, outside the OAuth-protected API's context.
  registerRoomSignInRoute(app, { services, userService, loginAttempts });
  await app.register(webinarRegistrationPageRoutes, { services, registration: webinars.registration, links: webinars.links });
}
