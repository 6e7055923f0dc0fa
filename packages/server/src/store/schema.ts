import type { ColumnType, Generated } from 'kysely';
import type { ParticipantRole, WebinarRuntimeStatus } from '@parley/protocol';
import type { RecordingStatus } from '../recording/recording.js';

/**
 * The database schema as Kysely sees it. Portable across SQLite and PostgreSQL: timestamps are ISO-8601
 * UTC strings with milliseconds (they sort as text), booleans are 0/1 integers.
 */
export interface Database {
  accounts: AccountsTable;
  applications: ApplicationsTable;
  rooms: RoomsTable;
  sessions: SessionsTable;
  participants: ParticipantsTable;
  server_keys: ServerKeysTable;
  themes: ThemesTable;
  logo_uploads: LogoUploadsTable;
  recordings: RecordingsTable;
  chat_messages: ChatMessagesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  email_outbox: EmailOutboxTable;
  room_blocks: RoomBlocksTable;
  users: UsersTable;
  user_jwt_credentials: UserJwtCredentialsTable;
  oauth_sessions: OAuthSessionsTable;
  oauth_authorization_codes: OAuthAuthorizationCodesTable;
  bridges: BridgesTable;
  webinars: WebinarsTable;
  webinar_sessions: WebinarSessionsTable;
  webinar_invitees: WebinarInviteesTable;
  webinar_registrants: WebinarRegistrantsTable;
  webinar_subscriptions: WebinarSubscriptionsTable;
  webinar_questions: WebinarQuestionsTable;
}

type Flag = number;
type Timestamp = string;

export interface AccountsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface ApplicationsTable {
  id: string;
  account_id: string;
  name: string;
  /** PEM (SPKI) public key that verifies the application's RS256 JWTs. */
  public_key: string;
  default_theme_id: string | null;
  created_at: Timestamp;
  /** Signs webhook deliveries (`whsec_…`); set on insert, so never null once written. */
  webhook_secret: ColumnType<string | null, string | undefined, string>;
  /** The secret before the last rotation: deliveries carry its signature too until `previous_webhook_secret_until`. */
  previous_webhook_secret: ColumnType<string | null, string | null | undefined, string | null>;
  previous_webhook_secret_until: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Where room, session and recording events go when a room names no callback URL of its own. */
  rooms_webhook_url: ColumnType<string | null, string | null | undefined, string | null>;
  sessions_webhook_url: ColumnType<string | null, string | null | undefined, string | null>;
  recordings_webhook_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** The application as a RingCentral client app: its `client_id`; null until credentials are issued. */
  oauth_client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 (hex) of its `client_secret`: secrets are random, so a plain hash is enough. */
  oauth_client_secret_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of the redirect URIs the authorization-code grant may send codes to. */
  oauth_redirect_uris: ColumnType<string, string | undefined, string>;
}

