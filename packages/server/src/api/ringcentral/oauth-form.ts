import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OAuthError } from '../../identity/oauth-error.js';

/** OAuth requests are a few short fields; a JWT assertion is the longest. */
export const OAUTH_BODY_LIMIT = 32 * 1024;

/**
 * Makes every body of this context a URL-encoded form, whatever its Content-Type says, and none an
 * empty form: `@rc-ex/core` posts its token requests as a pre-encoded string, which some axios versions
 * send with no Content-Type at all under Node, and browsers' XHR say `text/plain`. RingCentral answers
 * them; so does Parley.
 */
export function parseEveryBodyAsForm(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: OAUTH_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, parseForm(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // A request without a body (a revoke with `?token=`) has an empty form, which validation accepts.
  app.addHook('preValidation', async (request) => {
    request.body ??= {};
  });
}

/** The form's fields. A field sent twice is refused: which one would count is anybody's guess. */
export function parseForm(text: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(form, name)) throw new OAuthError('invalid_request', 'Request parameter duplication detected', 'OAU-111', name);
    form[name] = value;
  }
  return form;
}

export function formOf(request: FastifyRequest): Record<string, string> {
  return (request.body ?? {}) as Record<string, string>;
}

/** The client id and secret of an `Authorization: Basic` header, if the request has one. */
export function basicCredentials(authorization: string | undefined): { clientId: string; clientSecret: string } | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new OAuthError('invalid_client', 'Invalid Authorization header value', 'OAU-123');
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}
