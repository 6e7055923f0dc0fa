/**
 * The figures of one measured window, from two snapshots of the counters: the bots' totals and the
 * CPU seconds of each process.
 */
import type { PublisherTotals, SubscriberTotals } from '../bots/bot-messages.js';
import { dropsBetween, type MachineCounters } from './machine-counters.js';

export interface Snapshot {
  /** Milliseconds, monotonic. */
  at: number;
  janusCpuSeconds: number;
  /** CPU seconds of each of Janus's static event loops (threads "hloop N"), by thread name. */
  janusLoopCpuSeconds: Map<string, number>;
  /** Parley's process; absent on the bare Janus path. */
  parleyCpuSeconds?: number;
  publisherBotsCpuSeconds: number;
  subscriberBotsCpuSeconds: number;
  received: SubscriberTotals;
  sent: PublisherTotals;
  machine: MachineCounters;
  /** Inodes of Janus's sockets, to tell its drops from the bots'. */
  janusSockets: Set<string>;
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
  /**
   * The busiest event loop's share of the CPU of all of Janus's loops. Each handle is served by one loop,
   * so when a room's subscriber handles crowd onto one loop Janus forwards with one core, whatever the
   * machine has.
   */
  busiestLoopShare: number;
  parleyCpu?: number;
  /** The load generator: encoding the publishers' camera, counting what the subscribers receive. */
  publisherBotsCpu: number;
  subscriberBotsCpu: number;
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
  /** UDP packets the kernel dropped because Janus did not read its sockets in time. */
  janusDropsPerSecond: number;
  /** … because a bot did not read its socket in time: loss the load generator caused, not Janus. */
  botDropsPerSecond: number;
  /** What the publisher bots sent, per outgoing stream ("audio", "video", "video q"…). */
  sent: Record<string, LayerFigures>;
  /** Per subscriber bot: from its `join` sent to its first RTP packet, in milliseconds. */
  joinMilliseconds: number[];
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
  const loopSeconds = [...after.janusLoopCpuSeconds].map(([name, cpu]) => cpu - (before.janusLoopCpuSeconds.get(name) ?? 0));
  const drops = dropsBetween(before.machine.udpDrops, after.machine.udpDrops, after.janusSockets);
  const allLoopsSeconds = loopSeconds.reduce((sum, cpu) => sum + cpu, 0);
  return {
    janusCpu: janusCpuSeconds / seconds,
    busiestLoopShare: allLoopsSeconds > 0 ? Math.max(...loopSeconds) / allLoopsSeconds : 0,
    ...(after.parleyCpuSeconds !== undefined && before.parleyCpuSeconds !== undefined
      ? { parleyCpu: (after.parleyCpuSeconds - before.parleyCpuSeconds) / seconds }
      : {}),
    publisherBotsCpu: (after.publisherBotsCpuSeconds - before.publisherBotsCpuSeconds) / seconds,
    subscriberBotsCpu: (after.subscriberBotsCpuSeconds - before.subscriberBotsCpuSeconds) / seconds,
    packetsPerSecond: packets / seconds,
    megabitsPerSecond: ((after.received.bytes - before.received.bytes) * 8) / seconds / 1e6,
    framesPerSecond: after.received.videoStreams > 0 ? (after.received.videoFrames - before.received.videoFrames) / seconds / after.received.videoStreams : 0,
    loss: expected > 0 ? Math.max(0, expected - packets) / expected : 0,
    packetsPerCore: janusCpuSeconds > 0 ? packets / janusCpuSeconds : 0,
    microsecondsPerPacket: packets > 0 ? (janusCpuSeconds * 1e6) / packets : 0,
    machineBusy: (after.machine.cpuBusy - before.machine.cpuBusy) / Math.max(1, after.machine.cpuTotal - before.machine.cpuTotal),
    janusDropsPerSecond: drops.owned / seconds,
    botDropsPerSecond: drops.others / seconds,
    sent,
    joinMilliseconds: after.received.joinMilliseconds,
  };
}
