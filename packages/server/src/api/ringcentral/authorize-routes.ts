import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthorizationRefusal,
  redirectWith,
  type AuthorizationParams,
  type AuthorizationRequests,
} from '../../identity/authorization-requests.js';
import { sendServerPage } from '../server-page.js';
import { authorizationErrorPage, consentPage } from './consent-page.js';
import { bodyOf } from './oauth-errors.js';
import { formOf } from './oauth-form.js';
import { AuthorizeParams } from './oauth-schemas.js';

const TAGS = ['RingCentral OAuth'];

/**
 * The authorization endpoint of the authorization-code flow: `GET /restapi/oauth/authorize` (and `POST`
 * with the same fields as a form) shows the consent page; the page posts the user's answer back to
 * `POST /restapi/oauth/authorize`, which redirects to the client with a code or an error.
 */
export function registerAuthorizeRoutes(app: FastifyInstance, deps: { authorizationRequests: AuthorizationRequests }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { authorizationRequests } = deps;

  /** The consent page for a valid request; the refusal, to the client or on a page, otherwise. */
  const showConsent = async (params: AuthorizationParams, request: FastifyRequest, reply: FastifyReply) => {
    try {
      return sendServerPage(reply, 200, consentPage(await authorizationRequests.check(params)));
    } catch (error) {
      return refuse(error, request, reply);
    }
  };

  api.get(
    '/authorize',
    {
      schema: {
        summary: 'Start the authorization-code flow',
        description:
          'Shows the consent page, where a user of the client\'s account signs in and allows or denies the client. Their answer goes to the redirect URI: `code` and `state`, or `error`. ' +
          'A request with an unknown client or redirect URI is refused on the page (or as JSON to a caller that does not accept HTML), not redirected.',
        tags: TAGS,
        querystring: AuthorizeParams,
      },
    },
    async (request, reply) => showConsent(request.query, request, reply),
  );

  api.post(
    '/authorize',
    {
      schema: {
        summary: 'Start the authorization-code flow (form), or answer the consent page',
        description: 'The fields of `GET /restapi/oauth/authorize` as a form. With `decision` (`allow` with `email` and `password`, or `deny`), the consent page\'s answer.',
        tags: TAGS,
        consumes: ['application/x-www-form-urlencoded'],
        body: AuthorizeParams,
      },
    },
    async (request, reply) => {
      const form = formOf(request);
      if (form.decision === undefined) return showConsent(form, request, reply);
      let authorization;
      try {
        authorization = await authorizationRequests.check(form);
      } catch (error) {
        return refuse(error, request, reply);
      }
      const approve = form.decision === 'allow';
      const email = form.email ?? '';
      const password = form.password ?? '';
      if (approve && (email === '' || password === '')) {
        return sendServerPage(reply, 400, consentPage(authorization, { email, error: 'Enter your email and password.' }));
      }
      const outcome = await authorizationRequests.decide(authorization, { approve, email, password, address: request.ip });
      if ('redirect' in outcome) return reply.code(302).header('location', outcome.redirect).header('cache-control', 'no-store').send();
      return sendServerPage(reply, 400, consentPage(authorization, { email, error: outcome.signInFailed }));
    },
  );
}

function refuse(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!(error instanceof AuthorizationRefusal)) throw error;
  const { error: refusal, redirectUri, state } = error;
  if (redirectUri !== undefined) {
    const location = redirectWith(redirectUri, { error: refusal.error, error_description: refusal.description, state });
    return reply.code(302).header('location', location).header('cache-control', 'no-store').send();
  }
  // A person following a bad link gets a page; a program gets RingCentral's JSON.
  if (request.headers.accept?.includes('text/html')) return sendServerPage(reply, 400, authorizationErrorPage(refusal.description));
  return reply.code(400).type('application/json').send(bodyOf(refusal));
}

