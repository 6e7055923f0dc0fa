import type { NetworkSample } from './network-quality.js';

/** One entry of an `RTCStatsReport`, as far as these readers look into it. */
export type StatsEntry = { id: string; type: string } & Record<string, unknown>;

/** What `RTCPeerConnection.getStats()` resolves with (a plain `Map` in tests). */
export interface StatsReportLike {
  get(id: string): StatsEntry | undefined;
  values(): Iterable<StatsEntry>;
}

/** Receive counters of one inbound stream at the previous sample, by stats id. */
export type InboundCounters = ReadonlyMap<string, { packetsReceived: number; packetsLost: number }>;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const max = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const ms = (seconds: unknown): number | undefined => {
  const value = num(seconds);
  return value === undefined ? undefined : value * 1000;
};

export function iceIsBroken(state: RTCIceConnectionState | undefined): boolean {
  return state === 'disconnected' || state === 'failed';
}

/** The candidate pair media travels on now. */
function selectedPair(report: StatsReportLike): StatsEntry | undefined {
  for (const entry of report.values()) {
    if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') return report.get(entry.selectedCandidatePairId);
  }
  for (const entry of report.values()) {
    if (entry.type === 'candidate-pair' && entry.nominated === true && entry.state === 'succeeded') return entry;
  }
  return undefined;
}

/**
 * How one's own media leaves: the round trip and the bandwidth estimate of the publishing connection,
 * and the loss and jitter the media server reports back (RTCP receiver reports).
 */
export function outboundSample(report: StatsReportLike, iceState: RTCIceConnectionState): NetworkSample {
  const pair = selectedPair(report);
  let roundTripTimeMs = ms(pair?.currentRoundTripTime);
  let packetLoss: number | undefined;
  let jitterMs: number | undefined;
  let sendingVideo = false;
  for (const entry of report.values()) {
    if (entry.type === 'remote-inbound-rtp') {
      packetLoss = max(packetLoss, num(entry.fractionLost));
      jitterMs = max(jitterMs, ms(entry.jitter));
      roundTripTimeMs = max(roundTripTimeMs, ms(entry.roundTripTime));
    } else if (entry.type === 'outbound-rtp' && entry.kind === 'video' && (num(entry.bytesSent) ?? 0) > 0) {
      sendingVideo = true;
    }
  }
  const availableBitrate = num(pair?.availableOutgoingBitrate);
  return {
    ...(roundTripTimeMs !== undefined ? { roundTripTimeMs } : {}),
    ...(packetLoss !== undefined ? { packetLoss } : {}),
    ...(jitterMs !== undefined ? { jitterMs } : {}),
    ...(availableBitrate !== undefined ? { availableBitrate } : {}),
    sendingVideo,
    stalled: iceIsBroken(iceState),
  };
}

/**
 * How each other participant's media arrives, from the receiving connection: the share of their
 * packets lost and their jitter since the previous sample, per participant (their audio and video
 * together). Someone whose media was arriving and stopped altogether is `stalled`. Also returns the
 * counters to pass as `previous` next time.
 */
export function inboundSamples(
  report: StatsReportLike,
  previous: InboundCounters,
  participantOf: (mid: string) => string | undefined,
  iceState: RTCIceConnectionState,
): { samples: Map<string, NetworkSample>; counters: InboundCounters } {
  const counters = new Map<string, { packetsReceived: number; packetsLost: number }>();
  const totals = new Map<string, { received: number; lost: number; flowedBefore: boolean; compared: boolean; jitterMs: number | undefined }>();
  for (const entry of report.values()) {
    if (entry.type !== 'inbound-rtp' || typeof entry.mid !== 'string') continue;
    const participantId = participantOf(entry.mid);
    if (participantId === undefined) continue;
    const now = { packetsReceived: num(entry.packetsReceived) ?? 0, packetsLost: num(entry.packetsLost) ?? 0 };
    counters.set(entry.id, now);
    const total = totals.get(participantId) ?? { received: 0, lost: 0, flowedBefore: false, compared: false, jitterMs: undefined };
    total.jitterMs = max(total.jitterMs, ms(entry.jitter));
    const before = previous.get(entry.id);
    if (before) {
      total.compared = true;
      total.received += Math.max(0, now.packetsReceived - before.packetsReceived);
      // Late packets can make the lost count go down: never below nothing lost.
      total.lost += Math.max(0, now.packetsLost - before.packetsLost);
      total.flowedBefore ||= before.packetsReceived > 0;
    }
    totals.set(participantId, total);
  }
  const broken = iceIsBroken(iceState);
  const samples = new Map<string, NetworkSample>();
  for (const [participantId, total] of totals) {
    const expected = total.received + total.lost;
    samples.set(participantId, {
      ...(total.compared && expected > 0 ? { packetLoss: total.lost / expected } : {}),
      ...(total.jitterMs !== undefined ? { jitterMs: total.jitterMs } : {}),
      stalled: broken || (total.compared && total.flowedBefore && total.received === 0),
    });
  }
  return { samples, counters };
}
