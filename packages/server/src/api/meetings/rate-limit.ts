import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../errors.js';
import { applicationOf } from './authenticate.js';

/**
 * Limits every route registered after this in `app` (and its children) to `requestsPerSecond` calls
 * per calling application, counted on this node; 0 turns the limit off. Each application has its own
 * count, so one that hits the limit never slows another. Over the limit: 429 TooManyRequestsError with
 * `Retry-After` in seconds.
 */
export async function limitRequestsPerApplication(app: FastifyInstance, requestsPerSecond: number): Promise<void> {
  if (requestsPerSecond === 0) return;
  await app.register(rateLimit, {
    max: requestsPerSecond,
    timeWindow: 1000,
    // After authentication (an onRequest hook), which names the application; before the body is read,
    // so a refused call costs no parsing.
    hook: 'preParsing',
    keyGenerator: (request) => applicationOf(request).id,
    errorResponseBuilder: (_request, context) =>
      ParleyError.rateLimited(`Too many requests: at most ${context.max} per second per application, retry in ${context.after}`),
  });
}
