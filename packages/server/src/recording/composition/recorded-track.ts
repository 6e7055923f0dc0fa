/**
 * One stream of a recorded session, as post-processing sees it: a playable file (from `janus-pp-rec`)
 * and when it ran, in milliseconds from the start of the recording.
 */
export interface RecordedTrack {
  participantId: string;
  kind: 'audio' | 'video';
  /** What a video track shows; audio tracks are always `camera` (the microphone). */
  source: 'camera' | 'screen';
  /** A `.webm` (video) or `.opus` (audio) file. */
  file: string;
  startMs: number;
  endMs: number;
}

/** The canvas every recording is composed on: 16:9, sharp enough for a shared screen's text. */
export const CANVAS = { width: 1280, height: 720 } as const;
export const FRAME_RATE = 20;
