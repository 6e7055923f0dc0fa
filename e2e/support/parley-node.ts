import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/server/src/free-port.js';
import { waitUntil } from './wait.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A bound on a broken start: a node is up in a few seconds even on a busy machine. */
const START_TIMEOUT_MS = 60_000;

/**
 * A Parley node in a process of its own, run from source as `make run` runs it (`main.ts`), set up by
 * `PARLEY_*` variables: what a cluster test starts several of, and may kill.
 */
export class ParleyNode {
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
    private readonly dataDir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts a node listening on loopback, and resolves once its `/health` says it is ready. */
  static async start(name: string, env: Record<string, string>): Promise<ParleyNode> {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-node-${name}-`));
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: REPOSITORY,
      env: {
        ...process.env,
        PARLEY_PORT: String(port),
        PARLEY_HOST: '127.0.0.1',
        PARLEY_PUBLIC_URL: baseUrl,
        PARLEY_DATA_DIR: dataDir,
        PARLEY_DEV_BOOTSTRAP: '0',
        PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const node = new ParleyNode(name, baseUrl, child, dataDir);
    let gone: string | undefined;
    void node.exited.then(({ code, signal }) => (gone = `exited with ${signal ?? `code ${code}`}`));
    try {
      await waitUntil(async () => {
        if (gone) throw new Error(`Parley node ${name} ${gone}:\n${node.output.slice(-4000)}`);
        const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
        return health?.ok ? undefined : `node ${name} not healthy yet`;
      }, START_TIMEOUT_MS, 200);
    } catch (error) {
      await node.stop();
      throw error;
    }
    return node;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** What the node printed last (its logs), for failure messages. */
  get logs(): string {
    return this.output;
  }

  /** Sends the node a signal (by its process id), as an operator or a crash would. */
  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.pid, signal);
  }

  /** Stops the node (SIGTERM, its drain) unless it is gone already, then removes its data folder. */
  async stop(): Promise<void> {
    this.signal('SIGTERM');
    await this.exited;
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
