import type { IceCandidate, SubscribedStream } from '@parley/protocol';

/**
 * What the rooms domain needs from an SFU. `media/janus/` implements it over Janus VideoRoom; nothing
 * outside `media/` knows which SFU runs.
 */
export interface MediaBackend {
  /** Whether the SFU can take requests now, and if not, why. */
  health(): MediaHealth;
  createRoom(options: MediaRoomOptions): Promise<MediaRoom>;
  /** Called when the SFU restarted and every room on it is gone. Returns an unsubscribe function. */
  onReset(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface MediaHealth {
  ready: boolean;
  reason?: string;
}

export interface MediaRoomOptions {
  /** Unique id of the room on the SFU (Parley uses the session id). */
  id: string;
  description: string;
  maxPublishers: number;
}

export interface MediaRoom {
  readonly id: string;
  /** Joins a participant as a (not yet publishing) publisher: their feed id is their participant id. */
  joinPublisher(options: { participantId: string; displayName: string }): Promise<MediaPublisher>;
  /**
   * A subscriber that receives other participants' media over one multistream connection. Every offer
   * the browser must answer (the first and each renegotiation) is handed to `onOffer`.
   */
  createSubscriber(options: { participantId: string; onOffer: (offer: SubscriberOfferDescription) => void }): MediaSubscriber;
  destroy(): Promise<void>;
}

export interface MediaPublisher {
  readonly participantId: string;
  /** Applies the browser's offer; resolves with the SFU's answer. */
  publish(offerSdp: string): Promise<string>;
  /**
   * Called with `true` once the publisher's media reaches the SFU (others can subscribe only then),
   * and with `false` when its connection goes down.
   */
  onFlowing(listener: (flowing: boolean) => void): void;
  trickle(candidate: IceCandidate | null): Promise<void>;
  close(): Promise<void>;
}

export interface SubscriberOfferDescription {
  sdp: string;
  streams: SubscribedStream[];
}

export interface MediaSubscriber {
  /**
   * Makes the connection carry exactly these publishers' media, renegotiating (through `onOffer`) when
   * that changes anything. Calls are serialized; a change requested while an offer awaits the
   * browser's answer is applied after the answer.
   */
  setPublishers(participantIds: readonly string[]): Promise<void>;
  /** The browser's answer to the last offer. */
  answer(sdp: string): Promise<void>;
  /**
   * Offers the connection again with fresh ICE credentials (through `onOffer`), for a browser whose
   * ICE failed or that reconnected. An offer still awaiting its answer, which the browser may never
   * have received, is handed to `onOffer` again first; the restart follows its answer. Nothing to do
   * before the first offer.
   */
  restartIce(): Promise<void>;
  trickle(candidate: IceCandidate | null): Promise<void>;
  close(): Promise<void>;
}
