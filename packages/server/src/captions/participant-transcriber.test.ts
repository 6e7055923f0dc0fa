import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import pino from 'pino';
import { systemScheduler } from '../clock.js';
import { loadConfig } from '../config.js';
import { freeRtpPortPair } from '../free-port.js';
import type { RtpAudioFormat } from '../media/media-backend.js';
import { ParticipantTranscriber } from './participant-transcriber.js';
import { PocketsphinxRecognizer } from './pocketsphinx-recognizer.js';
import type { RecognitionListener, RecognitionRun, SpeechRecognizer } from './speech-recognizer.js';
import { spokenPhraseWav, TEST_PHRASE_WORDS } from './test-support/spoken-phrase.js';

const OPUS: RtpAudioFormat = { codec: 'opus', payloadType: 111, clockRate: 48_000, channels: 2 };
const config = loadConfig({});
const pocketsphinx = new PocketsphinxRecognizer({ ffmpeg: config.ffmpegBinary, modelDir: config.pocketsphinxModelDir });

/** The real recognizer, counting the runs it starts and noting when each ends. */
class CountingRecognizer implements SpeechRecognizer {
  readonly language = 'en-US';
  readonly runs: { ended: Promise<void> }[] = [];
  constructor(private readonly inner: SpeechRecognizer) {}
  unavailableReason(): Promise<string | undefined> {
    return this.inner.unavailableReason();
  }
  start(listener: RecognitionListener): RecognitionRun {
    const run = this.inner.start(listener);
    let ended!: () => void;
    this.runs.push({ ended: new Promise((resolve) => (ended = resolve)) });
    return { ...run, finish: () => run.finish().finally(ended), abort: () => run.abort().finally(ended) };
  }
}

/** Sends audio to a port as Opus RTP, in real time, as a browser's microphone would reach Janus's forwarder. */
async function sendRtp(port: number, input: string[]): Promise<void> {
  const sender = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re', ...input,
    '-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-payload_type', String(OPUS.payloadType), '-f', 'rtp', `rtp://127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  const [code] = (await once(sender, 'close')) as [number | null];
  assert.equal(code, 0, 'the RTP sender failed');
}

/** Polls until `probe` gives a value (processes start and end on their own time). */
async function eventually<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function transcriberOnFreePort(recognizer: SpeechRecognizer, onUtterance: (text: string) => void) {
  const port = await freeRtpPortPair();
  const transcriber = new ParticipantTranscriber({
    port,
    format: OPUS,
    ffmpeg: config.ffmpegBinary,
    recognizer,
    onUtterance,
    scheduler: systemScheduler,
    logger: pino({ level: 'silent' }),
    // Closes soon after speech, so a test sees the recognizer come and go.
    gate: { loudRms: 184, openAfterLoudFrames: 3, closeAfterSilenceMs: 1_000, prerollMs: 1_000 },
  });
  transcriber.start();
  return { port, transcriber };
}

describe('transcribing a participant’s microphone', { timeout: 60_000 }, () => {
  test('turns speech arriving as Opus RTP into text, with a recognizer only while they speak; stopping ends every process', async () => {
    const recognizer = new CountingRecognizer(pocketsphinx);
    const utterances: string[] = [];
    const { port, transcriber } = await transcriberOnFreePort(recognizer, (text) => utterances.push(text));
    const [decoder] = transcriber.processIds();
    assert.ok(decoder !== undefined && isRunning(decoder), 'ffmpeg decodes from the start');

    // One stream, as a microphone sends it: three seconds of silence, the phrase, two seconds of silence.
    await sendRtp(port, ['-i', spokenPhraseWav({ sampleRate: 48_000, silenceBeforeS: 3, silenceAfterS: 2 })]);
    // A recognizer started by the silence would have ended before the phrase (the gate closes after a second).
    assert.equal(recognizer.runs.length, 1, 'one recognizer, for the phrase: none for the silence');
    await recognizer.runs[0]!.ended;
    const heard = utterances.join(' ');
    assert.ok(TEST_PHRASE_WORDS.some((word) => heard.split(' ').includes(word)), `heard "${heard}"`);
    assert.deepEqual(transcriber.processIds(), [decoder], 'the recognizer ended with the speech');

    await transcriber.stop();
    assert.equal(isRunning(decoder), false, 'stopping ends ffmpeg');
    assert.deepEqual(transcriber.processIds(), []);
  });

  test('starts a decoder that died again, and stops a recognizer mid-speech at once', async () => {
    const recognizer = new CountingRecognizer(pocketsphinx);
    const { port, transcriber } = await transcriberOnFreePort(recognizer, () => undefined);
    const [first] = transcriber.processIds();
    assert.ok(first !== undefined);
    process.kill(first, 'SIGKILL');
    const restarted = await eventually(() => transcriber.processIds().find((pid) => pid !== first), 'a new ffmpeg');
    assert.ok(isRunning(restarted));

    // Stopped in the middle of the phrase: the recognizer that runs goes too.
    await sendRtp(port, ['-i', spokenPhraseWav({ sampleRate: 48_000, silenceAfterS: 2 }), '-t', '1.5']);
    const running = await eventually(() => (transcriber.processIds().length === 2 ? transcriber.processIds() : undefined), 'ffmpeg and a recognizer');
    await transcriber.stop();
    for (const pid of running) assert.equal(isRunning(pid), false, `process ${pid} ended`);
    await recognizer.runs[0]!.ended;
  });
});
