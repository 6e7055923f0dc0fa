import type { KeyObject } from 'node:crypto';
import { privateKeyOf } from './application-token.js';
import { logoUploadForm, uploadTargetFor } from './logo-upload.js';
import { MeetingsHttp } from './meetings-http.js';
import { everyRoom, roomPageSearch } from './room-pages.js';
import type { ApplicationSettings } from './wire/application-json.js';
import type { DialInNumber } from './wire/dial-in-number-json.js';
import type { Recording, SessionRecordings } from './wire/recording-json.js';
import type { CreateRoomRequest, MeetingRoom, RoomPage, RoomPageQuery, UpdateRoomRequest } from './wire/room-json.js';
import type { CreateThemeRequest, LogoType, LogoUploadTarget, Theme, UpdateThemeRequest } from './wire/theme-json.js';
import type {
  ApplicationWebhooks,
  UpdateApplicationWebhooksRequest,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookSecret,
} from './wire/webhook-json.js';

export interface ParleyMeetingsClientOptions {
  /** The server's origin, e.g. `http://localhost:8080` (a base path is kept, a trailing slash dropped). */
  baseUrl: string;
  applicationId: string;
  /** PEM text or a key object. */
  privateKey: string | KeyObject;
  /** Lifetime of each request's token; 900 s by default. */
  tokenTtlSeconds?: number;
  /** How long one request may take, answer body included; 10 s by default. */
  timeoutMs?: number;
  /** For environments that bring their own; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A typed client of Parley's Meetings API (Vonage wire-compatible): bodies and answers are the API's
 * snake_case JSON, unchanged. Every request carries a freshly minted RS256 token and has a deadline;
 * every answer other than 2xx is thrown as a `ParleyApiError`.
 */
export class ParleyMeetingsClient {
  private readonly http: MeetingsHttp;

  constructor(options: ParleyMeetingsClientOptions) {
    this.http = new MeetingsHttp({
      apiUrl: `${options.baseUrl.replace(/\/+$/, '')}/v1/meetings`,
      applicationId: options.applicationId,
      // Parsed once, so a bad key fails here rather than on the first call.
      privateKey: privateKeyOf(options.privateKey),
      tokenTtlSeconds: options.tokenTtlSeconds,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: options.fetch ?? globalThis.fetch,
    });
  }

  // Rooms

  createRoom(room: CreateRoomRequest): Promise<MeetingRoom> {
    return this.http.json('POST', '/rooms', { body: withIsoExpiry(room) });
  }

  getRoom(roomId: string): Promise<MeetingRoom> {
    return this.http.json('GET', `/rooms/${segment(roomId)}`);
  }

  /** One page of the application's rooms, oldest first. */
  listRooms(query: RoomPageQuery = {}): Promise<RoomPage> {
    return this.http.json('GET', '/rooms', { query: roomPageSearch(query) });
  }

  /** Every room of the application from `query` on, page after page (`for await … of`). */
  rooms(query: RoomPageQuery = {}): AsyncGenerator<MeetingRoom, void, undefined> {
    return everyRoom((page) => this.listRooms(page), query);
  }

  /** Changes a long-term room (instant rooms cannot be changed); answers the room as it now is. */
  updateRoom(roomId: string, changes: UpdateRoomRequest): Promise<MeetingRoom> {
    return this.http.json('PATCH', `/rooms/${segment(roomId)}`, { body: { update_details: withIsoExpiry(changes) } });
  }

  deleteRoom(roomId: string): Promise<void> {
    return this.http.discardingAnswer('DELETE', `/rooms/${segment(roomId)}`);
  }

  // Themes

  createTheme(theme: CreateThemeRequest): Promise<Theme> {
    return this.http.json('POST', '/themes', { body: theme });
  }

  /** Every theme of the application (there is no paging). */
  listThemes(): Promise<Theme[]> {
    return this.http.json('GET', '/themes');
  }

  getTheme(themeId: string): Promise<Theme> {
    return this.http.json('GET', `/themes/${segment(themeId)}`);
  }

  updateTheme(themeId: string, changes: UpdateThemeRequest): Promise<Theme> {
    return this.http.json('PATCH', `/themes/${segment(themeId)}`, { body: { update_details: changes } });
  }

  /**
   * Deletes a theme. A theme some room uses, or the application's default, is refused unless `force`
   * is set; then its rooms fall back to the default theme, and a deleted default leaves none.
   */
  deleteTheme(themeId: string, options: { force?: boolean } = {}): Promise<void> {
    const query = options.force ? new URLSearchParams({ force: 'true' }) : undefined;
    return this.http.discardingAnswer('DELETE', `/themes/${segment(themeId)}`, query ? { query } : {});
  }

  /** One page of the rooms that use a theme, oldest first. */
  listThemeRooms(themeId: string, query: RoomPageQuery = {}): Promise<RoomPage> {
    return this.http.json('GET', `/themes/${segment(themeId)}/rooms`, { query: roomPageSearch(query) });
  }

  /** Every room that uses a theme, page after page (`for await … of`). */
  themeRooms(themeId: string, query: RoomPageQuery = {}): AsyncGenerator<MeetingRoom, void, undefined> {
    return everyRoom((page) => this.listThemeRooms(themeId, page), query);
  }

