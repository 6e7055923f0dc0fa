/** `@parley/sdk`: a typed client of Parley's Meetings API (Vonage wire-compatible). The CLI is separate (`cli.ts`). */
export { ParleyMeetingsClient, type ParleyMeetingsClientOptions } from './meetings-client.js';
export { ParleyApiError } from './api-error.js';
export { mintApplicationToken, DEFAULT_TOKEN_TTL_SECONDS, type ApplicationTokenOptions } from './application-token.js';
export type * from './types.js';
