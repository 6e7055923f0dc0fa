import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { isFinalizedLogoKey } from '../../themes/logo-keys.js';
import { LOGO_ROUTE_PREFIX } from '../../themes/logo-urls.js';

/**
 * Serves finalized logos at the URLs of `logoUrl` (the `*_url` fields of a theme, the meeting page's
 * brand). Public, as Vonage's were. Only keys of finalized logos are served: uploads awaiting checks
 * are not, and no key can reach outside the logo store.
 */
export async function logoFileRoute(app: FastifyInstance, options: { services: Pick<Services, 'logoStorage'> }): Promise<void> {
  const { logoStorage } = options.services;
  // Untagged, so out of the OpenAPI document: a logo URL is handed out in theme JSON, not called as API.
  app.get<{ Params: { '*': string } }>(`${LOGO_ROUTE_PREFIX}*`, async (request, reply) => {
    const key = request.params['*'];
    const bytes = isFinalizedLogoKey(key) ? await logoStorage.get(key) : undefined;
    if (!bytes) return reply.code(404).send({ code: 'not_found', message: `There is no logo at ${LOGO_ROUTE_PREFIX}${key}` });
    // A key names one upload's bytes for good (see logo-keys.ts), so the file never changes.
    return reply.type('image/png').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
  });
}
