/** Socket errors of a database server that is down, restarting or out of reach. */
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** PostgreSQL's own words for the same: shutting down, crashed, or not accepting connections yet. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres says when a connection breaks or never opens, without a code. */
const BROKEN_CONNECTION = /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error/i;

/**
 * Whether `error` says the database could not be reached (so the same statement may succeed later),
 * rather than that it refused the statement. SQLite, a file, never is unreachable.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  return BROKEN_CONNECTION.test(error.message);
}
