import type { ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { initialLobbyState, lobbyReducer, type LobbyState } from './state';

export interface Lobby extends LobbyState {
  setOpen: (open: boolean) => void;
  /** Hides the notice until someone else arrives. */
  dismiss: () => void;
  admit: (waitingIds: string[]) => void;
  deny: (waitingIds: string[]) => void;
}

/** The bridge from the room's waiting-room events to a moderator's lobby state. */
export function useLobby(room: ParleyRoom): Lobby {
  const [state, dispatch] = useReducer(lobbyReducer, room, (r) => lobbyReducer(initialLobbyState, { type: 'updated', waiting: r.waitingGuests() }));

  useEffect(() => {
    const off = room.on('waiting-room', (waiting) => dispatch({ type: 'updated', waiting }));
    // Anyone who arrived between join() resolving and this subscription.
    dispatch({ type: 'updated', waiting: room.waitingGuests() });
    return off;
  }, [room]);

  const setOpen = useCallback((open: boolean) => dispatch({ type: open ? 'opened' : 'closed' }), []);
  const dismiss = useCallback(() => dispatch({ type: 'dismissed' }), []);
  const actions = useMemo(() => ({ admit: (ids: string[]) => room.admit(ids), deny: (ids: string[]) => room.deny(ids) }), [room]);

  return { ...state, setOpen, dismiss, ...actions };
}
