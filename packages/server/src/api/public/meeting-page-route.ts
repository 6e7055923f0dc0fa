import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built meeting page (packages/web/dist), next to this package in the workspace. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/**
 * Serves the meeting page: its assets under `/assets/`, and `index.html` at the host URL (`/?room_token=`)
 * and the guest URL (`/<meeting code>`).
 */
export async function meetingPageRoutes(app: FastifyInstance, options: { webRoot?: string }): Promise<void> {
  const root = options.webRoot ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ root }, 'the meeting page is not built: run `make setup`');
    const notBuilt = 'The Parley meeting page is not built. Run `make setup` and restart the server.\n';
    app.get('/', async (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    app.get('/:meetingCode', async (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    return;
  }
  const index = fs.readFileSync(indexFile);
  await app.register(fastifyStatic, { root: path.join(root, 'assets'), prefix: '/assets/', index: false, decorateReply: false, maxAge: '1y', immutable: true });
  const sendIndex = async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/', sendIndex);
  app.get<{ Params: { meetingCode: string } }>('/:meetingCode', sendIndex);
  for (const file of fs.readdirSync(root)) {
    // Top-level files the page references by absolute path (favicon and the like).
    if (file !== 'index.html' && fs.statSync(path.join(root, file)).isFile()) {
      const body = fs.readFileSync(path.join(root, file));
      app.get(`/${file}`, async (_request, reply) => reply.type(contentType(file)).send(body));
    }
  }
}

function contentType(file: string): string {
  const types: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain', '.json': 'application/json' };
  return types[path.extname(file)] ?? 'application/octet-stream';
}
