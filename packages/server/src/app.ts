import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { meetingsApi } from './api/meetings/meetings-api.js';
import { openApiDocs } from './api/openapi.js';
import { logoFileRoute } from './api/public/logo-file-route.js';
import { meetingPageRoutes } from './api/public/meeting-page-route.js';
import { recordingDownloadRoutes } from './api/public/recording-download-route.js';
import { roomInfoRoutes } from './api/public/room-info-route.js';
import { ringCentralApi } from './api/ringcentral/ringcentral-api.js';
import { logoUploadRoute } from './api/uploads/logo-upload-route.js';
import type { MediaPool } from './media/media-pool.js';
import { healthRoutes } from './observability/health-route.js';
import { metricsRoutes } from './observability/metrics-route.js';
import type { LiveRooms } from './rooms/live-rooms.js';
import type { Services } from './services.js';
import { SignalingRelay } from './signaling/signaling-relay.js';
import { signalingRoutes } from './signaling/signaling-route.js';

/** The parts that carry live meetings; absent in tests that only exercise the REST APIs. */
export interface LiveParts {
  media: MediaPool;
  liveRooms: LiveRooms;
}

export interface AppOptions {
  live?: LiveParts;
  /** The built meeting page; defaults to packages/web/dist. */
  webRoot?: string;
}

/**
 * The HTTP application: every façade registered on one Fastify instance. Building it starts nothing;
 * tests build one per test and call it in-process with `inject`.
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    // Every request at info level would drown the meeting events that matter.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Above every id's schema limit, so an over-long id reaches validation and gets the façade's own
    // error (the router would otherwise answer 414 in Fastify's format before any façade sees it).
    routerOptions: { maxParamLength: 1000 },
  });
  // First: the OpenAPI document is built from the routes registered after it.
  await openApiDocs(app, { publicUrl: services.config.publicUrl });
  await app.register(healthRoutes, { services, media: options.live?.media });
  await app.register(metricsRoutes, { liveRooms: options.live?.liveRooms, media: options.live?.media });
  await app.register(roomInfoRoutes, { services });
  await app.register(recordingDownloadRoutes, { services });
  await app.register(meetingsApi, { services, liveRooms: options.live?.liveRooms });
  await app.register(ringCentralApi, { services });
  await app.register(logoUploadRoute, { services });
  await app.register(logoFileRoute, { services });
  if (options.live) {
    await app.register(fastifyWebsocket, { options: { maxPayload: 512 * 1024 } });
    await app.register(signalingRoutes, { liveRooms: options.live.liveRooms, relay: new SignalingRelay({ ...services, logger: services.logger }) });
  }
  await app.register(meetingPageRoutes, { themes: services.themes, webRoot: options.webRoot, frameAncestors: services.config.frameAncestors });
  return app;
}
