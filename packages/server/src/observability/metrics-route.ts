import type { FastifyInstance } from 'fastify';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { LiveRooms } from '../rooms/live-rooms.js';

/** Prometheus metrics at `/metrics`: process metrics plus live sessions and participants. */
export async function metricsRoutes(app: FastifyInstance, options: { liveRooms: LiveRooms | undefined }): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  new Gauge({
    name: 'parley_live_sessions',
    help: 'Live sessions on this node',
    registers: [registry],
    collect() {
      this.set(options.liveRooms?.stats().sessions ?? 0);
    },
  });
  new Gauge({
    name: 'parley_live_participants',
    help: 'Participants in live sessions on this node',
    registers: [registry],
    collect() {
      this.set(options.liveRooms?.stats().participants ?? 0);
    },
  });
  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}
