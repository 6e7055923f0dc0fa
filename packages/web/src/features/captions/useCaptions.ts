import { ParleyClientError, type CaptionsState, type ParleyRoom } from '@parley/client';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { CAPTION_SHOWN_MS, captionsErrorOf, captionsReducer, type CaptionsError, type ShownCaption } from './state';

export interface Captions {
  /** Whether captions run in the meeting (for everyone), and the language they recognise. */
  state: CaptionsState;
  /** The lines to show now, oldest first. */
  lines: readonly ShownCaption[];
  /** Whether this person shows the captions overlay (their own choice; on by default). */
  shown: boolean;
  setShown: (shown: boolean) => void;
  /** A moderator's switch asked for and not answered yet. */
  pending: boolean;
  /** Why the last switch was refused, until the next attempt or dismissed. */
  error: CaptionsError | null;
  dismissError: () => void;
  /** Moderators: turns captions on or off for everyone. */
  setActive: (active: boolean) => void;
}

/** The meeting's live captions as this page shows them, and the switches. */
export function useCaptions(room: ParleyRoom): Captions {
  const [state, setState] = useState(room.captions);
  const [lines, dispatch] = useReducer(captionsReducer, []);
  const [shown, setShown] = useState(true);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CaptionsError | null>(null);

  useEffect(() => {
    let nextKey = 1;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const offState = room.on('captions-state', (next) => {
      setState(next);
      if (!next.active) dispatch({ type: 'cleared' });
    });
    const offCaption = room.on('caption', (caption) => {
      const key = nextKey++;
      dispatch({ type: 'heard', caption: { ...caption, key } });
      const timer = setTimeout(() => {
        timers.delete(timer);
        dispatch({ type: 'expired', key });
      }, CAPTION_SHOWN_MS);
      timers.add(timer);
    });
    // Anything that arrived between join() resolving and these subscriptions.
    setState(room.captions);
    return () => {
      offState();
      offCaption();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [room]);

  const setActive = useCallback(
    (active: boolean) => {
      setPending(true);
      setError(null);
      (active ? room.startCaptions() : room.stopCaptions())
        .catch((failure: unknown) => setError(captionsErrorOf(failure instanceof ParleyClientError ? failure.code : undefined)))
        .finally(() => setPending(false));
    },
    [room],
  );

  return { state, lines, shown, setShown, pending, error, dismissError: useCallback(() => setError(null), []), setActive };
}
