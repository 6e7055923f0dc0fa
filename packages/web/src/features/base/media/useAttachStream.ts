import { useEffect, type RefObject } from 'react';

interface Options {
  /** No sound from this element: one's own camera (echo), or a picture whose sound plays elsewhere. */
  muted: boolean;
  /** Change it to re-attach the same stream (a track arrived) or to retry playing after a click. */
  refresh?: unknown;
  /** The browser refused to play sound without a user gesture. */
  onAutoplayBlocked?: (() => void) | undefined;
  /** The output device to play the sound on (`setSinkId`); the system's default when absent. */
  sinkId?: string | undefined;
}

/** Shows a MediaStream in a <video> element, or plays its sound in an <audio> one. */
export function useAttachStream(
  ref: RefObject<HTMLMediaElement | null>,
  stream: MediaStream | null,
  { muted, refresh, onAutoplayBlocked, sinkId }: Options,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.muted = muted;
    if (element.srcObject !== stream) element.srcObject = stream;
    else if (stream) {
      // Same stream with new tracks: some browsers only pick them up on re-assignment.
      element.srcObject = null;
      element.srcObject = stream;
    }
    if (!stream) return;
    element.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !muted) {
        // Play muted at least (a picture still shows), and ask for a click to get the sound.
        onAutoplayBlocked?.();
        element.muted = true;
        void element.play().catch(() => undefined);
      }
      // AbortError: a newer srcObject replaced this one; nothing to do.
    });
  }, [ref, stream, muted, refresh, onAutoplayBlocked]);

  useEffect(() => {
    const element = ref.current;
    // Not every browser can choose an output device (Firefox before 116, Safari before 18).
    if (!element || muted || !('setSinkId' in element)) return;
    // '' is the default output: a chosen device that is gone falls back to it.
    const wanted = sinkId ?? '';
    if (element.sinkId === wanted) return;
    element.setSinkId(wanted).catch((error: unknown) => console.warn('[parley] cannot play sound on the chosen speaker', error));
  }, [ref, sinkId, muted]);

  useEffect(() => {
    const element = ref.current;
    return () => {
      if (element) element.srcObject = null;
    };
  }, [ref]);
}
