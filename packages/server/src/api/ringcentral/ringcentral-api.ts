import type { FastifyInstance } from 'fastify';
import { AuthorizationCodes } from '../../identity/authorization-codes.js';
import { AuthorizationRequests } from '../../identity/authorization-requests.js';
import { OAuthSessions } from '../../identity/oauth-sessions.js';
import { TokenGrants } from '../../identity/token-grants.js';
import { UserService } from '../../identity/users.js';
import { PasswordAttempts } from '../../rooms/password-attempts.js';
import type { Services } from '../../services.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { installOAuthErrorHandling } from './oauth-errors.js';
import { parseEveryBodyAsForm } from './oauth-form.js';
import { registerOAuthRoutes } from './oauth-routes.js';

/** Where RingCentral's SDKs find the OAuth endpoints (their `tokenEndpoint`, `revokeEndpoint`, `authorizeEndpoint`). */
export const OAUTH_PREFIX = '/restapi/oauth';

/**
 * The RingCentral-compatible APIs: the OAuth endpoints the official SDKs log in through, answering in
 * RingCentral's OAuth format. See docs/ringcentral.md for how RingCentral's concepts map onto Parley's.
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
}
