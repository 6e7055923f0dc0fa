import type { Logger } from 'pino';
import type { Scheduler } from '../clock.js';
import { isDatabaseUnreachable } from './database-unreachable.js';

/** Waits between tries while the database is unreachable: quick at first, then every few seconds. */
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

interface Write {
  what: string;
  write: () => Promise<void>;
}

/**
 * Writes of what happens in a live meeting (who left, that it ended, its state), in order, that a
 * database outage delays instead of losing. A write is tried at once; while the database cannot be
 * reached it is kept, with every write after it, and tried again until the database is back, so the
 * meeting goes on meanwhile and the record (and the webhooks it sends) catches up afterwards. Each
 * write must be safe to repeat: one that failed midway may have landed. What is still kept when the
 * process ends is lost, and logged as such.
 */
export class OutageTolerantWrites {
  private readonly kept: Write[] = [];
  /** Writes run one at a time, in the order they came. */
  private tail: Promise<void> = Promise.resolve();
  private cancelRetry: (() => void) | undefined;
  private failures = 0;

  constructor(private readonly deps: { scheduler: Scheduler; logger: Logger }) {}

  /**
   * Writes now, or keeps the write for later if the database is unreachable (or earlier writes are
   * kept already). Resolves once it is written or kept; rejects when the database refused it.
   */
  run(what: string, write: () => Promise<void>): Promise<void> {
    const attempt = this.tail.then(async () => {
      if (this.kept.length > 0) {
        this.kept.push({ what, write });
        return;
      }
      try {
        await write();
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error;
        this.deps.logger.warn({ err: error, write: what }, 'the database is unreachable; the write is kept until it is back');
        this.kept.push({ what, write });
        this.retryLater();
      }
    });
    this.tail = attempt.catch(() => undefined);
    return attempt;
  }

  /** How many writes wait for the database. */
  get waiting(): number {
    return this.kept.length;
  }

  /** Gives up on what is kept (the process ends): says what is lost. */
  close(): void {
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    if (this.kept.length > 0) {
      this.deps.logger.error({ lost: this.kept.map((k) => k.what) }, 'the database was still unreachable: these writes are lost');
      this.kept.length = 0;
    }
  }

  private retryLater(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] as number;
    this.cancelRetry = this.deps.scheduler.after(delay, () => {
      this.cancelRetry = undefined;
      this.tail = this.tail.then(() => this.writeKept());
    });
  }

  /** Writes what was kept, oldest first, until all is written or the database fails again. */
  private async writeKept(): Promise<void> {
    while (this.kept.length > 0) {
      const next = this.kept[0] as Write;
      try {
        await next.write();
      } catch (error) {
        if (isDatabaseUnreachable(error)) {
          this.failures++;
          this.retryLater();
          return;
        }
        this.deps.logger.error({ err: error, write: next.what }, 'the database refused a kept write; it is dropped');
      }
      this.kept.shift();
    }
    if (this.failures > 0) this.deps.logger.info('the database is back; the kept writes are written');
    this.failures = 0;
  }
}
