import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ParleyError } from '../../errors.js';
import type { Theme } from '../../themes/theme.js';
import type { ThemeService, UpdateThemeInput } from '../../themes/theme-service.js';
import type { Services } from '../../services.js';
import { applicationOf } from './authenticate.js';
import { vonageThemeOf, type VonageTheme } from './theme-json.js';
import { CreateThemeBody, DeleteThemeQuery, ThemeParams, UpdateThemeBody } from './theme-schemas.js';

export interface ThemeRoutesDeps {
  services: Pick<Services, 'config'>;
  themes: ThemeService;
}

/**
 * `/themes`: create, list, get, update and delete, as in Vonage's API reference. The rooms of a theme
 * are listed with the rooms (`rooms-routes.ts`), the logo flow has its own routes (`logos-routes.ts`).
 */
export function registerThemeRoutes(app: FastifyInstance, deps: ThemeRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { publicUrl } = deps.services.config;
  const present = (request: FastifyRequest, theme: Theme): VonageTheme => vonageThemeOf(theme, applicationOf(request).accountId, publicUrl);

  api.post(
    '/themes',
    { schema: { summary: 'Create a theme', tags: ['Themes'], body: CreateThemeBody } },
    async (request, reply) => {
      const { theme_name, main_color, brand_text, short_company_url } = request.body;
      const theme = await deps.themes.create(applicationOf(request).id, {
        name: theme_name,
        mainColor: main_color,
        brandText: brand_text,
        shortCompanyUrl: short_company_url,
      });
      return reply.code(201).type('application/json').send(present(request, theme));
    },
  );

  api.get('/themes', { schema: { summary: 'List themes', tags: ['Themes'] } }, async (request, reply) => {
    const themes = await deps.themes.list(applicationOf(request).id);
    return reply.type('application/json').send(themes.map((theme) => present(request, theme)));
  });

  api.get(
    '/themes/:theme_id',
    { schema: { summary: 'Get a theme', tags: ['Themes'], params: ThemeParams } },
    async (request, reply) => {
      const theme = await deps.themes.get(applicationOf(request).id, request.params.theme_id);
      return reply.type('application/json').send(present(request, theme));
    },
  );

  api.patch(
    '/themes/:theme_id',
    { schema: { summary: 'Update a theme', tags: ['Themes'], params: ThemeParams, body: UpdateThemeBody } },
    async (request, reply) => {
      const theme = await deps.themes.update(applicationOf(request).id, request.params.theme_id, themeChangesOf(request.body));
      return reply.type('application/json').send(present(request, theme));
    },
  );

  api.delete(
    '/themes/:theme_id',
    {
      schema: {
        summary: 'Delete a theme',
        description: 'A theme used by rooms or as the application default is deleted only with `force=true`; its rooms then take the default theme.',
        tags: ['Themes'],
        params: ThemeParams,
        querystring: DeleteThemeQuery,
      },
    },
    async (request, reply) => {
      await deps.themes.delete(applicationOf(request).id, request.params.theme_id, forceOf(request.query.force));
      return reply.code(204).send();
    },
  );
}

/** .NET sends `{}` when nothing changed; Vonage answered that with its Joi message. */
function themeChangesOf(body: UpdateThemeBody): UpdateThemeInput {
  const details = body.update_details;
  if (details === undefined || Object.keys(details).length === 0) {
    throw ParleyError.validation('"update_details" must have at least 1 key');
  }
  const changes: UpdateThemeInput = {};
  if (details.theme_name !== undefined) changes.name = details.theme_name;
  if (details.main_color !== undefined) changes.mainColor = details.main_color;
  if (details.brand_text !== undefined) changes.brandText = details.brand_text;
  if (details.short_company_url !== undefined) changes.shortCompanyUrl = details.short_company_url;
  return changes;
}

function forceOf(text: string | undefined): boolean {
  if (text === undefined) return false;
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  throw ParleyError.validation('"force" must be a boolean');
}
