import type { IceCandidate } from '@parley/protocol';
import type { MediaRoom, MediaSubscriber, StreamReception, SubscriberOfferDescription } from './media-backend.js';

/**
 * A participant's subscriber in a pooled room: the same object for the whole session, over whichever
 * SFU subscriber the room has now. When the room is re-created it starts afresh there, and its first
 * offer is for a new connection; what the browser says of the lost one (a late answer or candidate)
 * is dropped until that offer.
 */
export class PooledSubscriber implements MediaSubscriber {
  private inner: MediaSubscriber | undefined;
  /** Whether the browser's answers and candidates are for the current SFU subscriber (see the class). */
  private browserCurrent = true;
  /** The latest reception asked for: while the room is restored, only it matters. */
  private wanted: readonly StreamReception[] | undefined;
  private closed = false;

  constructor(
    private readonly room: { ready(): Promise<MediaRoom> },
    private readonly options: { participantId: string; onOffer: (offer: SubscriberOfferDescription) => void },
    private readonly onClosed: () => void,
  ) {}

  /** Starts on `room` (the room as created, or as re-created): nothing is received there yet. */
  startOn(room: MediaRoom): void {
    if (this.closed) return;
    const lost = this.inner;
    const inner = room.createSubscriber({
      participantId: this.options.participantId,
      onOffer: (offer) => {
        if (this.inner !== inner) return;
        this.browserCurrent = true;
        this.options.onOffer(offer);
      },
    });
    this.inner = inner;
    void lost?.close().catch(() => undefined);
  }

  /** The room was lost: the connection the browser has is for an SFU subscriber that is gone. */
  interrupted(): void {
    this.browserCurrent = false;
  }

  async receive(streams: readonly StreamReception[]): Promise<void> {
    this.wanted = streams;
    await this.room.ready();
    // A later call, made while the room was being restored, supersedes this one.
    if (this.wanted !== streams) return;
    await this.inner?.receive(streams);
  }

  async answer(sdp: string): Promise<void> {
    if (!this.browserCurrent) return;
    await this.room.ready();
    await this.inner?.answer(sdp);
  }

  async restartIce(): Promise<void> {
    await this.room.ready();
    await this.inner?.restartIce();
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    if (!this.browserCurrent) return;
    await this.room.ready();
    await this.inner?.trickle(candidate);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    await this.inner?.close();
  }
}
