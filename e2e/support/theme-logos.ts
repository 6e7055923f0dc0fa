import { PNG } from 'pngjs';

/**
 * Logos as a designer would export them for a theme (spec §7.3: PNG, transparent background, at most
 * 300 px; favicon square, 16 to 32 px), drawn with pngjs: a round mark followed by three bars that
 * stand for a wordmark. The white logo is for dark backgrounds, the coloured one for light backgrounds.
 */

type Rgb = [number, number, number];

/** How much of the pixel at (x, y) a shape covers, 0 to 1, with a one-pixel soft edge. */
type Shape = (x: number, y: number) => number;

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => clamp(r + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy));
const bar = (left: number, top: number, width: number, height: number): Shape => (x, y) =>
  x >= left && x < left + width && y >= top && y < top + height ? 1 : 0;

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Paints shapes in order on a transparent canvas; a layer without colour cuts a hole instead. */
function paint(width: number, height: number, layers: { shape: Shape; color: Rgb | null }[]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let pixel: [number, number, number, number] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        const coverage = shape(x, y);
        if (coverage === 0) continue;
        pixel = color ? [...color, Math.round(Math.max(pixel[3], coverage * 255))] : [pixel[0], pixel[1], pixel[2], Math.round(pixel[3] * (1 - coverage))];
      }
      png.data.set(pixel, (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** A ring (the mark) and three bars (the name), in the given colours. */
function wordmark(markColor: Rgb, textColor: Rgb): Buffer {
  return paint(240, 64, [
    { shape: circle(32, 32, 26), color: markColor },
    { shape: circle(32, 32, 11), color: null },
    { shape: bar(72, 14, 150, 12), color: textColor },
    { shape: bar(72, 34, 110, 8), color: textColor },
    { shape: bar(72, 48, 80, 6), color: textColor },
  ]);
}

const WHITE: Rgb = [255, 255, 255];

export function whiteLogo(): Buffer {
  return wordmark(WHITE, WHITE);
}

export function coloredLogo(mainColor: Rgb): Buffer {
  return wordmark(mainColor, [31, 36, 48]);
}

export function favicon(mainColor: Rgb): Buffer {
  return paint(32, 32, [
    { shape: circle(16, 16, 15), color: mainColor },
    { shape: circle(16, 16, 6), color: WHITE },
  ]);
}
