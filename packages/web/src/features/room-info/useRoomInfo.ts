import { fetchRoomInfo, ParleyClientError } from '@parley/client';
import type { PublicRoomInfo, PublicTheme } from '@parley/protocol';
import { useCallback, useEffect, useState } from 'react';

export type RoomInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: PublicRoomInfo }
  /** No such meeting (at this company's URL), or no meeting code in the URL at all. */
  | { status: 'not_found' }
  /** The meeting exists but can no longer be joined (ended, expired); it is still shown in its theme. */
  | { status: 'unavailable'; theme: PublicTheme | null }
  /** The server could not be asked (network, 5xx): worth a retry. */
  | { status: 'error' };

export function useRoomInfo(meetingCode: string | null, company: string | null): { state: RoomInfoState; retry: () => void } {
  const [state, setState] = useState<RoomInfoState>(meetingCode ? { status: 'loading' } : { status: 'not_found' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!meetingCode) return;
    let cancelled = false;
    setState({ status: 'loading' });
    fetchRoomInfo(meetingCode, { company }).then(
      (info) => {
        if (cancelled) return;
        if (info.isAvailable) setState({ status: 'ready', info });
        else if (info.unavailableReason === 'not_found') setState({ status: 'not_found' });
        else setState({ status: 'unavailable', theme: info.theme });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ParleyClientError && error.code === 'not_found') setState({ status: 'not_found' });
        else if (error instanceof ParleyClientError && error.code === 'room_unavailable') setState({ status: 'unavailable', theme: null });
        else {
          console.warn('[parley] could not load the room', error);
          setState({ status: 'error' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [meetingCode, company, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
