import type { ParleyRoom } from '@parley/client';
import { useEffect, useState } from 'react';

/** `reconnected`: back after a drop, for a few seconds, so the person hears that it worked. */
export type ConnectionState = 'connected' | 'reconnecting' | 'reconnected';

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
      room.on('reconnected', () => {
        setState('reconnected');
        timer = setTimeout(() => setState('connected'), RECONNECTED_SHOWN_MS);
      }),
    ];
    return () => {
      clearTimeout(timer);
      for (const stop of off) stop();
    };
  }, [room]);
  return state;
}
