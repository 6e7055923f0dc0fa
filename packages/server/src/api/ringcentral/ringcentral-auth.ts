import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OAuthSessions, TokenHolder } from '../../identity/oauth-sessions.js';
import type { OAuthScope } from '../../identity/oauth-scopes.js';
import type { BridgeCaller } from '../../rooms/bridge.js';
import type { User } from '../../store/users-repository.js';
import { RingCentralRefusal } from './ringcentral-errors.js';

/** Who calls: the token's user, through the client app (application) it was issued to. */
export interface RingCentralCaller extends BridgeCaller {
  user: User;
}

const callers = new WeakMap<FastifyRequest, RingCentralCaller>();

/**
 * Requires a valid access token with `scope` on every request of this context, before the body is read:
 * `Authorization: Bearer <token>` (any case of `bearer`, as `@ringcentral/sdk` writes the `token_type`
 * back), or `?access_token=` (`platform.signUrl()`). 401 without one, 403 without the scope. `scope`
 * may depend on the request (the Webinar API's reads and writes need different ones; some need none).
 */
export function requireAccessToken(
  app: FastifyInstance,
  sessions: Pick<OAuthSessions, 'authenticate'>,
  scope: OAuthScope | ((request: FastifyRequest) => OAuthScope | undefined),
): void {
  app.addHook('onRequest', async (request) => {
    const holder = await sessions.authenticate(accessTokenOf(request));
    if (holder === 'expired') throw new RingCentralRefusal(401, 'OAU-128', 'Access token expired.');
    if (holder === 'invalid') throw new RingCentralRefusal(401, 'OAU-129', 'Access token corrupted.');
    const needed = typeof scope === 'function' ? scope(request) : scope;
    if (needed !== undefined && !holder.scopes.includes(needed)) {
      throw new RingCentralRefusal(403, 'CMN-401', `In order to call this API endpoint, application needs to have [${needed}] permission`);
    }
    callers.set(request, callerOf(holder));
  });
}

function accessTokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || match[1] === 'undefined') throw new RingCentralRefusal(401, 'OAU-123', 'Invalid Authorization header value');
    return match[1];
  }
  const query = (request.query as Record<string, unknown> | undefined)?.access_token;
  if (typeof query === 'string' && query !== '') return query;
  throw new RingCentralRefusal(401, 'OAU-123', 'Authorization header is not specified');
}

function callerOf(holder: TokenHolder): RingCentralCaller {
  return { user: holder.user, userId: holder.user.id, accountId: holder.user.accountId, isAdmin: holder.user.role === 'admin', applicationId: holder.applicationId };
}

/** The caller of a request that passed `requireAccessToken`. */
export function callerOfRequest(request: FastifyRequest): RingCentralCaller {
  const caller = callers.get(request);
  if (!caller) throw new Error('callerOfRequest() called on a route without requireAccessToken');
  return caller;
}

/** An account id of a path: `~` is the caller's (spec §2.1). */
export function accountIdOf(param: string, caller: RingCentralCaller): string {
  return param === '~' ? caller.accountId : param;
}

/** An extension id of a path: `~` is the caller. */
export function extensionIdOf(param: string, caller: RingCentralCaller): string {
  return param === '~' ? caller.userId : param;
}
