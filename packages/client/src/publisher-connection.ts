import type { IceCandidate } from '@parley/protocol';

/**
 * @internal The publishing PeerConnection: sends the local camera and microphone. Offers go to the
 * server with `sendOffer`, which resolves with the SFU's answer.
 */
export class PublisherConnection {
  readonly pc: RTCPeerConnection;
  /** Serializes negotiations: an ICE restart must not cross a renegotiation in flight. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sendOffer: (sdp: string) => Promise<string>,
    onCandidate: (candidate: IceCandidate | null) => void,
  ) {
    this.pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.pc.onicecandidate = (event) => onCandidate(event.candidate ? toIceCandidate(event.candidate) : null);
  }

  async publish(stream: MediaStream): Promise<void> {
    for (const track of stream.getTracks()) this.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    await this.negotiate();
  }

  /** Swaps the published track of the same kind (a device change), without renegotiation. */
  async replaceTrack(track: MediaStreamTrack): Promise<boolean> {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === track.kind);
    if (!sender) return false;
    await sender.replaceTrack(track);
    return true;
  }

  /** Negotiates fresh ICE credentials, for a path that failed or a network that changed. */
  restartIce(): Promise<void> {
    return this.negotiate({ iceRestart: true });
  }

  close(): void {
    this.pc.close();
  }

  private negotiate(options?: RTCOfferOptions): Promise<void> {
    const run = this.chain.then(() => this.offerAndApply(options));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async offerAndApply(options?: RTCOfferOptions): Promise<void> {
    const offer = await this.pc.createOffer(options);
    await this.pc.setLocalDescription(offer);
    const answer = await this.sendOffer(offer.sdp ?? '');
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answer });
  }
}

export function toIceCandidate(candidate: RTCIceCandidate): IceCandidate {
  return { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex };
}
