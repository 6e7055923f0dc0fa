import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from './services.js';

/**
 * The HTTP application: every façade registered on one Fastify instance. Building it starts nothing;
 * tests build one per test and call it in-process with `inject`.
 */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    disableRequestLogging: true,
    bodyLimit: 1024 * 1024,
  });
  return app;
}
