import type { Logger } from 'pino';
import type { Scheduler } from '../clock.js';
import type { RtpAudioFormat } from '../media/media-backend.js';
import { RtpAudioDecoder } from './rtp-audio-decoder.js';
import { DEFAULT_SPEECH_GATE, SpeechGate, type SpeechGateOptions } from './speech-gate.js';
import type { RecognitionRun, SpeechRecognizer } from './speech-recognizer.js';

/** After a recognizer fails, this much of the speaker's audio goes by before another is tried. */
const RETRY_AFTER_FAILURE_MS = 5_000;

export interface ParticipantTranscriberOptions {
  /** The local UDP port the participant's microphone arrives on, as RTP in `format`. */
  port: number;
  format: RtpAudioFormat;
  ffmpeg: string;
  recognizer: SpeechRecognizer;
  onUtterance: (text: string) => void;
  scheduler: Scheduler;
  logger: Logger;
  gate?: SpeechGateOptions;
}

/**
 * One participant's live captions: their microphone decoded (ffmpeg, which runs for as long as they
 * are captioned and costs little), and a speech recognizer that runs only while they speak, as the
 * speech gate decides. Every process is stopped by its PID on `stop`.
 */
export class ParticipantTranscriber {
  private readonly decoder: RtpAudioDecoder;
  private readonly gate: SpeechGate;
  private run: RecognitionRun | undefined;
  /** Runs told to finish, which may still hand over their last utterance. */
  private readonly finishing = new Set<RecognitionRun>();
  private stopped = false;

  constructor(private readonly options: ParticipantTranscriberOptions) {
    this.gate = new SpeechGate(options.gate ?? DEFAULT_SPEECH_GATE);
    this.decoder = new RtpAudioDecoder({
      ffmpeg: options.ffmpeg,
      port: options.port,
      format: options.format,
      onPcm: (pcm) => this.hear(pcm),
      scheduler: options.scheduler,
      logger: options.logger,
    });
  }

  start(): void {
    this.decoder.start();
  }

  /** The processes working for this participant now: the decoder, and the recognizer while they speak. */
  processIds(): number[] {
    const runs = [...(this.run ? [this.run] : []), ...this.finishing];
    return [...(this.decoder.pid === undefined ? [] : [this.decoder.pid]), ...runs.flatMap((run) => run.processIds())];
  }

  /** Stops every process at once; what was not recognised yet is dropped. */
  async stop(): Promise<void> {
    this.stopped = true;
    const runs = [...(this.run ? [this.run] : []), ...this.finishing];
    this.run = undefined;
    await Promise.all([this.decoder.stop(), ...runs.map((run) => run.abort())]);
  }

  private hear(pcm: Buffer): void {
    if (this.stopped) return;
    for (const event of this.gate.push(pcm)) {
      if (event.type === 'open') {
        this.run = this.startRun();
        this.run.write(event.audio);
      } else if (event.type === 'audio') {
        this.run?.write(event.audio);
      } else {
        this.finish();
      }
    }
  }

  private startRun(): RecognitionRun {
    const run: RecognitionRun = this.options.recognizer.start({
      utterance: (text) => {
        if (!this.stopped) this.options.onUtterance(text);
      },
      failed: (reason) => {
        this.finishing.delete(run);
        if (this.run !== run || this.stopped) return;
        this.run = undefined;
        this.options.logger.error({ port: this.options.port, reason }, 'the speech recognizer failed; captions of this speaker resume shortly');
        this.gate.shut(RETRY_AFTER_FAILURE_MS);
      },
    });
    return run;
  }

  /** The speaker went quiet: their recognizer hands over what it heard last, and ends. */
  private finish(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    this.finishing.add(run);
    void run.finish().finally(() => this.finishing.delete(run));
  }
}
