import type { KeyObject } from 'node:crypto';
import { ParleyApiError } from './api-error.js';
import { mintApplicationToken } from './application-token.js';

export interface MeetingsHttpOptions {
  /** `<server origin>[/base path]/v1/meetings`, without a trailing slash. */
  apiUrl: string;
  applicationId: string;
  privateKey: KeyObject;
  tokenTtlSeconds: number | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface ApiRequest {
  query?: URLSearchParams;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * The one place requests leave the client: each API call carries a freshly minted RS256 token, every
 * request has a deadline, and every answer other than 2xx becomes a `ParleyApiError`.
 */
export class MeetingsHttp {
  constructor(private readonly options: MeetingsHttpOptions) {}

  /** An API call answered with JSON. */
  async json<T>(method: string, path: string, request: ApiRequest = {}): Promise<T> {
    return JSON.parse(await this.api(method, path, request)) as T;
  }

  /** An API call whose answer has nothing to read (204, or a body nobody specified). */
  async discardingAnswer(method: string, path: string, request: ApiRequest = {}): Promise<void> {
    await this.api(method, path, request);
  }

  /**
   * A multipart POST to an upload target. It carries no token: the target authorizes the upload by its
   * own fields, and may live on another host that has no business seeing the application's credentials.
   */
  async postForm(url: string, form: FormData): Promise<void> {
    await this.send('POST', url, {}, form);
  }

  private async api(method: string, path: string, request: ApiRequest): Promise<string> {
    const token = await mintApplicationToken({
      applicationId: this.options.applicationId,
      privateKey: this.options.privateKey,
      ...(this.options.tokenTtlSeconds !== undefined ? { ttlSeconds: this.options.tokenTtlSeconds } : {}),
    });
    const search = request.query?.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return this.send(
      method,
      `${this.options.apiUrl}${path}${search ? `?${search}` : ''}`,
      headers,
      request.body !== undefined ? JSON.stringify(request.body) : undefined,
    );
  }

  private async send(method: string, url: string, headers: Record<string, string>, body: string | FormData | undefined): Promise<string> {
    const { timeoutMs } = this.options;
    try {
      // The deadline covers reading the body too: the signal stays attached to the response stream.
      const response = await this.options.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw ParleyApiError.fromResponse(response.status, text);
      return text;
    } catch (error) {
      if (error instanceof ParleyApiError) throw error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new Error(timedOut ? `${method} ${url} timed out after ${timeoutMs} ms` : `${method} ${url} failed: ${failureOf(error)}`, { cause: error });
    }
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause. */
function failureOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail ? `${message} (${detail})` : message;
}
