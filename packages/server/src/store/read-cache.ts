import type { ChangeStamp } from './change-tracking.js';

/**
 * Recently read rows, by key, kept while the database is unchanged: any write anywhere empties it in
 * effect (the stamp moves and every entry goes stale). That is coarse on purpose: the hot reads (an
 * API call's application, a polled room) repeat far more often than anything is written, and no
 * per-table bookkeeping can then be forgotten. Over a store without a change signal (PostgreSQL, for
 * now) every read loads afresh. Values are shared between callers: never mutate them.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { stamp: number; value: V | undefined }>();

  constructor(
    private readonly changes: ChangeStamp,
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    // Read before loading: a write that lands while the load is in flight leaves the entry stale.
    const stamp = this.changes.current();
    const cached = this.entries.get(key);
    if (cached?.stamp === stamp) return cached.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries && !cached) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { stamp, value });
    return value;
  }
}
