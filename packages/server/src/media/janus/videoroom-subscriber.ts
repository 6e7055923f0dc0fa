import type { JanodeHandle, JanusMessage } from 'janode';
import type { IceCandidate, StreamSource, SubscribedStream } from '@parley/protocol';
import type { MediaSubscriber, SimulcastLayer, StreamReception, SubscriberOfferDescription } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';

/** A stream of the subscription as the VideoRoom lists it. */
interface JanusStream {
  type: 'audio' | 'video' | 'data';
  active: boolean;
  mid: string;
  feed_id?: string;
  feed_mid?: string;
}

/** How Janus sends a video line: paused or not, and which simulcast substream. */
interface SendState {
  send: boolean;
  layer: SimulcastLayer;
}

/** What Janus does with a line it just subscribed (or reused): send it, at the highest substream. */
const JANUS_DEFAULT: SendState = { send: true, layer: 2 };

/**
 * A reconciliation that failed (Janus slow to answer under load, a stream gone meanwhile) is tried
 * again this much later, a few times: it compares wanted with actual, so trying again is safe, and
 * nothing else would retry it until the next change.
 */
const RETRY_MS = 2000;
const MAX_RETRIES = 5;

/** A publisher's stream (its feed and its mid there) and the subscriber mid it arrives on. */
interface Subscribed {
  participantId: string;
  mid: string;
  subscriberMid: string;
}

/** A publisher's stream, named the way Janus subscriptions name it: feed and mid. */
function streamKey(participantId: string, mid: string): string {
  return `${participantId}/${mid}`;
}

/**
 * One participant's multistream subscription. Janus subscribes stream by stream (publisher feed and
 * mid); which streams are subscribed changes by renegotiation, and whether and at which layer each
 * video is sent changes by `configure`, with no renegotiation. Changes are serialized on a promise
 * chain, and no renegotiation is started while an offer awaits the browser's answer: Janus would
 * otherwise queue a second offer the browser cannot tell apart from the first.
 */
export class VideoRoomSubscriber implements MediaSubscriber {
  private handle: JanodeHandle | undefined;
  /** The publisher streams Janus currently sends us, by stream key. */
  private subscribed = new Map<string, Subscribed>();
  /** How Janus sends each subscriber video mid, as last configured. */
  private readonly sendStates = new Map<string, SendState>();
  /** The source of every stream ever asked for, by stream key, to describe offers. */
  private readonly sources = new Map<string, StreamSource>();
  private wanted: readonly StreamReception[] = [];
  /** The offer the browser has not answered yet, if any. */
  private unanswered: SubscriberOfferDescription | undefined;
  /** What the connection carries, as the last offer described it. */
  private streams: SubscribedStream[] = [];
  /** An ICE restart asked for while an offer awaited its answer: Janus takes it only after. */
  private restartWanted = false;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retries = 0;

  constructor(
    private readonly client: JanusClient,
    private readonly roomId: string,
    readonly participantId: string,
    private readonly onOffer: (offer: SubscriberOfferDescription) => void,
  ) {}

  receive(streams: readonly StreamReception[]): Promise<void> {
    this.wanted = streams.filter((s) => s.participantId !== this.participantId);
    for (const s of this.wanted) this.sources.set(streamKey(s.participantId, s.mid), s.source);
    this.retries = 0;
    return this.reconcileOrRetry();
  }

