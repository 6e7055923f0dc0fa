import type { IceCandidate, MediaKind, StreamSource } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import type { MediaPublisher, MediaRoom, PublishResult } from './media-backend.js';

/**
 * A participant's publisher in a pooled room: the same object for the whole session, over whichever
 * SFU publisher the room has now. When the room is re-created it joins again, stopped by moderators
 * as before, and waits for the browser's fresh offer; events come only from the current SFU publisher.
 * What was asked before an interruption and still waits for the room is dropped: an offer or a
 * candidate of the connection the lost SFU carried means nothing to the new one.
 */
export class PooledPublisher implements MediaPublisher {
  private readonly moderated: Record<MediaKind, boolean> = { audio: false, video: false };
  private flowingListener: ((flowing: boolean) => void) | undefined;
  private talkingListener: ((talking: boolean) => void) | undefined;
  /** Counts the room's interruptions, to tell what was asked before the latest one. */
  private interruptions = 0;
  private closed = false;

  constructor(
    private readonly room: { ready(): Promise<MediaRoom> },
    private readonly as: { participantId: string; displayName: string },
    private inner: MediaPublisher,
    private readonly onClosed: () => void,
  ) {
    this.adopt(inner);
  }

  get participantId(): string {
    return this.as.participantId;
  }

  /**
   * The room was lost: what the browser sent is gone, and it will offer again. (Its listeners learn
   * it from the room's interruption, which stops everyone's media at once.)
   */
  interrupted(): void {
    this.interruptions++;
  }

  /** Joins `room`, where the room was re-created, as the participant was: stopped media stays stopped. */
  async rejoin(room: MediaRoom): Promise<void> {
    const inner = await room.joinPublisher(this.as);
    if (this.closed) {
      await inner.close();
      return;
    }
    for (const kind of ['audio', 'video'] as const) if (this.moderated[kind]) await inner.setModerated(kind, true);
    const lost = this.inner;
    this.adopt(inner);
    void lost.close().catch(() => undefined);
  }

  async publish(offer: { sdp: string; sources: ReadonlyMap<string, StreamSource> }): Promise<PublishResult> {
    const asked = this.interruptions;
    await this.room.ready();
    if (asked !== this.interruptions) throw new ParleyError('media_unavailable', 'The offer was for a media server that was lost');
    return this.inner.publish(offer);
  }

  onFlowing(listener: (flowing: boolean) => void): void {
    this.flowingListener = listener;
  }

  onTalking(listener: (talking: boolean) => void): void {
    this.talkingListener = listener;
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    const asked = this.interruptions;
    await this.room.ready();
    if (asked === this.interruptions) await this.inner.trickle(candidate);
  }

  async setModerated(kind: MediaKind, moderated: boolean): Promise<void> {
    const before = this.moderated[kind];
    this.moderated[kind] = moderated;
    try {
      await this.room.ready();
      await this.inner.setModerated(kind, moderated);
    } catch (error) {
      this.moderated[kind] = before;
      throw error;
    }
  }

  async kick(): Promise<void> {
    await this.room.ready();
    await this.inner.kick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    await this.inner.close();
  }

  private adopt(inner: MediaPublisher): void {
    this.inner = inner;
    inner.onFlowing((flowing) => {
      if (this.inner === inner) this.flowingListener?.(flowing);
    });
    inner.onTalking((talking) => {
      if (this.inner === inner) this.talkingListener?.(talking);
    });
  }
}
