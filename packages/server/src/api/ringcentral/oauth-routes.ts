import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { TokenGrant } from '../../identity/oauth-sessions.js';
import type { TokenGrants } from '../../identity/token-grants.js';
import { basicCredentials, formOf } from './oauth-form.js';
import { OAuthErrorSchema, RevokeQuery, RevokeRequestForm, TokenInfo, TokenRequestForm } from './oauth-schemas.js';

const TAGS = ['RingCentral OAuth'];
const FORM = ['application/x-www-form-urlencoded'];

/** `POST /restapi/oauth/token` and `POST /restapi/oauth/revoke`, as RingCentral's SDKs call them. */
export function registerOAuthRoutes(app: FastifyInstance, deps: { tokenGrants: TokenGrants }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/token',
    {
      schema: {
        summary: 'Get tokens',
        description:
          'Issues an access token and a refresh token for a user of the client\'s account, by the JWT bearer, password, authorization-code (with optional PKCE) or refresh grant. ' +
          'The client authenticates with HTTP Basic (`client_id:client_secret`) or the same fields in the form; a client without its secret may only exchange a PKCE code and refresh what it got so. ' +
          'The body is read as a form whatever its Content-Type says.',
        tags: TAGS,
        consumes: FORM,
        body: TokenRequestForm,
        response: { 200: TokenInfo, 400: OAuthErrorSchema, 401: OAuthErrorSchema },
      },
    },
    async (request, reply) => {
      const grant = await deps.tokenGrants.token({ form: formOf(request), basic: basicCredentials(request.headers.authorization), address: request.ip });
      // RFC 6749 §5.1: tokens are never to be cached on the way.
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(tokenInfoOf(grant));
    },
  );

  api.post(
    '/revoke',
    {
      schema: {
        summary: 'Revoke a token',
        description: 'Ends the whole OAuth session of the access or refresh token (RFC 7009): both of its tokens stop working. An unknown token is not an error.',
        tags: TAGS,
        consumes: FORM,
        body: RevokeRequestForm,
        querystring: RevokeQuery,
      },
    },
    async (request, reply) => {
      await deps.tokenGrants.revoke({ form: formOf(request), basic: basicCredentials(request.headers.authorization), address: request.ip }, request.query.token);
      return reply.code(200).send();
    },
  );
}

function tokenInfoOf(grant: TokenGrant) {
  return {
    access_token: grant.accessToken,
    token_type: 'bearer' as const,
    expires_in: grant.expiresIn,
    refresh_token: grant.refreshToken,
    refresh_token_expires_in: grant.refreshTokenExpiresIn,
    scope: grant.scope,
    owner_id: grant.ownerId,
    endpoint_id: grant.endpointId,
    session_id: grant.sessionId,
  };
}
