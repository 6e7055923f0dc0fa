import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import type { LogoFinalization } from '../../themes/logo-finalization.js';
import type { LogoUploads } from '../../themes/logo-uploads.js';
import { LOGO_UPLOAD_PATH } from '../uploads/logo-upload-route.js';
import { applicationOf } from './authenticate.js';
import { FinalizeLogosBody, LogoThemeParams, LogoUploadTargetsJson, type LogoUploadTargetJson } from './logo-schemas.js';
import { vonageThemeOf } from './theme-json.js';

export interface LogoRoutesDeps {
  services: Pick<Services, 'config'>;
  uploads: LogoUploads;
  finalization: LogoFinalization;
}

/** Steps 1 and 3 of Vonage's logo upload flow; step 2 posts to Parley's own upload target. */
export function registerLogoRoutes(app: FastifyInstance, deps: LogoRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { publicUrl } = deps.services.config;

  // A static path, so it wins over `GET /themes/:theme_id` whatever the registration order.
  api.get(
    '/themes/logos-upload-urls',
    {
      schema: {
        summary: 'Get logo upload targets',
        description:
          'One target per logo type (white, colored, favicon), each usable once within an hour: post its `fields`, in order, ' +
          'then the PNG as the part `file`, as `multipart/form-data` to its `url`; then finalize the keys on a theme.',
        tags: ['Themes'],
        response: { 200: LogoUploadTargetsJson },
      },
    },
    async (request, reply) => {
      const targets = await deps.uploads.issueTargets(applicationOf(request).id);
      const url = `${publicUrl}${LOGO_UPLOAD_PATH}`;
      return reply.type('application/json').send(targets.map((target) => ({ url, fields: target.fields as LogoUploadTargetJson['fields'] })));
    },
  );

  api.put(
    '/themes/:theme_id/finalizeLogos',
    {
      schema: {
        summary: "Make uploaded logos a theme's logos",
        description:
          'Each key must be an upload of the calling application that has not expired, and each file a PNG of at most 1 MB on a ' +
          'transparent background: white and colored logos 1 to 300 px a side, favicons square, 16 to 32 px. All keys succeed or nothing changes.',
        tags: ['Themes'],
        params: LogoThemeParams,
        body: FinalizeLogosBody,
      },
    },
    async (request, reply) => {
      const application = applicationOf(request);
      const theme = await deps.finalization.finalize(application.id, request.params.theme_id, request.body.keys);
      return reply.type('application/json').send(vonageThemeOf(theme, application.accountId, publicUrl));
    },
  );
}
