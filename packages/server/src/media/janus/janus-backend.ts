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
 * The MediaBackend over one Janus. Tracks whether Janus is usable; when it restarts (or the connection
 * to an external one comes back) every room on it is gone, and `onReset` listeners are told.
 */
export class JanusBackend implements MediaBackend {
  private client: JanusClient | undefined;
  private manager: JanodeHandle | undefined;
  private notReadyReason = 'Janus is starting';
  private readonly resetListeners = new Set<() => void>();
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: JanusBackendOptions,
    private readonly process: JanusProcess | undefined,
  ) {}

  static async start(options: JanusBackendOptions): Promise<JanusBackend> {
    const process = options.url
      ? undefined
      : new JanusProcess({ binary: options.binary, dataDir: options.dataDir, rtpPorts: options.rtpPorts, logger: options.logger });
    const backend = new JanusBackend(options, process);
    if (process) {
      const url = await process.start();
      process.on('exited', (reason) => backend.lost(reason));
      process.on('started', (restartedUrl) => void backend.connect(restartedUrl, true));
      await backend.connect(url, false);
    } else {
      await backend.connect(options.url, false);
    }
    if (!backend.client) throw new Error(`Cannot reach Janus at ${options.url || process?.url}: ${backend.notReadyReason}`);
    return backend;
  }

  /** The spawned Janus's process id, when Parley runs its own. */
  get janusPid(): number | undefined {
    return this.process?.pid;
  }

  health(): MediaHealth {
    return this.client ? { ready: true } : { ready: false, reason: this.notReadyReason };
  }

  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  async createRoom(options: MediaRoomOptions): Promise<MediaRoom> {
    const { client, manager } = this;
    if (!client || !manager) throw new ParleyError('media_unavailable', `The media server is not available: ${this.notReadyReason}`);
    return VideoRoom.create(client, manager, options, this.options.logger);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.close();
    await this.process?.stop();
  }

  private async connect(url: string, isReconnect: boolean): Promise<void> {
    try {
      const client = await JanusClient.connect(url, this.options.requestTimeoutMs);
      const manager = await client.attachVideoRoom();
      client.onClosed((reason) => {
        if (this.client === client) this.lost(`lost the connection to Janus: ${reason}`);
      });
      this.client = client;
      this.manager = manager;
      this.options.logger.info({ url }, isReconnect ? 'reconnected to Janus' : 'connected to Janus');
      if (isReconnect) for (const listener of this.resetListeners) listener();
    } catch (error) {
      this.notReadyReason = `cannot connect to Janus at ${url}: ${(error as Error).message}`;
      this.options.logger.error({ url, err: error }, 'cannot connect to Janus');
      if (isReconnect) this.scheduleReconnect(url);
    }
  }

  private lost(reason: string): void {
    if (this.closing) return;
    this.client = undefined;
    this.manager = undefined;
    this.notReadyReason = reason;
    this.options.logger.error({ reason }, 'Janus unavailable');
    // A spawned Janus is restarted by its supervisor, which reconnects us; an external one we poll.
    if (!this.process) this.scheduleReconnect(this.options.url);
  }

  private scheduleReconnect(url: string): void {
    if (this.closing || this.process) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(url, true), 1000);
  }
}
