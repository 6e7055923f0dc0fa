/**
 * True when `error` is a unique index or constraint refusing a write, on a key that includes `column`:
 * a concurrent request took the same value between a check and the write. SQLite names the
 * `table.column`s in its message; PostgreSQL (SQLSTATE 23505) names the columns in the detail,
 * `Key (application_id, name)=(…) already exists.`.
 */
export function isUniqueViolation(error: unknown, column: string): boolean {
  return uniqueKeyColumns(error)?.includes(column) ?? false;
}

function uniqueKeyColumns(error: unknown): string[] | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, detail } = error as Error & { code?: unknown; detail?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /constraint failed: (.+)$/.exec(error.message)?.[1];
    return columns?.split(', ').map((qualified) => qualified.slice(qualified.lastIndexOf('.') + 1));
  }
  if (code === '23505' && typeof detail === 'string') {
    return /^Key \((.+?)\)=/.exec(detail)?.[1]?.split(', ');
  }
  return undefined;
}
