import { spawn } from 'node:child_process';

/** A media tool (ffmpeg, janus-pp-rec) that exited badly: its reason is the tool's own last words. */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
}

/** How much of a failing tool's output explains the failure. */
const OUTPUT_TAIL_LINES = 5;

export interface ToolRunOptions {
  timeoutMs: number;
  /** Aborting kills the tool; the run then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs a media tool to completion and resolves with what it printed on stdout. Rejects with a
 * `ToolFailure` naming the tool's last error lines (on stderr, or on stdout for tools such as
 * janus-pp-rec that log there) when it fails, is killed by a signal, or outlives `timeoutMs` (then it
 * is killed).
 */
export function runTool(binary: string, args: readonly string[], options: ToolRunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the tail explains a failure; keep the buffer small for tools that log a lot.
      stderr = (stderr + chunk.toString()).slice(-8_192);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const abort = (): void => {
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    const settle = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
    };
    child.once('error', (error) => {
      settle();
      reject(new ToolFailure(`${binary} could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      settle();
      if (options.signal?.aborted) return reject(options.signal.reason);
      const output = Buffer.concat(stdout).toString();
      if (code === 0) return resolve(output);
      const lastWords = tail(stderr) || tail(output.slice(-8_192));
      const how = timedOut ? `did not finish within ${Math.round(options.timeoutMs / 1000)} s` : signal ? `was killed (${signal})` : `exited with ${code}`;
      reject(new ToolFailure(`${binary} ${how}${lastWords ? `: ${lastWords}` : ''}`));
    });
  });
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-OUTPUT_TAIL_LINES).join(' | ');
}
