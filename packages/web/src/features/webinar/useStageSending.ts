import type { ParleyRoom } from '@parley/client';
import { useEffect } from 'react';
import type { LocalMedia } from '../devices/useLocalMedia';

/**
 * Someone a host brought on a webinar's stage starts sending once their camera and microphone are
 * open, both off: nothing of theirs reaches anyone until they turn one on themselves.
 */
export function useStageSending(room: ParleyRoom, media: LocalMedia, onStage: boolean): void {
  const { ready, stream, setEnabled } = media;
  useEffect(() => {
    // Webinars only: an attendee joined sending nothing. (A meeting guest who joined without devices stays as they joined.)
    if (room.runtimeStatus === undefined || !onStage || room.isSending || !ready || !stream || stream.getTracks().length === 0) return;
    setEnabled('audio', false);
    setEnabled('video', false);
    room.startSending(stream).catch((error: unknown) => console.warn('[parley] could not start sending on stage', error));
  }, [room, onStage, ready, stream, setEnabled]);
}
