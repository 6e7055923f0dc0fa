import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import net from 'node:net';
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

/**
 * Runs and supervises Parley's own Janus when no external one is configured: generates its config
 * under the data folder, binds its WebSocket transport to 127.0.0.1 on a free port, restarts it with
 * backoff when it dies, and logs every such event.
 */
export class JanusProcess extends EventEmitter<JanusProcessEvents> {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private recentOutput: string[] = [];
  readonly adminSecret = randomBytes(16).toString('hex');
  private wsUrl = '';
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: JanusProcessOptions) {
    super();
  }

  get url(): string {
    return this.wsUrl;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts Janus and resolves once its WebSocket transport accepts connections. */
  async start(): Promise<string> {
    const libDir = findJanusLibDir();
    if (!libDir) {
      throw new Error('Janus is not installed (no libjanus_videoroom.so found): run `make setup`, or set PARLEY_JANUS_URL');
    }
    const [wsPort, adminWsPort] = [await freePort(), await freePort()];
    const configDir = path.join(this.options.dataDir, 'janus');
    const configFile = writeJanusConfig({
      configDir,
      recordingsDir: path.join(this.options.dataDir, 'recordings'),
      wsPort,
      adminWsPort,
      adminSecret: this.adminSecret,
      rtpPorts: this.options.rtpPorts,
      eventLoops: Math.max(1, os.availableParallelism()),
      libDir,
    });
    this.wsUrl = `ws://127.0.0.1:${wsPort}`;
    await this.spawnOnce(configFile, configDir);
    await waitForPort(wsPort, 10_000, () => this.child?.exitCode !== null && this.child?.exitCode !== undefined);
    this.emit('started', this.wsUrl);
    return this.wsUrl;
  }

  private async spawnOnce(configFile: string, configDir: string): Promise<void> {
    const child = spawn(this.options.binary, [`--config=${configFile}`, `--configs-folder=${configDir}`, '--disable-colors'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const remember = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        this.recentOutput.push(line);
        if (this.recentOutput.length > 40) this.recentOutput.shift();
        this.options.logger.trace({ janus: line }, 'janus output');
      }
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) =>
        reject(new Error(`Cannot start Janus (${this.options.binary}): ${error.message}. Run \`make setup\` to install it.`)),
      );
    });
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (this.stopping) return;
      const reason = `Janus exited (${signal ?? `code ${code}`}); last output:\n${this.recentOutput.slice(-10).join('\n')}`;
      this.options.logger.error({ code, signal }, 'Janus died; restarting it');
      this.emit('exited', reason);
      const delay = Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** this.restarts++);
      this.restartTimer = setTimeout(() => {
        if (this.stopping) return;
        this.spawnOnce(configFile, configDir)
          .then(() => waitForPort(Number(new URL(this.wsUrl).port), 10_000, () => this.child === undefined))
          .then(() => {
            this.restarts = 0;
            this.options.logger.warn({ url: this.wsUrl }, 'Janus restarted');
            this.emit('started', this.wsUrl);
          })
          .catch((error: Error) => this.options.logger.error({ err: error }, 'Janus restart failed'));
      }, delay);
    });
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

async function waitForPort(port: number, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('Janus exited during start-up');
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Janus did not open port ${port} within ${timeoutMs} ms`);
}
