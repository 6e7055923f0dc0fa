import type { RoomUrls } from '../../rooms/room-links.js';
import type { Room } from '../../rooms/room.js';

/** A room on the wire, key for key (and in the order) the live Vonage API answered. */
export interface VonageRoom {
  id: string;
  display_name: string;
  metadata: string | null;
  type: Room['type'];
  expires_at: string;
  recording_options: { auto_record: boolean; record_only_owner: boolean };
  meeting_code: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
  created_at: string;
  is_available: boolean;
  expire_after_use: boolean;
  theme_id: string | null;
  initial_join_options: { microphone_state: Room['microphoneState'] };
  join_approval_level: Room['joinApprovalLevel'];
  /** Absent, not null, when the room has none: live answers had no key at all. */
  callback_urls?: { rooms_callback_url?: string; sessions_callback_url?: string; recordings_callback_url?: string };
  ui_settings: { language: string };
  available_features: {
    is_recording_available: boolean;
    is_chat_available: boolean;
    is_whiteboard_available: boolean;
    is_locale_switcher_available: boolean;
    is_captions_available: boolean;
  };
}

export function vonageRoomOf(room: Room, urls: RoomUrls): VonageRoom {
  const callbacks = callbackUrlsOf(room.callbackUrls);
  return {
    id: room.id,
    display_name: room.displayName,
    metadata: room.metadata,
    type: room.type,
    expires_at: room.expiresAt,
    recording_options: { auto_record: room.recording.autoRecord, record_only_owner: room.recording.recordOnlyOwner },
    meeting_code: room.meetingCode,
    _links: { host_url: { href: urls.hostUrl }, guest_url: { href: urls.guestUrl } },
    created_at: room.createdAt,
    is_available: room.isAvailable,
    expire_after_use: room.expireAfterUse,
    theme_id: room.themeId,
    initial_join_options: { microphone_state: room.microphoneState },
    join_approval_level: room.joinApprovalLevel,
    ...(callbacks ? { callback_urls: callbacks } : {}),
    ui_settings: { language: room.language },
    available_features: {
      is_recording_available: room.features.recording,
      is_chat_available: room.features.chat,
      is_whiteboard_available: room.features.whiteboard,
      is_locale_switcher_available: room.features.localeSwitcher,
      is_captions_available: room.features.captions,
    },
  };
}

function callbackUrlsOf(urls: Room['callbackUrls']): VonageRoom['callback_urls'] {
  const json: NonNullable<VonageRoom['callback_urls']> = {};
  if (urls.rooms !== null) json.rooms_callback_url = urls.rooms;
  if (urls.sessions !== null) json.sessions_callback_url = urls.sessions;
  if (urls.recordings !== null) json.recordings_callback_url = urls.recordings;
  return Object.keys(json).length > 0 ? json : undefined;
}
