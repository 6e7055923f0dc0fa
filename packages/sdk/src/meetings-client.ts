import type { KeyObject } from 'node:crypto';
import { ParleyApiError } from './api-error.js';
import { mintApplicationToken, privateKeyOf } from './application-token.js';
import type { CreateRoomRequest, MeetingRoom, RoomPage, RoomPageQuery } from './types.js';

export interface ParleyMeetingsClientOptions {
  /** The server's origin, e.g. `http://localhost:8080` (a base path is kept, a trailing slash dropped). */
  baseUrl: string;
  applicationId: string;
  /** PEM text or a key object. */
  privateKey: string | KeyObject;
  /** Lifetime of each request's token; 900 s by default. */
  tokenTtlSeconds?: number;
  /** How long one request may take; 10 s by default. */
  timeoutMs?: number;
  /** For environments that bring their own; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A typed client of Parley's Meetings API (Vonage wire-compatible). Every request carries a freshly
 * minted RS256 token; every answer other than 2xx is thrown as a `ParleyApiError`.
 */
export class ParleyMeetingsClient {
  private readonly baseUrl: string;
  private readonly privateKey: KeyObject;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ParleyMeetingsClientOptions) {
    this.baseUrl = `${options.baseUrl.replace(/\/+$/, '')}/v1/meetings`;
    // Parsed once, so a bad key fails here rather than on the first call.
    this.privateKey = privateKeyOf(options.privateKey);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  createRoom(room: CreateRoomRequest): Promise<MeetingRoom> {
    const body = room.expires_at instanceof Date ? { ...room, expires_at: room.expires_at.toISOString() } : room;
    return this.request<MeetingRoom>('POST', '/rooms', body);
  }

  getRoom(roomId: string): Promise<MeetingRoom> {
    return this.request<MeetingRoom>('GET', `/rooms/${encodeURIComponent(roomId)}`);
  }

  /** One page of the application's rooms, oldest first. */
  listRooms(query: RoomPageQuery = {}): Promise<RoomPage> {
    const params = new URLSearchParams();
    if (query.startId !== undefined) params.set('start_id', String(query.startId));
    if (query.endId !== undefined) params.set('end_id', String(query.endId));
    if (query.pageSize !== undefined) params.set('page_size', String(query.pageSize));
    const search = params.toString();
    return this.request<RoomPage>('GET', `/rooms${search ? `?${search}` : ''}`);
  }

  /**
   * Every room, page after page, following each page's `next` link. Only the link's query is used:
   * the server writes links on its public URL, which this client may reach under another address.
   */
  async *rooms(query: RoomPageQuery = {}): AsyncGenerator<MeetingRoom, void, undefined> {
    let next: RoomPageQuery | undefined = query;
    while (next) {
      const page: RoomPage = await this.listRooms(next);
      yield* page._embedded;
      next = page._links.next ? nextQuery(query, page._links.next.href) : undefined;
    }
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await mintApplicationToken({
      applicationId: this.options.applicationId,
      privateKey: this.privateKey,
      ...(this.options.tokenTtlSeconds !== undefined ? { ttlSeconds: this.options.tokenTtlSeconds } : {}),
    });
    const url = `${this.baseUrl}${path}`;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new Error(timedOut ? `${method} ${url} timed out after ${timeoutMs} ms` : `${method} ${url} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const text = await response.text();
    if (!response.ok) throw ParleyApiError.fromResponse(response.status, text);
    return JSON.parse(text) as T;
  }
}

function nextQuery(query: RoomPageQuery, href: string): RoomPageQuery | undefined {
  const params = new URL(href).searchParams;
  const startId = params.get('start_id');
  if (startId === null) return undefined;
  const endId = params.get('end_id');
  return { ...query, startId: Number(startId), ...(endId !== null ? { endId: Number(endId) } : {}) };
}
