import type { JanodeHandle, JanusMessage } from 'janode';
import type { IceCandidate, SubscribedStream } from '@parley/protocol';
import type { MediaSubscriber, SubscriberOfferDescription } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';

interface JanusStream {
  type: 'audio' | 'video' | 'data';
  active: boolean;
  mid: string;
  feed_id?: string;
}

/**
 * One participant's multistream subscription. Changes are serialized on a promise chain, and none is
 * sent to Janus while an offer awaits the browser's answer: Janus would otherwise queue a second offer
 * the browser cannot tell apart from the first.
 */
export class VideoRoomSubscriber implements MediaSubscriber {
  private handle: JanodeHandle | undefined;
  /** Feeds Janus currently sends us. */
  private readonly subscribed = new Set<string>();
  private wanted: readonly string[] = [];
  /** The offer the browser has not answered yet, if any. */
  private unanswered: SubscriberOfferDescription | undefined;
  /** What the connection carries, as the last offer described it. */
  private streams: SubscribedStream[] = [];
  /** An ICE restart asked for while an offer awaited its answer: Janus takes it only after. */
  private restartWanted = false;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly client: JanusClient,
    private readonly roomId: string,
    readonly participantId: string,
    private readonly onOffer: (offer: SubscriberOfferDescription) => void,
  ) {}

  setPublishers(participantIds: readonly string[]): Promise<void> {
    this.wanted = participantIds.filter((id) => id !== this.participantId);
    return this.enqueue(() => this.reconcile());
  }

  answer(sdp: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.handle || !this.unanswered) return;
      await this.client.request(this.handle, { request: 'start' }, { type: 'answer', sdp });
      this.unanswered = undefined;
      if (this.restartWanted) await this.restart();
      else await this.reconcile();
    });
  }

  restartIce(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.handle) return;
      if (this.unanswered) {
        // Janus would hold a restart back until the answer, and never answer this request meanwhile.
        this.restartWanted = true;
        this.onOffer(this.unanswered);
        return;
      }
      await this.restart();
    });
  }

  async trickle(candidate: IceCandidate | null): Promise<void> {
    if (this.handle) await this.client.trickle(this.handle, candidate);
  }

  async close(): Promise<void> {
    this.closed = true;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await this.client.detach(handle);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => (this.closed ? undefined : step()));
    // A failed step must not wedge the chain for the steps after it; the caller hears of the failure.
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async restart(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.restartWanted = false;
    const answer = await this.client.request(handle, { request: 'configure', restart: true });
    // Janus's answer to a restart lists no streams: they are the ones the last offer carried.
    if (answer.jsep?.type === 'offer') this.offer({ sdp: answer.jsep.sdp, streams: this.streams });
  }

  private offer(offer: SubscriberOfferDescription): void {
    this.unanswered = offer;
    this.streams = offer.streams;
    this.onOffer(offer);
  }

  /** Brings Janus's set of feeds to the wanted set, unless an offer is still unanswered. */
  private async reconcile(): Promise<void> {
    if (this.unanswered) return;
    const add = this.wanted.filter((id) => !this.subscribed.has(id));
    const remove = [...this.subscribed].filter((id) => !this.wanted.includes(id));
    if (add.length === 0 && remove.length === 0) return;

    let answer: JanusMessage | undefined;
    if (!this.handle) {
      if (add.length === 0) return;
      answer = await this.join(add);
    } else {
      answer = await this.update(add, remove);
    }
    if (!answer) return;
    const data = answer.plugindata?.data ?? {};
    const streams = ((data.streams as JanusStream[] | undefined) ?? []).filter((s) => s.active && s.type !== 'data' && s.feed_id);
    this.subscribed.clear();
    for (const s of streams) this.subscribed.add(String(s.feed_id));
    if (answer.jsep?.type === 'offer') this.offer({ sdp: answer.jsep.sdp, streams: streams.map(toSubscribedStream) });
  }

  private async join(feeds: string[]): Promise<JanusMessage | undefined> {
    const handle = await this.client.attachVideoRoom();
    this.handle = handle;
    const body = (list: string[]): Record<string, unknown> => ({
      request: 'join',
      ptype: 'subscriber',
      room: this.roomId,
      streams: list.map((feed) => ({ feed })),
      // Parley renegotiates when a publisher leaves, after the browser answered any pending offer.
      autoupdate: false,
      use_msid: true,
    });
    try {
      return await this.client.request(handle, body(feeds));
    } catch (error) {
      // A feed that left between the decision and the request fails the whole join: try them one by one.
      if (feeds.length === 1) throw error;
      for (const feed of feeds) {
        try {
          const joined = await this.client.request(handle, body([feed]));
          this.subscribed.add(feed);
          return joined;
        } catch {
          continue;
        }
      }
      throw error;
    }
  }

  private async update(add: string[], remove: string[]): Promise<JanusMessage | undefined> {
    const handle = this.handle;
    if (!handle) return undefined;
    const request = (subscribe: string[], unsubscribe: string[]): Promise<JanusMessage> =>
      this.client.request(handle, {
        request: 'update',
        ...(subscribe.length > 0 ? { subscribe: subscribe.map((feed) => ({ feed })) } : {}),
        ...(unsubscribe.length > 0 ? { unsubscribe: unsubscribe.map((feed) => ({ feed })) } : {}),
      });
    try {
      return await request(add, remove);
    } catch {
      // One feed in the batch left Janus meanwhile: apply the changes one at a time, skipping those.
      let last: JanusMessage | undefined;
      for (const feed of remove) {
        last = (await request([], [feed]).catch(() => undefined)) ?? last;
        this.subscribed.delete(feed);
      }
      for (const feed of add) last = (await request([feed], []).catch(() => undefined)) ?? last;
      return last;
    }
  }
}

function toSubscribedStream(stream: JanusStream): SubscribedStream {
  return { mid: stream.mid, participantId: String(stream.feed_id), kind: stream.type === 'audio' ? 'audio' : 'video' };
}
