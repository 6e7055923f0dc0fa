import type { IceCandidate } from '@parley/protocol';
import type { MediaRoom, MediaSubscriber, StreamReception, SubscriberOfferDescription } from './media-backend.js';

/**
 * A participant's subscriber in a pooled room: the same object for the whole session, over whichever
 * SFU subscriber the room has now. When the room is re-created it starts afresh there, and its first
 * offer is for a new connection. What was asked before an interruption and still waits for the room
 * (an answer or candidate of the lost connection) is dropped.
 */
export class PooledSubscriber implements MediaSubscriber {
  private inner: MediaSubscriber | undefined;
  /** Counts the room's interruptions, to tell what was asked before the latest one. */
  private interruptions = 0;
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
        if (this.inner === inner) this.options.onOffer(offer);
      },
    });
    this.inner = inner;
    void lost?.close().catch(() => undefined);
  }

  /** The room was lost: the connection the browser has is for an SFU subscriber that is gone. */
  interrupted(): void {
    this.interruptions++;
  }

  async receive(streams: readonly StreamReception[]): Promise<void> {
    this.wanted = streams;
    await this.room.ready();
    // A later call, made while the room was being restored, supersedes this one.
    if (this.wanted !== streams) return;
    await this.inner?.receive(streams);
  }

  answer(sdp: string): Promise<void> {
    return this.whenReady((inner) => inner.answer(sdp));
  }

  restartIce(): Promise<void> {
    return this.whenReady((inner) => inner.restartIce());
  }

  trickle(candidate: IceCandidate | null): Promise<void> {
    return this.whenReady((inner) => inner.trickle(candidate));
  }

  /** Runs `step` once the room is up, unless it was interrupted since it was asked. */
  private async whenReady(step: (inner: MediaSubscriber) => Promise<void>): Promise<void> {
    const asked = this.interruptions;
    await this.room.ready();
    if (asked === this.interruptions && this.inner) await step(this.inner);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    await this.inner?.close();
  }
}
