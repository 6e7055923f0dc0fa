/** The first retry waits about this long; each next one twice as long as the one before. */
export const FIRST_RETRY_DELAY_MS = 5_000;
/** No wait grows past an hour, so a receiver that comes back is found within the hour. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * How long to wait after the `attempt`-th failed attempt (1 for the first): exponential backoff with
 * "equal jitter", half fixed and half random, so receivers that failed together (a receiver restart,
 * a network cut) are not all retried in the same instant, yet every wait stays at least half its step.
 * `random` is in [0, 1). A receiver's `Retry-After` lengthens the wait, never shortens it.
 */
export function retryDelayMs(attempt: number, random: number, retryAfterMs?: number): number {
  const step = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  const backoff = Math.round(step / 2 + (step / 2) * random);
  return Math.max(backoff, Math.min(retryAfterMs ?? 0, MAX_RETRY_DELAY_MS));
}
