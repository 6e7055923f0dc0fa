import { parseArgs } from 'node:util';
import type { MeetingRoom, CreateRoomRequest, JoinApprovalLevel, MicrophoneState, RoomType, UpdateRoomRequest } from '../wire/room-json.js';
import { UsageError, type CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, bodyFlag, booleanFlag, choiceFlag, clientFor, positionals, printer } from './command-line.js';
import { describeRoom, describeRoomPage, ROOM_PAGE_HELP, ROOM_PAGE_OPTIONS, roomPageQueryOfFlags, roomTable } from './room-views.js';

export const ROOMS_HELP = `Usage:
  parley rooms create --name NAME [room options]
  parley rooms list [--page-size N] [--start-id N] [--end-id N] [--all]
  parley rooms get ROOM_ID
  parley rooms update ROOM_ID [room options]    long-term rooms only
  parley rooms delete ROOM_ID

Room options:
  --name NAME                                   the room's display name
  --type instant|long_term                      create only; default instant
  --expires-at TIME                             ISO-8601; required for long_term, refused for instant
  --expire-after-use true|false                 close a long-term room once its meeting ends
  --theme THEME_ID                              "none" removes the room's own theme (update)
  --join-approval none|after_owner_only|explicit_approval
  --microphone default|on|off                   the microphone choice on the pre-join screen
  --language LANG                               en, he, es, pt-br, it, ca, fr, de, ar, zh-tw, zh-cn
  --metadata TEXT                               free text kept with the room
  --body JSON                                   the request's JSON, which the options above refine

Paging:
${ROOM_PAGE_HELP}

${API_OPTIONS_HELP}`;

const ROOM_TYPES: readonly RoomType[] = ['instant', 'long_term'];
const JOIN_APPROVAL_LEVELS: readonly JoinApprovalLevel[] = ['none', 'after_owner_only', 'explicit_approval'];
const MICROPHONE_STATES: readonly MicrophoneState[] = ['default', 'on', 'off'];

const ROOM_OPTIONS = {
  name: { type: 'string' },
  type: { type: 'string' },
  'expires-at': { type: 'string' },
  'expire-after-use': { type: 'string' },
  theme: { type: 'string' },
  'join-approval': { type: 'string' },
  microphone: { type: 'string' },
  language: { type: 'string' },
  metadata: { type: 'string' },
  body: { type: 'string' },
} as const;

type RoomFlags = { [K in keyof typeof ROOM_OPTIONS]?: string | undefined };

/** `parley rooms create|list|get|update|delete`. */
export async function roomsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: { ...API_OPTIONS, ...ROOM_OPTIONS, ...ROOM_PAGE_OPTIONS } });
  if (values.help) {
    io.out(ROOMS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'create': {
      positionals('parley rooms create', rest, []);
      const request = createRequestOf(values);
      const room = await clientFor(values, io).createRoom(request);
      print(room, describeRoom(room));
      return 0;
    }
    case 'list': {
      positionals('parley rooms list', rest, []);
      const client = clientFor(values, io);
      const query = roomPageQueryOfFlags(values);
      if (values.all) {
        const rooms: MeetingRoom[] = [];
        for await (const room of client.rooms(query)) rooms.push(room);
        print(rooms, `${roomTable(rooms)}\n\n${rooms.length} rooms`);
      } else {
        const page = await client.listRooms(query);
        print(page, describeRoomPage(page, 'rooms'));
      }
      return 0;
    }
    case 'get': {
      const [roomId] = positionals('parley rooms get', rest, ['ROOM_ID']);
      const room = await clientFor(values, io).getRoom(roomId);
      print(room, describeRoom(room));
      return 0;
    }
    case 'update': {
      const [roomId] = positionals('parley rooms update', rest, ['ROOM_ID']);
      const changes = updateRequestOf(values);
      const room = await clientFor(values, io).updateRoom(roomId, changes);
      print(room, describeRoom(room));
      return 0;
    }
    case 'delete': {
      const [roomId] = positionals('parley rooms delete', rest, ['ROOM_ID']);
      await clientFor(values, io).deleteRoom(roomId);
      if (!values.json) io.out(`Room ${roomId} deleted`);
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? ROOMS_HELP : `Unknown rooms command "${action}"\n\n${ROOMS_HELP}`);
  }
}

function createRequestOf(flags: RoomFlags): CreateRoomRequest {
  const base = bodyFlag(flags.body) as Partial<CreateRoomRequest>;
  const displayName = flags.name ?? base.display_name;
  if (displayName === undefined) throw new UsageError('parley rooms create needs --name');
  const request: CreateRoomRequest = { ...base, ...commonChanges(flags), display_name: displayName };
  const type = choiceFlag('type', flags.type, ROOM_TYPES);
  if (type !== undefined) request.type = type;
  if (flags.metadata !== undefined) request.metadata = flags.metadata;
  return request;
}

function updateRequestOf(flags: RoomFlags): UpdateRoomRequest {
  if (flags.type !== undefined) throw new UsageError("--type cannot be changed: a room's type stays as created");
  const changes: UpdateRoomRequest = { ...(bodyFlag(flags.body) as UpdateRoomRequest), ...commonChanges(flags) };
  if (flags.name !== undefined) changes.display_name = flags.name;
  if (flags.metadata !== undefined) changes.metadata = flags.metadata;
  if (Object.keys(changes).length === 0) throw new UsageError('parley rooms update needs something to change: see parley rooms --help');
  return changes;
}

/** What create and update name alike. */
function commonChanges(flags: RoomFlags): UpdateRoomRequest {
  const changes: UpdateRoomRequest = {};
  if (flags['expires-at'] !== undefined) changes.expires_at = flags['expires-at'];
  const expireAfterUse = booleanFlag('expire-after-use', flags['expire-after-use']);
  if (expireAfterUse !== undefined) changes.expire_after_use = expireAfterUse;
  if (flags.theme !== undefined) changes.theme_id = flags.theme === 'none' ? null : flags.theme;
  const joinApproval = choiceFlag('join-approval', flags['join-approval'], JOIN_APPROVAL_LEVELS);
  if (joinApproval !== undefined) changes.join_approval_level = joinApproval;
  const microphone = choiceFlag('microphone', flags.microphone, MICROPHONE_STATES);
  if (microphone !== undefined) changes.initial_join_options = { microphone_state: microphone };
  if (flags.language !== undefined) changes.ui_settings = { language: flags.language };
  return changes;
}
