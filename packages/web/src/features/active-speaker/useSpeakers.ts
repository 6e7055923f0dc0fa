import type { ParleyRoom } from '@parley/client';
import { useEffect, useReducer } from 'react';
import { initialSpeakersState, speakersReducer, type SpeakersState } from './state';

/** Who speaks in the room, from the SDK's `speaking` events (the server hears it from the SFU). */
export function useSpeakers(room: ParleyRoom): SpeakersState {
  const [state, dispatch] = useReducer(speakersReducer, initialSpeakersState);
  useEffect(() => {
    dispatch({ type: 'reset', speaking: room.speakingParticipantIds() });
    const unsubscribe = [
      room.on('speaking', (participantId, speaking) => dispatch({ type: 'speaking', participantId, speaking })),
      room.on('participant-left', (participantId) => dispatch({ type: 'left', participantId })),
    ];
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [room]);
  return state;
}
