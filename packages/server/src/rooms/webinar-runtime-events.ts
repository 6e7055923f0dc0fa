import type { WebinarRuntimeStatus } from '@parley/protocol';

/** A webinar session moved on: what the RingCentral notifications and a session's history report. */
export interface WebinarRuntimeChange {
  roomId: string;
  sessionId: string;
  runtimeStatus: WebinarRuntimeStatus;
  /** ISO-8601. */
  changedAt: string;
}

export type WebinarRuntimeListener = (change: WebinarRuntimeChange) => void;

/**
 * Announces each change of a webinar session's runtime status, once it is stored, to whoever reports
 * it (notifications, webhooks). A failing listener never keeps the others from hearing it.
 */
export class WebinarRuntimeEvents {
  private readonly listeners = new Set<WebinarRuntimeListener>();

  /** Returns the function that stops listening. */
  onChanged(listener: WebinarRuntimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(change: WebinarRuntimeChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // Listeners report their own failures; the session goes on.
      }
    }
  }
}
