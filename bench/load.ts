/**
 * `npm run bench:load`: LiveKit-style load scenarios on Parley, scaled to this machine.
 *
 * Parley runs in a child process with its own Janus, as for `bench:room` (or see BENCH_PARLEY_URL). Each scenario
 * (`bench/load/scenarios.ts`) loads a fresh room per step, joined through Parley's signaling with the
 * room's meeting code as guests do: publisher bots (@roamhq/wrtc: a synthetic camera and a tone, or
 * only the tone) and count-only subscriber bots (werift). Prints per step: publishers × subscribers,
 * what the subscribers received (megabits and packets per second, frame rate, loss), the CPU of Janus
 * and of Parley, and join-latency percentiles; then each scenario's capacity per core of Janus.
 * Runs inside its own network namespace (scripts/netns-exec.sh).
 *
 * Join latency: for each subscriber bot, from sending its `join` to the first RTP packet it receives
 * (signaling, ICE, DTLS and the subscription, media flowing). Bots join up to 5 at a time per process;
 * waiting for one's turn is not counted.
 *
 * Settings (environment):
 *   BENCH_SCENARIOS                audio, meeting, livestream, comma-separated, default all three
 *   BENCH_AUDIO_STEPS              speakers×listeners per step, default "10x25,10x50,10x100"
 *   BENCH_MEETING_STEPS            participants per step, default "2,4,6"
 *   BENCH_MEETING_VIDEO            each participant's camera, WIDTHxHEIGHT@FPS, default 640x480@20
 *   BENCH_LIVESTREAM_STEPS         viewers per step, default "25,50,100"
 *   BENCH_LIVESTREAM_VIDEO         the publisher's camera (three simulcast layers), default 1280x720@30
 *   BENCH_SECONDS                  measured window per step, default 10
 *   BENCH_WARMUP_SECONDS           wait once every stream flows, before measuring, default 5
 *   BENCH_SUBSCRIBERS_PER_PROCESS  subscriber bots per bot process, default 25
 *   BENCH_PARLEY_URL               load a Parley already running there instead of starting one; then also
 *   BENCH_PARLEY_CREDENTIALS       a JSON file with its application_id and private_key (dev-application.json)
 *   BENCH_JANUS_PID                the pid of the Janus its rooms go to, on this machine (its CPU is measured)
 *   BENCH_PARLEY_PID               optional: the pid of its Parley process, to measure its CPU
 */
import os from 'node:os';
import { capacityPerCore, LOSS_LIMIT, type Capacity, type MeasuredStep } from './load/capacity.js';
import { parleyUnderTest } from './load/parley-under-test.js';
import { percentile } from './load/percentile.js';
import { scenariosFrom, type Scenario } from './load/scenarios.js';
import { count, percent, sentLine } from './room/format.js';
import type { LoadFigures } from './room/load-figures.js';
import { measureLoad, type LoadSettings, type PathUnderTest } from './room/load-phase.js';
import { readLoadAverages } from './room/machine-counters.js';
import type { Step } from './room/step-settings.js';

const scenarios = scenariosFrom(process.env);
const settings: Pick<LoadSettings, 'subscribersPerProcess' | 'warmUpSeconds' | 'measureSeconds'> = {
  subscribersPerProcess: Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? 25),
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  measureSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

const milliseconds = (values: number[], p: number): string => {
  const value = percentile(values, p);
  return Number.isNaN(value) ? '—' : value.toFixed(0);
};

const HEADER = [
  'pub × sub'.padEnd(10),
  'Janus CPU'.padStart(9),
  'Parley CPU'.padStart(10),
  'out Mbit/s'.padStart(10),
  'out pkt/s'.padStart(10),
  'fps'.padStart(5),
  'loss'.padStart(7),
  'join p50/p95/p99 ms'.padStart(20),
  'machine'.padStart(8),
  'load avg'.padStart(15),
].join(' ');

