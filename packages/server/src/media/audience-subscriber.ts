import type { IceCandidate } from '@parley/protocol';
import type { MediaSubscriber, StreamReception } from './media-backend.js';

/**
 * An attendee's subscriber in a cascading room, over the subscriber of the room that carries them (the
 * origin, or a leaf that may still be opening: calls wait for it, in order). Closing it once tells the
 * cascade a place is free.
 */
export class AudienceSubscriber implements MediaSubscriber {
  private closed = false;

  constructor(
    private readonly inner: Promise<MediaSubscriber>,
    private readonly onClosed: () => void,
  ) {}

  async receive(streams: readonly StreamReception[]): Promise<void> {
    await (await this.inner).receive(streams);
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