export interface RoomsTable {
  /** Creation-ordered serial: the `start_id`/`end_id` cursor of HAL paging. */
  serial: Generated<number>;
  id: string;
  application_id: string;
  display_name: string;
  metadata: string | null;
  type: 'instant' | 'long_term';
  kind: ColumnType<'meeting' | 'webinar', 'meeting' | 'webinar' | undefined, 'meeting' | 'webinar'>;
  expires_at: Timestamp;
  expire_after_use: Flag;
  auto_record: Flag;
  record_only_owner: Flag;
  meeting_code: string;
  is_available: Flag;
  theme_id: string | null;
  join_approval_level: 'none' | 'after_owner_only' | 'explicit_approval';
  /** Whom the join approval level holds back; the rest enter as if it were `none`. */
  join_approval_audience: ColumnType<'everyone' | 'guests' | 'other_accounts', 'everyone' | 'guests' | 'other_accounts' | undefined, 'everyone' | 'guests' | 'other_accounts'>;
  /** Who may enter at all: anyone with the link, signed-in users only, or users of the room's account only. */
  admittance: ColumnType<'anyone' | 'users' | 'account_users', 'anyone' | 'users' | 'account_users' | undefined, 'anyone' | 'users' | 'account_users'>;
  /** The scrypt hash of the guests' join password, never the password itself; null for none. */
  join_password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  microphone_state: 'default' | 'on' | 'off';
  camera_state: ColumnType<'default' | 'off', 'default' | 'off' | undefined, 'default' | 'off'>;
  rooms_callback_url: string | null;
  sessions_callback_url: string | null;
  recordings_callback_url: string | null;
  is_recording_available: Flag;
  is_chat_available: Flag;
  is_whiteboard_available: Flag;
  is_locale_switcher_available: Flag;
  is_captions_available: Flag;
  is_screen_sharing_available: ColumnType<Flag, Flag | undefined, Flag>;
  language: string;
  /** The host's participant id, stable per room; host URLs carry a token naming it. */
  host_participant_id: string;
  /**
   * When the room becomes unavailable unless something changes: `null` while a session is live.
   * Kept in the database so deadlines survive a restart.
   */
  close_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  created_at: Timestamp;
  /** Set when the room was deleted; every reader of rooms treats such a room as gone. */
  deleted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface SessionsTable {
  id: string;
  room_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  /** A webinar session's `WebinarRuntimeStatus`; null for a meeting's. */
  runtime_status: ColumnType<WebinarRuntimeStatus | null, WebinarRuntimeStatus | null | undefined, WebinarRuntimeStatus | null>;
  /** What of the live meeting outlives its node (JSON, `LiveSessionState`); null until it first changes. */
  live_state: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ParticipantsTable {
  id: string;
  session_id: string;
  room_id: string;
  display_name: string;
  /** The role they joined with; a promotion during the meeting is live state, not history. */
  role: ParticipantRole;
  joined_at: Timestamp;
  left_at: Timestamp | null;
  /** The user a participant token named; null for guests. */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who they were across visits (rooms/participant-identity.ts); null when their page sent nothing to tell. */
  identity: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Secrets the server signs its own tokens with (participant tokens), by key id. */
export interface ServerKeysTable {
  id: string;
  secret: string;
  created_at: Timestamp;
}

export interface ThemesTable {
  id: string;
  application_id: string;
  /** Unique within the application. */
  name: string;
  domain: 'VCP' | 'VBC';
  main_color: string;
  brand_text: string;
  /** The path segment of themed room URLs; unique across the deployment. */
  short_company_url: string | null;
  /** Storage keys of the finalized logos. */
  brand_image_white: string | null;
  brand_image_colored: string | null;
  branded_favicon: string | null;
  created_at: Timestamp;
}

/** An upload target handed out by `GET /themes/logos-upload-urls`: usable once, until it expires. */
export interface LogoUploadsTable {
  /** `auto-expiring-temp/logos/<logo type>/<uuid>`, as Vonage named them. */
  key: string;
  application_id: string;
  logo_type: 'white' | 'colored' | 'favicon';
  expires_at: Timestamp;
  /** Set once a file arrived; a second upload to the same target is refused. */
  uploaded_at: Timestamp | null;
  byte_size: number | null;
  created_at: Timestamp;
}

export interface RecordingsTable {
  id: string;
  room_id: string;
  session_id: string;
  status: RecordingStatus;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  /** The playable file's key in recording storage, once it is there. */
  file_path: string | null;
  byte_size: number | null;
  /** Post-processing done, 0 to 100. */
  progress: ColumnType<number, number | undefined, number>;
  failure_reason: string | null;
  only_owner: Flag;
  created_at: Timestamp;
}

/** What was said in a session's chat, in the order it was said. */
export interface ChatMessagesTable {
  /** Send order within the whole table, hence within a session. */
  serial: Generated<number>;
  id: string;
  session_id: string;
  room_id: string;
  participant_id: string;
  /** The sender's display name when they sent it: names can change, what was said stays. */
  sender_name: string;
  text: string;
  sent_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export type EmailStatus = 'pending' | 'sent' | 'failed';

/** The email outbox (migration 0016): written with the change an email tells of, sent by the email worker. */
export interface EmailOutboxTable {
  id: string;
  /** What it is about: `invitation:<invitee id>`, `invitation-cancelled:<invitee id>`, `registration:<registrant id>`. */
  topic: string;
  to_address: string;
  subject: string;
  text: string;
  /** An iCalendar attachment (`invite.ics`), when the email carries one. */
  ics: string | null;
  status: EmailStatus;
  attempts: Generated<number>;
  /** When a pending email is tried next; null once sent or given up. */
  next_attempt_at: Timestamp | null;
  /** A pending email still failing then is marked failed. */
  give_up_at: Timestamp;
  /** The worker sending it now, until `claimed_until`; another takes it over only after that. */
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

/**
 * The webhook outbox: one row per event and receiver, written in the transaction of the change it
 * reports, then the record of its delivery.
 */
export interface WebhookDeliveriesTable {
  /** Event order: a receiver gets its deliveries in this order. */
  serial: Generated<number>;
  /** The `webhook-id` header: the same on every attempt, so receivers can de-duplicate. */
  id: string;
  application_id: string;
  room_id: string;
  event: string;
  /** The JSON body, exactly as signed and sent. */
  payload: string;
  receiver_url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_attempt_at: Timestamp | null;
  /** The receiver's HTTP status on the last attempt; null when it gave none (refused, timed out). */
  last_response_status: number | null;
  last_error: string | null;
  /** When a pending delivery is tried next; null once it is delivered or failed. */
  next_attempt_at: Timestamp | null;
  /** A pending delivery still failing then is marked failed: 24 hours after it was queued. */
  give_up_at: Timestamp;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
  /** A webinar notification subscription's delivery (RingCentral's headers, not Standard Webhooks'); null for the Meetings API's. */
  subscription_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Someone a host blocked from a room: they cannot join any session of it again. */
export interface RoomBlocksTable {
  room_id: string;
  /** `guest:<the page's guest id>` or `token:<the participant token's participant id>`. */
  identity: string;
  /** Their name when they were blocked, for whoever reviews the list. */
  display_name: string;
  /** The moderator who blocked them. */
  blocked_by: string;
  blocked_at: Timestamp;
}

export type UserRole = 'admin' | 'user';

/**
 * An account's people: RingCentral "extensions". They own bridges and hold OAuth tokens; `admin` is
 * RingCentral's Super Admin (may act on every bridge of the account and read its history).
 */
export interface UsersTable {
  id: string;
  account_id: string;
  name: string;
  /** Lower-cased; unique among users not deleted. */
  email: string;
  /** Unique within the account among users not deleted (`username*extension` of the password grant). */
  extension_number: string;
  role: UserRole;
  /** scrypt hash (room-password format) for the password and authorization-code grants; null: JWT only. */
  password_hash: string | null;
  created_at: Timestamp;
  deleted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** A user's JWT credential (the `assertion` of the JWT bearer grant), by its `jti`. */
export interface UserJwtCredentialsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** One OAuth login (RingCentral's `session_id`) and its current token pair, by SHA-256 digest. */
export interface OAuthSessionsTable {
  id: string;
  application_id: string;
  user_id: string;
  /** Space-separated, as the token response says it. */
  scope: string;
  endpoint_id: string;
  public_client: Flag;
  access_token_digest: string;
  access_expires_at: Timestamp;
  refresh_token_digest: string;
  refresh_expires_at: Timestamp;
  created_at: Timestamp;
  revoked_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** An authorization code handed to a client's redirect URI, until it is exchanged (once) or expires. */
export interface OAuthAuthorizationCodesTable {
  code_digest: string;
  application_id: string;
  user_id: string;
  /** The redirect URI the code was sent to; the token request must name the same. */
  redirect_uri: string;
  scope: string;
  code_challenge: string | null;
  code_challenge_method: 'plain' | 'S256' | null;
  expires_at: Timestamp;
  used_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  session_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export type BridgeType = 'Instant' | 'Scheduled' | 'PMI';

/** What a room that is a RingCentral bridge has besides the room (1:1 with `rooms`). */
export interface BridgesTable {
  room_id: string;
  account_id: string;
  owner_user_id: string;
  type: BridgeType;
  pstn_host_pin: string;
  pstn_participant_pin: string;
  /** The meeting and PSTN passwords, sealed (AES-256-GCM) for the owner to read back; null when none. */
  sealed_secrets: string | null;
  /** JSON: RingCentral preferences no room setting carries, and the waiting-room choices as given. */
  preferences: string;
  created_at: Timestamp;
  deleted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** A webinar: an account's, hosted by one of its users (see migration 0012). */
export interface WebinarsTable {
  id: string;
  account_id: string;
  /** The client app it was made through: its sessions' rooms are that application's. */
  application_id: string;
  host_user_id: string;
  title: string;
  description: string;
  /** JSON: the webinar settings given, over the defaults. */
  settings: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One occurrence of a webinar, backed by one room of kind `webinar`. */
export interface WebinarSessionsTable {
  id: string;
  webinar_id: string;
  room_id: string;
  /** Empty: the webinar's title is shown. */
  title: string;
  description: string;
  scheduled_start_time: Timestamp;
  /** Seconds. */
  scheduled_duration: number;
  scheduled_end_time: Timestamp;
  time_zone: string;
  locale_code: string;
  /** Seconds before the start when the panel may join. */
  panel_join_time_offset: number;
  registration_status: 'Open' | 'Closed';
  /** JSON: RingCentral's registration settings as given. */
  registration_settings: string;
  /** JSON: the questions of the registration form (a Parley extension). */
  registration_questions: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A session's host, co-host or panelist. */
export interface WebinarInviteesTable {
  id: string;
  session_id: string;
  role: 'Host' | 'CoHost' | 'Panelist';
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  job_title: string | null;
  /** A user of the account (RingCentral's `linkedUser`), instead of a name and email. */
  linked_user_id: string | null;
  linked_account_id: string | null;
  type: 'User' | 'Room';
  send_invite: Flag;
  /** The order they were added in; the Host record is 0. */
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Someone who signed up for a session. */
export interface WebinarRegistrantsTable {
  id: string;
  session_id: string;
  first_name: string;
  last_name: string;
  email: string;
  external_id: string | null;
  source: string | null;
  visitor_id: string | null;
  ip_address: string | null;
  /** JSON: their answers, as RingCentral's `questionnaire`. */
  questionnaire: string;
  custom_join_uri: string | null;
  custom_cancellation_uri: string | null;
  /** The secret of their cancellation link. */
  cancellation_token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A RingCentral webinar notification subscription: events matching its filters go to its address. */
export interface WebinarSubscriptionsTable {
  id: string;
  account_id: string;
  application_id: string;
  user_id: string;
  /** JSON: the event filters, as given. */
  event_filters: string;
  address: string;
  /** Sent back in `Verification-Token` with every event, so the receiver knows it is us. */
  verification_token: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The questions a webinar's attendees asked its panel, and their answers (plain text). */
export interface WebinarQuestionsTable {
  id: string;
  session_id: string;
  /** The participant who asked. */
  asked_by: string;
  asker_name: string;
  text: string;
  asked_at: Timestamp;
  status: 'open' | 'answered' | 'dismissed';
  answer: string | null;
  answered_by: string | null;
  answerer_name: string | null;
  answered_at: Timestamp | null;
}
