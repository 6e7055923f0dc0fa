import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What the captions tests say, and the words of it Pocketsphinx must hear. Measured on espeak-ng's
 * voices and speeds through Opus: with `en-us+m6` at 170 words a minute Pocketsphinx gets both sentences
 * word for word, where most phrases and voices come out garbled (synthetic speech is not what its
 * model learnt from).
 */
export const TEST_PHRASE = 'I would like a cup of coffee. The project is going well.';
export const TEST_PHRASE_WORDS = ['coffee', 'project', 'going', 'cup'] as const;

/**
 * A WAV of `TEST_PHRASE` spoken by espeak-ng (a test-only Debian package), between stretches of silence,
 * as 16-bit mono at `sampleRate`: a browser's fake microphone loops it, a test sends it as RTP. Written
 * once per run.
 */
export function spokenPhraseWav(options: { sampleRate: number; silenceBeforeS?: number; silenceAfterS: number }): string {
  const before = options.silenceBeforeS ?? 0;
  const file = path.join(os.tmpdir(), `parley-spoken-phrase-${options.sampleRate}-${before}-${options.silenceAfterS}.wav`);
  if (fs.existsSync(file)) return file;
  const spoken = `${file}.${process.pid}.espeak.wav`;
  execFileSync('espeak-ng', ['-v', 'en-us+m6', '-s', '170', '-w', spoken, TEST_PHRASE]);
  const partial = `${file}.${process.pid}.wav`;
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', spoken,
    '-af', `adelay=${before * 1000}:all=1,apad=pad_dur=${options.silenceAfterS}`, '-ar', String(options.sampleRate), '-ac', '1', '-c:a', 'pcm_s16le', partial,
  ]);
  fs.rmSync(spoken);
  fs.renameSync(partial, file);
  return file;
}
