/**
 * The audio every speech recognizer takes: what the decoder makes of a tapped microphone. 16 kHz mono
 * is what speech models are trained on; more would only cost CPU.
 */
export const RECOGNIZER_PCM = { sampleRate: 16_000, channels: 1, bytesPerSample: 2 } as const;

/**
 * What live captions need from a speech-to-text engine: speech in (`RECOGNIZER_PCM`, signed 16-bit
 * little-endian), one text per utterance out. Pocketsphinx is the one Parley ships with
 * (pocketsphinx-recognizer.ts); another engine replaces it by implementing this.
 */
export interface SpeechRecognizer {
  /** The language it recognises, as BCP 47 (`en-US`): captions are in this language, whatever is spoken. */
  readonly language: string;
  /** Why it cannot run on this machine (not installed, its model missing), or `undefined` when it can. */
  unavailableReason(): Promise<string | undefined>;
  /** Starts recognising one stretch of one person's speech. */
  start(listener: RecognitionListener): RecognitionRun;
}

export interface RecognitionListener {
  /** An utterance was recognised (the engine decides where one ends: a pause, usually). */
  utterance(text: string): void;
  /** The engine stopped on its own (it crashed, or could not start): nothing more comes from this run. */
  failed(reason: string): void;
}

/** One stretch of speech being recognised. */
export interface RecognitionRun {
  write(pcm: Buffer): void;
  /** No more audio: resolves once the last utterance was handed over and the engine stopped. */
  finish(): Promise<void>;
  /** Stops at once, dropping whatever was not recognised yet. */
  abort(): Promise<void>;
  /** The operating system's ids of the processes doing the work, while they run. */
  processIds(): number[];
}
