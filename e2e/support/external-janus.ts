import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { JanusProcess } from '../../packages/server/src/media/janus/janus-process.js';

/** A Janus Parley does not spawn: the test runs it, and gives Parley its URL. */
export interface ExternalJanus {
  process: JanusProcess;
  url: string;
  dataDir: string;
}

export async function startExternalJanus(name: string, rtpPorts: { min: number; max: number }): Promise<ExternalJanus> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-janus-${name}-`));
  const process = new JanusProcess({ binary: 'janus', dataDir, rtpPorts, logger: pino({ level: 'silent' }) });
  return { process, url: await process.start(), dataDir };
}

/** Stops the Janus and removes its folder. */
export async function stopExternalJanus(janus: ExternalJanus | undefined): Promise<void> {
  if (!janus) return;
  await janus.process.stop();
  fs.rmSync(janus.dataDir, { recursive: true, force: true });
}
