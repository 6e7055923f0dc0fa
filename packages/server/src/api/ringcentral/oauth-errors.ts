import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError } from '../../identity/oauth-error.js';

/** RingCentral's OAuth error body: RFC 6749's pair, and its own `errors` list (spec §2.4). */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  errors: { errorCode: string; message: string; parameterName?: string }[];
}

/**
 * Sends the refusal as RingCentral's token endpoint does: 401 with a Basic challenge when the client
 * failed to authenticate (RFC 6749 §5.2), 400 for everything else a request got wrong, never the
 * internals of a fault of ours.
 */
export function sendOAuthError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = oauthErrorOf(error);
  if (!refusal) {
    request.log.error({ err: error, url: request.url }, 'OAuth request failed');
    return reply.code(500).type('application/json').send(bodyOf(new OAuthError('invalid_request', 'Internal server error', 'CMN-500')));
  }
  const status = refusal.status ?? (refusal.error === 'invalid_client' ? 401 : 400);
  if (status === 401) reply.header('www-authenticate', 'Basic realm="Parley"');
  if (status === 429) reply.header('retry-after', '60');
  return reply.code(status).header('cache-control', 'no-store').type('application/json').send(bodyOf(refusal));
}

export function bodyOf(refusal: OAuthError): OAuthErrorBody {
  const detail = { errorCode: refusal.errorCode, message: refusal.description, ...(refusal.parameterName !== undefined ? { parameterName: refusal.parameterName } : {}) };
  return { error: refusal.error, error_description: refusal.description, errors: [detail] };
}

/** Our refusals, and Fastify's (schema validation, a body over the limit), as OAuth errors. */
function oauthErrorOf(error: unknown): OAuthError | undefined {
  if (error instanceof OAuthError) return error;
  if (!(error instanceof Error)) return undefined;
  const validation = (error as { validation?: { instancePath?: string; params?: { missingProperty?: string } }[] }).validation;
  if (validation?.[0]) {
    const parameter = validation[0].instancePath?.replace(/^\//, '') || validation[0].params?.missingProperty || 'body';
    return OAuthError.invalidParameter(parameter);
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new OAuthError('invalid_request', error.message, 'CMN-101', undefined, status);
  return undefined;
}

/** Makes every answer of this context an OAuth one: refusals, validation failures, unknown routes. */
export function installOAuthErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendOAuthError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendOAuthError(request, reply, new OAuthError('invalid_request', `Route ${request.method} ${request.url.split('?')[0]} was not found`, 'CMN-102', undefined, 404)),
  );
}
