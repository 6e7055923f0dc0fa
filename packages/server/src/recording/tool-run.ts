import { spawn } from 'node:child_process';

/** A media tool (ffmpeg, janus-pp-rec) that exited badly: its reason is the tool's own last words. */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
}

/** How much of a failing tool's output explains the failure. */
const STDERR_TAIL_LINES = 5;

/**
 * Runs a media tool to completion and resolves with what it printed on stdout. Rejects with a
 * `ToolFailure` naming the tool's last error lines when it fails, is killed by a signal, or outlives
 * `timeoutMs` (then it is killed).
 */
export function runTool(binary: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
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
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ToolFailure(`${binary} could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(stdout).toString());
      const lastWords = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join(' | ');
      const how = timedOut ? `did not finish within ${Math.round(timeoutMs / 1000)} s` : signal ? `was killed (${signal})` : `exited with ${code}`;
      reject(new ToolFailure(`${binary} ${how}${lastWords ? `: ${lastWords}` : ''}`));
    });
  });
}
