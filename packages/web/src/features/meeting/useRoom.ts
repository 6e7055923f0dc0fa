import type { ParleyRoom, RoomEvents } from '@parley/client';
import { useEffect, useReducer, useRef } from 'react';
import { remotesReducer, type RemotesState } from './state';

export type DisconnectReason = Parameters<RoomEvents['disconnected']>[0];

/**
 * The one bridge from the SDK's room events to React state. Components never subscribe to the room
 * themselves; they render what this hook returns.
 */
export function useRoom(room: ParleyRoom, onDisconnected: (reason: DisconnectReason) => void): RemotesState {
  const [remotes, dispatch] = useReducer(remotesReducer, room, (r) => remotesReducer([], { type: 'reset', participants: r.participants() }));
  const disconnectedRef = useRef(onDisconnected);
  disconnectedRef.current = onDisconnected;

  useEffect(() => {
    const unsubscribe = [
      room.on('participant-joined', (participant) => dispatch({ type: 'joined', participant })),
      room.on('participant-updated', (participant) => dispatch({ type: 'updated', participant })),
      room.on('track', (participant) => dispatch({ type: 'track', participant })),
      room.on('participant-left', (participantId) => dispatch({ type: 'left', participantId })),
      room.on('disconnected', (reason, message) => {
        if (message) console.info(`[parley] disconnected (${reason}): ${message}`);
        disconnectedRef.current(reason);
      }),
    ];
    // Anyone who arrived between join() resolving and this subscription.
    dispatch({ type: 'reset', participants: room.participants() });
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [room]);

  return remotes;
}
