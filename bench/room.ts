/**
 * `npm run bench:room`: how much media one room forwards per core, through Parley and on a bare Janus.
 *
 * Parley runs in a child process with its own Janus (static event loops); bots join a fresh room at
 * each step through Parley's signaling WebSocket with the room's meeting code, as guests do. Then the
 * same load runs on a bare Janus that Parley's own code starts and configures the same way, with the
 * bots talking to its VideoRoom directly. Publisher bots (@roamhq/wrtc) send a synthetic camera and a
 * tone; subscriber bots (werift) count what arrives without decrypting it. Prints, per step and path,
 * Janus's and Parley's CPU, the packets and megabits Janus forwards each second, the frame rate and
 * loss the subscribers see, and Janus's packets per core; then the Parley / bare ratio and whether the
 * seed room (200 participants, 25 presenters) fits one 2-core machine. Runs inside its own network
 * namespace (scripts/netns-exec.sh).
 *
 * Settings (environment):
 *   BENCH_STEPS                    publishers×subscribers per step, default "1x10,2x25,3x50"
 *   BENCH_SECONDS                  measured window per step and path, default 10
 *   BENCH_WARMUP_SECONDS           wait once every stream flows, before measuring, default 5
 *   BENCH_VIDEO                    the publishers' camera, WIDTHxHEIGHT@FPS, default 640x480@20
 *   BENCH_SIMULCAST                1: publish three simulcast layers (rids q, h, f), default 0
 *   BENCH_SUBSCRIBERS_PER_PROCESS  subscriber bots per bot process, default 25
 */
import os from 'node:os';
import { parseCamera } from './bots/camera-settings.js';
import { BareJanus } from './room/bare-janus.js';
import type { LoadFigures } from './room/load-figures.js';
import { measureLoad, type LoadSettings, type PathUnderTest } from './room/load-phase.js';
import { ParleyProcess } from './room/parley-process.js';
import { SEED_ROOM, seedRoomVerdict } from './room/seed-room-capacity.js';
import { count, percent, sentLine } from './room/format.js';
import { parseSteps, type Step } from './room/step-settings.js';

/** Parley's path must forward at least this share of bare Janus's packets per core. */
const RATIO_GOAL = 0.95;

const steps = parseSteps(process.env.BENCH_STEPS ?? '1x10,2x25,3x50', 'BENCH_STEPS');
const camera = parseCamera(process.env.BENCH_VIDEO ?? '640x480@20', 'BENCH_VIDEO');
const settings: Omit<LoadSettings, 'publishers' | 'subscribers'> = {
  camera,
  simulcast: process.env.BENCH_SIMULCAST === '1',
  subscribersPerProcess: Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? 25),
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  measureSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

function row(path: string, f: LoadFigures): string {
  return [
    path.padEnd(11),
    percent(f.janusCpu).padStart(9),
    percent(f.busiestLoopShare).padStart(9),
    (f.parleyCpu === undefined ? '—' : percent(f.parleyCpu)).padStart(10),
    `${(f.publisherBotsCpu * 100).toFixed(0)} / ${(f.subscriberBotsCpu * 100).toFixed(0)} %`.padStart(11),
    count(f.packetsPerSecond).padStart(10),
    f.megabitsPerSecond.toFixed(1).padStart(10),
    f.framesPerSecond.toFixed(1).padStart(6),
    `${(f.loss * 100).toFixed(2)} %`.padStart(8),
    count(f.packetsPerCore).padStart(10),
    f.microsecondsPerPacket.toFixed(1).padStart(7),
    percent(f.machineBusy).padStart(8),
    `${count(f.janusDropsPerSecond)} / ${count(f.botDropsPerSecond)}`.padStart(13),
  ].join(' ');
}

const HEADER = `${'path'.padEnd(11)} ${'Janus CPU'.padStart(9)} ${'top loop'.padStart(9)} ${'Parley CPU'.padStart(10)} ${'bots P / S'.padStart(11)} ${'out pkt/s'.padStart(10)} ${'out Mbit/s'.padStart(10)} ${'fps'.padStart(6)} ${'loss'.padStart(8)} ${'pkt/core'.padStart(10)} ${'µs/pkt'.padStart(7)} ${'machine'.padStart(8)} ${'drops/s J / b'.padStart(13)}`;

