import type { Room } from '../../rooms/room.js';
import type { RoomPageRequest } from '../../rooms/room-service.js';
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
 * The page's links, absolute (Node's SDK does `new URL(href)`), built on `listUrl` (the public URL of
 * the endpoint that was called, under the prefix it was called with).
 *
 * - `next` only when the page is full, starting after its last room: an SDK following `next` stops
 *   after at most one empty page, and never loops on one.
 * - `prev` only when the page was asked to start somewhere; it ends (exclusively) at this page's first
 *   room.
 */
export function roomPageLinks(listUrl: string, request: RoomPageRequest, rooms: readonly Room[]): VonageRoomPage['_links'] {
  const href = (bounds: { startId?: number | undefined; endId?: number | undefined }): Link => {
    const query = new URLSearchParams({ page_size: String(request.pageSize) });
    if (bounds.startId !== undefined) query.set('start_id', String(bounds.startId));
    if (bounds.endId !== undefined) query.set('end_id', String(bounds.endId));
    return { href: `${listUrl}?${query.toString()}` };
  };
  const links: VonageRoomPage['_links'] = { first: href({}), self: href(request) };
  const first = rooms[0];
  const last = rooms[rooms.length - 1];
  if (first && request.startId !== undefined) links.prev = href({ endId: first.serial });
  if (last && rooms.length === request.pageSize) links.next = href({ startId: last.serial + 1, endId: request.endId });
  return links;
}
