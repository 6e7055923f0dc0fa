import type { ChatMessage } from '@parley/protocol';

/** The meeting's chat as the page shows it. */
export interface ChatState {
  messages: readonly ChatMessage[];
  open: boolean;
  /** Messages from others that arrived while the panel was closed. */
  unread: number;
}

export type ChatAction =
  | { type: 'reset'; messages: readonly ChatMessage[] }
  | { type: 'received'; message: ChatMessage; selfId: string }
  | { type: 'opened' }
  | { type: 'closed' };

export const initialChatState: ChatState = { messages: [], open: false, unread: 0 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'reset':
      // History is what was said before one arrived: nobody expects to be told it is unread.
      return { ...state, messages: [...action.messages] };
    case 'received': {
      // The same message can come twice: once in the history a reset reads, once as its event.
      if (state.messages.some((m) => m.id === action.message.id)) return state;
      const fromOther = action.message.participantId !== action.selfId;
      return {
        ...state,
        messages: [...state.messages, action.message],
        unread: !state.open && fromOther ? state.unread + 1 : state.unread,
      };
    }
    case 'opened':
      return state.open && state.unread === 0 ? state : { ...state, open: true, unread: 0 };
    case 'closed':
      return state.open ? { ...state, open: false } : state;
  }
}