const LEGEND = [
  'CPU: in % of one core; bots P / S: the publisher and subscriber bots (the load generator)',
  "top loop: the busiest of Janus's event loops, in % of the CPU of all of them",
  'out: what the subscriber bots received from Janus; fps: per received video stream',
  'machine: how busy all cores were, whoever used them (the machine is shared)',
  'drops/s: UDP packets the kernel dropped because Janus (J) or a bot (b) read its socket too late',
];

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(`bench:room  ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}  ${new Date().toISOString()}`);
  console.log(
    `camera ${camera.width}x${camera.height} at ${camera.fps} fps${settings.simulcast ? ', simulcast q/h/f' : ', one layer'}; ` +
      `${settings.warmUpSeconds} s warm-up, ${settings.measureSeconds} s measured per step and path`,
  );
  console.log(`${LEGEND.join('\n')}\n`);

  const parley = await ParleyProcess.start();
  const bare = await BareJanus.start();
  const parleyPath: PathUnderTest = {
    name: 'Parley',
    janusPid: parley.janusPid,
    parleyPid: parley.pid,
    async openRoom(label) {
      const meetingCode = await parley.createRoom(label);
      // The session ends by itself when the last bot leaves.
      return { access: { path: 'parley', serverUrl: parley.serverUrl, meetingCode }, close: async () => undefined };
    },
  };
  let bareRooms = 0;
  const barePath: PathUnderTest = {
    name: 'bare Janus',
    janusPid: bare.pid,
    async openRoom(_label, publisherIds) {
      const room = await bare.createRoom(`bench-room-${++bareRooms}`);
      return { access: { path: 'janus', janusUrl: bare.url, roomId: room.id, publisherIds }, close: () => room.destroy() };
    },
  };

  const results: { step: Step; parley: LoadFigures; bare: LoadFigures }[] = [];
  try {
    for (const [index, step] of steps.entries()) {
      console.log(`${step.publishers} publisher(s) × ${step.subscribers} subscribers`);
      console.log(HEADER);
      // Back to back, so both paths see much the same load from whatever else runs on the machine;
      // which goes first alternates, so neither always inherits the other's leftovers.
      const measured = new Map<PathUnderTest, LoadFigures>();
      for (const path of index % 2 === 0 ? [parleyPath, barePath] : [barePath, parleyPath]) {
        const figures = await measureLoad(path, { ...settings, ...step });
        console.log(row(path.name, figures));
        measured.set(path, figures);
      }
      const onParley = measured.get(parleyPath)!;
      const onBare = measured.get(barePath)!;
      for (const [path, figures] of measured) console.log(`each publisher sent (${path.name}): ${sentLine(figures, step.publishers)}`);
      console.log(`Parley / bare Janus packets per core: ${(onParley.packetsPerCore / onBare.packetsPerCore).toFixed(2)}\n`);
      results.push({ step, parley: onParley, bare: onBare });
    }
  } finally {
    await parley.stop();
    await bare.stop();
  }

  // The step that forwarded the most packets spreads Janus's fixed costs the thinnest: its figures are the surest.
  const largest = results.reduce((most, result) => (result.parley.packetsPerSecond > most.parley.packetsPerSecond ? result : most));
  const ratio = largest.parley.packetsPerCore / largest.bare.packetsPerCore;
  console.log(
    `Parley / bare Janus packets per core at the largest step: ${ratio.toFixed(2)} ` +
      `(goal ≥ ${RATIO_GOAL}: ${ratio >= RATIO_GOAL ? 'met' : 'NOT met'})`,
  );

  const lowest = largest.parley.sent['video q'];
  const lowLayerPacketsPerFrame = lowest && lowest.framesPerSecond > 0 ? lowest.packetsPerSecond / lowest.framesPerSecond : 1;
  const verdict = seedRoomVerdict({ ...SEED_ROOM, lowLayerPacketsPerFrame }, largest.parley.microsecondsPerPacket);
  console.log(
    `\nSeed room on one ${SEED_ROOM.cores}-core machine: ${SEED_ROOM.participants} participants, ${SEED_ROOM.presenters} presenters, ` +
      `thumbnails at the lowest simulcast layer, ${largest.parley.microsecondsPerPacket.toFixed(1)} µs of Janus CPU per forwarded packet ` +
      `(Parley's path, largest step); packets per thumbnail frame ${lowest ? 'measured on the q layer' : 'assumed 1 (run with BENCH_SIMULCAST=1 to measure it)'}`,
  );
  for (const line of verdict.lines) console.log(`  ${line}`);
  console.log(
    `  Janus forwards on all ${SEED_ROOM.cores} cores only if the room's handles spread over its event loops: at the largest step its busiest loop ` +
      `did ${percent(largest.parley.busiestLoopShare)} of the loops' work on Parley's path, ${percent(largest.bare.busiestLoopShare)} on bare Janus`,
  );
  process.exit(0);
}

// Interrupted: exit through the 'exit' handlers, which stop the bare Janus (Parley and the bots stop
// by themselves when this process's IPC channel closes).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
