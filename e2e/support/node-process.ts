import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './wait.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A Parley node running as a process of its own (`make run`'s `main.ts`), as in production. */
export interface NodeProcess {
  pid: number;
  /** Where it serves pages, the API and signaling. */
  baseUrl: string;
  /** When it first answered `/health`: when it was listening. */
  listeningAt: number;
  /** Resolves with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Whether it has exited already. */
  hasExited(): boolean;
  /** Where its output goes. */
  logFile: string;
}

/**
 * Starts a node with `env` (its `PARLEY_*` settings, `PARLEY_PUBLIC_URL` among them) and waits until
 * it answers. Its output goes to `logFile`. Tests of several nodes start one per set of settings.
 */
export async function startNodeProcess(env: Record<string, string>, logFile: string): Promise<NodeProcess> {
  const baseUrl = env.PARLEY_PUBLIC_URL;
  if (!baseUrl) throw new Error('startNodeProcess needs PARLEY_PUBLIC_URL');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: REPOSITORY,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitUntil(async () => {
    if (gone) throw new Error(`The node exited while starting; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    const healthy = await fetch(`${baseUrl}/health`).then((response) => response.ok, () => false);
    return healthy ? undefined : `${baseUrl} does not answer yet`;
  }, 60_000, 50);
  if (child.pid === undefined) throw new Error('The node process has no pid');
  return { pid: child.pid, baseUrl, listeningAt: Date.now(), exited, hasExited: () => gone, logFile };
}
