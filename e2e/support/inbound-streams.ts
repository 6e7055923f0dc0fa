import type { Page } from 'playwright-core';

/** One stream a page receives, as its receiver sees it. */
export interface InboundStream {
  /** Whose it is: the SFU names the publisher in each media line's msid. */
  participantId: string;
  kind: 'audio' | 'video';
  mid: string;
  packetsReceived: number;
  /** Video only: frames decoded so far, and the width of the last one (0 before any). */
  framesDecoded: number;
  frameWidth: number;
}

/**
 * Every stream the page receives, with whose it is. Reads the statistics of the recorded
 * PeerConnections (see `launchParticipant`) and the remote description that says whose media each
 * media line carries.
 */
export async function inboundStreams(page: Page): Promise<InboundStream[]> {
  return page.evaluate(async () => {
    const result: InboundStream[] = [];
    const pcs = (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed' || !pc.remoteDescription) continue;
      const owners = new Map<string, string>();
      for (const section of pc.remoteDescription.sdp.split(/\r?\nm=/).slice(1)) {
        const mid = /\na=mid:(\S+)/.exec(section)?.[1];
        const owner = /\na=msid:(\S+)/.exec(section)?.[1];
        if (mid && owner) owners.set(mid, owner);
      }
      const stats = await pc.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        const participantId = owners.get(String(report.mid));
        if (!participantId) return;
        result.push({
          participantId,
          kind: report.kind === 'audio' ? 'audio' : 'video',
          mid: String(report.mid),
          packetsReceived: Number(report.packetsReceived ?? 0),
          framesDecoded: Number(report.framesDecoded ?? 0),
          frameWidth: Number(report.frameWidth ?? 0),
        });
      });
    }
    return result;
  });
}

/** What a page has received from one participant so far: video frames decoded, audio packets. */
export interface ReceivedFrom {
  videoFrames: number;
  audioPackets: number;
  /** The widest video frame they send now (their camera, or a shared screen), 0 before any. */
  frameWidth: number;
}

export async function receivedFrom(page: Page, participantId: string): Promise<ReceivedFrom> {
  const received: ReceivedFrom = { videoFrames: 0, audioPackets: 0, frameWidth: 0 };
  for (const stream of await inboundStreams(page)) {
    if (stream.participantId !== participantId) continue;
    if (stream.kind === 'audio') received.audioPackets += stream.packetsReceived;
    else {
      received.videoFrames += stream.framesDecoded;
      received.frameWidth = Math.max(received.frameWidth, stream.frameWidth);
    }
  }
  return received;
}
