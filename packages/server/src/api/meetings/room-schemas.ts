import Type, { type Static } from 'typebox';

/**
 * The request payloads of the rooms endpoints, as Vonage's API reference describes them. Keys the
 * schema does not name are ignored, as Vonage did, so SDKs that send extra keys keep working.
 */

/** Room and theme ids are UUIDs; the bound only keeps absurd input out. */
export const ID_MAX_LENGTH = 128;

/** Vonage's own pattern for callback URLs. */
const CallbackUrl = Type.Union([Type.String({ pattern: '^https?:\\/\\/.*$', maxLength: 2048 }), Type.Null()]);

const DisplayName = Type.String({ minLength: 1, maxLength: 200 });
const Metadata = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);
/** Parsed leniently (see `lenient-timestamp.ts`), so any short string passes the schema. */
const ExpiresAt = Type.String({ maxLength: 64 });
/** The text `"null"` is one more way of saying null, which one of Vonage's guides used. */
const ThemeId = Type.Union([Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH }), Type.Null()]);
const JoinApprovalLevel = Type.Enum(['none', 'after_owner_only', 'explicit_approval']);

const InitialJoinOptions = Type.Object({
  microphone_state: Type.Optional(Type.Enum(['on', 'off', 'default'])),
});

const CallbackUrls = Type.Object({
  rooms_callback_url: Type.Optional(CallbackUrl),
  sessions_callback_url: Type.Optional(CallbackUrl),
  recordings_callback_url: Type.Optional(CallbackUrl),
});

const AvailableFeatures = Type.Object({
  is_recording_available: Type.Optional(Type.Boolean()),
  is_chat_available: Type.Optional(Type.Boolean()),
  is_whiteboard_available: Type.Optional(Type.Boolean()),
  is_locale_switcher_available: Type.Optional(Type.Boolean()),
  is_captions_available: Type.Optional(Type.Boolean()),
});

/** Matched case-insensitively against the room languages (see `room-language.ts`). */
const UiSettings = Type.Object({ language: Type.Optional(Type.String({ maxLength: 32 })) });

export const CreateRoomBody = Type.Object({
  display_name: DisplayName,
  metadata: Type.Optional(Metadata),
  type: Type.Optional(Type.Enum(['instant', 'long_term'])),
  expires_at: Type.Optional(ExpiresAt),
  expire_after_use: Type.Optional(Type.Boolean()),
  theme_id: Type.Optional(ThemeId),
  join_approval_level: Type.Optional(JoinApprovalLevel),
  recording_options: Type.Optional(
    Type.Object({
      auto_record: Type.Optional(Type.Boolean()),
      record_only_owner: Type.Optional(Type.Boolean()),
    }),
  ),
  initial_join_options: Type.Optional(InitialJoinOptions),
  callback_urls: Type.Optional(CallbackUrls),
  available_features: Type.Optional(AvailableFeatures),
  ui_settings: Type.Optional(UiSettings),
  /** Sent by the Java SDK's builder. A new room is always available, so the value is ignored. */
  is_available: Type.Optional(Type.Boolean()),
});
export type CreateRoomBody = Static<typeof CreateRoomBody>;

/**
 * The changes of `PATCH /rooms/:room_id`. `display_name` and `metadata` are not in Vonage's list, but
 * the Node SDK sends them and its users expect them applied. `type`, `recording_options` and anything
 * else are not named, so they are ignored rather than refused: the Node SDK sends them too.
 */
export const RoomUpdateDetails = Type.Object({
  display_name: Type.Optional(DisplayName),
  metadata: Type.Optional(Metadata),
  expires_at: Type.Optional(ExpiresAt),
  expire_after_use: Type.Optional(Type.Boolean()),
  theme_id: Type.Optional(ThemeId),
  join_approval_level: Type.Optional(JoinApprovalLevel),
  initial_join_options: Type.Optional(InitialJoinOptions),
  callback_urls: Type.Optional(CallbackUrls),
  available_features: Type.Optional(AvailableFeatures),
  ui_settings: Type.Optional(UiSettings),
});
export type RoomUpdateDetails = Static<typeof RoomUpdateDetails>;

/** `update_options` is what the Node SDK sends instead of `update_details` (a bug of every version). */
export const UpdateRoomBody = Type.Object({
  update_details: Type.Optional(RoomUpdateDetails),
  update_options: Type.Optional(RoomUpdateDetails),
});
export type UpdateRoomBody = Static<typeof UpdateRoomBody>;

export const RoomParams = Type.Object({ room_id: Type.String({ maxLength: ID_MAX_LENGTH }) });
export type RoomParams = Static<typeof RoomParams>;

/** Java's default page is 1000 rooms, so that is the ceiling. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 20;

/** Room serials are integers JavaScript holds exactly; beyond them a cursor means nothing to either engine. */
export const RoomPageQuery = Type.Object({
  start_id: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  end_id: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
});
export type RoomPageQuery = Static<typeof RoomPageQuery>;
