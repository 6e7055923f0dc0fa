import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../errors.js';
import type { ThemeService } from '../../themes/theme-service.js';
import { applicationOf } from './authenticate.js';
import { UpdateApplicationBody } from './theme-schemas.js';

export interface ApplicationRoutesDeps {
  themes: ThemeService;
}

/** The calling application as Vonage answered `PATCH /applications`. */
export interface VonageApplication {
  application_id: string;
  account_id: string;
  default_theme_id: string | null;
}

/** `PATCH /applications`: the only thing an application changes about itself here is its default theme. */
export function registerApplicationRoutes(app: FastifyInstance, deps: ApplicationRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.patch(
    '/applications',
    {
      schema: {
        summary: 'Set the default theme of the application',
        description: 'Rooms without a theme of their own are shown with it, and new rooms take it. `null` removes it.',
        tags: ['Applications'],
        body: UpdateApplicationBody,
      },
    },
    async (request, reply) => {
      const details = request.body.update_details;
      if (details === undefined || Object.keys(details).length === 0) {
        throw ParleyError.validation('"update_details" must have at least 1 key');
      }
      if (details.default_theme_id === undefined) throw ParleyError.validation('"update_details.default_theme_id" is required');
      const application = await deps.themes.setDefault(applicationOf(request).id, details.default_theme_id);
      const json: VonageApplication = {
        application_id: application.id,
        account_id: application.accountId,
        default_theme_id: application.defaultThemeId,
      };
      return reply.type('application/json').send(json);
    },
  );
}
