import type { ParleyRoom } from '@parley/client';
import { useEffect, useState } from 'react';

/**
 * `reconnecting`: the connection to the server dropped. `moving-media`: the media server was lost and
 * the meeting moves to another (one is still in it; audio and video come back by themselves).
 * `reconnected`: back after either, for a few seconds, so the person hears that it worked.
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'moving-media' | 'reconnected';

const RECONNECTED_SHOWN_MS = 4_000;

/** The bridge from the room's reconnection events to page state. */
export function useConnectionState(room: ParleyRoom): ConnectionState {
  const [state, setState] = useState<ConnectionState>(() => (room.isReconnecting ? 'reconnecting' : 'connected'));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = [
      room.on('reconnecting', () => {
        clearTimeout(timer);
        setState('reconnecting');
      }),
      room.on('media-reconnecting', () => {
        clearTimeout(timer);
        setState('moving-media');
      }),
    ];
    for (const back of ['reconnected', 'media-reconnected'] as const) {
      off.push(
        room.on(back, () => {
          setState('reconnected');
          timer = setTimeout(() => setState('connected'), RECONNECTED_SHOWN_MS);
        }),
      );
    }
    return () => {
      clearTimeout(timer);
      for (const stop of off) stop();
    };
  }, [room]);
  return state;
}
