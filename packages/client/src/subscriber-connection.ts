import type { IceCandidate, StreamSource, SubscribedStream } from '@parley/protocol';
import { toIceCandidate } from './publisher-connection.js';

/**
 * @internal The subscribing PeerConnection: everything the SFU sends, one media line per remote
 * track. The server offers, this answers; `streams` says whose track each media line carries, and
 * what it is (their microphone, camera, screen share or its sound).
 */
export class SubscriberConnection {
  readonly pc: RTCPeerConnection;
  private streamsByMid = new Map<string, SubscribedStream>();
  /** Serializes offers: a renegotiation must wait for the previous one to finish. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sendAnswer: (sdp: string) => void,
    onCandidate: (candidate: IceCandidate | null) => void,
    private readonly onTrack: (participantId: string, source: StreamSource, track: MediaStreamTrack) => void,
    private readonly onTrackEnded: (participantId: string, source: StreamSource, track: MediaStreamTrack) => void,
  ) {
    this.pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.pc.onicecandidate = (event) => onCandidate(event.candidate ? toIceCandidate(event.candidate) : null);
    this.pc.ontrack = (event) => {
      const mid = event.transceiver.mid;
      const stream = mid ? this.streamsByMid.get(mid) : undefined;
      if (stream) this.onTrack(stream.participantId, stream.source, event.track);
    };
  }

  applyOffer(sdp: string, streams: SubscribedStream[]): Promise<void> {
    this.chain = this.chain.then(() => this.negotiate(sdp, streams));
    return this.chain;
  }

  /** Whose media arrives on media line `mid`. */
  participantOf(mid: string): string | undefined {
    return this.streamsByMid.get(mid)?.participantId;
  }

  close(): void {
    this.pc.close();
  }

  private async negotiate(sdp: string, streams: SubscribedStream[]): Promise<void> {
    const previous = this.streamsByMid;
    this.streamsByMid = new Map(streams.map((s) => [s.mid, s]));
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    this.sendAnswer(answer.sdp ?? '');
    // Media lines the new offer no longer carries: their tracks have ended for the page.
    for (const [mid, stream] of previous) {
      const now = this.streamsByMid.get(mid);
      if (now?.participantId === stream.participantId && now.source === stream.source) continue;
      const transceiver = this.pc.getTransceivers().find((t) => t.mid === mid);
      if (transceiver) this.onTrackEnded(stream.participantId, stream.source, transceiver.receiver.track);
    }
  }
}
