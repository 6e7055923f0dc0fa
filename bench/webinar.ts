/**
 * `npm run bench:webinar`: how many attendees one core of Janus serves in a Parley webinar.
 *
 * Parley runs in a child process with its own Janus, as for `bench:room`. For each step a fresh
 * webinar room is made; its host joins over Parley's signaling and takes it live; one publisher bot
 * joins as a panelist (the webinar's stage) and the subscriber bots join through the public link, so
 * Parley makes them attendees: they receive the panelist's camera and tone and count them without
 * decrypting. Prints, per attendee count, Janus's CPU (in all, and per attendee), the packets and
 * megabits Janus sends each second, the loss the attendees see, and how many attendees a core would
 * serve at 1.8 Mbit/s each. Runs inside its own network namespace (scripts/netns-exec.sh).
 *
 * Settings (environment):
 *   BENCH_ATTENDEES                attendee counts, one step each, default "25,50,100"
 *   BENCH_SECONDS                  measured window per step, default 10
 *   BENCH_WARMUP_SECONDS           wait once every stream flows, before measuring, default 5
 *   BENCH_VIDEO                    the panelist's camera, WIDTHxHEIGHT@FPS, default 1280x720@30
 *   BENCH_SUBSCRIBERS_PER_PROCESS  attendee bots per bot process, default 25
 */
import os from 'node:os';
import { RawClient } from '../e2e/support/raw-client.js';
import { waitUntil } from '../e2e/support/wait.js';
import { parseCamera } from './bots/camera-settings.js';
import type { LoadFigures } from './room/load-figures.js';
import { measureLoad, type LoadSettings, type PathUnderTest } from './room/load-phase.js';
import { ParleyProcess } from './room/parley-process.js';
import { count, percent } from './room/format.js';
import { parseCounts } from './room/step-settings.js';

/** The stream a webinar's attendee is sized for: a 720p camera and its sound. */
const STREAM_MEGABITS = 1.8;
/** Attendees one core of Janus should serve at `STREAM_MEGABITS`. */
const ATTENDEES_PER_CORE_GOAL = 250;

const steps = parseCounts(process.env.BENCH_ATTENDEES ?? '25,50,100', 'BENCH_ATTENDEES', 'attendees');
const camera = parseCamera(process.env.BENCH_VIDEO ?? '1280x720@30', 'BENCH_VIDEO');
const settings: Omit<LoadSettings, 'subscribers'> = {
  publishers: 1,
  camera,
  simulcast: false,
  subscribersPerProcess: Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? 25),
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  measureSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

/**
 * Attendees per core at `STREAM_MEGABITS` each: Janus's cost per megabit it sends, as measured, is
 * what each attendee's stream costs in proportion to its size.
 */
function attendeesPerCore(f: LoadFigures): number {
  return f.janusCpu > 0 ? f.megabitsPerSecond / (f.janusCpu * STREAM_MEGABITS) : Number.POSITIVE_INFINITY;
}

const HEADER = `${'attendees'.padStart(9)} ${'Janus CPU'.padStart(9)} ${'per att.'.padStart(9)} ${'Parley CPU'.padStart(10)} ${'out pkt/s'.padStart(10)} ${'Mbit/s/att'.padStart(10)} ${'fps'.padStart(6)} ${'loss'.padStart(8)} ${'att/core'.padStart(9)} ${'machine'.padStart(8)}`;

function row(attendees: number, f: LoadFigures): string {
  return [
    String(attendees).padStart(9),
    percent(f.janusCpu).padStart(9),
    `${((f.janusCpu / attendees) * 100).toFixed(2)} %`.padStart(9),
    (f.parleyCpu === undefined ? '—' : percent(f.parleyCpu)).padStart(10),
    count(f.packetsPerSecond).padStart(10),
    (f.megabitsPerSecond / attendees).toFixed(2).padStart(10),
    f.framesPerSecond.toFixed(1).padStart(6),
    `${(f.loss * 100).toFixed(2)} %`.padStart(8),
    count(attendeesPerCore(f)).padStart(9),
    percent(f.machineBusy).padStart(8),
  ].join(' ');
}

/** The webinar's host: in the room from before anyone else, it takes the webinar live so that attendees receive the stage. */
async function hostGoesLive(serverUrl: string, meetingCode: string, hostToken: string): Promise<RawClient> {
  const host = await RawClient.connect(serverUrl);
  host.send({ type: 'join', meetingCode, participantToken: hostToken, displayName: 'Host', audioMuted: true, videoMuted: true });
  await host.next('joined');
  // The host looks at nobody's video: the figures are the attendees'.
  host.send({ type: 'video-view', tiles: [] });
  host.send({ type: 'set-runtime-status', status: 'Live', requestId: 'live' });
  await waitUntil(() => (host.received.some((m) => m.type === 'ack' && m.requestId === 'live') ? undefined : 'the webinar is not live yet'));
  return host;
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(`bench:webinar  ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}  ${new Date().toISOString()}`);
  console.log(`one panelist: camera ${camera.width}x${camera.height} at ${camera.fps} fps and a tone; ${settings.warmUpSeconds} s warm-up, ${settings.measureSeconds} s measured per step`);
  console.log('CPU in % of one core; out: what the attendee bots received from Janus; att/core: attendees one core serves at 1.8 Mbit/s each\n');

  const parley = await ParleyProcess.start();
  const path: PathUnderTest = {
    name: 'Parley webinar',
    janusPid: parley.janusPid,
    parleyPid: parley.pid,
    async openRoom(label) {
      const webinar = await parley.createWebinar(label);
      const host = await hostGoesLive(parley.serverUrl, webinar.meetingCode, webinar.hostToken);
      return {
        access: { path: 'parley', serverUrl: parley.serverUrl, meetingCode: webinar.meetingCode, publisherToken: webinar.panelistToken },
        // The session ends by itself when the host and the last bot have left.
        close: async () => host.send({ type: 'leave' }),
      };
    },
  };

  const results: { attendees: number; figures: LoadFigures }[] = [];
  try {
    console.log(HEADER);
    for (const attendees of steps) {
      const figures = await measureLoad(path, { ...settings, subscribers: attendees });
      console.log(row(attendees, figures));
      results.push({ attendees, figures });
    }
  } finally {
    await parley.stop();
  }

  // The largest audience spreads Janus's fixed costs the thinnest: its figure is the surest.
  const largest = results.reduce((most, result) => (result.attendees > most.attendees ? result : most));
  const capacity = attendeesPerCore(largest.figures);
  console.log(
    `\nAttendees per core at ${STREAM_MEGABITS} Mbit/s (${largest.attendees} attendees): ${count(capacity)} ` +
      `(goal ≥ ${ATTENDEES_PER_CORE_GOAL}: ${capacity >= ATTENDEES_PER_CORE_GOAL ? 'met' : 'NOT met'})`,
  );
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
