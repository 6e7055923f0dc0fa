import type { IceCandidate, MediaKind, SubscribedStream } from '@parley/protocol';

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
  /**
   * Stops (`true`) or lets through again (`false`) every stream of this kind the publisher sends, at the
   * SFU: nobody receives it, whatever the browser sends. Holds for streams published later too.
   */
  setModerated(kind: MediaKind, moderated: boolean): Promise<void>;
  /** Cuts the publisher off at the SFU at once: its streams stop reaching anyone and its connection is torn down. */
  kick(): Promise<void>;
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
  trickle(candidate: IceCandidate | null): Promise<void>;
  close(): Promise<void>;
}
