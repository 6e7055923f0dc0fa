import { parseArgs } from 'node:util';
import { ParleyMeetingsClient } from '../meetings-client.js';
import type { CreateRoomRequest, MeetingRoom, RoomType } from '../types.js';
import { UsageError, type CliIo } from './cli-io.js';
import { resolveCredentials } from './credentials.js';
import { formatRecord, formatTable } from './table.js';

const USAGE = `Usage:
  parley rooms create --name NAME [--type instant|long_term] [--expires-at TIME] [--metadata TEXT] [--language LANG] [--body JSON]
  parley rooms list [--page-size N] [--start-id N] [--all]
  parley rooms get ROOM_ID
Each takes --url, --app-id, --key, --data-dir and --json.`;

/** `parley rooms create|list|get`. */
export async function roomsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      'app-id': { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      type: { type: 'string' },
      'expires-at': { type: 'string' },
      metadata: { type: 'string' },
      language: { type: 'string' },
      body: { type: 'string' },
      'page-size': { type: 'string' },
      'start-id': { type: 'string' },
      all: { type: 'boolean', default: false },
    },
  });
  const [action, ...rest] = positionals;
  const credentials = resolveCredentials(values, io);
  const client = new ParleyMeetingsClient({ baseUrl: credentials.url, applicationId: credentials.applicationId, privateKey: credentials.privateKey });
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json, null, 2) : text);

  switch (action) {
    case 'create': {
      const room = await client.createRoom(createRequestOf(values));
      print(room, describeRoom(room));
      return 0;
    }
    case 'get': {
      if (rest.length !== 1 || !rest[0]) throw new UsageError(USAGE);
      const room = await client.getRoom(rest[0]);
      print(room, describeRoom(room));
      return 0;
    }
    case 'list': {
      const query = {
        ...(values['page-size'] !== undefined ? { pageSize: integerFlag('page-size', values['page-size']) } : {}),
        ...(values['start-id'] !== undefined ? { startId: integerFlag('start-id', values['start-id']) } : {}),
      };
      if (values.all) {
        const rooms: MeetingRoom[] = [];
        for await (const room of client.rooms(query)) rooms.push(room);
        print(rooms, roomTable(rooms));
      } else {
        const page = await client.listRooms(query);
        const more = page._links.next ? `\nMore: --start-id ${new URL(page._links.next.href).searchParams.get('start_id')}` : '';
        print(page, `${roomTable(page._embedded)}\n\n${page.page_size} of ${page.total_items} rooms${more}`);
      }
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}

function createRequestOf(values: { name?: string | undefined; type?: string | undefined; 'expires-at'?: string | undefined; metadata?: string | undefined; language?: string | undefined; body?: string | undefined }): CreateRoomRequest {
  let base: Partial<CreateRoomRequest> = {};
  if (values.body !== undefined) {
    try {
      base = JSON.parse(values.body) as Partial<CreateRoomRequest>;
    } catch (error) {
      throw new UsageError(`--body is not JSON: ${(error as Error).message}`);
    }
  }
  const displayName = values.name ?? base.display_name;
  if (displayName === undefined) throw new UsageError('parley rooms create needs --name');
  const request: CreateRoomRequest = { ...base, display_name: displayName };
  if (values.type !== undefined) request.type = values.type as RoomType;
  if (values['expires-at'] !== undefined) request.expires_at = values['expires-at'];
  if (values.metadata !== undefined) request.metadata = values.metadata;
  if (values.language !== undefined) request.ui_settings = { ...request.ui_settings, language: values.language };
  return request;
}

function integerFlag(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return value;
}

function describeRoom(room: MeetingRoom): string {
  return formatRecord([
    ['Room', room.id],
    ['Name', room.display_name],
    ['Type', room.type],
    ['Meeting code', room.meeting_code],
    ['Available', room.is_available ? 'yes' : 'no'],
    ['Expires', room.expires_at],
    ['Host URL', room._links.host_url.href],
    ['Guest URL', room._links.guest_url.href],
  ]);
}

function roomTable(rooms: readonly MeetingRoom[]): string {
  return formatTable(
    ['ID', 'CODE', 'TYPE', 'AVAILABLE', 'EXPIRES', 'NAME'],
    rooms.map((room) => [room.id, room.meeting_code, room.type, room.is_available ? 'yes' : 'no', room.expires_at, room.display_name]),
  );
}
