import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayoutMode } from './functions';

/**
 * The stage's layout: the grid ("roundtable") to start with; the speaker view as soon as someone
 * starts sharing a screen, so the share is shown large. Either can be chosen at any time.
 */
export function useLayoutMode(sharingIds: readonly string[]): { mode: LayoutMode; toggle(): void } {
  const [mode, setMode] = useState<LayoutMode>('grid');
  const seen = useRef<readonly string[]>(sharingIds);
  const sharing = sharingIds.join(',');
  useEffect(() => {
    const ids = sharing ? sharing.split(',') : [];
    if (ids.some((id) => !seen.current.includes(id))) setMode('speaker');
    seen.current = ids;
  }, [sharing]);
  const toggle = useCallback(() => setMode((m) => (m === 'grid' ? 'speaker' : 'grid')), []);
  return { mode, toggle };
}
