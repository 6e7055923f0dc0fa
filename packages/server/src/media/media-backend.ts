import type { IceCandidate, MediaKind, StreamSource, SubscribedStream } from '@parley/protocol';

/**
 * What the rooms domain needs from an SFU. `media/janus/` implements it over Janus VideoRoom; nothing
 * outside `media/` knows which SFU runs.
 */
export interface MediaBackend {
  /** Whether the SFU can take requests now, and if not, why. */
  health(): MediaHealth;
  /** Called whenever `health()` changes. Returns an unsubscribe function. */
  onHealthChanged(listener: (health: MediaHealth) => void): () => void;
  createRoom(options: MediaRoomOptions): Promise<MediaRoom>;
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
  /** How many participants may send media (audio included) at once. */
  maxPublishers: number;
  /**
   * A webinar's room: its audience (subscribers created with `audience`) may be spread over several
   * SFUs of a pool, each receiving the room's publishers from the origin (see `CascadingRoom`).
   */
  cascade?: boolean;
}

export interface MediaRoom {
  readonly id: string;
  /** Joins a participant as a (not yet publishing) publisher: their feed id is their participant id. */
  joinPublisher(options: { participantId: string; displayName: string }): Promise<MediaPublisher>;
  /**
   * A subscriber that receives other participants' media over one multistream connection. Every offer
   * the browser must answer (the first and each renegotiation) is handed to `onOffer`.
   */
  createSubscriber(options: SubscriberOptions): MediaSubscriber;
  /**
   * Records every stream published in the room into `folder` (absolute), one file per stream, until
   * `stopRecording`: the streams published now and those published later (people who join, a screen
   * share started). What each file holds is for `recording/recorded-files.ts` to read.
   */
  startRecording(folder: string): Promise<void>;
  /** Stops recording every stream; once this resolves, every file is complete. */
  stopRecording(): Promise<void>;
  /**
   * Called when the SFU holding the room died, or the connection to it did: every stream of the room
   * stopped. With `restoring`, the room is being re-created on a healthy SFU: its publishers and
   * subscribers stay valid, calls made meanwhile wait for it, and each must negotiate anew (a fresh
   * publish, a fresh subscriber offer). Without, the room is gone for good. A room already interrupted
   * calls a listener added later at once.
   */
  onInterrupted(listener: (restoring: boolean) => void): void;
  /**
   * Copies every microphone published in the room to `taps` until `stopAudioTaps`: those published now
   * and those published later (people who join, a microphone published again after its connection
   * dropped). Live captions listen to them.
   */
  startAudioTaps(taps: AudioTaps): Promise<void>;
  /** Stops copying microphones; every tap still open is closed first. */
  stopAudioTaps(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Where a room's microphones are copied to, one tap per participant: each as plain RTP to a UDP port on
 * 127.0.0.1 (so the media server must run on the same machine as the Parley node).
 */
export interface AudioTaps {
  /**
   * A participant's microphone is published: resolves with the local UDP port its RTP, in `format`, is
   * to be sent to. A failure leaves that microphone untapped.
   */
  open(participantId: string, format: RtpAudioFormat): Promise<{ port: number }>;
  /** Their microphone no longer reaches the tap: they left, it stopped being published, or taps stopped. */
  close(participantId: string): void;
}

/** How a tapped microphone's RTP is encoded: what an SDP's `a=rtpmap` line says. */
export interface RtpAudioFormat {
  codec: 'opus';
  payloadType: number;
  clockRate: number;
  channels: number;
}

export interface MediaPublisher {
  readonly participantId: string;
  /**
   * Applies the browser's offer, whose sending media lines carry `sources` (by mid); resolves with the
   * SFU's answer and the streams now published (the sending ones).
   */
  publish(offer: { sdp: string; sources: ReadonlyMap<string, StreamSource> }): Promise<PublishResult>;
  /**
   * Called with `true` once the publisher's media reaches the SFU (others can subscribe only then),
   * and with `false` when its connection goes down.
   */
  onFlowing(listener: (flowing: boolean) => void): void;
  /** Called when the SFU hears the participant start (`true`) or stop (`false`) speaking. */
  onTalking(listener: (talking: boolean) => void): void;
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

export interface PublishResult {
  sdp: string;
  streams: PublishedStream[];
}

/** A stream a participant publishes, which others can receive. */
export interface PublishedStream {
  /** The publisher's own mid for it. */
  mid: string;
  kind: 'audio' | 'video';
  source: StreamSource;
  /** Sent in the three simulcast layers of `CAMERA_SIMULCAST_LAYERS`. */
  simulcast: boolean;
}

/** A simulcast layer, as an index into `CAMERA_SIMULCAST_LAYERS` (0 is the lowest). */
export type SimulcastLayer = 0 | 1 | 2;

/** One of another participant's streams a subscriber receives, and how. */
export interface StreamReception extends PublishedStream {
  participantId: string;
  /** `false` keeps the stream subscribed but sends none of it (a video nobody shows). */
  send: boolean;
  /** Which layer of a simulcast stream to send. */
  layer: SimulcastLayer;
}

export interface SubscriberOptions {
  participantId: string;
  onOffer: (offer: SubscriberOfferDescription) => void;
  /**
   * A webinar attendee's: it only ever receives the room's publishers, so a cascading room may carry
   * it on a leaf SFU mirroring them.
   */
  audience?: boolean;
  /**
   * The SFU carrying this subscriber alone (not the room: its publishers are fine) was lost, and the
   * subscriber starts afresh on another: the browser must drop its connection and take the next offer
   * as a new one.
   */
  onMoved?: () => void;
}

/**
 * A room whose publishers can be mirrored in a room of the same id on another SFU of the same kind
 * (a leaf): everyone publishing, now and later, is received there as if they published there.
 */
export interface RelayableRoom {
  /** Resolves once those publishing now are mirrored in `leaf`. */
  startRelay(leaf: MediaRoom): Promise<MediaRelay>;
}

export interface MediaRelay {
  /** Stops mirroring: the leaf keeps none of the room's publishers. */
  stop(): Promise<void>;
}

export interface SubscriberOfferDescription {
  sdp: string;
  streams: SubscribedStream[];
}

export interface MediaSubscriber {
  /**
   * Makes the connection carry exactly these streams, renegotiating (through `onOffer`) when the set
   * changes, and sends each as its reception says (paused or not, which layer) without renegotiating.
   * Calls are serialized; a change of the set requested while an offer awaits the browser's answer is
   * applied after the answer.
   */
  receive(streams: readonly StreamReception[]): Promise<void>;
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
