import { sql, type RawBuilder } from 'kysely';

/**
 * `lower(column) like '%fragment%'` with the fragment's own `%`, `_` and `\` matched literally, the
 * same way on SQLite and PostgreSQL (both take `escape '\'`).
 */
export function containsText(column: string, fragment: string): RawBuilder<boolean> {
  const pattern = `%${fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
