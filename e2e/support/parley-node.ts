import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../packages/server/src/free-port.js';
import { startNodeProcess, type NodeProcess } from './node-process.js';

/**
 * A node of a cluster test: a Parley process (`startNodeProcess`) on a loopback port and a data folder
 * of its own, set up further by `PARLEY_*` variables; what such a test starts several of, and may kill.
 */
export class ParleyNode {
  private constructor(
    readonly name: string,
    private readonly process: NodeProcess,
    private readonly dataDir: string,
  ) {}

  /** Starts a node, and resolves once its `/health` says it is ready. */
  static async start(name: string, env: Record<string, string>): Promise<ParleyNode> {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-node-${name}-`));
    const started = await startNodeProcess(
      {
        PARLEY_PORT: String(port),
        PARLEY_HOST: '127.0.0.1',
        PARLEY_PUBLIC_URL: `http://127.0.0.1:${port}`,
        PARLEY_DATA_DIR: dataDir,
        PARLEY_DEV_BOOTSTRAP: '0',
        PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn',
        ...env,
      },
      path.join(dataDir, 'node.log'),
    );
    return new ParleyNode(name, started, dataDir);
  }

  get baseUrl(): string {
    return this.process.baseUrl;
  }

  get pid(): number {
    return this.process.pid;
  }

  /** Resolves with the node's exit code (null when a signal ended it). */
  get exited(): Promise<number | null> {
    return this.process.exited;
  }

  /** Whether the process still runs: none of the parts a test kills may take a node down with it. */
  get running(): boolean {
    return !this.process.hasExited();
  }

  /** What the node printed last (its logs), for failure messages. */
  get logs(): string {
    return fs.readFileSync(this.process.logFile, 'utf8').slice(-20_000);
  }

  /** Sends the node a signal (by its process id), as an operator or a crash would; a node gone already is left alone. */
  signal(signal: NodeJS.Signals): void {
    if (!this.process.hasExited()) process.kill(this.pid, signal);
  }

  /** Stops the node (SIGTERM, its drain) unless it is gone already, then removes its data folder. */
  async stop(): Promise<void> {
    this.signal('SIGTERM');
    await this.exited;
    if (process.env.PARLEY_KEEP_NODE_LOGS === undefined) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
