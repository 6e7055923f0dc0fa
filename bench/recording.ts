/**
 * `npm run bench:recording`: post-processing of a 2-minute, 3-person recording, as the recording
 * worker runs it: `janus-pp-rec` on each raw stream, then the composition into one H.264 + AAC MP4,
 * then storage. Prints seconds of meeting processed per second of wall time (the goal: at least 5×
 * real time on 2 cores).
 *
 * The raw streams are what Janus would have written for this meeting (`.mjr` files of VP8 and Opus
 * RTP, see `synthetic-mjr.ts`): Ann is there throughout, Ben from 0:10, Cleo from 0:30 to 1:40, and Ben
 * shares his screen from 1:00 to 1:30. Synthesising them takes about as long as the meeting, so they
 * are kept in BENCH_CACHE (a folder under the system's temporary folder by default) for later runs.
 * BENCH_RUNS (default 1) processes the same recording that many times.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApplication, createServices, loadConfig } from '@parley/server';
import { rawRecordingFolder } from '../packages/server/src/recording/recording-folders.js';
import { RecordingProcessor } from '../packages/server/src/recording/recording-processor.js';
import type { Recording } from '../packages/server/src/recording/recording.js';
import { RoomService } from '../packages/server/src/rooms/room-service.js';
import { synthesizeMjr, type SyntheticStream } from '../packages/server/src/recording/test-support/synthetic-mjr.js';

const MEETING_SECONDS = 120;
const runs = Number(process.env.BENCH_RUNS ?? 1);
const cache = process.env.BENCH_CACHE ?? path.join(os.tmpdir(), 'parley-bench-recording-v1');

/** When the meeting starts: any fixed time; streams are placed relative to it. */
const MEETING_START_MS = Date.parse('2026-01-01T12:00:00.000Z');

interface PlannedStream extends Omit<SyntheticStream, 'startedAtMs'> {
  participant: 'ann' | 'ben' | 'cleo';
  /** When the stream starts, in seconds into the meeting. */
  at: number;
}

const camera = (participant: PlannedStream['participant'], at: number, seconds: number, pattern: string): PlannedStream => ({
  participant,
  at,
  kind: 'video',
  source: `${pattern}=size=640x480:rate=20`,
  seconds,
  description: 'camera',
});
const microphone = (participant: PlannedStream['participant'], at: number, seconds: number, frequency: number): PlannedStream => ({
  participant,
  at,
  kind: 'audio',
  source: `sine=f=${frequency}`,
  seconds,
  description: 'microphone',
});

const PLAN: PlannedStream[] = [
  camera('ann', 0, 120, 'testsrc2'),
  microphone('ann', 0, 120, 440),
  camera('ben', 10, 110, 'smptebars'),
  microphone('ben', 10, 110, 550),
  { participant: 'ben', at: 60, kind: 'video', source: 'testsrc=size=1280x720:rate=10', seconds: 30, description: 'screen' },
  camera('cleo', 30, 70, 'rgbtestsrc'),
  microphone('cleo', 30, 70, 660),
];

/** Each planned stream as an `.mjr` in the cache, synthesised once. */
async function rawStreams(): Promise<{ stream: PlannedStream; file: string }[]> {
  fs.mkdirSync(cache, { recursive: true });
  const started = Date.now();
  const streams = await Promise.all(
    PLAN.map(async (stream, index) => {
      const file = path.join(cache, `${index}-${stream.participant}-${stream.description}.mjr`);
      if (!fs.existsSync(file)) {
        const partial = `${file}.partial`;
        await synthesizeMjr(partial, { ...stream, startedAtMs: MEETING_START_MS + stream.at * 1000 });
        fs.renameSync(partial, file);
      }
      return { stream, file };
    }),
  );
  const took = (Date.now() - started) / 1000;
  if (took > 1) console.log(`Synthesised the raw streams in ${took.toFixed(0)} s (kept in ${cache})`);
  return streams;
}

async function main(): Promise<void> {
  const streams = await rawStreams();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-recording-'));
  const config = loadConfig({}, { dataDir, port: 0, devBootstrap: false, logLevel: 'silent' });
  const services = await createServices(config, { logger: pino({ level: 'silent' }) });
  const { application } = await createApplication(services, { name: 'Recording benchmark' });
  const processor = new RecordingProcessor(services);
  const people = { ann: randomUUID(), ben: randomUUID(), cleo: randomUUID() };
  const results: number[] = [];
  /** Real-time factors the tools' CPU time allows when they have every core to themselves. */
  const cpuBound: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const room = await new RoomService(services).create(application.id, { displayName: 'Benchmark' });
      const sessionId = randomUUID();
      const startedAt = new Date(MEETING_START_MS).toISOString();
      await services.sessions.start({ id: sessionId, roomId: room.id, startedAt });
      const recording: Recording = {
        id: randomUUID(),
        roomId: room.id,
        sessionId,
        status: 'processing',
        startedAt,
        endedAt: new Date(MEETING_START_MS + MEETING_SECONDS * 1000).toISOString(),
        filePath: null,
        byteSize: null,
        onlyOwner: false,
        progress: 0,
        failureReason: null,
        createdAt: startedAt,
      };
      await services.recordings.insert(recording);
      const raw = rawRecordingFolder(dataDir, recording.id);
      fs.mkdirSync(raw, { recursive: true });
      for (const [index, { stream, file }] of streams.entries()) {
        const name = `videoroom-${sessionId}-user-${people[stream.participant]}-${(MEETING_START_MS + stream.at * 1000) * 1000 + index}-${stream.kind}-${index}.mjr`;
        fs.copyFileSync(file, path.join(raw, name));
      }

      const began = process.hrtime.bigint();
      const toolsBefore = toolCpuSeconds();
      await processor.process(recording);
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      const cpu = toolCpuSeconds() - toolsBefore;
      const done = await services.recordings.findById(application.id, recording.id);
      if (done?.status !== 'uploaded') throw new Error(`The recording was not processed: ${done?.failureReason ?? done?.status}`);
      results.push(MEETING_SECONDS / seconds);
      cpuBound.push(MEETING_SECONDS / (cpu / os.availableParallelism()));
      console.log(
        `run ${run + 1}: ${MEETING_SECONDS} s of meeting in ${seconds.toFixed(1)} s → ${(MEETING_SECONDS / seconds).toFixed(2)}× real time;` +
          ` the tools used ${cpu.toFixed(1)} s of CPU; ${((done.byteSize ?? 0) / 1e6).toFixed(1)} MB`,
      );
    }
  } finally {
    await services.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const [one, five, fifteen] = os.loadavg().map((load) => load.toFixed(1));
  console.log(
    `\nPost-processing, ${MEETING_SECONDS} s, 3 people, a 30 s screen share: ${results.map((r) => r.toFixed(2)).join(', ')}× real time` +
      ` on ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}); load average ${one} / ${five} / ${fifteen}. Goal: ≥ 5×.` +
      `\nBy CPU time, with the cores to itself: ${cpuBound.map((r) => r.toFixed(2)).join(', ')}× real time.`,
  );
}

/**
 * CPU seconds (user and system) used so far by this process's finished children, the tools: Linux's
 * `cutime` and `cstime` (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s). On a shared
 * machine wall time says how busy the others were; this says what the work cost.
 */
function toolCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command name, the fields are numbered from 3 (state): cutime is 16, cstime 17.
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
}

await main();
