import { PNG } from 'pngjs';
import type { LogoType } from './theme.js';

/** The largest logo file accepted, as Vonage documented it (1 MB). */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** Which of Vonage's logo requirements a file fails, in Vonage's words (`invalidProperty`). */
export type LogoProblem = 'exceeds_size' | 'type' | 'dimensions' | 'transparent_bg';

/** Pixel bounds per logo type: logos from 1 to 300 px a side, favicons square from 16 to 32 px. */
const SIZE_LIMITS: Record<LogoType, { min: number; max: number; square: boolean }> = {
  white: { min: 1, max: 300, square: false },
  colored: { min: 1, max: 300, square: false },
  favicon: { min: 16, max: 32, square: true },
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The first requirement a logo file fails, or `undefined` when it meets them all: at most 1 MB, a PNG,
 * within its type's pixel bounds, on a transparent background. Checked in that order; pixels are
 * decoded only once the header's dimensions are known to be small, so a tiny file declaring a huge
 * image cannot make the server allocate it.
 */
export function logoProblem(logoType: LogoType, bytes: Buffer): LogoProblem | undefined {
  if (bytes.length > MAX_LOGO_BYTES) return 'exceeds_size';
  const header = pngHeader(bytes);
  if (!header) return 'type';
  const limits = SIZE_LIMITS[logoType];
  const within = (side: number): boolean => side >= limits.min && side <= limits.max;
  if (!within(header.width) || !within(header.height) || (limits.square && header.width !== header.height)) return 'dimensions';
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch {
    return 'type';
  }
  return hasTransparentBorder(image) ? undefined : 'transparent_bg';
}

/** Width and height from the IHDR chunk, which the PNG format requires first; `undefined` if not a PNG. */
function pngHeader(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A transparent background shows at the edges: some pixel on the border is fully transparent. pngjs
 * decodes every image to RGBA, applying an alpha channel or a tRNS chunk alike, so an image with
 * neither has only opaque pixels and fails.
 */
function hasTransparentBorder(image: PNG): boolean {
  const { width, height, data } = image;
  const transparent = (x: number, y: number): boolean => data[(y * width + x) * 4 + 3] === 0;
  for (let x = 0; x < width; x++) {
    if (transparent(x, 0) || transparent(x, height - 1)) return true;
  }
  for (let y = 0; y < height; y++) {
    if (transparent(0, y) || transparent(width - 1, y)) return true;
  }
  return false;
}
