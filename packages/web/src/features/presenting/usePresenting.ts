import type { ParleyRoom } from '@parley/client';
import { useCallback, useEffect } from 'react';
import type { LocalMedia } from '../devices/useLocalMedia';
import type { RemoteTileState } from '../meeting/state';
import { refusalNotice, type MediaNoticeContent } from './functions';
import { useMediaNotice } from './useMediaNotice';
import { useScreenShare, type ScreenShare } from './useScreenShare';

export interface Presenting {
  screenShare: ScreenShare;
  /** Why one's camera or share did not start, while it is shown. */
  notice: MediaNoticeContent | null;
  dismissNotice(): void;
  /**
   * Turns one's camera on or off. Turning it on may be refused (the presenter limit): the page says so,
   * and the promise rejects with the refusal.
   */
  setCamera(enabled: boolean): Promise<void>;
  toggleScreenShare(): void;
  /** Whether one may share a screen: everyone may, unless the room leaves it to hosts and co-hosts. */
  mayShare: boolean;
}

/**
 * What one sends that the server may refuse: the camera (the room's presenter limit) and a screen
 * share (that too, one share at a time, and only by moderators where the room says so). Refusals become
 * a notice; the meeting goes on. A share the room stops allowing (the API changed it, or a co-host was
 * made a guest again) ends here; the server refuses new ones.
 */
export function usePresenting(room: ParleyRoom, media: LocalMedia, remotes: readonly RemoteTileState[], mayShare: boolean): Presenting {
  const screenShare = useScreenShare(room);
  const { notice, show, dismiss } = useMediaNotice();
  const { setEnabled } = media;
  const sharerName = remotes.find((p) => p.info.screenSharing)?.info.displayName;

  useEffect(() => {
    if (!room.cameraRefusedAtJoin) return;
    setEnabled('video', false);
    // A webinar keeping its panelists' cameras off says so on the camera switch itself.
    if (room.cameraRefusedAtJoin.code === 'presenter_limit_reached') show({ key: 'presenterLimitAtJoin' });
  }, [room, setEnabled, show]);

  const setCamera = useCallback(
    (enabled: boolean) => {
      // Off at once; on only once the server has taken it, so a refused camera never shows as on.
      if (!enabled) setEnabled('video', false);
      return room.setCameraEnabled(enabled).then(
        () => setEnabled('video', enabled),
        (error: unknown) => {
          setEnabled('video', false);
          show(refusalNotice(error, undefined, 'cameraFailed'));
          throw error;
        },
      );
    },
    [room, setEnabled, show],
  );

  const { stream, start, stop } = screenShare;
  useEffect(() => {
    if (!mayShare && stream) stop();
  }, [mayShare, stream, stop]);
  const toggleScreenShare = useCallback(() => {
    if (stream) stop();
    else start().catch((error: unknown) => show(refusalNotice(error, sharerName, 'screenShare.failed')));
  }, [stream, start, stop, show, sharerName]);

  return { screenShare, notice, dismissNotice: dismiss, setCamera, toggleScreenShare, mayShare };
}
