/**
 * The Meetings API's JSON, key for key as on the wire (snake_case), so what the server answers is
 * exactly what these types describe.
 */

export type RoomType = 'instant' | 'long_term';
export type JoinApprovalLevel = 'none' | 'after_owner_only' | 'explicit_approval';
export type MicrophoneState = 'on' | 'off' | 'default';

export interface Link {
  href: string;
}

export interface CallbackUrls {
  rooms_callback_url?: string;
  sessions_callback_url?: string;
  recordings_callback_url?: string;
}

export interface AvailableFeatures {
  is_recording_available: boolean;
  is_chat_available: boolean;
  is_whiteboard_available: boolean;
  is_locale_switcher_available: boolean;
  is_captions_available: boolean;
}

export interface MeetingRoom {
  id: string;
  display_name: string;
  metadata: string | null;
  type: RoomType;
  expires_at: string;
  recording_options: { auto_record: boolean; record_only_owner: boolean };
  /** The PIN people type to join; also the `room_token` of the host URL. */
  meeting_code: string;
  _links: { host_url: Link; guest_url: Link };
  created_at: string;
  is_available: boolean;
  expire_after_use: boolean;
  theme_id: string | null;
  initial_join_options: { microphone_state: MicrophoneState };
  join_approval_level: JoinApprovalLevel;
  /** Absent when the room has no callback URL of its own. */
  callback_urls?: CallbackUrls;
  ui_settings: { language: string };
  available_features: AvailableFeatures;
}

export interface CreateRoomRequest {
  display_name: string;
  metadata?: string | null;
  type?: RoomType;
  /** Required for `long_term` rooms: more than 10 minutes and at most a year ahead. */
  expires_at?: string | Date;
  expire_after_use?: boolean;
  theme_id?: string | null;
  join_approval_level?: JoinApprovalLevel;
  recording_options?: { auto_record?: boolean; record_only_owner?: boolean };
  initial_join_options?: { microphone_state?: MicrophoneState };
  callback_urls?: CallbackUrls;
  available_features?: Partial<AvailableFeatures>;
  ui_settings?: { language?: string };
}

export interface RoomPage {
  /** The number of rooms on this page. */
  page_size: number;
  _embedded: MeetingRoom[];
  _links: { first: Link; self: Link; prev?: Link; next?: Link };
  /** Every room of the application. */
  total_items: number;
}

export interface RoomPageQuery {
  /** Room serial to start from (inclusive); taken from a page's `next` link, not a room id. */
  startId?: number;
  /** Room serial to stop before. */
  endId?: number;
  /** 1 to 1000; the server's default is 20. */
  pageSize?: number;
}
