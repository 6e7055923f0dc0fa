/** What a receiver made of one POST. */
export type SendResult =
  /** 2xx: the receiver has it. */
  | { kind: 'accepted'; status: number }
  /** Worth another try later: no answer (refused, reset, timed out), a 5xx, or 429. */
  | { kind: 'retry'; status: number | null; error: string; retryAfterMs?: number }
  /** The receiver answered, and another try would get the same: a 4xx, or a redirect (never followed). */
  | { kind: 'refused'; status: number; error: string };

/** How much of a receiver's answer is kept as the delivery's last error, for whoever reads the log. */
const ERROR_BODY_CHARS = 200;

/**
 * POSTs one delivery, with a deadline that covers the whole exchange. Redirects are not followed: a
 * receiver's 3xx could point anywhere, and the signed body must only go where it was configured.
 * `abort` cancels the attempt when the server stops; it then rejects with the abort reason.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; abort: AbortSignal },
): Promise<SendResult> {
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.abort]);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Parley-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (options.abort.aborted) throw options.abort.reason;
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { kind: 'retry', status: null, error: timedOut ? `no answer within ${options.timeoutMs} ms` : `request failed: ${failureOf(error)}` };
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'accepted', status };
  const answer = `HTTP ${status}${text.trim() === '' ? '' : `: ${text.trim().slice(0, ERROR_BODY_CHARS)}`}`;
  if (status >= 300 && status < 400) {
    return { kind: 'refused', status, error: `${answer} (redirected to ${response.headers.get('location') ?? 'nowhere'}; redirects are not followed, configure the final URL)` };
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = retryAfterOf(response.headers.get('retry-after'));
    return { kind: 'retry', status, error: answer, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { kind: 'refused', status, error: answer };
}

/** `Retry-After` in seconds (the HTTP-date form is rare from receivers, and ignored). */
function retryAfterOf(header: string | null): number | undefined {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : undefined;
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause. */
function failureOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail ? `${message} (${detail})` : message;
}
