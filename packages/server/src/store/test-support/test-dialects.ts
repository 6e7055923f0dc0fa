import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import type { Dialect } from '../database.js';
import { freshPostgresDatabase, type TestDatabase } from './postgres-test-server.js';

/** Every engine the store runs on, as test names call them. */
const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Declares `suite` once per engine, named `<name> on SQLite` and `<name> on PostgreSQL`. */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void): void {
  for (const [dialect, dialectName] of Object.entries(DIALECT_NAMES) as [Dialect, string][]) {
    describe(`${name} on ${dialectName}`, () => suite(dialect));
  }
}

/** A fresh, empty database of `dialect`: a file in a folder of its own, or a database on the test PostgreSQL server. */
export async function freshTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'postgres') return freshPostgresDatabase();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sqlite-'));
  return { url: `sqlite:${path.join(folder, 'parley.db')}`, drop: async () => fs.rmSync(folder, { recursive: true, force: true }) };
}
