import type { PublicTheme } from '@parley/protocol';

/** CSS custom properties derived from a room theme's main colour. */
export interface AccentPalette {
  '--accent': string;
  '--accent-hover': string;
  '--accent-soft': string;
  '--on-accent': string;
}

/** Parses `#rgb` / `#rrggbb`; returns null for anything else, so a bad theme never breaks the page. */
export function parseHexColor(value: string): [number, number, number] | null {
  const hex = value.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) {
    return [0, 1, 2].map((i) => parseInt(hex.charAt(i).repeat(2), 16)) as [number, number, number];
  }
  if (/^[0-9a-f]{6}$/i.test(hex)) {
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  }
  return null;
}

function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function accentPalette(mainColor: string): AccentPalette | null {
  const rgb = parseHexColor(mainColor);
  if (!rgb) return null;
  const light = relativeLuminance(rgb) > 0.4;
  const shift = (amount: number) =>
    `rgb(${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c + amount)))).join(' ')})`;
  return {
    '--accent': `rgb(${rgb.join(' ')})`,
    '--accent-hover': shift(light ? -24 : 24),
    '--accent-soft': `rgb(${rgb.join(' ')} / 0.18)`,
    // Text on the accent: whichever of black or white reads better.
    '--on-accent': light ? '#0b0d12' : '#ffffff',
  };
}

/** The theme's brand text, or null when it has none worth showing. */
export function brandTextOf(theme: PublicTheme | null): string | null {
  const text = theme?.brandText.trim();
  return text ? text : null;
}

/** Whether an image address from a theme may be put in the page: http(s) only, never `javascript:` or `data:`. */
export function isImageUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value, 'http://page.invalid');
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Light surfaces (the pre-join screen, full-page messages) and dark ones (the meeting). */
export type Surface = 'light' | 'dark';

export interface LogoChoice {
  kind: 'white' | 'colored';
  url: string;
  /** A logo made for the other kind of surface, shown on a plate of its own kind so it stays legible. */
  plated: boolean;
}

/**
 * The logos to try on a surface, best first (spec §7.3): the white logo on dark surfaces, the coloured
 * one on light surfaces, and the other when only that one exists (or the first fails to load).
 */
export function logoCandidates(theme: PublicTheme | null, surface: Surface): LogoChoice[] {
  if (!theme) return [];
  const white = { kind: 'white' as const, url: theme.brandImageWhiteUrl, plated: surface === 'light' };
  const colored = { kind: 'colored' as const, url: theme.brandImageColoredUrl, plated: surface === 'dark' };
  const ordered = surface === 'dark' ? [white, colored] : [colored, white];
  return ordered.filter((choice): choice is LogoChoice => isImageUrl(choice.url));
}
