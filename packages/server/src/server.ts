import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { bootstrapDevelopment, type DevBootstrap } from './dev-bootstrap.js';
import { JanusPool } from './media/janus/janus-pool.js';
import { LiveRooms } from './rooms/live-rooms.js';
import { RoomLifecycle } from './rooms/room-lifecycle.js';
import { LogoUploads } from './themes/logo-uploads.js';
import { warnOfMissingRecordingTools } from './recording/recording-tools.js';
import { warnIfCaptionsCannotRun } from './captions/captions-readiness.js';
import { createServices, type ServiceOptions, type Services } from './services.js';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery-worker.js';
import { startEmailDelivery } from './mail/email-delivery.js';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  media: JanusPool;
  liveRooms: LiveRooms;
  lifecycle: RoomLifecycle;
  webhookDelivery: WebhookDeliveryWorker;
  /** Where the server listens, e.g. `http://127.0.0.1:8080`. */
  listenUrl: string;
  dev: DevBootstrap | undefined;
  close(): Promise<void>;
}

/**
 * Starts every part in order, failing fast with a message that names the part: store, media server,
 * live rooms, room deadlines, webhook delivery, HTTP. `close` stops them in reverse.
 */
export async function startServer(config: Config, options: ServiceOptions & { webRoot?: string } = {}): Promise<RunningServer> {
  const services = await createServices(config, options);
  const { logger } = services;
  let media: JanusPool;
  try {
    media = await JanusPool.start({
      urls: config.janusUrls.length > 0 ? config.janusUrls : [config.janusUrl].filter((url) => url !== ''),
      binary: config.janusBinary,
      dataDir: config.dataDir,
      rtpPorts: parsePortRange(config.janusRtpPorts),
      requestTimeoutMs: config.janusRequestTimeoutMs,
      logger,
    });
  } catch (error) {
    await services.store.close();
    throw error;
  }
  const liveRooms = new LiveRooms({ ...services, media });
  const orphaned = await liveRooms.endOrphanedSessions();
  if (orphaned > 0) logger.warn({ sessions: orphaned }, 'ended sessions left open by a previous run');
  await warnOfMissingRecordingTools(config, logger);
  await warnIfCaptionsCannotRun(services.speechRecognizer, services.rooms, logger);
  // Ends the recordings of those sessions, and processes what a previous run left unprocessed.
  await services.recordingWorker.start();
  const lifecycle = new RoomLifecycle(services.rooms, services.clock, logger, config.lifecycleIntervalMs, services.roomUpdates);
  await lifecycle.sweep();
  lifecycle.start();
  // Upload targets nobody finalized expire within the hour; their files go even when nobody asks for
  // new targets (which sweeps too).
  const logoUploads = new LogoUploads(services);
  const logoSweep = setInterval(
    () => void logoUploads.sweepExpired().catch((error: Error) => logger.error({ err: error }, 'logo upload sweep failed')),
    LOGO_SWEEP_INTERVAL_MS,
  ).unref();

  // Resumes whatever a previous run left pending, and what the orphaned sessions and expired rooms above reported.
  const webhookDelivery = new WebhookDeliveryWorker(services, {
    timeoutMs: config.webhookTimeoutMs,
    pollIntervalMs: config.webhookPollIntervalMs,
    concurrency: config.webhookConcurrency,
  });
  webhookDelivery.start();
  const emailDelivery = startEmailDelivery(services);

  const app = await buildApp(services, { live: { media, liveRooms }, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
  const dev = config.devBootstrap ? await bootstrapDevelopment(services) : undefined;
  const listenUrl = await app.listen({ port: config.port, host: config.host });

  return {
    app,
    services,
    media,
    liveRooms,
    lifecycle,
    webhookDelivery,
    listenUrl,
    dev,
    async close() {
      await liveRooms.shutdown();
      await app.close();
      await lifecycle.stop();
      // After the sessions ended above, whose events are in the outbox: what is not sent now is sent on the next start.
      // Before the webhook delivery stops: a recording finished meanwhile is reported on this run.
      await services.recordingWorker.stop();
      await webhookDelivery.stop();
      await emailDelivery?.stop();
      clearInterval(logoSweep);
      await media.close();
      await services.store.close();
    },
  };
}

const LOGO_SWEEP_INTERVAL_MS = 10 * 60_000;

function parsePortRange(range: string): { min: number; max: number } {
  const [min, max] = range.split('-').map(Number) as [number, number];
  return { min, max };
}
