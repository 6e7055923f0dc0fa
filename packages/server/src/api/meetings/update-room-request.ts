import { ParleyError } from '../../errors.js';
import type { UpdateRoomInput } from '../../rooms/room-service.js';
import type { UpdateRoomBody } from './room-schemas.js';
import { roomSettingsOf } from './room-settings-request.js';

/**
 * Turns a schema-valid `PATCH /rooms/:room_id` body into the domain's changes. The changes come from
 * `update_details`, or from `update_options` (the Node SDK's name) when there is no `update_details`.
 * An update with no key at all is refused as Vonage's Joi schema did; unknown keys count as keys and
 * are ignored, so an SDK sending only those gets the room back unchanged.
 */
export function updateRoomInputOf(body: UpdateRoomBody): UpdateRoomInput {
  const details = body.update_details ?? body.update_options;
  if (details === undefined || Object.keys(details).length === 0) {
    throw ParleyError.validation('"update_details" must have at least 1 key');
  }
  const input: UpdateRoomInput = roomSettingsOf(details);
  if (details.display_name !== undefined) input.displayName = details.display_name;
  return input;
}
