import type { PublicTheme } from '@parley/protocol';
import { useEffect } from 'react';
import { accentPalette } from './functions';

/** Applies a room's theme to the whole page for as long as the calling component is mounted. */
export function useTheme(theme: PublicTheme | null): void {
  useEffect(() => {
    const root = document.documentElement;
    const palette = theme ? accentPalette(theme.mainColor) : null;
    const entries = Object.entries(palette ?? {});
    for (const [name, value] of entries) root.style.setProperty(name, value);

    const favicon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    const originalFavicon = favicon?.href;
    if (favicon && theme?.brandedFaviconUrl) {
      favicon.removeAttribute('type');
      favicon.href = theme.brandedFaviconUrl;
    }
    return () => {
      for (const [name] of entries) root.style.removeProperty(name);
      if (favicon && originalFavicon) favicon.href = originalFavicon;
    };
  }, [theme]);
}
