import type { ByteRange } from '../../recording/recording-storage.js';

/**
 * What a `Range` header asks of a resource of `size` bytes (RFC 9110 §14): one range (`bytes=a-b`,
 * `bytes=a-`, or the last n bytes `bytes=-n`), clamped to the resource; `unsatisfiable` when it starts
 * beyond the end; `undefined` for no range, or one this server does not serve in part (several
 * ranges, another unit): then the whole resource is the answer, as the RFC allows.
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  // An end before the start makes the header invalid: ignored.
  if (end < start) return undefined;
  return { start, end };
}
