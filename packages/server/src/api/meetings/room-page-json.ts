import type { RoomPage, RoomPageRequest } from '../../rooms/room-service.js';
import type { VonageRoom } from './room-json.js';

interface Link {
  href: string;
}

/** A HAL page of rooms as the live API answered: `_embedded` is a plain array. */
export interface VonageRoomPage {
  /** How many rooms are on this page, not how many were asked for: Java's loop relies on it. */
  page_size: number;
  _embedded: VonageRoom[];
  _links: { first: Link; self: Link; prev?: Link; next?: Link };
  total_items: number;
}

/**
 * The page on the wire, its links built on `listUrl`: the public URL of the endpoint that was called
 * (`/rooms` or `/themes/:theme_id/rooms`), under the prefix it was called with.
 */
export function vonageRoomPageOf(listUrl: string, request: RoomPageRequest, page: RoomPage, rooms: VonageRoom[]): VonageRoomPage {
  return { page_size: rooms.length, _embedded: rooms, _links: roomPageLinks(listUrl, request, page), total_items: page.total };
}

/**
 * The page's links, absolute (Node's SDK does `new URL(href)`).
 *
 * - `next` only when the page is full, starting after its last room: an SDK following `next` stops
 *   after at most one empty page, and never loops on one.
 * - `prev` when rooms come before this page: the `page_size` rooms just before it, wherever this page
 *   started. When fewer than a page's worth are left, the link ends (exclusively) where this page
 *   begins, so the previous page never repeats rooms of this one.
 * - `end_id`, when asked for, stays in `next` and in a full `prev`, so a walk keeps its bounds.
 */
export function roomPageLinks(listUrl: string, request: RoomPageRequest, page: RoomPage): VonageRoomPage['_links'] {
  const href = (bounds: { startId?: number | undefined; endId?: number | undefined }): Link => {
    const query = new URLSearchParams({ page_size: String(request.pageSize) });
    if (bounds.startId !== undefined) query.set('start_id', String(bounds.startId));
    if (bounds.endId !== undefined) query.set('end_id', String(bounds.endId));
    return { href: `${listUrl}?${query.toString()}` };
  };
  const links: VonageRoomPage['_links'] = { first: href({}), self: href(request) };
  const { previousPage, rooms } = page;
  if (previousPage) {
    const partial = previousPage.size < request.pageSize;
    links.prev = href({ startId: previousPage.startId, endId: partial ? (rooms[0]?.serial ?? request.startId) : request.endId });
  }
  const last = rooms[rooms.length - 1];
  if (last && rooms.length === request.pageSize) links.next = href({ startId: last.serial + 1, endId: request.endId });
  return links;
}
