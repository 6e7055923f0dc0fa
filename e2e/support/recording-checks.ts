import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface ProbedMp4 {
  /** `codec_type:codec_name` of each stream, in order. */
  streams: string[];
  seconds: number;
}

/** What ffprobe finds in a media file. */
export async function probeMedia(file: string): Promise<ProbedMp4> {
  const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration', '-of', 'json', file]);
  const parsed = JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string }[]; format: { duration: string } };
  return { streams: parsed.streams.map((s) => `${s.codec_type}:${s.codec_name}`), seconds: Number(parsed.format.duration) };
}

/** The loudest moment of a file's sound, in dB (-91 is silence). */
export async function maxVolume(file: string): Promise<number> {
  const { stderr } = await exec('ffmpeg', ['-hide_banner', '-i', file, '-af', 'volumedetect', '-vn', '-f', 'null', '-']);
  return Number(/max_volume: (-?[\d.]+) dB/.exec(stderr)?.[1] ?? '-91');
}

/** Whether the picture at `atSeconds` is (nearly) black around (x, y): a 9×9 square's mean brightness. */
export async function isBlackAt(file: string, atSeconds: number, x: number, y: number): Promise<boolean> {
  const { stdout } = await exec('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-ss', String(atSeconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    encoding: 'buffer',
    maxBuffer: 16 * 1024 * 1024,
  });
  const width = 1280;
  let sum = 0;
  for (let dy = -4; dy <= 4; dy++) {
    for (let dx = -4; dx <= 4; dx++) {
      const at = ((y + dy) * width + (x + dx)) * 3;
      sum += (stdout[at]! + stdout[at + 1]! + stdout[at + 2]!) / 3;
    }
  }
  return sum / 81 < 24;
}
