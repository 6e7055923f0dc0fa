import type { HistoryCursor } from '../../store/meeting-history-repository.js';
import { RingCentralRefusal } from './ringcentral-errors.js';

/** The default page size of RingCentral Video's lists, and the most a page holds. */
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

/** What a first page's `currentPageToken` is: a cursor at the start. */
const FIRST_PAGE = Buffer.from('{}').toString('base64url');

/**
 * RingCentral's opaque page tokens (`BasicPaging`): base64url JSON of where the page starts, the way
 * RingCentral's own decode to `{"t"…`. A token is read back only by the list that made it.
 */
export function cursorOf(pageToken: string | undefined): HistoryCursor | undefined {
  if (pageToken === undefined || pageToken === FIRST_PAGE) return undefined;
  try {
    const { s, i } = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
    if (typeof s === 'string' && typeof i === 'string') return { startedAt: s, id: i };
  } catch {
    // Refused below, like any token this server did not make.
  }
  throw RingCentralRefusal.invalidParameter('pageToken');
}

export function pageTokenOf(cursor: HistoryCursor | undefined): string {
  return cursor ? Buffer.from(JSON.stringify({ s: cursor.startedAt, i: cursor.id })).toString('base64url') : FIRST_PAGE;
}

/** `BasicPaging`: the token of this page, and of the next one unless this is the last. */
export function pagingOf(pageToken: string | undefined, next: HistoryCursor | undefined): { currentPageToken: string; nextPageToken?: string } {
  return { currentPageToken: pageToken ?? FIRST_PAGE, ...(next ? { nextPageToken: pageTokenOf(next) } : {}) };
}

/** "If provided value in the request is greater than a maximum, the maximum value is applied." */
export function perPageOf(requested: number | undefined): number {
  return Math.min(requested ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
}

/** An ISO 8601 time of a query, normalized to the store's format; CMN-101 when it is not one. */
export function isoOf(text: string | undefined, parameterName: string): string | undefined {
  if (text === undefined) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw RingCentralRefusal.invalidParameter(parameterName);
  return new Date(time).toISOString();
}
