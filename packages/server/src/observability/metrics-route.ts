import type { FastifyInstance } from 'fastify';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { MediaPool } from '../media/media-pool.js';
import type { LiveRooms } from '../rooms/live-rooms.js';

/** Prometheus metrics at `/metrics`: process metrics, live sessions and participants, and each media server's health and load. */
export async function metricsRoutes(app: FastifyInstance, options: { liveRooms: LiveRooms | undefined; media: MediaPool | undefined }): Promise<void> {
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
  const mediaServerGauge = (name: string, help: string, value: (load: { ready: boolean; handles: number; rooms: number }) => number): void => {
    new Gauge({
      name,
      help,
      labelNames: ['server'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [server, load] of Object.entries(options.media?.loadsByMember() ?? {})) this.set({ server }, value(load));
      },
    });
  };
  mediaServerGauge('parley_media_server_up', 'Whether each media server (Janus) is healthy: 1, or 0', (load) => (load.ready ? 1 : 0));
  mediaServerGauge('parley_media_server_rooms', 'Rooms this node has on each media server', (load) => load.rooms);
  mediaServerGauge('parley_media_server_handles', 'Publishers and subscribers this node has on each media server', (load) => load.handles);
  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}
