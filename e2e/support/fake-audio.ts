import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SAMPLE_RATE = 48_000;
const SECONDS = 2;

/**
 * A WAV file for Chromium's fake microphone (`--use-file-for-fake-audio-capture`, which loops it):
 * `tone`, a steady 440 Hz tone loud enough for the SFU to hear someone talking (its default beeps
 * rarely are), or `silence`. Written once per test run.
 */
export function fakeAudioFile(kind: 'tone' | 'silence'): string {
  const file = path.join(os.tmpdir(), `parley-fake-audio-${kind}.wav`);
  if (fs.existsSync(file)) return file;
  const samples = SAMPLE_RATE * SECONDS;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const value = kind === 'tone' ? Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 16_000) : 0;
    wav.writeInt16LE(value, 44 + i * 2);
  }
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, wav);
  fs.renameSync(partial, file);
  return file;
}
