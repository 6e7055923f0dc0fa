import type { ParleyRoom, RaisedHand } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';

export interface RaisedHands {
  /** First raised first. */
  hands: readonly RaisedHand[];
  /** Each raised hand's place in the queue, from 1. */
  positions: ReadonlyMap<string, number>;
  raise: () => Promise<void>;
  /** One's own hand, or (moderators) someone else's. */
  lower: (participantId?: string) => Promise<void>;
}

/** The bridge from the room's queue of raised hands to the page. */
export function useRaisedHands(room: ParleyRoom): RaisedHands {
  const [hands, setHands] = useState(() => room.raisedHands());

  useEffect(() => {
    const refresh = () => setHands(room.raisedHands());
    const offs = [room.on('hand-raised', refresh), room.on('hand-lowered', refresh), room.on('participant-left', refresh)];
    refresh();
    return () => {
      for (const off of offs) off();
    };
  }, [room]);

  const raise = useCallback(() => room.raiseHand(), [room]);
  const lower = useCallback((participantId?: string) => room.lowerHand(participantId), [room]);
  return { hands, positions: new Map(hands.map((hand, index) => [hand.participantId, index + 1])), raise, lower };
}
