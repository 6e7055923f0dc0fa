import { classifyNetworkQuality, steadyQuality, type NetworkQuality, type NetworkSample } from './network-quality.js';
import { iceIsBroken, inboundSamples, outboundSample, type InboundCounters, type StatsReportLike } from './network-stats.js';

export const NETWORK_SAMPLE_INTERVAL_MS = 2_000;

/** @internal The room's two connections, as they are at each sample (either may not exist yet). */
export interface MonitoredConnections {
  publisher(): RTCPeerConnection | undefined;
  subscriber(): { pc: RTCPeerConnection; participantOf(mid: string): string | undefined } | undefined;
}

/**
 * @internal Samples `getStats` of the room's connections every couple of seconds and reports each
 * participant's network quality when it changes: one's own from how one's media leaves (and whether
 * anything arrives), everyone else's from how their media arrives here.
 */
export class NetworkMonitor {
  private readonly qualities = new Map<string, NetworkQuality>();
  /** Each participant's quality at the previous sample, before steadying. */
  private previous = new Map<string, NetworkQuality>();
  private counters: InboundCounters = new Map();
  private readonly timer: ReturnType<typeof setInterval>;
  private sampling = false;

  constructor(
    private readonly selfId: string,
    private readonly connections: MonitoredConnections,
    private readonly onChange: (participantId: string, quality: NetworkQuality) => void,
  ) {
    this.timer = setInterval(() => void this.sample(), NETWORK_SAMPLE_INTERVAL_MS);
  }

  quality(participantId: string): NetworkQuality {
    return this.qualities.get(participantId) ?? 'unknown';
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const next = new Map<string, NetworkQuality>();
      const publisher = this.connections.publisher();
      const subscriber = this.connections.subscriber();
      const own: NetworkSample | undefined = publisher
        ? outboundSample((await publisher.getStats()) as StatsReportLike, publisher.iceConnectionState)
        : subscriber && outboundSample((await subscriber.pc.getStats()) as StatsReportLike, subscriber.pc.iceConnectionState);
      if (own) {
        // Nothing arriving is as bad for oneself as nothing leaving.
        if (subscriber && iceIsBroken(subscriber.pc.iceConnectionState)) own.stalled = true;
        next.set(this.selfId, classifyNetworkQuality(own));
      }
      if (subscriber) {
        const stats = (await subscriber.pc.getStats()) as StatsReportLike;
        const { samples, counters } = inboundSamples(stats, this.counters, (mid) => subscriber.participantOf(mid), subscriber.pc.iceConnectionState);
        this.counters = counters;
        for (const [participantId, sample] of samples) next.set(participantId, classifyNetworkQuality(sample));
      }
      for (const participantId of this.qualities.keys()) {
        if (!next.has(participantId)) next.set(participantId, 'unknown');
      }
      const previous = this.previous;
      this.previous = next;
      for (const [participantId, sampled] of next) {
        const quality = steadyQuality(previous.get(participantId), sampled);
        if (this.quality(participantId) === quality) continue;
        if (quality === 'unknown') this.qualities.delete(participantId);
        else this.qualities.set(participantId, quality);
        this.onChange(participantId, quality);
      }
    } catch {
      // A connection closed between the check and getStats(): the next sample sees the new state.
    } finally {
      this.sampling = false;
    }
  }
}
