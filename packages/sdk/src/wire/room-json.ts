/**
 * Rooms on the wire, key for key (snake_case) as the Meetings API answers and reads them. Kept in step
 * with the server's `api/meetings/room-json.ts`, `room-page-json.ts` and `room-schemas.ts`.
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

/** In a request each URL is `http(s)://…`; on update, a URL left out is kept and a null one removed. */
export type CallbackUrlsRequest = { [K in keyof CallbackUrls]?: string | null };

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
  /** The host URL carries a fresh participant token on every answer; the guest URL only the meeting code. */
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
  /** Required for `long_term` rooms: more than 10 minutes and at most a year ahead. Refused for instant rooms. */
  expires_at?: string | Date;
  expire_after_use?: boolean;
  /** Without one, the room takes the application's default theme, if it has one. */
  theme_id?: string | null;
  join_approval_level?: JoinApprovalLevel;
  recording_options?: { auto_record?: boolean; record_only_owner?: boolean };
  initial_join_options?: { microphone_state?: MicrophoneState };
  callback_urls?: CallbackUrlsRequest;
  available_features?: Partial<AvailableFeatures>;
  /** Any letter case; the server answers in lower case. */
  ui_settings?: { language?: string };
}

/**
 * What `updateRoom` may change (sent as `update_details`); a key left out keeps its value. Only
 * long-term rooms that are still available can be updated; at least one key is required. A room's type
 * and recording options stay as created.
 */
export interface UpdateRoomRequest {
  display_name?: string;
  metadata?: string | null;
  expires_at?: string | Date;
  expire_after_use?: boolean;
  /** `null` removes the room's theme: the application's default is shown. */
  theme_id?: string | null;
  join_approval_level?: JoinApprovalLevel;
  initial_join_options?: { microphone_state?: MicrophoneState };
  callback_urls?: CallbackUrlsRequest;
  available_features?: Partial<AvailableFeatures>;
  ui_settings?: { language?: string };
}

/** A HAL page of rooms, of the application or of one theme. */
export interface RoomPage {
  /** The number of rooms on this page, not the number asked for. */
  page_size: number;
  _embedded: MeetingRoom[];
  /** `next` only when the page is full; `prev` only when the page was asked to start somewhere. */
  _links: { first: Link; self: Link; prev?: Link; next?: Link };
  /** Every room the listing covers, across all pages. */
  total_items: number;
}

/** Which rooms a page holds. Rooms are in creation order; the bounds are room serials, not room ids. */
export interface RoomPageQuery {
  /** First room serial of the page (inclusive), as a page's `next` link gives it. */
  startId?: number;
  /** Room serial the page stops before, as a page's `prev` link gives it. */
  endId?: number;
  /** 1 to 1000; the server's default is 20. */
  pageSize?: number;
}
