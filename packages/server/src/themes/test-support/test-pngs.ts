import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';

/** Real PNG files for logo tests, drawn pixel by pixel and encoded by pngjs. */

type Rgba = [number, number, number, number];

export function drawPng(width: number, height: number, pixel: (x: number, y: number) => Rgba, options: { alpha?: boolean } = {}): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png, { colorType: options.alpha === false ? 2 : 6 });
}

/** A logo as a designer exports it: a mark in the middle of a fully transparent canvas. */
export function transparentLogo(width: number, height: number): Buffer {
  return drawPng(width, height, (x, y) => {
    const inMark = x > width / 4 && x < (3 * width) / 4 && y > height / 4 && y < (3 * height) / 4;
    return inMark ? [200, 30, 90, 255] : [0, 0, 0, 0];
  });
}

/** The same mark on a white background, with no alpha channel at all. */
export function opaqueLogo(width: number, height: number): Buffer {
  return drawPng(width, height, (x, y) => (x > width / 4 && x < (3 * width) / 4 && y > height / 4 ? [200, 30, 90, 255] : [255, 255, 255, 255]), {
    alpha: false,
  });
}

/**
 * An RGB image (no alpha channel) whose white is declared transparent by a tRNS chunk, the other way a
 * PNG has a transparent background. pngjs does not write tRNS, so it is inserted after IHDR.
 */
export function logoWithTransparentColor(width: number, height: number): Buffer {
  const rgb = opaqueLogo(width, height);
  const ihdrEnd = 8 + 8 + 13 + 4;
  return Buffer.concat([rgb.subarray(0, ihdrEnd), pngChunk('tRNS', Buffer.from([0, 255, 0, 255, 0, 255])), rgb.subarray(ihdrEnd)]);
}

/** Over 1 MiB: noise does not compress. Transparent along its border like a good logo. */
export function oversizedLogo(): Buffer {
  const side = 600;
  const noise = randomBytes(side * side * 4);
  return drawPng(side, side, (x, y) => {
    const i = (y * side + x) * 4;
    return x === 0 ? [0, 0, 0, 0] : [noise[i] as number, noise[i + 1] as number, noise[i + 2] as number, 255];
  });
}

/** A valid little PNG whose header claims other dimensions (its CRC no longer matches: never decoded). */
export function withDeclaredSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  return copy;
}

export const NOT_A_PNG = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,', 'latin1');

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
