import { execFile } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI as its users do, in a process of its own, with only the environment given. */
export function parley(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', TSX, CLI, ...args],
      { cwd: options.cwd ?? os.tmpdir(), env: { PATH: process.env.PATH ?? '', ...options.env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out: stdout.trimEnd(), err: stderr.trimEnd() }),
    );
  });
}
