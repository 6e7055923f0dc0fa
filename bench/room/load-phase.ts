/**
 * One measured load on one path: a fresh room, its publisher and subscriber bots, a wait until every
 * subscriber receives every publisher, a warm-up, then one measured window.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../../e2e/support/wait.js';
import type { PublisherBotsStart, PublisherTotals, SubscriberBotsStart, SubscriberTotals } from '../bots/bot-messages.js';
import { BotProcess } from '../bots/bot-process.js';
import type { RoomAccess } from '../bots/room-access.js';
import { addTotals, NO_RTP } from '../bots/rtp-counter.js';
import type { CameraSettings } from '../bots/camera-settings.js';
import { loadFigures, type LoadFigures, type Snapshot } from './load-figures.js';
import { readMachineCounters, socketInodes } from './machine-counters.js';
import { processCpuSeconds, threadCpuSeconds } from './process-cpu.js';

const PUBLISHER_BOT = fileURLToPath(new URL('../bots/publisher-bot.ts', import.meta.url));
const SUBSCRIBER_BOT = fileURLToPath(new URL('../bots/subscriber-bot.ts', import.meta.url));
/**
 * Once every bot is connected, media follows within a keyframe; the margin is for a machine so busy
 * that renegotiations and keyframe requests wait for a core.
 */
const FLOWING_TIMEOUT_MS = 60_000;

/** Parley's path or the bare Janus: where the SFU runs and how bots reach a fresh room on it. */
export interface PathUnderTest {
  name: string;
  janusPid: number;
  parleyPid?: number;
  openRoom(label: string, publisherIds: string[]): Promise<{ access: RoomAccess; close(): Promise<void> }>;
}

export interface LoadSettings {
  publishers: number;
  subscribers: number;
  subscribersPerProcess: number;
  /** Absent: the publishers only speak (an audio-only room). */
  camera?: CameraSettings;
  simulcast: boolean;
  warmUpSeconds: number;
  measureSeconds: number;
}

type PublisherBots = BotProcess<PublisherBotsStart, PublisherTotals>;
type SubscriberBots = BotProcess<SubscriberBotsStart, SubscriberTotals>;

export async function measureLoad(path: PathUnderTest, settings: LoadSettings): Promise<LoadFigures> {
  const { publishers: p, subscribers: s } = settings;
  const publisherIds = Array.from({ length: p }, (_, i) => `publisher-${i + 1}`);
  const room = await path.openRoom(`${p} publishers × ${s} subscribers`, publisherIds);
  let publisherBots: PublisherBots | undefined;
  const subscriberBots: SubscriberBots[] = [];
  try {
    publisherBots = await BotProcess.start<PublisherBotsStart, PublisherTotals>(PUBLISHER_BOT, {
      type: 'start',
      access: room.access,
      ids: publisherIds,
      ...(settings.camera ? { camera: settings.camera } : {}),
      simulcast: settings.simulcast,
    });
    const starting: Promise<SubscriberBots>[] = [];
    for (let first = 0; first < s; first += settings.subscribersPerProcess) {
      const ids = Array.from({ length: Math.min(settings.subscribersPerProcess, s - first) }, (_, i) => `subscriber-${first + i + 1}`);
      starting.push(BotProcess.start<SubscriberBotsStart, SubscriberTotals>(SUBSCRIBER_BOT, { type: 'start', access: room.access, ids }));
    }
    const started = await Promise.allSettled(starting);
    for (const result of started) if (result.status === 'fulfilled') subscriberBots.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;

    // Every subscriber gets an audio stream, and a video stream unless they only speak, from every publisher.
    const wanted = (settings.camera ? 2 : 1) * p * s;
    await waitUntil(async () => {
      const { streams } = await receivedTotals(subscriberBots);
      return streams >= wanted ? undefined : `${path.name}: ${streams} of ${wanted} streams reach the subscribers`;
    }, FLOWING_TIMEOUT_MS, 500);
    await sleep(settings.warmUpSeconds * 1000);

    const snapshot = async (): Promise<Snapshot> => {
      const [received, sent] = await Promise.all([receivedTotals(subscriberBots), publisherBots!.totals()]);
      return {
        at: performance.now(),
        janusCpuSeconds: processCpuSeconds(path.janusPid),
        janusLoopCpuSeconds: threadCpuSeconds(path.janusPid, 'hloop'),
        ...(path.parleyPid !== undefined ? { parleyCpuSeconds: processCpuSeconds(path.parleyPid) } : {}),
        publisherBotsCpuSeconds: processCpuSeconds(publisherBots!.pid),
        subscriberBotsCpuSeconds: subscriberBots.reduce((sum, bots) => sum + processCpuSeconds(bots.pid), 0),
        received,
        sent,
        machine: readMachineCounters(),
        janusSockets: socketInodes(path.janusPid),
      };
    };
    const before = await snapshot();
    await sleep(settings.measureSeconds * 1000);
    return loadFigures(before, await snapshot());
  } finally {
    await Promise.all([publisherBots?.stop(), ...subscriberBots.map((bots) => bots.stop())]);
    await room.close();
  }
}

async function receivedTotals(bots: SubscriberBots[]): Promise<SubscriberTotals> {
  const totals = await Promise.all(bots.map((b) => b.totals()));
  return { ...totals.reduce(addTotals, NO_RTP), joinMilliseconds: totals.flatMap((t) => t.joinMilliseconds) };
}
