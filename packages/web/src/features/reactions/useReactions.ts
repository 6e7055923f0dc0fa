import type { ParleyRoom, ReactionEmoji } from '@parley/client';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { REACTION_SHOWN_MS, reactionsReducer, type ShownReaction } from './state';

export interface Reactions {
  /** What floats over each participant's tile now, oldest first. */
  byParticipant: ReadonlyMap<string, readonly ShownReaction[]>;
  /** Resolves once the server sent it to everyone; rejects with a `ParleyClientError` (`rate_limited`…). */
  send: (emoji: ReactionEmoji) => Promise<void>;
}

/** The bridge from the room's reactions to what the page shows; each one fades after a few seconds. */
export function useReactions(room: ParleyRoom): Reactions {
  const [shown, dispatch] = useReducer(reactionsReducer, []);

  useEffect(() => {
    let nextKey = 1;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = room.on('reaction', ({ participantId, emoji }) => {
      const key = nextKey++;
      dispatch({ type: 'shown', reaction: { key, participantId, emoji } });
      const timer = setTimeout(() => {
        timers.delete(timer);
        dispatch({ type: 'expired', key });
      }, REACTION_SHOWN_MS);
      timers.add(timer);
    });
    return () => {
      off();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [room]);

  const byParticipant = useMemo(() => {
    const grouped = new Map<string, ShownReaction[]>();
    for (const reaction of shown) grouped.set(reaction.participantId, [...(grouped.get(reaction.participantId) ?? []), reaction]);
    return grouped;
  }, [shown]);
  const send = useCallback((emoji: ReactionEmoji) => room.sendReaction(emoji), [room]);
  return { byParticipant, send };
}
