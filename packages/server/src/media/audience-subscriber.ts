import type { IceCandidate } from '@parley/protocol';
import type { MediaSubscriber, StreamReception } from './media-backend.js';

/**
 * An attendee's subscriber in a cascading room, over the subscriber of the room that carries them (the
 * origin, or a leaf that may still be opening: calls wait for it, in order). Closing it once tells the
 * cascade a place is free.
 */
export class AudienceSubscriber implements MediaSubscriber {
  private closed = false;
  /** What was last asked for: received again when the subscriber starts afresh. */
  private wanted: readonly StreamReception[] = [];

  constructor(
    private inner: Promise<MediaSubscriber>,
    private readonly onClosed: () => void,
  ) {}

  async receive(streams: readonly StreamReception[]): Promise<void> {
    this.wanted = streams;
    await (await this.inner).receive(streams);
  }

  /**
   * Starts afresh with `next` (a new subscriber of the room carrying it, whose first offer is for a new
   * connection), dropping the one it had.
   */
  replace(next: Promise<MediaSubscriber>): void {
    const lost = this.inner;
    this.inner = next;
    void lost.then((subscriber) => subscriber.close()).catch(() => undefined);
  }

  /** Asks again for what was last asked for: once the streams are there again after a move. */
  async receiveAgain(): Promise<void> {
    if (this.wanted.length > 0) await this.receive(this.wanted);
  }

  async answer(sdp: string): Promise<void> {
    await (await this.inner).answer(sdp);
  }

  async restartIce(): Promise<void> {
    await (await this.inner).restartIce();
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    await (await this.inner).trickle(candidate);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    await (await this.inner).close();
  }
}
