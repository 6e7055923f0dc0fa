/**
 * The nearest-rank percentile: the smallest value that `p` % of the values are at or below, so every
 * figure printed is one that was measured, never an interpolation between two. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? NaN;
}
