import { useEffect, type RefObject } from 'react';

interface Options {
  /** Own camera: never play it back (echo). */
  muted: boolean;
  /** Change it to re-attach the same stream (a track arrived) or to retry playing after a click. */
  refresh?: unknown;
  /** The browser refused to play sound without a user gesture. */
  onAutoplayBlocked?: (() => void) | undefined;
  /** The output device to play the sound on (`setSinkId`); the system's default when absent. */
  sinkId?: string | undefined;
}

/** Shows (and plays the sound of) a MediaStream in a <video> element. */
export function useAttachStream(
  ref: RefObject<HTMLVideoElement | null>,
  stream: MediaStream | null,
  { muted, refresh, onAutoplayBlocked, sinkId }: Options,
): void {
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = muted;
    if (video.srcObject !== stream) video.srcObject = stream;
    else if (stream) {
      // Same stream with new tracks: some browsers only pick them up on re-assignment.
      video.srcObject = null;
      video.srcObject = stream;
    }
    if (!stream) return;
    video.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !muted) {
        // Show the picture at least, and ask for a click to get the sound.
        onAutoplayBlocked?.();
        video.muted = true;
        void video.play().catch(() => undefined);
      }
      // AbortError: a newer srcObject replaced this one; nothing to do.
    });
  }, [ref, stream, muted, refresh, onAutoplayBlocked]);

  useEffect(() => {
    const video = ref.current;
    // Not every browser can choose an output device (Firefox before 116, Safari before 18).
    if (!video || muted || !('setSinkId' in video)) return;
    // '' is the default output: a chosen device that is gone falls back to it.
    const wanted = sinkId ?? '';
    if (video.sinkId === wanted) return;
    video.setSinkId(wanted).catch((error: unknown) => console.warn('[parley] cannot play sound on the chosen speaker', error));
  }, [ref, sinkId, muted]);

  useEffect(() => {
    const video = ref.current;
    return () => {
      if (video) video.srcObject = null;
    };
  }, [ref]);
}
