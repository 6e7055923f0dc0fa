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

/** Work deferred by the domain; tests substitute a scheduler their clock drives. */
export interface Scheduler {
  /** Runs `task` once after `ms`; returns the function that cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms);
    // Pending domain work never keeps a stopping process alive: shutdown settles it explicitly.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
