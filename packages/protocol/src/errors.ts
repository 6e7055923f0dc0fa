/**
 * The one table of Parley error codes. The domain throws `ParleyError`s carrying a code; each API façade
 * (Vonage, RingCentral, signaling) renders them in its own wire format, using the HTTP status given here.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400 },
  bad_request: { status: 400 },
  unauthorized: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  conflict: { status: 409 },
  payload_too_large: { status: 413 },
  rate_limited: { status: 429 },
  room_unavailable: { status: 410 },
  room_locked: { status: 423 },
  /** A guest tried to join a room that has a password without giving one. */
  password_required: { status: 401 },
  /** A guest gave the wrong password. */
  password_incorrect: { status: 401 },
  /** The room admits only users (a webinar's authentication setting): sign in on the page to get a token naming you. */
  sign_in_required: { status: 401 },
  /** Someone in the meeting declined a waiting guest's request to join. */
  admission_denied: { status: 403 },
  room_full: { status: 403 },
  presenter_limit_reached: { status: 403 },
  /** Someone else is already sharing their screen: one share at a time. */
  screen_share_busy: { status: 409 },
  /** The room's chat is turned off (`available_features.is_chat_available`). */
  chat_unavailable: { status: 403 },
  /** The room's recording is turned off (`available_features.is_recording_available`). */
  recording_unavailable: { status: 403 },
  /** The room's live captions are turned off (`available_features.is_captions_available`). */
  captions_unavailable: { status: 403 },
  /** This server cannot recognise speech: its speech recognizer (or its model) is not installed. */
  speech_recognizer_unavailable: { status: 503 },
  /** A host removed this participant and blocked them from coming back to the room. */
  participant_blocked: { status: 403 },
  /** A moderator stopped this media: it can be turned on only once a moderator asks and one accepts. */
  media_moderated: { status: 403 },
  media_unavailable: { status: 503 },
  /** A `resume` came too late: the participant's place was given up (grace period over, or the session ended). */
  resume_expired: { status: 410 },
  /**
   * This node cannot take the meeting now (it is handing its meetings over, or another node is taking
   * this one): try again, here or on another node.
   */
  try_again: { status: 503 },
  timeout: { status: 504 },
  internal: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;
