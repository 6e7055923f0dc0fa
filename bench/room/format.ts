/** How the benchmarks print their figures. */
import type { LoadFigures } from './load-figures.js';

/** A fraction (of a core, of the packets), as a percentage with one decimal. */
export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** A whole count with thousands separators. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** What one publisher sent, per outgoing stream (each simulcast layer apart). */
export function sentLine(f: LoadFigures, publishers: number): string {
  return Object.entries(f.sent)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stream, s]) => {
      const size = s.width > 0 ? ` ${s.width}x${s.height} ${(s.framesPerSecond / publishers).toFixed(0)} fps` : '';
      return `${stream}${size} ${count(s.packetsPerSecond / publishers)} pkt/s ${count(s.kilobitsPerSecond / publishers)} kbit/s`;
    })
    .join('; ');
}
