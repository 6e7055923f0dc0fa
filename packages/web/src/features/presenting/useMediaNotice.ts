import { useCallback, useEffect, useState } from 'react';
import type { MediaNoticeContent } from './functions';

/** Long enough to read two sentences; the notice can also be dismissed at once. */
const SHOWN_MS = 10_000;

/** The one notice about one's own media the meeting shows at a time; a newer one replaces it. */
export function useMediaNotice(): { notice: MediaNoticeContent | null; show(content: MediaNoticeContent | null): void; dismiss(): void } {
  const [notice, setNotice] = useState<MediaNoticeContent | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const show = useCallback((content: MediaNoticeContent | null) => {
    if (content) setNotice(content);
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, show, dismiss };
}
