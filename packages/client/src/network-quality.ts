/**
 * How well media gets through, in the three words a person can act on. `unknown` until there is
 * something to measure (no media yet, or only one sample so far).
 */
export type NetworkQuality = 'good' | 'fair' | 'poor' | 'unknown';

/** What `getStats` says about one direction of media over the last sampling interval. */
export interface NetworkSample {
  /** Round trip to the media server, in milliseconds. */
  roundTripTimeMs?: number;
  /** Share of packets lost, 0 to 1. */
  packetLoss?: number;
  /** Packet arrival jitter, in milliseconds. */
  jitterMs?: number;
  /** The sender's bandwidth estimate, in bits per second; judged only while video is sent. */
  availableBitrate?: number;
  sendingVideo?: boolean;
  /** Nothing gets through at all (ICE lost its path, or media that flowed stopped arriving). */
  stalled?: boolean;
}

/**
 * Where quality drops a step. Round trip: up to 300 ms (150 ms each way, ITU-T G.114) a conversation
 * feels live; past 600 ms people talk over each other. Loss: video shows artefacts from 2 %, freezes
 * from 8 %. Jitter past 30 ms strains the jitter buffer, past 80 ms audio breaks up. Bandwidth: below
 * 300 kbit/s a camera drops to its lowest layer, below 120 kbit/s video barely moves.
 */
export const NETWORK_QUALITY_THRESHOLDS = {
  fair: { roundTripTimeMs: 300, packetLoss: 0.02, jitterMs: 30, availableBitrate: 300_000 },
  poor: { roundTripTimeMs: 600, packetLoss: 0.08, jitterMs: 80, availableBitrate: 120_000 },
} as const;

/** The quality a sample shows: its worst measure decides. */
export function classifyNetworkQuality(sample: NetworkSample): NetworkQuality {
  if (sample.stalled) return 'poor';
  const bitrate = sample.sendingVideo ? sample.availableBitrate : undefined;
  const measured = [sample.roundTripTimeMs, sample.packetLoss, sample.jitterMs, bitrate].some((m) => m !== undefined);
  if (!measured) return 'unknown';
  const reaches = (level: keyof typeof NETWORK_QUALITY_THRESHOLDS): boolean => {
    const limit = NETWORK_QUALITY_THRESHOLDS[level];
    return (
      (sample.roundTripTimeMs ?? 0) >= limit.roundTripTimeMs ||
      (sample.packetLoss ?? 0) >= limit.packetLoss ||
      (sample.jitterMs ?? 0) >= limit.jitterMs ||
      (bitrate ?? Infinity) < limit.availableBitrate
    );
  };
  if (reaches('poor')) return 'poor';
  if (reaches('fair')) return 'fair';
  return 'good';
}

const RANK: Record<NetworkQuality, number> = { unknown: 0, poor: 1, fair: 2, good: 3 };

/**
 * What to show, given the last two samples' qualities: the better one. A single bad sample (a burst of
 * jitter, one lost keyframe) does not flip the indicator; two in a row do, and recovery shows at once.
 */
export function steadyQuality(previous: NetworkQuality | undefined, latest: NetworkQuality): NetworkQuality {
  return previous !== undefined && RANK[previous] > RANK[latest] ? previous : latest;
}
