/**
 * `npm run bench:webinar`: how many webinar attendees one core of Janus serves.
 *
 * Parley runs in a child process with its own Janus (static event loops), as for bench:room. At each
 * step a fresh webinar room gets one panelist bot (@roamhq/wrtc: a synthetic camera and a tone, joining
 * with a panelist's participant token) and a growing number of attendee bots (werift, count-only), who
 * join with the meeting code alone, as attendees do, and only receive. Prints, per step, Janus's CPU in
 * all and per attendee, the packets and megabits Janus sends each second, the frame rate and loss the
 * attendees see; then the attendees one core serves, at the stream measured and at the issue's
 * 1.8 Mbit/s (Janus's cost is per packet, and a stream's packets grow with its bitrate). Runs inside
 * its own network namespace (scripts/netns-exec.sh).
 *
 * Settings (environment):
 *   BENCH_ATTENDEES                attendees per step, default "25,50,100"
 *   BENCH_SECONDS                  measured window per step, default 10
 *   BENCH_WARMUP_SECONDS           wait once every stream flows, before measuring, default 5
 *   BENCH_VIDEO                    the panelist's camera, WIDTHxHEIGHT@FPS, default 640x480@20
 *   BENCH_SUBSCRIBERS_PER_PROCESS  attendee bots per bot process, default 25
 */
import os from 'node:os';
import { parseCamera } from './bots/camera-settings.js';
import type { LoadFigures } from './room/load-figures.js';
import { measureLoad, type LoadSettings, type PathUnderTest } from './room/load-phase.js';
import { ParleyProcess } from './room/parley-process.js';

/** The stream: one panelist at 1.8 Mbit/s. */
const TARGET_MEGABITS = 1.8;
/** Attendees of that stream one core should serve. */
const GOAL_PER_CORE = 250;

const attendeeSteps = (process.env.BENCH_ATTENDEES ?? '25,50,100').split(',').map((text) => {
  const count = Number(text.trim());
  if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_ATTENDEES: "${text}" is not a number of attendees`);
  return count;
});
const settings: Omit<LoadSettings, 'subscribers'> = {
  publishers: 1,
  camera: parseCamera(process.env.BENCH_VIDEO ?? '640x480@20', 'BENCH_VIDEO'),
  simulcast: false,
  subscribersPerProcess: Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? 25),
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  measureSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

const HEADER = `${'attendees'.padStart(9)} ${'Janus CPU'.padStart(9)} ${'per attendee'.padStart(12)} ${'Parley CPU'.padStart(10)} ${'bots P / S'.padStart(11)} ${'out pkt/s'.padStart(10)} ${'out Mbit/s'.padStart(10)} ${'fps'.padStart(6)} ${'loss'.padStart(8)} ${'µs/pkt'.padStart(7)} ${'machine'.padStart(8)}`;

function row(attendees: number, f: LoadFigures): string {
  return [
    String(attendees).padStart(9),
    percent(f.janusCpu).padStart(9),
    `${((f.janusCpu / attendees) * 100).toFixed(3)} %`.padStart(12),
    percent(f.parleyCpu ?? 0).padStart(10),
    `${(f.publisherBotsCpu * 100).toFixed(0)} / ${(f.subscriberBotsCpu * 100).toFixed(0)} %`.padStart(11),
    count(f.packetsPerSecond).padStart(10),
    f.megabitsPerSecond.toFixed(1).padStart(10),
    f.framesPerSecond.toFixed(1).padStart(6),
    `${(f.loss * 100).toFixed(2)} %`.padStart(8),
    f.microsecondsPerPacket.toFixed(1).padStart(7),
    percent(f.machineBusy).padStart(8),
  ].join(' ');
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  const { camera } = settings;
  console.log(`bench:webinar  ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}  ${new Date().toISOString()}`);
  console.log(`one panelist, camera ${camera.width}x${camera.height} at ${camera.fps} fps and a tone; ${settings.warmUpSeconds} s warm-up, ${settings.measureSeconds} s measured per step`);
  console.log('CPU: in % of one core; bots P / S: the panelist and attendee bots (the load generator); out: what the attendees received\n');

  const parley = await ParleyProcess.start();
  const webinar: PathUnderTest = {
    name: 'Parley webinar',
    janusPid: parley.janusPid,
    parleyPid: parley.pid,
    async openRoom(label) {
      const { meetingCode, panelistToken } = await parley.createWebinarRoom(label);
      return { access: { path: 'parley', serverUrl: parley.serverUrl, meetingCode, publisherToken: panelistToken }, close: async () => undefined };
    },
  };

  const results: { attendees: number; figures: LoadFigures }[] = [];
  console.log(HEADER);
  try {
    for (const attendees of attendeeSteps) {
      const figures = await measureLoad(webinar, { ...settings, subscribers: attendees });
      console.log(row(attendees, figures));
      results.push({ attendees, figures });
    }
  } finally {
    await parley.stop();
  }

  // The largest step spreads Janus's fixed costs (receiving the panelist, timers) the thinnest.
  const { attendees, figures } = results[results.length - 1]!;
  const streamMegabits = figures.megabitsPerSecond / attendees;
  const perCore = attendees / figures.janusCpu;
  const perCoreAtTarget = perCore * (streamMegabits / TARGET_MEGABITS);
  console.log(`\nthe stream each attendee received: ${streamMegabits.toFixed(2)} Mbit/s, ${count(figures.packetsPerSecond / attendees)} packets/s`);
  console.log(`attendees per core of Janus at ${attendees} attendees: ${count(perCore)} of this stream`);
  console.log(
    `at ${TARGET_MEGABITS} Mbit/s (cost per packet, packets in proportion to the bitrate): ${count(perCoreAtTarget)} per core ` +
      `(goal ≥ ${GOAL_PER_CORE}: ${perCoreAtTarget >= GOAL_PER_CORE ? 'met' : 'NOT met'})`,
  );
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
