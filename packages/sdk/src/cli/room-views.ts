import { roomPageQueryOf } from '../room-pages.js';
import type { MeetingRoom, RoomPage, RoomPageQuery } from '../wire/room-json.js';
import { integerFlag } from './command-line.js';
import { formatRecord, formatTable } from './table.js';

/** One room, label by label. */
export function describeRoom(room: MeetingRoom): string {
  const callbacks = room.callback_urls ?? {};
  return formatRecord([
    ['Room', room.id],
    ['Name', room.display_name],
    ['Type', room.type],
    ['Meeting code', room.meeting_code],
    ['Available', yesNo(room.is_available)],
    ['Created', room.created_at],
    ['Expires', room.expires_at],
    ['Expire after use', yesNo(room.expire_after_use)],
    ['Theme', room.theme_id ?? '-'],
    ['Join approval', room.join_approval_level],
    ['Microphone', room.initial_join_options.microphone_state],
    ['Language', room.ui_settings.language],
    ['Auto record', yesNo(room.recording_options.auto_record)],
    ...(room.metadata !== null ? [['Metadata', room.metadata] as const] : []),
    ...Object.entries(callbacks).map(([name, url]) => [name.replace(/_callback_url$/, ' callback').replace(/^./, (c) => c.toUpperCase()), url ?? ''] as const),
    ['Host URL', room._links.host_url.href],
    ['Guest URL', room._links.guest_url.href],
  ]);
}

export function roomTable(rooms: readonly MeetingRoom[]): string {
  return formatTable(
    ['ID', 'CODE', 'TYPE', 'AVAILABLE', 'EXPIRES', 'THEME', 'NAME'],
    rooms.map((room) => [room.id, room.meeting_code, room.type, yesNo(room.is_available), room.expires_at, room.theme_id ?? '-', room.display_name]),
  );
}

export const ROOM_PAGE_OPTIONS = {
  'page-size': { type: 'string' },
  'start-id': { type: 'string' },
  'end-id': { type: 'string' },
  all: { type: 'boolean', default: false },
} as const;

export const ROOM_PAGE_HELP = `  --page-size N    rooms per page, 1 to 1000 (the server's default is 20)
  --start-id N     the page starting at room serial N (a page's "More" line gives it)
  --end-id N       only rooms before serial N (a page's "Before" line gives it)
  --all            every room, all pages`;

export function roomPageQueryOfFlags(flags: { 'page-size'?: string | undefined; 'start-id'?: string | undefined; 'end-id'?: string | undefined }): RoomPageQuery {
  const query: RoomPageQuery = {};
  const pageSize = integerFlag('page-size', flags['page-size']);
  const startId = integerFlag('start-id', flags['start-id']);
  const endId = integerFlag('end-id', flags['end-id']);
  if (pageSize !== undefined) query.pageSize = pageSize;
  if (startId !== undefined) query.startId = startId;
  if (endId !== undefined) query.endId = endId;
  return query;
}

/** A page as a table, with its totals and the flags that fetch the pages around it. */
export function describeRoomPage(page: RoomPage, noun: string): string {
  const lines = [roomTable(page._embedded), '', `${page.page_size} of ${page.total_items} ${noun}`];
  if (page._links.prev) lines.push(`Before: ${flagsOf(roomPageQueryOf(page._links.prev))}`);
  if (page._links.next) lines.push(`More: ${flagsOf(roomPageQueryOf(page._links.next))}`);
  return lines.join('\n');
}

function flagsOf(query: RoomPageQuery): string {
  return [
    query.startId !== undefined ? `--start-id ${query.startId}` : '',
    query.endId !== undefined ? `--end-id ${query.endId}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
