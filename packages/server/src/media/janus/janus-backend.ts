import type { JanodeHandle } from 'janode';
import type { Logger } from 'pino';
import type { MediaBackend, MediaHealth, MediaRoom, MediaRoomOptions } from '../media-backend.js';
import { ParleyError } from '../../errors.js';
import { JanusClient } from './janus-client.js';
import { JanusProcess } from './janus-process.js';
import { VideoRoom } from './videoroom-room.js';

export interface JanusBackendOptions {
  /** An external Janus's WebSocket URL; empty to spawn and supervise Parley's own. */
  url: string;
  binary: string;
  dataDir: string;
  rtpPorts: { min: number; max: number };
  requestTimeoutMs: number;
  logger: Logger;
}

/**
 * How often a connected Janus is pinged, and how long it may take to answer. A Janus that stops
 * answering (hung, or its host gone without closing the connection) is noticed within both together;
 * one that dies closes its WebSocket, which is noticed at once.
 */
const PING_INTERVAL_MS = 2000;
const PING_TIMEOUT_MS = 3000;
/** How soon a Janus whose connection was lost is tried again (a spawned one that is restarting is waited for). */
const RECONNECT_DELAY_MS = 1000;

/**
 * The MediaBackend over one Janus. Tracks whether Janus is usable (its connection, and a periodic ping);
 * when the connection is lost every room on it is told it is gone, and the connection is made again
 * once Janus is back (a spawned Janus is restarted by its supervisor first).
 */
export class JanusBackend implements MediaBackend {
  private client: JanusClient | undefined;
  private manager: JanodeHandle | undefined;
  private notReadyReason = 'Janus is starting';
  private readonly healthListeners = new Set<(health: MediaHealth) => void>();
  private readonly rooms = new Set<VideoRoom>();
  private closing = false;
  private connecting = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: JanusBackendOptions,
    private readonly process: JanusProcess | undefined,
  ) {}

  static async start(options: JanusBackendOptions): Promise<JanusBackend> {
    const backend = JanusBackend.create(options);
    try {
      await backend.firstConnection();
      if (!backend.client) throw new Error(`Cannot reach Janus at ${backend.url}: ${backend.notReadyReason}`);
    } catch (error) {
      await backend.close();
      throw error;
    }
    return backend;
  }

  /**
   * A backend that connects in the background, for a pool whose other members may carry the rooms
   * meanwhile: it turns healthy once its Janus answers, and keeps trying until then.
   */
  static startInBackground(options: JanusBackendOptions): { backend: JanusBackend; connected: Promise<void> } {
    const backend = JanusBackend.create(options);
    return { backend, connected: backend.firstConnection() };
  }

  private static create(options: JanusBackendOptions): JanusBackend {
    const process = options.url
      ? undefined
      : new JanusProcess({ binary: options.binary, dataDir: options.dataDir, rtpPorts: options.rtpPorts, logger: options.logger });
    return new JanusBackend(options, process);
  }

  /** Which Janus this is: its WebSocket URL. */
  get url(): string {
    return this.options.url || this.process?.url || 'Parley’s own Janus';
  }

  /** The spawned Janus's process id, when Parley runs its own. */
  get janusPid(): number | undefined {
    return this.process?.pid;
  }

  health(): MediaHealth {
    return this.client ? { ready: true } : { ready: false, reason: this.notReadyReason };
  }

  onHealthChanged(listener: (health: MediaHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  async createRoom(options: MediaRoomOptions): Promise<MediaRoom> {
    const { client, manager } = this;
    if (!client || !manager) throw new ParleyError('media_unavailable', `The media server is not available: ${this.notReadyReason}`);
    const room = await VideoRoom.create(client, manager, options, this.options.logger, () => this.rooms.delete(room));
    // The connection may have been lost while the room was being created: it is gone already.
    if (this.client === client) this.rooms.add(room);
    else room.interrupt();
    return room;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = undefined;
    await client?.close();
    await this.process?.stop();
  }

  private async firstConnection(): Promise<void> {
    if (!this.process) return this.connect(this.options.url);
    const url = await this.process.start();
    this.process.on('exited', (reason) => this.lost(reason));
    this.process.on('started', (restartedUrl) => void this.connect(restartedUrl));
    await this.connect(url);
  }

  private async connect(url: string): Promise<void> {
    if (this.connecting || this.client || this.closing) return;
    this.connecting = true;
    try {
      const client = await JanusClient.connect(url, this.options.requestTimeoutMs);
      const manager = await client.attachVideoRoom();
      if (this.closing) {
        await client.close();
        return;
      }
      client.onClosed((reason) => {
        if (this.client === client) this.lost(`lost the connection to Janus at ${url}: ${reason}`);
      });
      this.client = client;
      this.manager = manager;
      this.watch(client, url);
      this.options.logger.info({ url }, 'connected to Janus');
      this.healthChanged();
    } catch (error) {
      this.notReadyReason = `cannot connect to Janus at ${url}: ${(error as Error).message}`;
      this.options.logger.error({ url, err: error }, 'cannot connect to Janus');
      this.scheduleReconnect();
    } finally {
      this.connecting = false;
    }
  }

  /** Pings Janus: one that does not answer in time is given up like one whose connection closed. */
  private watch(client: JanusClient, url: string): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      client.ping(Math.min(PING_TIMEOUT_MS, this.options.requestTimeoutMs)).catch((error: Error) => {
        if (this.client !== client) return;
        this.lost(`Janus at ${url} stopped answering: ${error.message}`);
        void client.close();
      });
    }, PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  private lost(reason: string): void {
    if (this.closing) return;
    const wasReady = this.client !== undefined;
    clearInterval(this.pingTimer);
    this.client = undefined;
    this.manager = undefined;
    this.notReadyReason = reason;
    this.options.logger.error({ url: this.url, reason }, 'Janus unavailable');
    // Every room Janus held is gone with it (a restarted Janus starts empty; a Janus we lost touch with
    // destroyed the handles of our session).
    const rooms = [...this.rooms];
    this.rooms.clear();
    for (const room of rooms) room.interrupt();
    if (wasReady) this.healthChanged();
    this.scheduleReconnect();
  }

  /** Tries the connection again soon; a spawned Janus that died is reconnected to once restarted. */
  private scheduleReconnect(): void {
    if (this.closing) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      const url = this.process ? this.process.pid !== undefined && this.process.url : this.options.url;
      if (url) void this.connect(url);
      else this.scheduleReconnect();
    }, RECONNECT_DELAY_MS);
  }

  private healthChanged(): void {
    const health = this.health();
    for (const listener of this.healthListeners) {
      try {
        listener(health);
      } catch (error) {
        this.options.logger.error({ err: error }, 'a media health listener failed');
      }
    }
  }
}
