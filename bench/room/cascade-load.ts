/**
 * One measured webinar whose audience cascades over several Janus servers: one publisher bot (the
 * panelist), then one process of attendee bots per Janus, each started once the previous one's bots
 * all carry media, so that Parley fills the origin first and each leaf after it (every process holds
 * exactly the threshold's number of attendees). Measures, per Janus, its CPU and the packets its
 * attendees received from it each second.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../../e2e/support/wait.js';
import type { PublisherBotsStart, PublisherTotals, SubscriberBotsStart } from '../bots/bot-messages.js';
import { BotProcess } from '../bots/bot-process.js';
import type { CameraSettings } from '../bots/camera-settings.js';
import type { RoomAccess } from '../bots/room-access.js';
import type { RtpTotals } from '../bots/rtp-counter.js';
import { processCpuSeconds } from './process-cpu.js';

const PUBLISHER_BOT = fileURLToPath(new URL('../bots/publisher-bot.ts', import.meta.url));
const SUBSCRIBER_BOT = fileURLToPath(new URL('../bots/subscriber-bot.ts', import.meta.url));
const FLOWING_TIMEOUT_MS = 60_000;

export interface CascadeSettings {
  /** The Janus processes of the pool, origin first. */
  janusPids: number[];
  attendeesPerJanus: number;
  camera: CameraSettings;
  warmUpSeconds: number;
  measureSeconds: number;
  /** The handles Parley has on each Janus, to tell where the attendees went. */
  janusHandles(): Promise<number[]>;
}

/** What one Janus did during the measured window. */
export interface JanusFigures {
  attendees: number;
  /** Parley's handles there: the attendees' subscribers, and on the origin the stage's and everyone's publishers. */
  handles: number;
  /** Fraction of one core. */
  cpu: number;
  /** RTP packets its attendees received from it each second. */
  packetsPerSecond: number;
  megabitsPerSecond: number;
  loss: number;
}

export async function measureCascade(access: RoomAccess, settings: CascadeSettings): Promise<{ janus: JanusFigures[]; publisherPacketsPerSecond: number }> {
  type SubscriberBots = BotProcess<SubscriberBotsStart, RtpTotals>;
  let publisher: BotProcess<PublisherBotsStart, PublisherTotals> | undefined;
  const audiences: SubscriberBots[] = [];
  try {
    publisher = await BotProcess.start<PublisherBotsStart, PublisherTotals>(PUBLISHER_BOT, { type: 'start', access, ids: ['panelist'], camera: settings.camera, simulcast: false });
    for (const [index] of settings.janusPids.entries()) {
      const ids = Array.from({ length: settings.attendeesPerJanus }, (_, i) => `attendee-${index + 1}-${i + 1}`);
      const bots = await BotProcess.start<SubscriberBotsStart, RtpTotals>(SUBSCRIBER_BOT, { type: 'start', access, ids });
      audiences.push(bots);
      // The panelist's audio and video reach every attendee of this Janus before the next ones join.
      await waitUntil(async () => {
        const { streams } = await bots.totals();
        return streams >= 2 * ids.length ? undefined : `${streams} of ${2 * ids.length} streams reach the attendees of Janus ${index + 1}`;
      }, FLOWING_TIMEOUT_MS, 500);
    }
    const handles = await settings.janusHandles();
    await sleep(settings.warmUpSeconds * 1000);

    const snapshot = async () => ({
      at: performance.now(),
      cpu: settings.janusPids.map((pid) => processCpuSeconds(pid)),
      received: await Promise.all(audiences.map((bots) => bots.totals())),
      sent: await publisher!.totals(),
    });
    const before = await snapshot();
    await sleep(settings.measureSeconds * 1000);
    const after = await snapshot();
    const seconds = (after.at - before.at) / 1000;
    const janus = settings.janusPids.map((_, i): JanusFigures => {
      const from = before.received[i];
      const to = after.received[i];
      const packets = (to?.packets ?? 0) - (from?.packets ?? 0);
      const expected = (to?.expected ?? 0) - (from?.expected ?? 0);
      return {
        attendees: settings.attendeesPerJanus,
        handles: handles[i] ?? 0,
        cpu: ((after.cpu[i] ?? 0) - (before.cpu[i] ?? 0)) / seconds,
        packetsPerSecond: packets / seconds,
        megabitsPerSecond: (((to?.bytes ?? 0) - (from?.bytes ?? 0)) * 8) / 1e6 / seconds,
        loss: expected > 0 ? Math.max(0, 1 - packets / expected) : 0,
      };
    });
    const sentPackets = (totals: PublisherTotals): number => Object.values(totals).reduce((sum, stream) => sum + stream.packets, 0);
    return { janus, publisherPacketsPerSecond: (sentPackets(after.sent) - sentPackets(before.sent)) / seconds };
  } finally {
    await Promise.all([publisher?.stop(), ...audiences.map((bots) => bots.stop())]);
  }
}
