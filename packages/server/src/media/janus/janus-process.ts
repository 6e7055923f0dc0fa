import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { findJanusLibDir, writeJanusConfig } from './janus-config.js';
import { freePort } from '../../free-port.js';

export interface JanusProcessOptions {
  binary: string;
  dataDir: string;
  rtpPorts: { min: number; max: number };
  logger: Logger;
}

export interface JanusProcessEvents {
  /** A (re)started Janus is listening on `url`. */
  started: [url: string];
  /** Janus exited unexpectedly; a restart follows. */
  exited: [reason: string];
}

const MAX_RESTART_DELAY_MS = 10_000;
/** How long a starting Janus may take to open its WebSocket transports. */
const START_TIMEOUT_MS = 10_000;
/** Start-ups tried on fresh ports when the ones picked were taken before Janus could bind them. */
const PORT_ATTEMPTS = 5;

/** The ports a Janus's transports listen on. */
interface TransportPorts {
  ws: number;
  adminWs: number;
}

/**
 * Runs and supervises Parley's own Janus when no external one is configured: generates its config
 * under the data folder, binds its WebSocket transports to 127.0.0.1 on ports free at start-up (so
 * several nodes on one machine never share one), restarts it with backoff when it dies, and logs
 * every such event.
 */
export class JanusProcess extends EventEmitter<JanusProcessEvents> {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private recentOutput: string[] = [];
  readonly adminSecret = randomBytes(16).toString('hex');
  private ports: TransportPorts | undefined;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: JanusProcessOptions) {
    super();
  }

  get url(): string {
    return this.ports ? `ws://127.0.0.1:${this.ports.ws}` : '';
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts Janus and resolves with its WebSocket URL once it listens there. */
  async start(): Promise<string> {
    await this.launch(undefined);
    this.emit('started', this.url);
    return this.url;
  }

  /**
   * Starts Janus on `ports` (those it had, for a restart) or on free ones. A port can be taken between
   * the moment it is found free and Janus binding it (another node starting on the same machine, say):
   * Janus then does not report its transport started, and fresh ports are tried.
   */
  private async launch(ports: TransportPorts | undefined): Promise<void> {
    const libDir = findJanusLibDir();
    if (!libDir) {
      throw new Error('Janus is not installed (no libjanus_videoroom.so found): run `make setup`, or set PARLEY_JANUS_URL');
    }
    let lastError: Error | undefined;
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      const tried = (attempt === 0 ? ports : undefined) ?? (await freeTransportPorts());
      const configDir = path.join(this.options.dataDir, 'janus');
      const configFile = writeJanusConfig({
        configDir,
        recordingsDir: path.join(this.options.dataDir, 'recordings'),
        wsPort: tried.ws,
        adminWsPort: tried.adminWs,
        adminSecret: this.adminSecret,
        rtpPorts: this.options.rtpPorts,
        eventLoops: Math.max(1, os.availableParallelism()),
        libDir,
      });
      try {
        await this.spawnOnce(configFile, configDir, tried);
        this.ports = tried;
        return;
      } catch (error) {
        lastError = error as Error;
        if (lastError instanceof BinaryMissing || this.stopping) throw lastError;
        this.options.logger.warn({ err: lastError, ports: tried }, 'Janus did not start on these ports; trying others');
      }
    }
    throw lastError ?? new Error('Janus did not start');
  }

  /** Spawns Janus and resolves once both its WebSocket transports say they listen on `ports`. */
  private async spawnOnce(configFile: string, configDir: string, ports: TransportPorts): Promise<void> {
    const child = spawn(this.options.binary, [`--config=${configFile}`, `--configs-folder=${configDir}`, '--disable-colors'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const listening = new Set([`Websockets server started (port ${ports.ws})`, `Admin Websockets server started (port ${ports.adminWs})`]);
    let onListening: () => void = () => undefined;
    const remember = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        this.recentOutput.push(line);
        if (this.recentOutput.length > 40) this.recentOutput.shift();
        this.options.logger.trace({ janus: line }, 'janus output');
        for (const wanted of listening) if (line.includes(wanted)) listening.delete(wanted);
        if (listening.size === 0) onListening();
      }
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new BinaryMissing(`Cannot start Janus (${this.options.binary}): ${error.message}. Run \`make setup\` to install it.`)));
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Janus did not open ports ${ports.ws} and ${ports.adminWs} within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
        onListening = () => {
          clearTimeout(timer);
          resolve();
        };
        if (listening.size === 0) onListening();
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`Janus exited during start-up (${signal ?? `code ${code}`}); last output:\n${this.recentOutput.slice(-10).join('\n')}`));
        });
      });
    } catch (error) {
      this.child = undefined;
      child.kill('SIGKILL');
      throw error;
    }
    child.once('exit', (code, signal) => this.died(child, code, signal));
  }

  /** Janus died on its own: it is started again, on the ports it had if they are still free. */
  private died(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (this.stopping) return;
    const reason = `Janus exited (${signal ?? `code ${code}`}); last output:\n${this.recentOutput.slice(-10).join('\n')}`;
    this.options.logger.error({ code, signal }, 'Janus died; restarting it');
    this.emit('exited', reason);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** this.restarts++);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch(this.ports)
        .then(() => {
          this.restarts = 0;
          this.options.logger.warn({ url: this.url }, 'Janus restarted');
          this.emit('started', this.url);
        })
        .catch((error: Error) => {
          if (this.stopping) return;
          this.options.logger.error({ err: error }, 'Janus restart failed; trying again');
          this.scheduleRestart();
        });
    }, delay);
  }

  /** Stops Janus and waits for it to exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

/** Janus's executable cannot be run at all: no other port will help. */
class BinaryMissing extends Error {}

/** Two distinct ports free now, for Janus's WebSocket and admin WebSocket transports. */
async function freeTransportPorts(): Promise<TransportPorts> {
  const ws = await freePort();
  let adminWs = await freePort();
  while (adminWs === ws) adminWs = await freePort();
  return { ws, adminWs };
}
