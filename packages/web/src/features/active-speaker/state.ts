/** Who speaks, as the server hears it. */
export interface SpeakersState {
  /** Speaking now. */
  speaking: readonly string[];
  /** Everyone who has spoken, the most recent to start first: the speaker view follows it. */
  recent: readonly string[];
}

export type SpeakersAction =
  | { type: 'reset'; speaking: readonly string[] }
  | { type: 'speaking'; participantId: string; speaking: boolean }
  | { type: 'left'; participantId: string };

export const initialSpeakersState: SpeakersState = { speaking: [], recent: [] };

/** Enough history to pick a speaker among those on screen; older turns no longer matter. */
const RECENT_LIMIT = 50;

export function speakersReducer(state: SpeakersState, action: SpeakersAction): SpeakersState {
  switch (action.type) {
    case 'reset':
      return { speaking: [...action.speaking], recent: [...action.speaking] };
    case 'speaking': {
      const { participantId } = action;
      const others = state.speaking.filter((id) => id !== participantId);
      if (!action.speaking) return others.length === state.speaking.length ? state : { ...state, speaking: others };
      return {
        speaking: [...others, participantId],
        recent: [participantId, ...state.recent.filter((id) => id !== participantId)].slice(0, RECENT_LIMIT),
      };
    }
    case 'left':
      return {
        speaking: state.speaking.filter((id) => id !== action.participantId),
        recent: state.recent.filter((id) => id !== action.participantId),
      };
  }
}
