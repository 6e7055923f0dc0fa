import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyNetworkQuality, NETWORK_QUALITY_THRESHOLDS as T, steadyQuality } from './network-quality.js';
import { inboundSamples, outboundSample, type StatsEntry } from './network-stats.js';

const report = (...entries: StatsEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('classifyNetworkQuality', () => {
  it('calls a clean, fast connection good', () => {
    assert.equal(classifyNetworkQuality({ roundTripTimeMs: 40, packetLoss: 0, jitterMs: 5, availableBitrate: 2_500_000, sendingVideo: true }), 'good');
  });

  it('knows nothing before anything was measured', () => {
    assert.equal(classifyNetworkQuality({}), 'unknown');
    assert.equal(classifyNetworkQuality({ availableBitrate: 50_000, sendingVideo: false }), 'unknown', 'bandwidth alone says nothing without video to send');
  });

  it('steps down to fair and to poor at each measure’s thresholds', () => {
    const cases = [
      ['roundTripTimeMs', T.fair.roundTripTimeMs, T.poor.roundTripTimeMs],
      ['packetLoss', T.fair.packetLoss, T.poor.packetLoss],
      ['jitterMs', T.fair.jitterMs, T.poor.jitterMs],
    ] as const;
    for (const [measure, fair, poor] of cases) {
      assert.equal(classifyNetworkQuality({ [measure]: fair * 0.99 }), 'good', `${measure} just under fair`);
      assert.equal(classifyNetworkQuality({ [measure]: fair }), 'fair', `${measure} at fair`);
      assert.equal(classifyNetworkQuality({ [measure]: poor * 0.99 }), 'fair', `${measure} just under poor`);
      assert.equal(classifyNetworkQuality({ [measure]: poor }), 'poor', `${measure} at poor`);
    }
    assert.equal(classifyNetworkQuality({ availableBitrate: T.fair.availableBitrate, sendingVideo: true }), 'good');
    assert.equal(classifyNetworkQuality({ availableBitrate: T.fair.availableBitrate - 1, sendingVideo: true }), 'fair');
    assert.equal(classifyNetworkQuality({ availableBitrate: T.poor.availableBitrate - 1, sendingVideo: true }), 'poor');
    assert.equal(classifyNetworkQuality({ availableBitrate: 20_000, sendingVideo: false, roundTripTimeMs: 30 }), 'good', 'audio needs little bandwidth');
  });

  it('lets the worst measure decide', () => {
    assert.equal(classifyNetworkQuality({ roundTripTimeMs: 20, packetLoss: 0.12, jitterMs: 2 }), 'poor');
    assert.equal(classifyNetworkQuality({ roundTripTimeMs: 350, packetLoss: 0, jitterMs: 2 }), 'fair');
  });

  it('calls a stalled connection poor whatever its last figures said', () => {
    assert.equal(classifyNetworkQuality({ roundTripTimeMs: 20, packetLoss: 0, stalled: true }), 'poor');
    assert.equal(classifyNetworkQuality({ stalled: true }), 'poor');
  });
});

describe('steadyQuality', () => {
  it('shows a drop only when two samples in a row say so, and a recovery at once', () => {
    assert.equal(steadyQuality(undefined, 'poor'), 'poor', 'the first sample stands alone');
    assert.equal(steadyQuality('good', 'fair'), 'good', 'one bad sample is a blip');
    assert.equal(steadyQuality('fair', 'poor'), 'fair');
    assert.equal(steadyQuality('poor', 'poor'), 'poor');
    assert.equal(steadyQuality('poor', 'good'), 'good');
    assert.equal(steadyQuality('good', 'unknown'), 'good', 'a missing sample keeps the last word once');
    assert.equal(steadyQuality('unknown', 'unknown'), 'unknown');
  });
});

describe('outboundSample', () => {
  it('reads the selected pair’s round trip and bandwidth and the server’s loss and jitter reports', () => {
    const stats = report(
      { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP2' },
      { id: 'CP1', type: 'candidate-pair', nominated: false, state: 'failed', currentRoundTripTime: 9 },
      { id: 'CP2', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.045, availableOutgoingBitrate: 1_800_000 },
      { id: 'RIA', type: 'remote-inbound-rtp', kind: 'audio', fractionLost: 0.01, jitter: 0.004, roundTripTime: 0.05 },
      { id: 'RIV', type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.03, jitter: 0.012, roundTripTime: 0.04 },
      { id: 'OV', type: 'outbound-rtp', kind: 'video', bytesSent: 123_456 },
    );
    assert.deepEqual(outboundSample(stats, 'connected'), {
      roundTripTimeMs: 50,
      packetLoss: 0.03,
      jitterMs: 12,
      availableBitrate: 1_800_000,
      sendingVideo: true,
      stalled: false,
    });
  });

  it('says stalled when ICE lost its path, and not sending video when only audio goes out', () => {
    const stats = report({ id: 'OA', type: 'outbound-rtp', kind: 'audio', bytesSent: 500 });
    assert.deepEqual(outboundSample(stats, 'disconnected'), { sendingVideo: false, stalled: true });
    assert.equal(outboundSample(stats, 'failed').stalled, true);
    assert.equal(outboundSample(stats, 'checking').stalled, false);
  });
});

describe('inboundSamples', () => {
  const owners: Record<string, string> = { '0': 'ann', '1': 'ann', '2': 'bob' };
  const participantOf = (mid: string) => owners[mid];
  const inbound = (id: string, mid: string, packetsReceived: number, packetsLost: number, jitter = 0.005): StatsEntry => ({
    id,
    type: 'inbound-rtp',
    mid,
    packetsReceived,
    packetsLost,
    jitter,
  });

  it('measures loss per participant over the interval, audio and video together', () => {
    const first = inboundSamples(report(inbound('A', '0', 1000, 0), inbound('V', '1', 5000, 10), inbound('B', '2', 900, 0)), new Map(), participantOf, 'connected');
    assert.deepEqual(first.samples.get('ann'), { jitterMs: 5, stalled: false }, 'no loss figure before a second sample');
    const second = inboundSamples(
      report(inbound('A', '0', 1100, 0), inbound('V', '1', 5800, 110, 0.04), inbound('B', '2', 1000, 0)),
      first.counters,
      participantOf,
      'connected',
    );
    // Ann: 100 + 800 received, 100 lost → 100 / 1000.
    assert.deepEqual(second.samples.get('ann'), { packetLoss: 0.1, jitterMs: 40, stalled: false });
    assert.deepEqual(second.samples.get('bob'), { packetLoss: 0, jitterMs: 5, stalled: false });
    assert.equal(classifyNetworkQuality(second.samples.get('ann')!), 'poor');
    assert.equal(classifyNetworkQuality(second.samples.get('bob')!), 'good');
  });

  it('calls someone whose media stopped arriving stalled, but not someone whose media never started', () => {
    const first = inboundSamples(report(inbound('A', '0', 500, 0), inbound('B', '2', 0, 0)), new Map(), participantOf, 'connected');
    const second = inboundSamples(report(inbound('A', '0', 500, 0), inbound('B', '2', 0, 0)), first.counters, participantOf, 'connected');
    assert.equal(second.samples.get('ann')?.stalled, true);
    assert.equal(second.samples.get('bob')?.stalled, false);
  });

  it('calls everyone stalled while the receiving connection has lost its path, and ignores streams of nobody known', () => {
    const { samples } = inboundSamples(report(inbound('A', '0', 500, 0), inbound('X', '9', 500, 0)), new Map(), participantOf, 'failed');
    assert.deepEqual([...samples.keys()], ['ann']);
    assert.equal(samples.get('ann')?.stalled, true);
  });

  it('never counts negative loss when late packets lower the lost count', () => {
    const first = inboundSamples(report(inbound('A', '0', 100, 5)), new Map(), participantOf, 'connected');
    const second = inboundSamples(report(inbound('A', '0', 200, 3)), first.counters, participantOf, 'connected');
    assert.equal(second.samples.get('ann')?.packetLoss, 0);
  });
});
