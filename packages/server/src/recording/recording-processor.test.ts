import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { RoomService } from '../rooms/room-service.js';
import { createTestServices, insertTestApplication } from '../test-support/test-services.js';
import { rawRecordingFolder, recordingWorkFolder } from './recording-folders.js';
import { RecordingProcessor } from './recording-processor.js';
import { RecordingService } from './recording-service.js';
import type { Recording } from './recording.js';
import { synthesizeMjr, type SyntheticStream } from './test-support/synthetic-mjr.js';

const exec = promisify(execFile);

/**
 * The meeting every test processes: 8 s; the host there throughout, the guest from 1 s to 7 s, their
 * camera off from 2 s to 4 s.
 */
const DURATION_MS = 8_000;

/** The colour at (x, y) of the frame at `atSeconds`: red, green or black. */
async function colourAt(file: string, atSeconds: number, x: number, y: number): Promise<string> {
  const { stdout } = await exec('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-ss', String(atSeconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    encoding: 'buffer',
    maxBuffer: 16 * 1024 * 1024,
  });
  const at = (y * 1280 + x) * 3;
  const [r, g, b] = [stdout[at]!, stdout[at + 1]!, stdout[at + 2]!];
  if (r > g + 80 && r > b + 80) return 'red';
  if (g > r + 60 && g > b + 60) return 'green';
  if (r < 40 && g < 40 && b < 40) return 'black';
  return `rgb(${r},${g},${b})`;
}

async function probe(file: string): Promise<{ streams: string[]; seconds: number }> {
  const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration', '-of', 'json', file]);
  const parsed = JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string }[]; format: { duration: string } };
  return { streams: parsed.streams.map((s) => `${s.codec_type}:${s.codec_name}`), seconds: Number(parsed.format.duration) };
}

