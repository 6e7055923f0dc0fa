/**
 * `@parley/sdk`: a typed client of Parley's Meetings API (Vonage wire-compatible), and verification of
 * its webhooks. The CLI is separate (`cli.ts`).
 */
export { ParleyMeetingsClient, type ParleyMeetingsClientOptions } from './meetings-client.js';
export { ParleyApiError } from './api-error.js';
export { roomPageQueryOf } from './room-pages.js';
export { mintApplicationToken, DEFAULT_TOKEN_TTL_SECONDS, type ApplicationTokenOptions } from './application-token.js';
export {
  verifyMeetingsWebhook,
  ParleyWebhookError,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookRefusal,
  type WebhookHeaders,
} from './webhook-verification.js';
export { LOGO_TYPES } from './wire/theme-json.js';
export type * from './wire/room-json.js';
export type * from './wire/theme-json.js';
export type * from './wire/recording-json.js';
export type * from './wire/dial-in-number-json.js';
export type * from './wire/application-json.js';
export type * from './wire/webhook-json.js';
export {
  MEETINGS_WEBHOOK_EVENTS,
  type MeetingsWebhookEvent,
  type MeetingsWebhookEventName,
  type RoomExpiredWebhook,
  type SessionStartedWebhook,
  type SessionEndedWebhook,
  type ParticipantJoinedWebhook,
  type ParticipantLeftWebhook,
  type RecordingStartedWebhook,
  type RecordingEndedWebhook,
  type RecordingUploadedWebhook,
} from '@parley/protocol';
