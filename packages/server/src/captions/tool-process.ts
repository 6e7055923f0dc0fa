import { spawn, type ChildProcess } from 'node:child_process';

/**
 * How long a tool may take to finish once its input ended, before it is killed: a recognizer that fell
 * behind on a busy machine still has seconds of speech to get through.
 */
const END_INPUT_GRACE_MS = 15_000;
/** How much of a failing tool's stderr explains the failure. */
const STDERR_TAIL_CHARS = 1_000;

export interface ToolProcessOptions {
  /** Whether Parley writes to the tool's stdin (otherwise it reads nothing). */
  input: boolean;
  onOutput: (chunk: Buffer) => void;
  /** Called once if the tool ends without being asked to (`stop`, `endInput`): why, with its last words. */
  onExit: (reason: string) => void;
}

/**
 * A long-running media tool that live captions start (ffmpeg decoding a microphone, a speech
 * recognizer) and must stop: Parley keeps its PID and ends it by that PID alone. Its stdin and stdout
 * are pipes to Parley, so a tool outliving a crashed Parley gets EPIPE or end-of-file at its next read
 * or write.
 */
export class ToolProcess {
  private readonly child: ChildProcess;
  private stopping = false;
  private stderrTail = '';
  private readonly exited: Promise<void>;

  constructor(
    readonly binary: string,
    args: readonly string[],
    options: ToolProcessOptions,
  ) {
    this.child = spawn(binary, args, { stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', options.onOutput);
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    // A tool that died stops reading: writing to it then fails, which its exit already reports.
    this.child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      let ended = false;
      const end = (reason: string): void => {
        if (ended) return;
        ended = true;
        resolve();
        if (!this.stopping) options.onExit(reason);
      };
      this.child.once('error', (error) => end(`${binary} could not start: ${error.message}`));
      // `close`, not `exit`: everything the tool printed has been read by then.
      this.child.once('close', (code, signal) => {
        const lastWords = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
        end(`${binary} ${signal ? `was killed (${signal})` : `exited with ${code}`}${lastWords ? `: ${lastWords}` : ''}`);
      });
    });
  }

  /** The tool's process id, while it runs. */
  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  write(chunk: Buffer): void {
    const stdin = this.child.stdin;
    if (stdin && !stdin.destroyed && !stdin.writableEnded) stdin.write(chunk);
  }

  /** Closes the tool's stdin and waits for it to finish what it read; one that lingers is killed. */
  async endInput(): Promise<void> {
    this.stopping = true;
    this.child.stdin?.end();
    const timer = setTimeout(() => void this.stop(), END_INPUT_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /**
   * Ends the tool at once, by its PID, and waits until it is gone. SIGKILL: nothing it would still do is
   * wanted, and ffmpeg waiting for a stream that stopped ignores SIGTERM until it gives up on it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.pid !== undefined) this.child.kill('SIGKILL');
    await this.exited;
  }
}
