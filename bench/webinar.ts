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
 *
 * With BENCH_CASCADE_JANUS=N (N ≥ 2), measures the cascade instead (docs/SCALING.md, "Large
 * webinars"): Parley over a pool of N Janus servers, the audience threshold per Janus set to
 * BENCH_ATTENDEES_PER_JANUS (default 25), and that many attendees on each Janus, the origin's filled
 * first. Prints per Janus its attendees, CPU, and the packets and megabits it sends them each second,
 * next to what the origin pays for the leaves: one remote feed of the panelist per leaf.
 */
import os from 'node:os';
import { RawClient } from '../e2e/support/raw-client.js';
import { waitUntil } from '../e2e/support/wait.js';
import { parseCamera } from './bots/camera-settings.js';
import { measureCascade } from './room/cascade-load.js';
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

/** `BENCH_CASCADE_JANUS`: one webinar over that many Janus servers, `BENCH_ATTENDEES_PER_JANUS` attendees on each. */
async function cascade(janusServers: number): Promise<void> {
  const attendeesPerJanus = Number(process.env.BENCH_ATTENDEES_PER_JANUS ?? 25);
  if (!Number.isInteger(janusServers) || janusServers < 2) throw new Error('BENCH_CASCADE_JANUS: the cascade needs at least 2 Janus servers');
  if (!Number.isInteger(attendeesPerJanus) || attendeesPerJanus < 1) throw new Error('BENCH_ATTENDEES_PER_JANUS: a number of attendees');
  console.log(`cascade: ${janusServers} Janus servers, ${attendeesPerJanus} attendees on each (PARLEY_WEBINAR_ATTENDEES_PER_JANUS=${attendeesPerJanus})\n`);
  const parley = await ParleyProcess.start({ janusServers, attendeesPerJanus });
  try {
    const webinar = await parley.createWebinar('cascade');
    const host = await hostGoesLive(parley.serverUrl, webinar.meetingCode, webinar.hostToken);
    const { janus, publisherPacketsPerSecond } = await measureCascade(
      { path: 'parley', serverUrl: parley.serverUrl, meetingCode: webinar.meetingCode, publisherToken: webinar.panelistToken },
      { janusPids: parley.janusPids, attendeesPerJanus, camera, warmUpSeconds: settings.warmUpSeconds, measureSeconds: settings.measureSeconds, janusHandles: () => parley.janusHandles() },
    );
    host.send({ type: 'leave' });
    console.log(`${'Janus'.padEnd(8)} ${'attendees'.padStart(9)} ${'handles'.padStart(8)} ${'CPU'.padStart(8)} ${'out pkt/s'.padStart(10)} ${'Mbit/s'.padStart(8)} ${'loss'.padStart(8)} ${'att/core'.padStart(9)}`);
    for (const [i, f] of janus.entries()) {
      const perCore = f.cpu > 0 ? f.megabitsPerSecond / (f.cpu * STREAM_MEGABITS) : Number.POSITIVE_INFINITY;
      console.log(
        [
          (i === 0 ? 'origin' : `leaf ${i}`).padEnd(8),
          String(f.attendees).padStart(9),
          String(f.handles).padStart(8),
          percent(f.cpu).padStart(8),
          count(f.packetsPerSecond).padStart(10),
          f.megabitsPerSecond.toFixed(1).padStart(8),
          `${(f.loss * 100).toFixed(2)} %`.padStart(8),
          count(perCore).padStart(9),
        ].join(' '),
      );
    }
    // The origin sends each leaf what the panelist sends it, once, whatever the leaf's audience.
    console.log(`\nThe origin's cost of the cascade: ${janus.length - 1} remote feed(s) of the panelist, ${count(publisherPacketsPerSecond)} packets/s each (what the panelist sends it)`);
  } finally {
    await parley.stop();
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(`bench:webinar  ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}  ${new Date().toISOString()}`);
  console.log(`one panelist: camera ${camera.width}x${camera.height} at ${camera.fps} fps and a tone; ${settings.warmUpSeconds} s warm-up, ${settings.measureSeconds} s measured per step`);
  console.log('CPU in % of one core; out: what the attendee bots received from Janus; att/core: attendees one core serves at 1.8 Mbit/s each\n');
  if (process.env.BENCH_CASCADE_JANUS) {
    await cascade(Number(process.env.BENCH_CASCADE_JANUS));
    process.exit(0);
  }

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
