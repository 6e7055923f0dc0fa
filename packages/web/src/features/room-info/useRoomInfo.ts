import { fetchRoomInfo, ParleyClientError } from '@parley/client';
import type { PublicRoomInfo } from '@parley/protocol';
import { useCallback, useEffect, useState } from 'react';

export type RoomInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: PublicRoomInfo }
  /** No such meeting, or no meeting code in the URL at all. */
  | { status: 'not_found' }
  /** The meeting exists but can no longer be joined (ended, expired). */
  | { status: 'unavailable' }
  /** The server could not be asked (network, 5xx): worth a retry. */
  | { status: 'error' };

export function useRoomInfo(meetingCode: string | null): { state: RoomInfoState; retry: () => void } {
  const [state, setState] = useState<RoomInfoState>(meetingCode ? { status: 'loading' } : { status: 'not_found' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!meetingCode) return;
    let cancelled = false;
    setState({ status: 'loading' });
    fetchRoomInfo(meetingCode).then(
      (info) => {
        if (cancelled) return;
        if (!info.isAvailable) setState({ status: info.unavailableReason === 'not_found' ? 'not_found' : 'unavailable' });
        else setState({ status: 'ready', info });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ParleyClientError && error.code === 'not_found') setState({ status: 'not_found' });
        else if (error instanceof ParleyClientError && error.code === 'room_unavailable') setState({ status: 'unavailable' });
        else {
          console.warn('[parley] could not load the room', error);
          setState({ status: 'error' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [meetingCode, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
