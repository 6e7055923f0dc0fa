import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Clock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { createServices, type Services } from '../services.js';

/** A moveable clock for tests of deadlines. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-01-01T12:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Real services over a real SQLite file in a fresh temporary folder. Call `dispose` at the end.
 */
export async function createTestServices(
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<Services & { dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  // No rate limit unless a test asks for one: how fast a test calls depends on the machine it runs on.
  const config = loadConfig({}, { dataDir, port: 0, publicUrl: 'http://parley.test', devBootstrap: false, rateLimitPerSecond: 0, ...options.config });
  const services = await createServices(config, { logger: pino({ level: 'silent' }), ...(options.clock ? { clock: options.clock } : {}) });
  return {
    ...services,
    async dispose() {
      await services.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
