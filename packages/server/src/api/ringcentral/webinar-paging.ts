import type { Page } from '../../webinars/webinar-service.js';
import { RingCentralRefusal } from './ringcentral-errors.js';

/** `RcwPagingModel`'s page sizes (spec §2.3): 100 unless asked, at most 1000 (more is taken as 1000). */
const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 1000;

/** The Webinar API's `paging`: the current page's token, and the next and previous ones where there are such pages. */
export interface WebinarPaging {
  perPage: number;
  pageToken: string;
  nextPageToken?: string;
  previousPageToken?: string;
}

/** A page request: where it starts, and one record more than it shows, to know whether another page follows. */
export interface WebinarPageRequest extends Page {
  perPage: number;
}

/**
 * The page a list request asks for. Page tokens are opaque to clients: base64url JSON of the page's
 * offset, read back only by the list that made them; anything else is CMN-101.
 */
export function webinarPageOf(query: { perPage?: number; pageToken?: string }): WebinarPageRequest {
  const perPage = Math.min(query.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  return { perPage, offset: offsetOf(query.pageToken), limit: perPage + 1 };
}

/** The records of the page and its `paging`, from what the store gave (`limit` records: one more than the page if another follows). */
export function webinarPageResult<T>(request: WebinarPageRequest, fetched: readonly T[], backward = true): { records: T[]; paging: WebinarPaging } {
  const records = fetched.slice(0, request.perPage);
  const paging: WebinarPaging = { perPage: request.perPage, pageToken: tokenOf(request.offset) };
  if (fetched.length > request.perPage) paging.nextPageToken = tokenOf(request.offset + request.perPage);
  if (backward && request.offset > 0) paging.previousPageToken = tokenOf(Math.max(0, request.offset - request.perPage));
  return { records, paging };
}

function tokenOf(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function offsetOf(pageToken: string | undefined): number {
  if (pageToken === undefined || pageToken === '') return 0;
  try {
    const { o } = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o;
  } catch {
    // Refused below, like any token this server did not make.
  }
  throw RingCentralRefusal.invalidParameter('pageToken');
}

/** An array query parameter, repeated or comma-separated (spec §2.2: accept both). */
export function listParamOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** A list parameter whose every value must be one of `allowed`; CMN-101 naming it otherwise. */
export function enumListOf<const T extends string>(values: readonly string[] | undefined, allowed: readonly T[], parameterName: string): T[] {
  const list = listParamOf(values);
  if (list.some((value) => !(allowed as readonly string[]).includes(value))) throw RingCentralRefusal.invalidParameter(parameterName);
  return list as T[];
}
