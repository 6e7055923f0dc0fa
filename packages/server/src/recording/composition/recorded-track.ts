/**
 * One stream of a recorded session, as post-processing sees it: a playable file (from `janus-pp-rec`)
 * and when it ran, in milliseconds from the start of the recording.
 */
export interface RecordedTrack {
  participantId: string;
  kind: 'audio' | 'video';
  /**
   * What a video track shows; for an audio track, `camera` is the microphone and `screen` a screen
   * share's sound.
   */
  source: 'camera' | 'screen';
  /** A playable file as `janus-pp-rec` writes it: `.webm` or `.mp4` (video), `.opus` or `.wav` (audio). */
  file: string;
  startMs: number;
  endMs: number;
  /**
   * Stretches (from the start of the recording, like `startMs`) in which a video track sent nothing:
   * a camera turned off and on again, while its owner stayed. Their place stays theirs, black.
   */
  gaps?: readonly { startMs: number; endMs: number }[];
}

/** The canvas every recording is composed on: 16:9, sharp enough for a shared screen's text. */
export const CANVAS = { width: 1280, height: 720 } as const;
export const FRAME_RATE = 20;
