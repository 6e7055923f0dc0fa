import type { WaitingGuest } from '@parley/protocol';

/** A moderator's view of the waiting room. */
export interface LobbyState {
  /** Everyone waiting to be let in, longest waiting first, as the server last said. */
  waiting: readonly WaitingGuest[];
  /** The list is open. */
  open: boolean;
  /** Who arrived since the moderator last looked (opened the list or dismissed the notice), in arrival order. */
  unseen: readonly string[];
}

export type LobbyAction =
  | { type: 'updated'; waiting: readonly WaitingGuest[] }
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'dismissed' };

export const initialLobbyState: LobbyState = { waiting: [], open: false, unseen: [] };

export function lobbyReducer(state: LobbyState, action: LobbyAction): LobbyState {
  switch (action.type) {
    case 'updated': {
      const known = new Set(state.waiting.map((guest) => guest.id));
      const present = new Set(action.waiting.map((guest) => guest.id));
      // With the list open, everyone is seen as they arrive.
      const unseen = state.open
        ? []
        : [...state.unseen.filter((id) => present.has(id)), ...action.waiting.filter((guest) => !known.has(guest.id)).map((guest) => guest.id)];
      return { ...state, waiting: action.waiting, unseen };
    }
    case 'opened':
      return { ...state, open: true, unseen: [] };
    case 'closed':
      return { ...state, open: false };
    case 'dismissed':
      return { ...state, unseen: [] };
  }
}

/** The guests the moderator has not seen yet, in arrival order: whom the notice speaks of. */
export function unseenGuests(state: LobbyState): WaitingGuest[] {
  const unseen = new Set(state.unseen);
  return state.waiting.filter((guest) => unseen.has(guest.id));
}
