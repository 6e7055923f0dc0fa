import { ParleyClientError, type ParleyRoom, type RecordingState } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';
import { recordingErrorOf, type RecordingError } from './functions';

export interface Recording {
  state: RecordingState;
  /** A start or stop asked for and not answered yet. */
  pending: boolean;
  /** Why the last start or stop was refused, until dismissed or the next attempt. */
  error: RecordingError | null;
  dismissError: () => void;
  start: () => void;
  stop: () => void;
}

/** The meeting's recording as everyone sees it, and, for moderators, the switch. */
export function useRecording(room: ParleyRoom): Recording {
  const [state, setState] = useState(room.recording);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RecordingError | null>(null);

  useEffect(() => {
    const off = room.on('recording-state', setState);
    // Anything that arrived between join() resolving and this subscription.
    setState(room.recording);
    return off;
  }, [room]);

  const run = useCallback((request: () => Promise<void>) => {
    setPending(true);
    setError(null);
    request()
      .catch((failure: unknown) => setError(recordingErrorOf(failure instanceof ParleyClientError ? failure.code : undefined)))
      .finally(() => setPending(false));
  }, []);

  return {
    state,
    pending,
    error,
    dismissError: useCallback(() => setError(null), []),
    start: useCallback(() => run(() => room.startRecording()), [room, run]),
    stop: useCallback(() => run(() => room.stopRecording()), [room, run]),
  };
}
