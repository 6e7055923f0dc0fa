import type { PublicTheme } from '@parley/protocol';
import { useEffect, useLayoutEffect } from 'react';
import { accentPalette, isImageUrl } from './functions';

/**
 * Applies a room's theme to the whole page for as long as the calling component is mounted: its main
 * colour as the accent palette (every accent in the CSS reads these variables) and its favicon. A colour
 * that does not parse leaves the defaults; a favicon is switched to only once it has loaded, so a broken
 * one leaves Parley's.
 */
export function useTheme(theme: PublicTheme | null): void {
  const mainColor = theme?.mainColor ?? null;
  // Before the first paint of the room's screen, so it never flashes in Parley's colour first.
  useLayoutEffect(() => {
    const palette = mainColor === null ? null : accentPalette(mainColor);
    if (!palette) return;
    const root = document.documentElement;
    const entries = Object.entries(palette);
    for (const [name, value] of entries) root.style.setProperty(name, value);
    return () => {
      for (const [name] of entries) root.style.removeProperty(name);
    };
  }, [mainColor]);

  const faviconUrl = theme?.brandedFaviconUrl ?? null;
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link || !isImageUrl(faviconUrl)) return;
    const original = { href: link.getAttribute('href'), type: link.getAttribute('type') };
    const probe = new Image();
    probe.onload = () => {
      link.removeAttribute('type');
      link.href = faviconUrl;
    };
    probe.src = faviconUrl;
    return () => {
      probe.onload = null;
      restoreAttribute(link, 'href', original.href);
      restoreAttribute(link, 'type', original.type);
    };
  }, [faviconUrl]);
}

function restoreAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
