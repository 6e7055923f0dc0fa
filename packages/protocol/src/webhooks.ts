/**
 * The Meetings API's webhook events, key for key as Vonage sent them (snake_case JSON) and as Parley
 * sends them: a union discriminated on `event`. Times are ISO-8601 UTC strings with milliseconds.
 *
 * Room events go to the room's `rooms_callback_url` (else the application's rooms webhook), session and
 * participant events to the sessions URL, recording events to the recordings URL.
 */

/** Every event name, in the order of the API reference. */
export const MEETINGS_WEBHOOK_EVENTS = [
  'room:expired',
  'session:started',
  'session:ended',
  'session:participant:joined',
  'session:participant:left',
  'recording:started',
  'recording:ended',
  'recording:uploaded',
] as const;

export type MeetingsWebhookEventName = (typeof MEETINGS_WEBHOOK_EVENTS)[number];

/** A room stopped being available: its expiry passed, or it closed after use. */
export interface RoomExpiredWebhook {
  event: 'room:expired';
  room_id: string;
  room_type: 'instant' | 'long_term';
  expires_at: string;
  created_at: string;
}

/** The first participant joined a room: a session (one live meeting of the room) began. */
export interface SessionStartedWebhook {
  event: 'session:started';
  session_id: string;
  room_id: string;
  started_at: string;
}

export interface SessionEndedWebhook {
  event: 'session:ended';
  session_id: string;
  room_id: string;
  started_at: string;
  ended_at: string;
}

/** Who took part, as Vonage described them: `type` is the participant's kind in words, `is_host` the flag to test. */
interface ParticipantWebhookFields {
  participant_id: string;
  session_id: string;
  room_id: string;
  /** The name the participant joined with. */
  name: string;
  type: 'Host' | 'Guest';
  is_host: boolean;
}

export interface ParticipantJoinedWebhook extends ParticipantWebhookFields {
  event: 'session:participant:joined';
}

export interface ParticipantLeftWebhook extends ParticipantWebhookFields {
  event: 'session:participant:left';
}

export interface RecordingStartedWebhook {
  event: 'recording:started';
  recording_id: string;
  session_id: string;
}

export interface RecordingEndedWebhook {
  event: 'recording:ended';
  recording_id: string;
  session_id: string;
  started_at: string;
  ended_at: string;
  /** Seconds, a number (one Vonage SDK test sent a string; Parley never does). */
  duration: number;
}

/** The recording's file is ready to download (`recording:ready` in Vonage's drafts before 2023). */
export interface RecordingUploadedWebhook {
  event: 'recording:uploaded';
  recording_id: string;
  session_id: string;
  room_id: string;
  started_at: string;
  ended_at: string;
  duration: number;
  /** Where the file can be downloaded. */
  url: string;
}

export type MeetingsWebhookEvent =
  | RoomExpiredWebhook
  | SessionStartedWebhook
  | SessionEndedWebhook
  | ParticipantJoinedWebhook
  | ParticipantLeftWebhook
  | RecordingStartedWebhook
  | RecordingEndedWebhook
  | RecordingUploadedWebhook;
