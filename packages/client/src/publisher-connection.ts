import { CAMERA_SIMULCAST_LAYERS, type IceCandidate, type StreamSource } from '@parley/protocol';

/** Sends an offer and what each of its media lines carries; resolves with the SFU's answer. */
export type SendPublisherOffer = (sdp: string, sources: Record<string, StreamSource>) => Promise<string>;

/** The camera's simulcast encodings, highest first: the order the SFU reads rids in by default. */
const CAMERA_ENCODINGS: RTCRtpEncodingParameters[] = [...CAMERA_SIMULCAST_LAYERS]
  .reverse()
  .map(({ rid, scaleResolutionDownBy, maxBitrate }) => ({ rid, scaleResolutionDownBy, maxBitrate }));

/** A shared screen is text more often than motion: keep it sharp, at a steady bitrate. */
const SCREEN_MAX_BITRATE = 1_500_000;

/**
 * The direction of a line that sends nothing (camera off, no share). Not `inactive`: the SFU picks no
 * codec for an inactive line it has never seen send, and rejects it, and a rejected line can never
 * send again. A `recvonly` line gets its codec and stays usable; the SFU sends nothing on it.
 */
const IDLE: RTCRtpTransceiverDirection = 'recvonly';

/**
 * @internal The publishing PeerConnection: microphone, simulcast camera and, while sharing, the
 * screen and its sound, each on its own transceiver. Turning the camera off or stopping a share stops
 * the line sending and renegotiates, so the server always knows who sends video. Offers go to the
 * server with `sendOffer`; an offer the server refuses is rolled back, leaving the connection as it was.
 */
export class PublisherConnection {
  readonly pc: RTCPeerConnection;
  private readonly transceivers = new Map<StreamSource, RTCRtpTransceiver>();
  /** Negotiations run one at a time. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sendOffer: SendPublisherOffer,
    onCandidate: (candidate: IceCandidate | null) => void,
  ) {
    this.pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.pc.onicecandidate = (event) => onCandidate(event.candidate ? toIceCandidate(event.candidate) : null);
  }

  /**
   * The first negotiation: the microphone and camera of `stream`; the camera sends only when
   * `cameraOn`. A refusal (of the camera: the presenter limit) leaves it idle for the next offer.
   */
  publish(stream: MediaStream, cameraOn: boolean): Promise<void> {
    return this.negotiate(() => {
      const microphone = stream.getAudioTracks()[0];
      const camera = stream.getVideoTracks()[0];
      if (microphone) this.transceivers.set('microphone', this.pc.addTransceiver(microphone, { direction: 'sendonly', streams: [stream] }));
      if (!camera) return () => undefined;
      const transceiver = this.pc.addTransceiver(camera, { direction: cameraOn ? 'sendonly' : IDLE, streams: [stream], sendEncodings: CAMERA_ENCODINGS });
      this.transceivers.set('camera', transceiver);
      return () => (transceiver.direction = IDLE);
    });
  }

  /** Whether a camera track is published (sending or not). */
  get hasCamera(): boolean {
    return this.transceivers.has('camera');
  }

  /** Starts or stops sending the camera; starting is refused beyond the room's presenter limit. */
  setCameraSending(on: boolean): Promise<void> {
    return this.negotiate(() => {
      const camera = this.transceivers.get('camera');
      if (!camera) return () => undefined;
      const before = camera.direction;
      camera.direction = on ? 'sendonly' : IDLE;
      return () => (camera.direction = before);
    });
  }

  /** Sends a screen share (and its sound); refused when someone else shares or beyond the presenter limit. */
  startScreen(video: MediaStreamTrack, audio: MediaStreamTrack | undefined): Promise<void> {
    return this.negotiate(async () => {
      const stream = new MediaStream(audio ? [video, audio] : [video]);
      const undoVideo = await this.sendOn('screen', video, stream, [{ maxBitrate: SCREEN_MAX_BITRATE }]);
      const undoAudio = audio ? await this.sendOn('screen-audio', audio, stream) : await this.silence('screen-audio');
      return () => {
        undoVideo();
        undoAudio();
      };
    });
  }

  /** Stops sending the screen share. */
  stopScreen(): Promise<void> {
    return this.negotiate(async () => {
      await this.silence('screen');
      await this.silence('screen-audio');
      return () => undefined;
    });
  }

  /** Swaps the published microphone or camera for another device, without renegotiation. */
  async replaceTrack(track: MediaStreamTrack): Promise<boolean> {
    const transceiver = this.transceivers.get(track.kind === 'audio' ? 'microphone' : 'camera');
    if (!transceiver) return false;
    await transceiver.sender.replaceTrack(track);
    return true;
  }

  /** Offers again what is sent now, for a server that stopped taking it (a webinar's stage left and come back to). */
  renegotiate(): Promise<void> {
    return this.negotiate(() => () => undefined);
  }

  /** Negotiates fresh ICE credentials, for a path that failed or a network that changed. */
  restartIce(): Promise<void> {
    return this.negotiate(() => () => undefined, { iceRestart: true });
  }

  close(): void {
    this.pc.close();
  }

  /**
   * Applies `change` (which returns how to undo it), then offers. A refused offer is rolled back and
   * the change undone, and the refusal rethrown.
   */
  private negotiate(change: () => (() => void) | Promise<() => void>, options?: RTCOfferOptions): Promise<void> {
    const run = async (): Promise<void> => {
      const undo = await change();
      const offer = await this.pc.createOffer(options);
      await this.pc.setLocalDescription(offer);
      let answer: string;
      try {
        answer = await this.sendOffer(offer.sdp ?? '', this.sources());
      } catch (error) {
        if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' });
        undo();
        throw error;
      }
      await this.pc.setRemoteDescription({ type: 'answer', sdp: answer });
    };
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Sends `track` on the source's transceiver, creating it the first time; returns the undo. */
  private async sendOn(source: StreamSource, track: MediaStreamTrack, stream: MediaStream, sendEncodings?: RTCRtpEncodingParameters[]): Promise<() => void> {
    const existing = this.transceivers.get(source);
    if (!existing) {
      const created = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream], ...(sendEncodings ? { sendEncodings } : {}) });
      this.transceivers.set(source, created);
      return () => {
        void created.sender.replaceTrack(null);
        created.direction = IDLE;
      };
    }
    const before = { direction: existing.direction, track: existing.sender.track };
    await existing.sender.replaceTrack(track);
    existing.sender.setStreams(stream);
    existing.direction = 'sendonly';
    return () => {
      void existing.sender.replaceTrack(before.track);
      existing.direction = before.direction;
    };
  }

  /** Stops sending on the source's transceiver, if it has one; returns the undo. */
  private async silence(source: StreamSource): Promise<() => void> {
    const transceiver = this.transceivers.get(source);
    if (!transceiver) return () => undefined;
    const before = { direction: transceiver.direction, track: transceiver.sender.track };
    await transceiver.sender.replaceTrack(null);
    transceiver.direction = IDLE;
    return () => {
      void transceiver.sender.replaceTrack(before.track);
      transceiver.direction = before.direction;
    };
  }

  /** What each negotiated media line carries, by mid. */
  private sources(): Record<string, StreamSource> {
    const sources: Record<string, StreamSource> = {};
    for (const [source, transceiver] of this.transceivers) if (transceiver.mid !== null) sources[transceiver.mid] = source;
    return sources;
  }
}

export function toIceCandidate(candidate: RTCIceCandidate): IceCandidate {
  return { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex };
}