describe('RecordingProcessor', { timeout: 240_000 }, () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  /** Raw streams synthesized once, copied into each recording's folder. */
  const streams = new Map<string, { participant: 'host' | 'guest'; kind: 'audio' | 'video'; file: string }>();
  let synthesized: string;
  let applicationId: string;

  before(async () => {
    services = await createTestServices();
    applicationId = await insertTestApplication(services);
    await services.webhookSettings.setUrls(applicationId, { recordings: 'https://receiver.test/recordings' });
    synthesized = fs.mkdtempSync(path.join(services.config.dataDir, 'synthesized-'));
    const at = Date.parse('2026-01-01T12:00:00.000Z');
    const make = async (name: string, participant: 'host' | 'guest', stream: SyntheticStream) => {
      const file = path.join(synthesized, `${name}.mjr`);
      await synthesizeMjr(file, stream);
      streams.set(name, { participant, kind: stream.kind, file });
    };
    await Promise.all([
      make('host-camera', 'host', { kind: 'video', source: 'color=c=red:s=640x360:r=20', seconds: 8, description: 'camera', startedAtMs: at }),
      make('host-microphone', 'host', { kind: 'audio', source: 'sine=f=440', seconds: 8, description: 'microphone', startedAtMs: at }),
      make('guest-camera', 'guest', {
        ...{ kind: 'video', source: 'color=c=green:s=640x360:r=20', seconds: 6, description: 'camera', startedAtMs: at + 1_000 },
        pauses: [{ fromSeconds: 1, toSeconds: 3 }],
      }),
      make('guest-microphone', 'guest', { kind: 'audio', source: 'sine=f=880', seconds: 6, description: 'microphone', startedAtMs: at + 1_000 }),
    ]);
  });
  after(() => services.dispose());

  /**
   * A recording of a fresh session, `processing` as the worker leaves it once claimed, whose raw folder
   * holds the synthesized streams named as Janus names them.
   */
  async function processingRecording(options: { onlyOwner?: boolean; corrupt?: boolean } = {}): Promise<Recording> {
    const room = await new RoomService(services).create(applicationId, { displayName: 'Recorded' });
    const sessionId = randomUUID();
    await services.sessions.start({ id: sessionId, roomId: room.id, startedAt: '2026-01-01T12:00:00.000Z' });
    const people = { host: randomUUID(), guest: randomUUID() };
    await services.sessions.addParticipant({ id: people.host, sessionId, roomId: room.id, displayName: 'Host', role: 'host', joinedAt: '2026-01-01T12:00:00.000Z' });
    await services.sessions.addParticipant({ id: people.guest, sessionId, roomId: room.id, displayName: 'Guest', role: 'guest', joinedAt: '2026-01-01T12:00:01.000Z' });
    const recording: Recording = {
      id: randomUUID(),
      roomId: room.id,
      sessionId,
      status: 'processing',
      startedAt: '2026-01-01T12:00:00.000Z',
      endedAt: new Date(Date.parse('2026-01-01T12:00:00.000Z') + DURATION_MS).toISOString(),
      filePath: null,
      byteSize: null,
      onlyOwner: options.onlyOwner ?? false,
      progress: 0,
      failureReason: null,
      createdAt: '2026-01-01T12:00:00.000Z',
    };
    await services.recordings.insert(recording);
    const raw = rawRecordingFolder(services.config.dataDir, recording.id);
    fs.mkdirSync(raw, { recursive: true });
    for (const [index, { participant, kind, file }] of [...streams.values()].entries()) {
      const name = `videoroom-${sessionId}-user-${people[participant]}-${1767268800000000 + index}-${kind}-${kind === 'audio' ? 0 : 1}.mjr`;
      fs.copyFileSync(file, path.join(raw, name));
      if (options.corrupt && kind === 'video' && participant === 'guest') fs.writeFileSync(path.join(raw, name), 'MJR00002 and then nothing a recording holds');
    }
    return recording;
  }

  const stored = (recording: Recording) => services.recordings.findById(applicationId, recording.id);
  const processor = (ffmpegBinary = 'ffmpeg') => new RecordingProcessor({ ...services, config: { ...services.config, ffmpegBinary } });

  test('makes one H.264 + AAC MP4 as long as the meeting, stores it, reports it, and drops the raw streams', async () => {
    const recording = await processingRecording();
    await processor().process(recording);

    const done = await stored(recording);
    assert.equal(done?.status, 'uploaded', done?.failureReason ?? '');
    assert.equal(done?.progress, 100);
    assert.equal(done?.filePath, `recordings/${recording.id}.mp4`);
    const file = path.join(services.config.dataDir, done.filePath);
    assert.equal(done.byteSize, fs.statSync(file).size);
    const { streams: kinds, seconds } = await probe(file);
    assert.deepEqual(kinds, ['video:h264', 'audio:aac']);
    assert.ok(Math.abs(seconds - DURATION_MS / 1000) < 0.2, `lasts ${seconds} s`);
    // Laid out as it happened: the host alone, then side by side with the guest, whose place stays
    // black while their camera is off, then the host alone again.
    assert.equal(await colourAt(file, 0.5, 640, 360), 'red');
    assert.equal(await colourAt(file, 1.5, 320, 360), 'red');
    assert.equal(await colourAt(file, 1.5, 960, 360), 'green');
    assert.equal(await colourAt(file, 3, 320, 360), 'red');
    assert.equal(await colourAt(file, 3, 960, 360), 'black');
    assert.equal(await colourAt(file, 5, 960, 360), 'green');
    assert.equal(await colourAt(file, 7.6, 640, 360), 'red');

    assert.equal(fs.existsSync(rawRecordingFolder(services.config.dataDir, recording.id)), false);
    assert.equal(fs.existsSync(recordingWorkFolder(services.config.dataDir, recording.id)), false);
    const [delivery] = await services.store.db.selectFrom('webhook_deliveries').select(['payload']).where('event', '=', 'recording:uploaded').where('payload', 'like', `%${recording.id}%`).execute();
    const event = JSON.parse(delivery?.payload ?? '{}') as Record<string, unknown>;
    assert.equal(event.duration, 8);
    assert.match(String(event.url), new RegExp(`^http://parley\\.test/recordings/${recording.id}/download\\?expires=\\d+&signature=`));
  });

  test('record_only_owner shows only the host\'s camera, and keeps every voice', async () => {
    const recording = await processingRecording({ onlyOwner: true });
    await processor().process(recording);
    const done = await stored(recording);
    assert.equal(done?.status, 'uploaded', done?.failureReason ?? '');
    const file = path.join(services.config.dataDir, done.filePath ?? '');
    assert.equal(await colourAt(file, 5, 640, 360), 'red', 'the host fills the picture while the guest is there');
    assert.equal(await colourAt(file, 5, 1100, 360), 'red');
    const { stderr } = await exec('ffmpeg', ['-hide_banner', '-ss', '5', '-t', '1', '-i', file, '-af', 'volumedetect', '-vn', '-f', 'null', '-']);
    const alone = await exec('ffmpeg', ['-hide_banner', '-ss', '0.2', '-t', '0.6', '-i', file, '-af', 'volumedetect', '-vn', '-f', 'null', '-']);
    const meanOf = (text: string) => Number(/mean_volume: (-?[\d.]+) dB/.exec(text)?.[1]);
    assert.ok(meanOf(stderr) > meanOf(alone.stderr) + 1.5, 'the guest is heard with the host');
  });

  test('an ffmpeg crash fails the recording with the reason and keeps the raw streams; a retry processes it', async () => {
    const crashing = path.join(services.config.dataDir, 'crashing-ffmpeg');
    fs.writeFileSync(crashing, '#!/bin/sh\necho "Segmentation fault (core dumped)" >&2\nkill -SEGV $$\n', { mode: 0o755 });
    const recording = await processingRecording();
    await processor(crashing).process(recording);

    const failed = await stored(recording);
    assert.equal(failed?.status, 'failed');
    assert.match(failed.failureReason ?? '', /crashing-ffmpeg was killed \(SIGSEGV\): Segmentation fault/);
    const raw = rawRecordingFolder(services.config.dataDir, recording.id);
    assert.equal(fs.readdirSync(raw).length, streams.size, 'every raw stream is kept');
    assert.equal(fs.existsSync(recordingWorkFolder(services.config.dataDir, recording.id)), false, 'scratch files are not');

    const woken: string[] = [];
    const retried = await new RecordingService({ ...services, recordingWorker: { wake: () => woken.push('wake') } }).retry(applicationId, recording.id);
    assert.deepEqual([retried.status, retried.failureReason, woken], ['ended', null, ['wake']]);
    const claimed = await services.recordings.claimNextEnded();
    assert.equal(claimed?.id, recording.id);
    await processor().process(claimed);
    assert.equal((await stored(recording))?.status, 'uploaded');
  });

  test('a full disk fails the recording, saying so', async () => {
    const recording = await processingRecording();
    // The composed file goes where every write fails with ENOSPC.
    const work = recordingWorkFolder(services.config.dataDir, recording.id);
    fs.mkdirSync(work, { recursive: true });
    fs.symlinkSync('/dev/full', path.join(work, 'recording.mp4'));
    await processor().process(recording);
    const failed = await stored(recording);
    assert.equal(failed?.status, 'failed');
    assert.match(failed.failureReason ?? '', /^The disk is full: ffmpeg exited with \d+: .*No space left on device/);
    assert.ok(fs.existsSync(rawRecordingFolder(services.config.dataDir, recording.id)));
  });

  test('a stream janus-pp-rec cannot read fails the recording, naming it', async () => {
    const recording = await processingRecording({ corrupt: true });
    await processor().process(recording);
    const failed = await stored(recording);
    assert.equal(failed?.status, 'failed');
    assert.match(failed.failureReason ?? '', /^Cannot read the recorded stream videoroom-.*-video-1\.mjr: janus-pp-rec (exited|was killed)/);
  });
});
