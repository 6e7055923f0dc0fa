import type { ParleyRoom, VideoTileView } from '@parley/client';
import { useCallback, useEffect, useRef } from 'react';
import type { VisibleTile } from './functions';

/**
 * Window resizes come in bursts; the server only needs the size the tiles settle at. Short enough that
 * a new page of the grid gets its video at once.
 */
const SETTLE_MS = 150;

/**
 * Tells the server which of the others' videos the stage shows and how large, in device pixels, so
 * it sends only those, each at the layer its tile needs. Returns the callback the stage reports to.
 */
export function useVideoView(room: ParleyRoom): (visible: readonly VisibleTile[]) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (visible: readonly VisibleTile[]) => {
      const scale = window.devicePixelRatio || 1;
      const tiles: VideoTileView[] = visible
        .filter((v) => !v.tile.isSelf)
        .map((v) => ({ participantId: v.tile.participantId, source: v.tile.source, width: Math.round(v.width * scale), height: Math.round(v.height * scale) }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => room.setVideoView(tiles), SETTLE_MS);
    },
    [room],
  );
}
