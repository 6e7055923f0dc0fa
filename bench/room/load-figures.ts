/**
 * The figures of one measured window, from two snapshots of the counters: the bots' totals and the
 * CPU seconds of each process.
 */
import type { PublisherTotals } from '../bots/bot-messages.js';
import type { RtpTotals } from '../bots/rtp-counter.js';
import type { MachineCounters } from './machine-counters.js';

export interface Snapshot {
  /** Milliseconds, monotonic. */
  at: number;
  janusCpuSeconds: number;
  /** Parley's process; absent on the bare Janus path. */
  parleyCpuSeconds?: number;
  botsCpuSeconds: number;
  received: RtpTotals;
  sent: PublisherTotals;
  machine: MachineCounters;
}

export interface LayerFigures {
  packetsPerSecond: number;
  kilobitsPerSecond: number;
  framesPerSecond: number;
  width: number;
  height: number;
}

export interface LoadFigures {
  /** Fractions of one core. */
  janusCpu: number;
  parleyCpu?: number;
  botsCpu: number;
  /** What the subscriber bots received from Janus: the packets it forwarded. */
  packetsPerSecond: number;
  megabitsPerSecond: number;
  /** Per received video stream. */
  framesPerSecond: number;
  /** Share of the packets Janus numbered that never arrived. */
  loss: number;
  packetsPerCore: number;
  microsecondsPerPacket: number;
  /** How busy all the machine's cores were, whoever used them: the benchmark shares the machine. */
  machineBusy: number;
  /** UDP packets the kernel dropped because Janus or a bot did not read its socket in time. */
  udpDropsPerSecond: number;
  /** What the publisher bots sent, per outgoing stream ("audio", "video", "video q"…). */
  sent: Record<string, LayerFigures>;
}

export function loadFigures(before: Snapshot, after: Snapshot): LoadFigures {
  const seconds = (after.at - before.at) / 1000;
  const janusCpuSeconds = after.janusCpuSeconds - before.janusCpuSeconds;
  const packets = after.received.packets - before.received.packets;
  const expected = after.received.expected - before.received.expected;
  const sent: Record<string, LayerFigures> = {};
  for (const [key, stream] of Object.entries(after.sent)) {
    const earlier = before.sent[key] ?? { packets: 0, bytes: 0, frames: 0 };
    sent[key] = {
      packetsPerSecond: (stream.packets - earlier.packets) / seconds,
      kilobitsPerSecond: ((stream.bytes - earlier.bytes) * 8) / seconds / 1000,
      framesPerSecond: (stream.frames - earlier.frames) / seconds,
      width: stream.width,
      height: stream.height,
    };
  }
  return {
    janusCpu: janusCpuSeconds / seconds,
    ...(after.parleyCpuSeconds !== undefined && before.parleyCpuSeconds !== undefined
      ? { parleyCpu: (after.parleyCpuSeconds - before.parleyCpuSeconds) / seconds }
      : {}),
    botsCpu: (after.botsCpuSeconds - before.botsCpuSeconds) / seconds,
    packetsPerSecond: packets / seconds,
    megabitsPerSecond: ((after.received.bytes - before.received.bytes) * 8) / seconds / 1e6,
    framesPerSecond: after.received.videoStreams > 0 ? (after.received.videoFrames - before.received.videoFrames) / seconds / after.received.videoStreams : 0,
    loss: expected > 0 ? Math.max(0, expected - packets) / expected : 0,
    packetsPerCore: janusCpuSeconds > 0 ? packets / janusCpuSeconds : 0,
    microsecondsPerPacket: packets > 0 ? (janusCpuSeconds * 1e6) / packets : 0,
    machineBusy: (after.machine.cpuBusy - before.machine.cpuBusy) / Math.max(1, after.machine.cpuTotal - before.machine.cpuTotal),
    udpDropsPerSecond: (after.machine.udpReceiveBufferDrops - before.machine.udpReceiveBufferDrops) / seconds,
    sent,
  };
}
