import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../free-port.js';

/** A bound on a broken start, not a wait: a healthy server is ready in a few milliseconds. */
const READY_TIMEOUT_MS = 15_000;

/**
 * A private Redis for a test: `redis-server` (installed by `scripts/setup.sh --tests`) on a free
 * loopback port, keeping nothing on disk. Stopped by its process id; should the test process die
 * first, it gets SIGTERM from the kernel.
 */
export class RedisTestServer {
  private constructor(
    readonly url: string,
    private readonly server: ChildProcess,
  ) {}

  /** Starts a server on a free port, or on `port` (a server started again where one was stopped). */
  static async start(port?: number): Promise<RedisTestServer> {
    port ??= await freePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const server = spawn('setpriv', ['--pdeathsig', 'SIGTERM', '--', 'redis-server', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const started = new RedisTestServer(`redis://127.0.0.1:${port}`, server);
    try {
      await untilReady(server);
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  /** Stops the server (SIGTERM), or kills it (SIGKILL), as a test that loses its Redis would. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (this.server.exitCode !== null || this.server.signalCode !== null) return;
    const exited = new Promise((resolve) => this.server.once('exit', resolve));
    process.kill(this.server.pid as number, signal);
    await exited;
  }
}

function untilReady(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`not ready after ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    let ready = false;
    const fail = (why: string) => {
      if (ready) return;
      clearTimeout(timer);
      const hint = (output.includes('ENOENT') || why.includes('ENOENT')) ? ' (is redis-server installed? run `bash scripts/setup.sh --tests`)' : '';
      reject(new Error(`Redis did not start (${why})${hint}:\n${output.slice(-2000)}`));
    };
    server.once('error', (error) => fail(error.message));
    server.once('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    // Read to the end, so the server never blocks on a full pipe; only the last lines are kept.
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('Ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
  });
}
