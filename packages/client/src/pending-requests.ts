import { ParleyClientError } from './client-error.js';

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * @internal Requests sent over the signaling socket that await the server's answer, by request id:
 * each settles once, with its answer, its refusal, a timeout, or the connection's loss.
 */
export class PendingRequests<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private next = 1;

  constructor(
    private readonly prefix: string,
    private readonly timeoutMs: number,
    private readonly timeoutMessage: string,
  ) {}

  /** A fresh request id, and the promise its answer settles. `send` sends the request carrying the id. */
  start(send: (requestId: string) => void): Promise<T> {
    const requestId = `${this.prefix}-${this.next++}`;
    const answered = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new ParleyClientError('timeout', this.timeoutMessage));
      }, this.timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
    });
    send(requestId);
    return answered;
  }

  /** Settles the request with its answer; `false` when the id is not one of ours (or already settled). */
  resolve(requestId: string, value: T): boolean {
    const pending = this.take(requestId);
    pending?.resolve(value);
    return pending !== undefined;
  }

  reject(requestId: string, error: Error): boolean {
    const pending = this.take(requestId);
    pending?.reject(error);
    return pending !== undefined;
  }

  rejectAll(error: Error): void {
    for (const requestId of [...this.pending.keys()]) this.reject(requestId, error);
  }

  private take(requestId: string): Pending<T> | undefined {
    const pending = this.pending.get(requestId);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(requestId);
    return pending;
  }
}
