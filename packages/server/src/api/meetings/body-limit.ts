import type { FastifyInstance } from 'fastify';

/**
 * Meetings API bodies are small JSON documents: a room with every field at its longest is under 4 KiB.
 * 64 KiB leaves room for any SDK's extra keys while a caller cannot make the server parse megabytes.
 */
export const MEETINGS_API_BODY_LIMIT = 64 * 1024;

/**
 * Gives every route registered after this in `app` (and its children) the Meetings API body limit,
 * unless the route sets its own (an upload does). A larger body is refused with 413 before it is parsed.
 */
export function limitRequestBodies(app: FastifyInstance, bytes: number = MEETINGS_API_BODY_LIMIT): void {
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= bytes;
  });
}
