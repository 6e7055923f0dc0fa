import type { ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useReducer } from 'react';
import { chatReducer, initialChatState, type ChatState } from './state';

export interface Chat extends ChatState {
  setOpen: (open: boolean) => void;
  /** Resolves once the server accepted the message; rejects with a `ParleyClientError` saying why not. */
  send: (text: string) => Promise<void>;
}

/** The bridge from the room's chat events to the page's chat state; components render what it returns. */
export function useChat(room: ParleyRoom): Chat {
  const [state, dispatch] = useReducer(chatReducer, room, (r) => chatReducer(initialChatState, { type: 'reset', messages: r.chatMessages() }));

  useEffect(() => {
    const off = room.on('chat-message', (message) => dispatch({ type: 'received', message, selfId: room.self.id }));
    // Anything said between join() resolving and this subscription.
    dispatch({ type: 'reset', messages: room.chatMessages() });
    return off;
  }, [room]);

  const setOpen = useCallback((open: boolean) => dispatch({ type: open ? 'opened' : 'closed' }), []);
  const send = useCallback(async (text: string) => {
    await room.sendChatMessage(text);
  }, [room]);

  return { ...state, setOpen, send };
}
