import type { CreateRoomInput } from '../../rooms/room-service.js';
import type { CreateRoomBody } from './room-schemas.js';
import { roomSettingsOf } from './room-settings-request.js';

/** Turns a schema-valid `POST /rooms` body into the domain's input; what was not sent takes the defaults. */
export function createRoomInputOf(body: CreateRoomBody): CreateRoomInput {
  const input: CreateRoomInput = { displayName: body.display_name, ...roomSettingsOf(body) };
  if (body.type !== undefined) input.type = body.type;
  if (body.recording_options) {
    const { auto_record, record_only_owner } = body.recording_options;
    input.recording = {
      ...(auto_record !== undefined ? { autoRecord: auto_record } : {}),
      ...(record_only_owner !== undefined ? { recordOnlyOwner: record_only_owner } : {}),
    };
  }
  return input;
}
