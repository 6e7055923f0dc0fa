import type { Link, MeetingRoom, RoomPage, RoomPageQuery } from './wire/room-json.js';

/** The query string of a page request, in the API's names. */
export function roomPageSearch(query: RoomPageQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.startId !== undefined) params.set('start_id', String(query.startId));
  if (query.endId !== undefined) params.set('end_id', String(query.endId));
  if (query.pageSize !== undefined) params.set('page_size', String(query.pageSize));
  return params;
}

/**
 * The page a `first`, `self`, `prev` or `next` link points at, as a query for the same listing. Only
 * the link's query is read: the server writes links on its public URL, which a client may reach under
 * another address (inside a cluster, behind a proxy).
 */
export function roomPageQueryOf(link: Link): RoomPageQuery {
  const params = new URL(link.href).searchParams;
  const query: RoomPageQuery = {};
  const number = (name: string) => {
    const text = params.get(name);
    return text !== null && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const startId = number('start_id');
  const endId = number('end_id');
  const pageSize = number('page_size');
  if (startId !== undefined) query.startId = startId;
  if (endId !== undefined) query.endId = endId;
  if (pageSize !== undefined) query.pageSize = pageSize;
  return query;
}

/** Every room of a listing, page after page, following each page's `next` link until a page has none. */
export async function* everyRoom(
  pageAt: (query: RoomPageQuery) => Promise<RoomPage>,
  query: RoomPageQuery,
): AsyncGenerator<MeetingRoom, void, undefined> {
  let next: RoomPageQuery | undefined = query;
  while (next) {
    const page: RoomPage = await pageAt(next);
    yield* page._embedded;
    const link = page._links.next;
    const following: RoomPageQuery | undefined = link ? { pageSize: next.pageSize, ...roomPageQueryOf(link) } : undefined;
    // A next link that does not move forward would loop for ever; such a listing is over.
    next = following?.startId !== undefined && following.startId !== next.startId ? following : undefined;
  }
}
