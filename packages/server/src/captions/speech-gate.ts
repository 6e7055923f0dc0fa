import { RECOGNIZER_PCM } from './speech-recognizer.js';

/** What the gate makes of the audio pushed into it, in order. */
export type GateEvent =
  /** Speech began: start recognising, with `audio` (the moments before, then the speech so far). */
  | { type: 'open'; audio: Buffer }
  /** More audio while open: recognise it. */
  | { type: 'audio'; audio: Buffer }
  /** Silence long enough: the speaker stopped; stop recognising. */
  | { type: 'close' };

export interface SpeechGateOptions {
  /** A frame at least this loud (RMS of its 16-bit samples) may be speech. */
  loudRms: number;
  /** This many loud frames in a row open the gate: a click or a cough is shorter. */
  openAfterLoudFrames: number;
  /** This long without a loud frame closes it: people pause between sentences without stopping. */
  closeAfterSilenceMs: number;
  /** How much audio from before the gate opened goes with it: speech starts softer than it goes on. */
  prerollMs: number;
}

const FRAME_MS = 20;
const BYTES_PER_MS = (RECOGNIZER_PCM.sampleRate * RECOGNIZER_PCM.bytesPerSample) / 1000;
const FRAME_BYTES = FRAME_MS * BYTES_PER_MS;

export const DEFAULT_SPEECH_GATE: SpeechGateOptions = {
  // -45 dBFS: well above what a quiet room gives a browser's noise-suppressed microphone, well below speech.
  loudRms: 184,
  openAfterLoudFrames: 3,
  closeAfterSilenceMs: 15_000,
  prerollMs: 1_000,
};

/**
 * Decides when a microphone's recognizer runs: only while its owner speaks (and a little after), so a
 * room of people who listen costs no recognizers. It measures loudness frame by frame (20 ms) over the
 * decoded audio itself, counting time in samples, not by a clock: the same audio always gives the same
 * events. The recognizer finds where utterances end by itself; the gate only spares it silence.
 */
export class SpeechGate {
  private open = false;
  private partial = Buffer.alloc(0);
  /** While closed: the latest frames, kept for the pre-roll. */
  private recent: Buffer[] = [];
  private loudInARow = 0;
  private silentMs = 0;
  /** Audio to let pass, closed, before the gate may open again (see `shut`). */
  private holdMs = 0;

  constructor(private readonly options: SpeechGateOptions = DEFAULT_SPEECH_GATE) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Takes the next piece of audio (any length) and says what to do with it. */
  push(pcm: Buffer): GateEvent[] {
    const events: GateEvent[] = [];
    /** Frames let through since the last event: one `audio` event carries them all. */
    let passing: Buffer[] = [];
    const flush = (): void => {
      if (passing.length > 0) events.push({ type: 'audio', audio: Buffer.concat(passing) });
      passing = [];
    };
    let data = this.partial.length > 0 ? Buffer.concat([this.partial, pcm]) : pcm;
    while (data.length >= FRAME_BYTES) {
      // Copied: the caller's buffer may be reused.
      const frame = Buffer.from(data.subarray(0, FRAME_BYTES));
      data = data.subarray(FRAME_BYTES);
      const event = this.frame(frame);
      if (event === 'pass') {
        passing.push(frame);
      } else if (event) {
        flush();
        events.push(event);
      }
    }
    flush();
    this.partial = Buffer.from(data);
    return events;
  }

  /**
   * Closes the gate and keeps it closed for the next `holdMs` of audio, whatever is said: after a
   * recognizer failed, so a broken one is not restarted with every syllable.
   */
  shut(holdMs: number): void {
    this.open = false;
    this.recent = [];
    this.loudInARow = 0;
    this.holdMs = holdMs;
  }

  /** What one frame does: passes through (open), opens or closes the gate, or nothing (closed). */
  private frame(frame: Buffer): GateEvent | 'pass' | undefined {
    const loud = rms(frame) >= this.options.loudRms;
    if (this.open) {
      this.silentMs = loud ? 0 : this.silentMs + FRAME_MS;
      if (this.silentMs < this.options.closeAfterSilenceMs) return 'pass';
      this.open = false;
      this.loudInARow = 0;
      return { type: 'close' };
    }
    this.recent.push(frame);
    if (this.recent.length > Math.ceil(this.options.prerollMs / FRAME_MS) + this.options.openAfterLoudFrames) this.recent.shift();
    if (this.holdMs > 0) {
      this.holdMs -= FRAME_MS;
      return undefined;
    }
    this.loudInARow = loud ? this.loudInARow + 1 : 0;
    if (this.loudInARow < this.options.openAfterLoudFrames) return undefined;
    this.open = true;
    this.silentMs = 0;
    const audio = Buffer.concat(this.recent);
    this.recent = [];
    return { type: 'open', audio };
  }
}

/** Root mean square of signed 16-bit little-endian samples. */
function rms(frame: Buffer): number {
  let sum = 0;
  const samples = frame.length / 2;
  for (let i = 0; i < frame.length; i += 2) {
    const sample = frame.readInt16LE(i);
    sum += sample * sample;
  }
  return Math.sqrt(sum / samples);
}
