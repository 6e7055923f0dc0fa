import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
// For its route-schema fields (summary, tags, hide).
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ThemesRepository } from '../../store/themes-repository.js';

/** The built meeting page (packages/web/dist), next to this package in the workspace. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

export interface MeetingPageOptions {
  themes: ThemesRepository;
  webRoot?: string;
  /** Which pages may frame the meeting page (`Config.frameAncestors`); empty: any page may. */
  frameAncestors?: string;
}

/** Page addresses are not API operations: they stay out of the OpenAPI document. */
const PAGE_SCHEMA = { summary: 'The meeting page', tags: ['Meeting page'], hide: true };

/**
 * Serves the meeting page: its assets under `/assets/`, and `index.html` at every room URL (spec §4.5):
 * the host URL `/?room_token=` and the guest URL `/<meeting code>`, and both again under a theme's
 * `short_company_url`: `/<company>/?room_token=` and `/<company>/<meeting code>`. Fastify's router
 * prefers static segments, so `/assets/*`, `/api/*`, `/v1/*` and the like keep winning over the
 * company segment; the page itself asks the server whether the room belongs to that company.
 */
export async function meetingPageRoutes(app: FastifyInstance, options: MeetingPageOptions): Promise<void> {
  const root = options.webRoot ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ root }, 'the meeting page is not built: run `make setup`');
    const notBuilt = 'The Parley meeting page is not built. Run `make setup` and restart the server.\n';
    for (const url of ['/', '/:meetingCode', '/:company/', '/:company/:meetingCode']) {
      app.get(url, { schema: PAGE_SCHEMA }, async (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    }
    return;
  }
  const index = fs.readFileSync(indexFile);
  await app.register(fastifyStatic, { root: path.join(root, 'assets'), prefix: '/assets/', index: false, decorateReply: false, maxAge: '1y', immutable: true });
  // The page is made to be embedded (docs/embed.md): Parley sends no X-Frame-Options, and restricts
  // who may frame it only when configured to.
  const framing = options.frameAncestors ? { 'content-security-policy': `frame-ancestors ${options.frameAncestors}` } : {};
  const sendIndex = (reply: FastifyReply, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').headers(framing).send(index);

  app.get('/', { schema: PAGE_SCHEMA }, async (_request, reply) => sendIndex(reply));
  app.get('/:meetingCode', { schema: PAGE_SCHEMA }, async (_request, reply) => sendIndex(reply));

  // Under a company segment that no theme has, the page still answers (it shows "no such meeting"),
  // but with 404, so a mistyped or unrelated path is not mistaken for a page that exists. Only digits
  // make a meeting code here, so `/meetings/<anything else>` still reaches the Meetings API's own 404.
  const sendCompanyIndex = async (request: FastifyRequest<{ Params: { company: string } }>, reply: FastifyReply) =>
    sendIndex(reply, (await options.themes.findByShortCompanyUrl(request.params.company)) ? 200 : 404);
  app.get<{ Params: { company: string } }>('/:company/', { schema: PAGE_SCHEMA }, sendCompanyIndex);
  app.get<{ Params: { company: string } }>('/:company/:meetingCode(^\\d{1,32}$)', { schema: PAGE_SCHEMA }, sendCompanyIndex);

  for (const file of fs.readdirSync(root)) {
    // Top-level files the page references by absolute path (favicon and the like).
    if (file !== 'index.html' && fs.statSync(path.join(root, file)).isFile()) {
      const body = fs.readFileSync(path.join(root, file));
      app.get(`/${file}`, { schema: PAGE_SCHEMA }, async (_request, reply) => reply.type(contentType(file)).send(body));
    }
  }
}

function contentType(file: string): string {
  const types: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain', '.json': 'application/json' };
  return types[path.extname(file)] ?? 'application/octet-stream';
}
