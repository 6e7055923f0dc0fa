import Type, { type Static } from 'typebox';

/**
 * The request payloads of the rooms endpoints, as Vonage's API reference describes them. Keys the
 * schema does not name are ignored, as Vonage did, so SDKs that send extra keys keep working.
 */

/** Vonage's own pattern for callback URLs. */
const CallbackUrl = Type.Union([Type.String({ pattern: '^https?:\\/\\/.*$' }), Type.Null()]);

export const CreateRoomBody = Type.Object({
  display_name: Type.String({ minLength: 1, maxLength: 200 }),
  metadata: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  type: Type.Optional(Type.Enum(['instant', 'long_term'])),
  /** Parsed leniently (see `lenient-timestamp.ts`), so any string passes the schema. */
  expires_at: Type.Optional(Type.String()),
  expire_after_use: Type.Optional(Type.Boolean()),
  theme_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  join_approval_level: Type.Optional(Type.Enum(['none', 'after_owner_only', 'explicit_approval'])),
  recording_options: Type.Optional(
    Type.Object({
      auto_record: Type.Optional(Type.Boolean()),
      record_only_owner: Type.Optional(Type.Boolean()),
    }),
  ),
  initial_join_options: Type.Optional(
    Type.Object({
      microphone_state: Type.Optional(Type.Enum(['on', 'off', 'default'])),
    }),
  ),
  callback_urls: Type.Optional(
    Type.Object({
      rooms_callback_url: Type.Optional(CallbackUrl),
      sessions_callback_url: Type.Optional(CallbackUrl),
      recordings_callback_url: Type.Optional(CallbackUrl),
    }),
  ),
  available_features: Type.Optional(
    Type.Object({
      is_recording_available: Type.Optional(Type.Boolean()),
      is_chat_available: Type.Optional(Type.Boolean()),
      is_whiteboard_available: Type.Optional(Type.Boolean()),
      is_locale_switcher_available: Type.Optional(Type.Boolean()),
      is_captions_available: Type.Optional(Type.Boolean()),
    }),
  ),
  /** Matched case-insensitively against the room languages (see `room-language.ts`). */
  ui_settings: Type.Optional(Type.Object({ language: Type.Optional(Type.String()) })),
  /** Sent by the Java SDK's builder. A new room is always available, so the value is ignored. */
  is_available: Type.Optional(Type.Boolean()),
});
export type CreateRoomBody = Static<typeof CreateRoomBody>;

export const RoomParams = Type.Object({ room_id: Type.String() });
export type RoomParams = Static<typeof RoomParams>;

/** Java's default page is 1000 rooms, so that is the ceiling. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 20;

export const RoomPageQuery = Type.Object({
  start_id: Type.Optional(Type.Integer({ minimum: 0 })),
  end_id: Type.Optional(Type.Integer({ minimum: 0 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
});
export type RoomPageQuery = Static<typeof RoomPageQuery>;
