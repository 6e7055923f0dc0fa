import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { MediaBackend } from '../media/media-backend.js';
import type { Services } from '../services.js';

/**
 * `GET /health`: 200 `{"status":"ok",...}` only when the database answers and the media server is
 * ready; 503 with the reason otherwise, so a load balancer routes around this node.
 */
export async function healthRoutes(app: FastifyInstance, options: { services: Services; media: MediaBackend | undefined }): Promise<void> {
  app.get('/health', async (_request, reply) => {
    const checks: Record<string, { ok: boolean; reason?: string }> = {};
    try {
      await sql`select 1`.execute(options.services.store.db);
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, reason: `database unreachable: ${(error as Error).message}` };
    }
    const media = options.media?.health() ?? { ready: false, reason: 'no media server configured' };
    checks.janus = media.ready ? { ok: true } : { ok: false, reason: media.reason ?? 'not ready' };
    const failing = Object.entries(checks).filter(([, check]) => !check.ok);
    if (failing.length === 0) return reply.send({ status: 'ok', checks });
    return reply.code(503).send({ status: 'unavailable', reason: failing.map(([name, c]) => `${name}: ${c.reason}`).join('; '), checks });
  });
}
