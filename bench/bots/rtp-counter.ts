/**
 * Counts received RTP packets from their headers alone. SRTP encrypts only the payload, so a
 * subscriber bot can count what Janus forwards without paying for decryption: loss from gaps in each
 * stream's sequence numbers, video frames from the marker bit (set on a frame's last packet).
 * Padding-only packets (the P bit: a sender probing for bandwidth) count as packets, never as frames.
 */

/** Totals since the counter started; subtract two snapshots to get a window's figures. */
export interface RtpTotals {
  packets: number;
  bytes: number;
  /** Packets the sequence numbers say were sent (first to highest seen, per stream). */
  expected: number;
  /** Video frames completed (marker bits on video packets). */
  videoFrames: number;
  /** Streams (SSRCs) seen, audio and video. */
  streams: number;
  /** Streams that carried video; their number turns frames into a per-stream frame rate. */
  videoStreams: number;
}

export const NO_RTP: RtpTotals = { packets: 0, bytes: 0, expected: 0, videoFrames: 0, streams: 0, videoStreams: 0 };

interface StreamState {
  firstSeq: number;
  /** Highest sequence number seen, extended past 16-bit wrap-arounds. */
  highestSeq: number;
  video: boolean;
}

/**
 * First byte 128–191 is RTP or RTCP (RFC 7983 demultiplexing); RTCP packet types 192–223 sit where RTP
 * has its marker bit and payload type (RFC 5761).
 */
export function isRtpPacket(packet: Uint8Array): boolean {
  if (packet.length < 12) return false;
  const first = packet[0]!;
  const second = packet[1]!;
  return first >= 128 && first <= 191 && !(second >= 192 && second <= 223);
}

export class RtpCounter {
  private readonly streams = new Map<number, StreamState>();
  private packets = 0;
  private bytes = 0;
  private videoFrames = 0;

  /** `videoPayloadTypes`: the payload types the SDP assigns to video. */
  constructor(private readonly videoPayloadTypes: ReadonlySet<number>) {}

  /** Counts one received packet; anything that is not RTP (RTCP, STUN, DTLS) is ignored. */
  count(packet: Uint8Array): void {
    if (!isRtpPacket(packet)) return;
    const padded = (packet[0]! & 0x20) !== 0;
    const marker = (packet[1]! & 0x80) !== 0;
    const payloadType = packet[1]! & 0x7f;
    const seq = (packet[2]! << 8) | packet[3]!;
    const ssrc = ((packet[8]! << 24) | (packet[9]! << 16) | (packet[10]! << 8) | packet[11]!) >>> 0;
    this.packets++;
    this.bytes += packet.length;
    let stream = this.streams.get(ssrc);
    if (!stream) {
      stream = { firstSeq: seq, highestSeq: seq, video: this.videoPayloadTypes.has(payloadType) };
      this.streams.set(ssrc, stream);
    } else {
      // Forward distance modulo 2^16: under half the space ahead is newer, the rest is a late packet.
      const ahead = (seq - stream.highestSeq) & 0xffff;
      if (ahead !== 0 && ahead < 0x8000) stream.highestSeq += ahead;
    }
    if (marker && stream.video && !padded) this.videoFrames++;
  }

  totals(): RtpTotals {
    let expected = 0;
    let videoStreams = 0;
    for (const stream of this.streams.values()) {
      expected += stream.highestSeq - stream.firstSeq + 1;
      if (stream.video) videoStreams++;
    }
    return { packets: this.packets, bytes: this.bytes, expected, videoFrames: this.videoFrames, streams: this.streams.size, videoStreams };
  }
}

/** The payload types of the `m=video` sections of an SDP. */
export function videoPayloadTypes(sdp: string): Set<number> {
  const types = new Set<number>();
  for (const line of sdp.split(/\r?\n/)) {
    const media = /^m=video \d+ \S+ (.*)$/.exec(line);
    if (media) for (const type of media[1]!.trim().split(/\s+/)) types.add(Number(type));
  }
  return types;
}

export function addTotals(a: RtpTotals, b: RtpTotals): RtpTotals {
  return {
    packets: a.packets + b.packets,
    bytes: a.bytes + b.bytes,
    expected: a.expected + b.expected,
    videoFrames: a.videoFrames + b.videoFrames,
    streams: a.streams + b.streams,
    videoStreams: a.videoStreams + b.videoStreams,
  };
}
