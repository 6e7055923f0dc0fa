import type { ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';

export interface ScreenShare {
  /** What one shares now, or `null`. */
  stream: MediaStream | null;
  /** The browser's picker is open, or the server is being asked. */
  starting: boolean;
  /** The browser can share a screen at all (phones cannot). */
  supported: boolean;
  /** Starts sharing; rejects with the SDK's refusal. */
  start(): Promise<void>;
  stop(): void;
}

/** One's own screen share, following the SDK (the browser's own "Stop sharing" included). */
export function useScreenShare(room: ParleyRoom): ScreenShare {
  const [stream, setStream] = useState<MediaStream | null>(() => room.localScreenStream);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    setStream(room.localScreenStream);
    return room.on('local-screen-share', setStream);
  }, [room]);

  const start = useCallback(async () => {
    setStarting(true);
    try {
      await room.startScreenShare();
    } finally {
      setStarting(false);
    }
  }, [room]);

  const stop = useCallback(() => {
    room.stopScreenShare().catch((error: unknown) => console.warn('[parley] stopping the screen share failed', error));
  }, [room]);

  return { stream, starting, supported: typeof navigator.mediaDevices?.getDisplayMedia === 'function', start, stop };
}
