import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Clock, Scheduler } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { ParleyError } from '../errors.js';
import { createServices, type Services } from '../services.js';
import type { Dialect } from '../store/database.js';
import { freshPostgresDatabase } from '../store/test-support/postgres-test-server.js';

/** A moveable clock for tests of deadlines; work scheduled on it runs when `advance` reaches its time. */
export class TestClock implements Clock, Scheduler {
  private tasks: { at: number; task: () => void }[] = [];

  constructor(private current = new Date('2026-01-01T12:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    const until = this.current.getTime() + ms;
    // Due tasks run in time order, each seeing the clock at its own time.
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.tasks.splice(this.tasks.indexOf(next), 1);
      this.current = new Date(next.at);
      next.task();
    }
    this.current = new Date(until);
  }
  after(ms: number, task: () => void): () => void {
    const entry = { at: this.current.getTime() + ms, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== entry);
    };
  }
  private nextDue(until: number): { at: number; task: () => void } | undefined {
    return this.tasks.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
  }
}

/**
 * Real services over a real database in a fresh temporary folder: a SQLite file there, or with
 * `dialect: 'postgres'` a fresh database on the test process's PostgreSQL server. Call `dispose` at the end.
 */
export async function createTestServices(
  options: { clock?: Clock; config?: Partial<Config>; dialect?: Dialect } = {},
): Promise<Services & { dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  const postgres = options.dialect === 'postgres' ? await freshPostgresDatabase() : undefined;
  const config = loadConfig({}, {
    dataDir,
    ...(postgres ? { databaseUrl: postgres.url } : {}),
    port: 0,
    publicUrl: 'http://parley.test',
    devBootstrap: false,
    // No rate limit unless a test asks for one: how fast a test calls depends on the machine it runs on.
    rateLimitPerSecond: 0,
    ...options.config,
  });
  const services = await createServices(config, { logger: pino({ level: 'silent' }), ...(options.clock ? { clock: options.clock } : {}) });
  return {
    ...services,
    async dispose() {
      await services.store.close();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers an account and an application straight in the database, for domain tests that never
 * authenticate: any text stands in for the public key. Returns the application id.
 */
export async function insertTestApplication(services: Pick<Services, 'applications' | 'clock'>): Promise<string> {
  const id = randomUUID();
  const accountId = randomUUID();
  const createdAt = services.clock.now().toISOString();
  await services.applications.insertAccount({ id: accountId, name: 'test account', createdAt });
  await services.applications.insertApplication({ id, accountId, name: 'test application', publicKey: 'unused', defaultThemeId: null, createdAt });
  return id;
}

/** An `assert.rejects` matcher: a ParleyError with exactly this code and message. */
export function parleyErrorWith(code: ParleyError['code'], message: string): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof ParleyError, `expected a ParleyError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.message, message);
    return true;
  };
}
