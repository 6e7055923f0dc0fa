/** Time as the domain sees it; tests substitute a clock they can move. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The wire and storage format of every timestamp: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function isoTimestamp(date: Date): string {
  return date.toISOString();
}

export const MINUTE_MS = 60_000;
