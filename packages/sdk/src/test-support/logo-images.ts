import { PNG } from 'pngjs';

/**
 * A real PNG logo: a filled rectangle in `color` on a transparent background, or on an opaque white one
 * when `transparent` is false (which the server must refuse as a logo).
 */
export function logoPng(width: number, height: number, options: { transparent?: boolean; color?: [number, number, number] } = {}): Buffer {
  const { transparent = true, color = [0x12, 0xf6, 0x4e] } = options;
  const png = new PNG({ width, height });
  const margin = Math.floor(Math.min(width, height) / 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= margin && x < width - margin && y >= margin && y < height - margin;
      const offset = (y * width + x) * 4;
      const [r, g, b] = inside ? color : [255, 255, 255];
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = inside || !transparent ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}