  answer(sdp: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.handle || !this.unanswered) return;
      await this.client.request(this.handle, { request: 'start' }, { type: 'answer', sdp });
      this.unanswered = undefined;
      if (this.restartWanted) await this.restart();
    }).then(() => this.reconcileOrRetry());
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
    clearTimeout(this.retryTimer);
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

  /** Reconciles now; a failure is retried later, and reported to the caller. */
  private reconcileOrRetry(): Promise<void> {
    return this.enqueue(() => this.reconcile()).then(
      () => {
        this.retries = 0;
      },
      (error: unknown) => {
        if (!this.closed && !this.retryTimer && this.retries < MAX_RETRIES) {
          this.retries++;
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.reconcileOrRetry().catch(() => undefined);
          }, RETRY_MS);
        }
        throw error;
      },
    );
  }

  private async reconcile(): Promise<void> {
    if (!this.unanswered) await this.resubscribe();
    await this.configure();
  }

  /** Brings Janus's set of streams to the wanted set, renegotiating when it changes. */
  private async resubscribe(): Promise<void> {
    const wanted = new Map(this.wanted.map((s) => [streamKey(s.participantId, s.mid), s]));
    const add = [...wanted].filter(([key]) => !this.subscribed.has(key)).map(([, s]) => s);
    const remove = [...this.subscribed].filter(([key]) => !wanted.has(key)).map(([, s]) => s);
    if (add.length === 0 && remove.length === 0) return;

    let answer: JanusMessage | undefined;
    if (!this.handle) {
      if (add.length === 0) return;
      answer = await this.join(add);
    } else {
      answer = await this.update(add, remove);
    }
    if (!answer) return;
    const streams = answer.plugindata?.data.streams as JanusStream[] | undefined;
    if (streams) this.adopt(streams);
    if (answer.jsep?.type === 'offer') this.offer({ sdp: answer.jsep.sdp, streams: this.describe(streams ?? []) });
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

  /** Takes Janus's list of the subscription's streams as the truth about what it sends. */
  private adopt(streams: JanusStream[]): void {
    const next = new Map<string, Subscribed>();
    for (const s of streams) {
      if (!s.active || s.type === 'data' || s.feed_id === undefined || s.feed_mid === undefined) continue;
      const participantId = String(s.feed_id);
      next.set(streamKey(participantId, s.feed_mid), { participantId, mid: s.feed_mid, subscriberMid: s.mid });
    }
    const states = new Map(this.sendStates);
    this.sendStates.clear();
    for (const [key, { subscriberMid }] of next) {
      // A line that now carries another stream (Janus reuses freed lines) starts from Janus's defaults.
      const kept = this.subscribed.get(key)?.subscriberMid === subscriberMid ? states.get(subscriberMid) : undefined;
      this.sendStates.set(subscriberMid, kept ?? JANUS_DEFAULT);
    }
    this.subscribed = next;
  }

  /** Pauses, resumes and switches the layer of subscribed videos to match their wanted reception. */
  private async configure(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    const changes: { mid: string; state: SendState; simulcast: boolean }[] = [];
    for (const s of this.wanted) {
      const mid = s.kind === 'video' ? this.subscribed.get(streamKey(s.participantId, s.mid))?.subscriberMid : undefined;
      if (mid === undefined) continue;
      const current = this.sendStates.get(mid) ?? JANUS_DEFAULT;
      // A paused video keeps its layer: nothing is sent, and resuming picks the layer anew.
      const state: SendState = { send: s.send, layer: s.send && s.simulcast ? s.layer : current.layer };
      if (state.send !== current.send || state.layer !== current.layer) changes.push({ mid, state, simulcast: s.simulcast });
    }
    if (changes.length === 0) return;
    await this.client.request(handle, {
      request: 'configure',
      streams: changes.map(({ mid, state, simulcast }) => ({ mid, send: state.send, ...(simulcast ? { substream: state.layer } : {}) })),
    });
    for (const { mid, state } of changes) this.sendStates.set(mid, state);
  }

  private describe(streams: JanusStream[]): SubscribedStream[] {
    const described: SubscribedStream[] = [];
    for (const s of streams) {
      if (!s.active || s.type === 'data' || s.feed_id === undefined || s.feed_mid === undefined) continue;
      const participantId = String(s.feed_id);
      const source = this.sources.get(streamKey(participantId, s.feed_mid));
      if (source) described.push({ mid: s.mid, participantId, kind: s.type, source });
    }
    return described;
  }

  private async join(streams: StreamReception[]): Promise<JanusMessage | undefined> {
    const handle = await this.client.attachVideoRoom();
    this.handle = handle;
    const body = (list: StreamReception[]): Record<string, unknown> => ({
      request: 'join',
      ptype: 'subscriber',
      room: this.roomId,
      streams: list.map((s) => ({ feed: s.participantId, mid: s.mid })),
      // Parley renegotiates when a publisher leaves, after the browser answered any pending offer.
      autoupdate: false,
      use_msid: true,
    });
    try {
      return await this.client.request(handle, body(streams));
    } catch (error) {
      // A stream that went away between the decision and the request fails the whole join: subscribe
      // the first one that still exists; the next reconciliation adds the others.
      if (streams.length === 1) throw error;
      for (const stream of streams) {
        try {
          return await this.client.request(handle, body([stream]));
        } catch {
          continue;
        }
      }
      throw error;
    }
  }

  private async update(add: StreamReception[], remove: Subscribed[]): Promise<JanusMessage | undefined> {
    const handle = this.handle;
    if (!handle) return undefined;
    const request = (subscribe: StreamReception[], unsubscribe: Subscribed[]): Promise<JanusMessage> =>
      this.client.request(handle, {
        request: 'update',
        ...(subscribe.length > 0 ? { subscribe: subscribe.map((s) => ({ feed: s.participantId, mid: s.mid })) } : {}),
        ...(unsubscribe.length > 0 ? { unsubscribe: unsubscribe.map((s) => ({ feed: s.participantId, mid: s.mid })) } : {}),
      });
    try {
      return await request(add, remove);
    } catch (error) {
      // Janus refuses the whole request when one stream to add went away meanwhile (unsubscribing is
      // forgiving). Each accepted request starts a renegotiation that must be answered before the
      // next, so apply the removals with the first addition that still exists; the next
      // reconciliation adds the others.
      for (const stream of add) {
        const answer = await request([stream], remove).catch(() => undefined);
        if (answer) return answer;
      }
      if (remove.length > 0) return request([], remove);
      throw error;
    }
  }
}