  /**
   * Gives a theme a logo, in the API's three steps: ask for upload targets, post the PNG to the one of
   * this logo type, attach the uploaded key to the theme. Answers the theme with its new logo's URL.
   * The PNG must have a transparent background and weigh at most 1 MB; `white` and `colored` logos
   * are 1–300 px each way, favicons square, 16–32 px.
   */
  async uploadLogo(themeId: string, logoType: LogoType, png: Uint8Array): Promise<Theme> {
    const targets = await this.http.json<LogoUploadTarget[]>('GET', '/themes/logos-upload-urls');
    const target = uploadTargetFor(targets, logoType);
    await this.http.postForm(target.url, logoUploadForm(target, logoType, png));
    return this.http.json('PUT', `/themes/${segment(themeId)}/finalizeLogos`, { body: { keys: [target.fields.key] } });
  }

  /**
   * Makes a theme the application's default: rooms without a theme of their own are shown with it, and
   * new rooms take it. `null` leaves the application without a default.
   */
  setDefaultTheme(themeId: string | null): Promise<ApplicationSettings> {
    return this.http.json('PATCH', '/applications', { body: { update_details: { default_theme_id: themeId } } });
  }

  // Recordings

  getRecording(recordingId: string): Promise<Recording> {
    return this.http.json('GET', `/recordings/${segment(recordingId)}`);
  }

  /** Deletes an `uploaded` recording and its file; recordings still in progress are refused. */
  deleteRecording(recordingId: string): Promise<void> {
    return this.http.discardingAnswer('DELETE', `/recordings/${segment(recordingId)}`);
  }

  /**
   * Starts recording the meeting in progress in a room (a Parley extension); answers the recording,
   * `started`. Refused (409) when nobody is in the meeting or it is already recorded, (403) when the
   * room's recording is off.
   */
  startRecording(roomId: string): Promise<Recording> {
    return this.http.json('POST', `/rooms/${segment(roomId)}/recording`);
  }

  /**
   * Stops recording a room's meeting (a Parley extension); answers the recording, whose file is made
   * next. Refused (403) in a room with `auto_record`, (409) when nothing is recorded.
   */
  stopRecording(roomId: string): Promise<Recording> {
    return this.http.json('DELETE', `/rooms/${segment(roomId)}/recording`);
  }

  /** Processes a `failed` recording again (a Parley extension); answers it, waiting for that (`state` `ended`). */
  retryRecording(recordingId: string): Promise<Recording> {
    return this.http.json('POST', `/recordings/${segment(recordingId)}/retry`);
  }

  /** Every recording of one session (one live meeting of a room). */
  async listSessionRecordings(sessionId: string): Promise<Recording[]> {
    const answer = await this.http.json<SessionRecordings>('GET', `/sessions/${segment(sessionId)}/recordings`);
    return answer._embedded.recordings;
  }

  // Webhooks (Parley extensions)

  /** Where the application's events go when a room has no `callback_urls` of its own. */
  getWebhooks(): Promise<ApplicationWebhooks> {
    return this.http.json('GET', '/applications/webhooks');
  }

  /** Sets receivers (an address), removes them (`null`); receivers left out stay as they are. */
  updateWebhooks(changes: UpdateApplicationWebhooksRequest): Promise<ApplicationWebhooks> {
    return this.http.json('PATCH', '/applications/webhooks', { body: { update_details: changes } });
  }

  /** The secret that signs every delivery: pass it to `verifyMeetingsWebhook`. */
  getWebhookSecret(): Promise<WebhookSecret> {
    return this.http.json('GET', '/applications/webhooks/secret');
  }

  /** A new signing secret; for 24 hours deliveries are signed with the previous one too. */
  rotateWebhookSecret(): Promise<WebhookSecret> {
    return this.http.json('POST', '/applications/webhooks/secret');
  }

  /** One page of the application's webhook deliveries, newest first. */
  listWebhookDeliveries(query: WebhookDeliveryQuery = {}): Promise<WebhookDeliveryPage> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    return this.http.json('GET', '/webhooks/deliveries', { query: search });
  }

  /** One delivery, by its `webhook-id`. */
  getWebhookDelivery(deliveryId: string): Promise<WebhookDelivery> {
    return this.http.json('GET', `/webhooks/deliveries/${segment(deliveryId)}`);
  }

  /** Sends a delivery again, with the same `webhook-id`; answers it, pending. */
  redeliverWebhook(deliveryId: string): Promise<WebhookDelivery> {
    return this.http.json('POST', `/webhooks/deliveries/${segment(deliveryId)}/redeliver`);
  }

  // Dial-in numbers

  /** The phone numbers people can call to join by voice, with the meeting code as PIN. */
  listDialInNumbers(): Promise<DialInNumber[]> {
    return this.http.json('GET', '/dial-in-numbers');
  }
}

/** Ids go into paths: a stray `/` or `?` must not change which endpoint is called. */
function segment(id: string): string {
  return encodeURIComponent(id);
}

/** `expires_at` may be given as a `Date`; the wire carries ISO-8601. */
function withIsoExpiry<T extends { expires_at?: string | Date | undefined }>(request: T): T {
  return request.expires_at instanceof Date ? { ...request, expires_at: request.expires_at.toISOString() } : request;
}
