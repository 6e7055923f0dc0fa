import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyApplicationToken, type ApplicationTokenDeps } from '../../identity/application-tokens.js';
import type { Application } from '../../store/applications-repository.js';

/** The application each authenticated request acts for; a WeakMap keeps it off Fastify's types. */
const applications = new WeakMap<FastifyRequest, Application>();

/**
 * Requires a valid application JWT on every request of this context, before the body is even read:
 * Vonage's gateway refused unauthenticated calls before the service saw them.
 */
export function requireApplicationToken(app: FastifyInstance, deps: ApplicationTokenDeps): void {
  app.addHook('onRequest', async (request) => {
    applications.set(request, await verifyApplicationToken(deps, request.headers.authorization));
  });
}

/** The calling application of a request that passed `requireApplicationToken`. */
export function applicationOf(request: FastifyRequest): Application {
  const application = applications.get(request);
  if (!application) throw new Error('applicationOf() called on a route without requireApplicationToken');
  return application;
}
