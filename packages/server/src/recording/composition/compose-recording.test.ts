import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ToolFailure } from '../tool-run.js';
import { composeRecording } from './compose-recording.js';
import type { RecordedTrack } from './recorded-track.js';

const exec = promisify(execFile);

/** A solid-colour VP8 clip, as janus-pp-rec writes a camera's or screen's stream. */
async function videoClip(file: string, color: string, size: string, seconds: number): Promise<void> {
  await exec('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=${color}:s=${size}:r=20:d=${seconds}`, '-c:v', 'libvpx', '-b:v', '300k', file]);
}

async function toneClip(file: string, frequency: number, seconds: number): Promise<void> {
  await exec('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=f=${frequency}:d=${seconds}`, '-c:a', 'libopus', file]);
}

/** The colour at (x, y) of the frame shown at `atSeconds`. */
async function pixel(file: string, atSeconds: number, x: number, y: number): Promise<[number, number, number]> {
  const { stdout } = await exec('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-ss', String(atSeconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    encoding: 'buffer',
    maxBuffer: 16 * 1024 * 1024,
  });
  const at = (y * 1280 + x) * 3;
  return [stdout[at]!, stdout[at + 1]!, stdout[at + 2]!];
}

const dominant = ([r, g, b]: [number, number, number]): string => {
  if (r < 40 && g < 40 && b < 40) return 'black';
  if (r > g + 80 && r > b + 80) return 'red';
  if (g > r + 60 && g > b + 60) return 'green';
  if (b > r + 80 && b > g + 80) return 'blue';
  return `rgb(${r},${g},${b})`;
};

describe('composeRecording', () => {
  let dir: string;
  let tracks: RecordedTrack[];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-compose-'));
    const file = (name: string) => path.join(dir, name);
    await Promise.all([
      videoClip(file('a.webm'), 'red', '640x480', 6),
      videoClip(file('b.webm'), 'green', '320x240', 3),
      videoClip(file('b-screen.webm'), 'blue', '1280x720', 2),
      toneClip(file('a.opus'), 440, 6),
      toneClip(file('b.opus'), 880, 3),
    ]);
    tracks = [
      { participantId: 'a', kind: 'video', source: 'camera', file: file('a.webm'), startMs: 0, endMs: 6_000 },
      { participantId: 'a', kind: 'audio', source: 'camera', file: file('a.opus'), startMs: 0, endMs: 6_000 },
      { participantId: 'b', kind: 'video', source: 'camera', file: file('b.webm'), startMs: 2_000, endMs: 5_000 },
      { participantId: 'b', kind: 'audio', source: 'camera', file: file('b.opus'), startMs: 2_000, endMs: 5_000 },
      { participantId: 'b', kind: 'video', source: 'screen', file: file('b-screen.webm'), startMs: 3_000, endMs: 5_000 },
    ];
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes one H.264 + AAC MP4 as long as the meeting, laid out as it happened', async () => {
    const output = path.join(dir, 'meeting.mp4');
    const progress: string[] = [];
    await composeRecording({ tracks, durationMs: 6_000, workDir: path.join(dir, 'work'), output, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    // Four layouts (a alone, a and b, b's screen, a alone), then the audio, then the two joined.
    assert.deepEqual(progress, ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);

    const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,codec_type,width,height:format=duration', '-of', 'json', output]);
    const probe = JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[]; format: { duration: string } };
    assert.deepEqual(
      probe.streams.map((s) => [s.codec_type, s.codec_name]),
      [
        ['video', 'h264'],
        ['audio', 'aac'],
      ],
    );
    assert.deepEqual([probe.streams[0]?.width, probe.streams[0]?.height], [1280, 720]);
    assert.ok(Math.abs(Number(probe.format.duration) - 6) < 0.15, `lasts ${probe.format.duration} s`);

    // Alone: a's camera fills the canvas.
    assert.equal(dominant(await pixel(output, 1, 640, 360)), 'red');
    // b joins: two columns, a on the left, b on the right.
    assert.equal(dominant(await pixel(output, 2.5, 320, 360)), 'red');
    assert.equal(dominant(await pixel(output, 2.5, 960, 360)), 'green');
    // b shares a screen: the screen large on the left, b's camera first in the column, then a's.
    assert.equal(dominant(await pixel(output, 4, 480, 360)), 'blue');
    assert.equal(dominant(await pixel(output, 4, 1120, 90)), 'green');
    assert.equal(dominant(await pixel(output, 4, 1120, 270)), 'red');
    // b left: a alone again.
    assert.equal(dominant(await pixel(output, 5.5, 640, 360)), 'red');
  });

  test('encodes a long stretch in pieces, side by side, that join into one seamless video', async () => {
    const long = path.join(dir, 'long.webm');
    await videoClip(long, 'red', '320x240', 20);
    const output = path.join(dir, 'long.mp4');
    const progress: string[] = [];
    await composeRecording({
      tracks: [{ participantId: 'a', kind: 'video', source: 'camera', file: long, startMs: 0, endMs: 20_000 }],
      durationMs: 20_000,
      workDir: path.join(dir, 'work-long'),
      output,
      concurrency: 2,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    // Two pieces of at most 15 s, the (silent) audio, the join.
    assert.deepEqual(progress, ['1/4', '2/4', '3/4', '4/4']);
    const { stdout } = await exec('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v', '-show_entries', 'stream=nb_read_frames:format=duration', '-of', 'json', output]);
    const probe = JSON.parse(stdout) as { streams: { nb_read_frames: string }[]; format: { duration: string } };
    assert.equal(Number(probe.streams[0]?.nb_read_frames), 400, 'every frame of 20 s at 20 fps, none twice');
    assert.ok(Math.abs(Number(probe.format.duration) - 20) < 0.15, `lasts ${probe.format.duration} s`);
    assert.equal(dominant(await pixel(output, 16, 640, 360)), 'red');
  });

  test('mixes every voice in at its own time', async () => {
    const output = path.join(dir, 'voices.mp4');
    await composeRecording({ tracks, durationMs: 6_000, workDir: path.join(dir, 'work-voices'), output });
    const loudness = async (from: number, to: number) => {
      const { stderr } = await exec('ffmpeg', ['-hide_banner', '-ss', String(from), '-to', String(to), '-i', output, '-af', 'volumedetect', '-vn', '-f', 'null', '-']);
      return Number(/mean_volume: (-?[\d.]+) dB/.exec(stderr)?.[1]);
    };
    const alone = await loudness(0.5, 1.5);
    const both = await loudness(2.5, 3.5);
    assert.ok(alone > -40, `a is heard alone (${alone} dB)`);
    assert.ok(both > alone + 1.5, `two voices are louder than one (${both} dB vs ${alone} dB)`);
  });

  test('fails with ffmpeg\'s reason when a track cannot be read, and leaves the tracks alone', async () => {
    const broken = path.join(dir, 'broken.webm');
    fs.writeFileSync(broken, 'not a video');
    const output = path.join(dir, 'broken.mp4');
    await assert.rejects(
      composeRecording({ tracks: [{ ...tracks[0]!, file: broken }], durationMs: 2_000, workDir: path.join(dir, 'work-broken'), output }),
      (error: unknown) => error instanceof ToolFailure && /ffmpeg exited with \d+: .*broken\.webm/.test(error.message),
    );
    assert.equal(fs.readFileSync(broken, 'utf8'), 'not a video');
    assert.equal(fs.existsSync(output), false);
  });
});
