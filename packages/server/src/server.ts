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
  /**
   * What `SIGTERM` asks before `close`: from now on the node starts no room (pages for a room nobody
   * runs are relayed to a node that is not draining) and hands its live meetings over.
   */
  drain(): Promise<void>;
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
      webinarAttendeesPerJanus: config.webinarAttendeesPerJanus,
      logger,
    });
  } catch (error) {
    await services.membership.close();
    await services.store.close();
    throw error;
  }
  services.membership.shareMediaLoads(media);
  const liveRooms = new LiveRooms({ ...services, media });
  // Sessions a previous run (or a node that died) left open stay open for their pages to resume, for a
  // while: this sweep and the next end those nobody took over by then.
  const sweepOrphans = (): Promise<unknown> =>
    liveRooms.endOrphanedSessions().catch((error: Error) => logger.error({ err: error }, 'ending the sessions nobody took over failed'));
  await sweepOrphans();
  const orphanSweep = setInterval(() => void sweepOrphans(), ORPHAN_SWEEP_INTERVAL_MS).unref();
  await warnOfMissingRecordingTools(config, logger);
  await warnIfCaptionsCannotRun(services.speechRecognizer, services.rooms, logger);
  // Ends the recordings of those sessions, and processes what a previous run left unprocessed.
  await services.recordingWorker.start();
  const lifecycle = new RoomLifecycle(services.rooms, services.clock, logger, config.lifecycleIntervalMs, services.roomUpdates);
  await lifecycle.sweep();
  lifecycle.start();
  // Upload targets nobody finalized expire within the hour; their files go even when nobody asks for
  // new targets (which sweeps too). Every node sweeps: deleting what another node deleted already is harmless.
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

  const running: RunningServer = {
    app,
    services,
    media,
    liveRooms,
    lifecycle,
    webhookDelivery,
    listenUrl,
    dev,
    drain: () => liveRooms.drain(),
    async close() {
      clearInterval(orphanSweep);
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
      await services.membership.close();
      await services.store.close();
    },
  };
  return running;
}

const LOGO_SWEEP_INTERVAL_MS = 10 * 60_000;
/** How often open sessions no node runs are looked for (see `ORPHAN_GRACE_MS`). */
const ORPHAN_SWEEP_INTERVAL_MS = 15_000;

function parsePortRange(range: string): { min: number; max: number } {
  const [min, max] = range.split('-').map(Number) as [number, number];
  return { min, max };
}