function row(step: Step, f: LoadFigures, loadAverages: string): string {
  return [
    `${step.publishers} × ${step.subscribers}`.padEnd(10),
    percent(f.janusCpu).padStart(9),
    (f.parleyCpu === undefined ? '—' : percent(f.parleyCpu)).padStart(10),
    f.megabitsPerSecond.toFixed(1).padStart(10),
    count(f.packetsPerSecond).padStart(10),
    (f.framesPerSecond > 0 ? f.framesPerSecond.toFixed(1) : '—').padStart(5),
    `${(f.loss * 100).toFixed(2)} %`.padStart(7),
    [50, 95, 99].map((p) => milliseconds(f.joinMilliseconds, p)).join(' / ').padStart(20),
    percent(f.machineBusy).padStart(8),
    loadAverages.padStart(15),
  ].join(' ');
}

const LEGEND = [
  'CPU: in % of one core, measured over the window; out: what the subscriber bots received from Janus; fps: per received video stream',
  'join: per subscriber bot, from its `join` sent to its first RTP packet; machine: how busy all cores were, whoever used them',
  'load avg: /proc/loadavg (1, 5, 15 min) after the step: the machine is shared, so other work inflates the CPU figures',
];

function capacityLine(scenario: Scenario, capacity: Capacity | undefined): string {
  const name = scenario.name.padEnd(10);
  if (!capacity) return `${name} no step stayed within ${percent(LOSS_LIMIT)} loss`;
  const { step } = capacity.from;
  const parley =
    capacity.parleyCpuPerParticipant === undefined ? '' : `; Parley ${(capacity.parleyCpuPerParticipant * 100).toFixed(3)} % of a core per participant`;
  return (
    `${name} from ${step.publishers} × ${step.subscribers}: ${count(capacity.participantsPerCore)} participants and ` +
    `${count(capacity.subscribersPerCore)} subscribers per core, ${count(capacity.packetsPerCore)} packets/s and ` +
    `${count(capacity.megabitsPerCore)} Mbit/s per core${parley}`
  );
}

async function runScenario(path: PathUnderTest, scenario: Scenario): Promise<MeasuredStep[]> {
  console.log(`\n== ${scenario.name}: ${scenario.description}`);
  console.log(HEADER);
  const measured: MeasuredStep[] = [];
  let lastSent = '';
  for (const step of scenario.steps) {
    let figures: LoadFigures;
    try {
      figures = await measureLoad(path, {
        ...settings,
        ...step,
        ...(scenario.camera ? { camera: scenario.camera } : {}),
        simulcast: scenario.simulcast,
      });
    } catch (error) {
      // Larger steps would fail the same way: the scenario ends here, the others still run.
      console.log(`${`${step.publishers} × ${step.subscribers}`.padEnd(10)} failed: ${(error as Error).message.split('\n')[0]}`);
      break;
    }
    console.log(row(step, figures, readLoadAverages()));
    measured.push({ step, participants: scenario.participants(step), ...figures });
    lastSent = sentLine(figures, step.publishers);
  }
  // The publishers' encoders settle on the same streams at every step; the last step's are the surest.
  if (lastSent) console.log(`each publisher sent: ${lastSent}`);
  return measured;
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  console.log(
    `bench:load  ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB  ${new Date().toISOString()}  ` +
      `load avg ${readLoadAverages()}`,
  );
  console.log(`${settings.warmUpSeconds} s warm-up, ${settings.measureSeconds} s measured per step; scenarios: ${scenarios.map((s) => s.name).join(', ')}`);
  console.log(LEGEND.join('\n'));

  const parley = await parleyUnderTest(process.env);
  console.log(`loading ${parley.description}`);
  const results: { scenario: Scenario; capacity: Capacity | undefined }[] = [];
  try {
    for (const scenario of scenarios) results.push({ scenario, capacity: capacityPerCore(await runScenario(parley.path, scenario)) });
  } finally {
    await parley.stop();
  }

  console.log(`\nCapacity per core of Janus (the step forwarding the most packets at ≤ ${percent(LOSS_LIMIT)} loss, scaled by Janus's CPU):`);
  for (const { scenario, capacity } of results) console.log(`  ${capacityLine(scenario, capacity)}`);
  console.log(`load avg at the end ${readLoadAverages()}`);
  process.exit(0);
}

// Interrupted: exit at once (Parley and the bots stop by themselves when this process's IPC channels close).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
