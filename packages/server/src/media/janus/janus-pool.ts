import type { Logger } from 'pino';
import { MediaPool } from '../media-pool.js';
import { JanusBackend } from './janus-backend.js';

export interface JanusPoolOptions {
  /** External Janus WebSocket URLs; none to spawn and supervise Parley's own Janus. */
  urls: readonly string[];
  binary: string;
  dataDir: string;
  rtpPorts: { min: number; max: number };
  requestTimeoutMs: number;
  /** See `MediaPoolOptions.attendeesPerServer`; without it, a webinar's audience stays on one Janus. */
  webinarAttendeesPerJanus?: number;
  logger: Logger;
}

/**
 * How long a room whose Janus died waits for one to take it: long enough for Parley's own Janus to be
 * restarted after repeated crashes (its back-off reaches 10 s), short enough that nobody sits in a
 * meeting without media for long when no Janus comes back.
 */
const ROOM_RESTORE_TIMEOUT_MS = 30_000;

/**
 * The media pool over Janus servers: the external ones listed (a single `PARLEY_JANUS_URL` is a pool of
 * one), or Parley's own. Starts once at least one answers; the others join the pool when they do.
 */
export class JanusPool extends MediaPool {
  private constructor(
    private readonly backends: readonly JanusBackend[],
    options: Pick<JanusPoolOptions, 'webinarAttendeesPerJanus' | 'logger'>,
  ) {
    super(
      backends.map((backend) => ({ name: backend.url, backend })),
      { restoreTimeoutMs: ROOM_RESTORE_TIMEOUT_MS, attendeesPerServer: options.webinarAttendeesPerJanus ?? Number.POSITIVE_INFINITY, logger: options.logger },
    );
  }

  static async start(options: JanusPoolOptions): Promise<JanusPool> {
    const backendOptions = { binary: options.binary, dataDir: options.dataDir, rtpPorts: options.rtpPorts, requestTimeoutMs: options.requestTimeoutMs, logger: options.logger };
    if (options.urls.length === 0) return new JanusPool([await JanusBackend.start({ ...backendOptions, url: '' })], options);
    const started = options.urls.map((url) => JanusBackend.startInBackground({ ...backendOptions, url }));
    await Promise.all(started.map((s) => s.connected));
    const backends = started.map((s) => s.backend);
    const pool = new JanusPool(backends, options);
    const health = pool.health();
    if (!health.ready) {
      await pool.close();
      throw new Error(`Cannot reach any Janus (PARLEY_JANUS_URL or PARLEY_JANUS_URLS): ${health.reason ?? ''}`);
    }
    return pool;
  }

  /** The spawned Janus's process id, when Parley runs its own. */
  get janusPid(): number | undefined {
    return this.backends[0]?.janusPid;
  }
}
