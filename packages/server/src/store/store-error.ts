/** The database cannot be used: its message says which database, why, and what to do about it. */
export class StoreError extends Error {
  override name = 'StoreError';
}
