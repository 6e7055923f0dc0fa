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
