import type { Database } from '../store/schema.js';
import type { Services } from '../services.js';

/**
 * Every row of the given tables, each as JSON text and sorted, so the snapshot does not depend on the
 * engine's row order: two equal snapshots prove a refused request wrote nothing.
 */
export async function databaseSnapshot(services: Pick<Services, 'store'>, tables: readonly (keyof Database)[]): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await services.store.db.selectFrom(table).selectAll().execute();
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
