/** Why starting or stopping a recording was refused, in words the page has; anything else is `unknown`. */
export const RECORDING_ERRORS = ['recording_unavailable', 'conflict', 'forbidden', 'media_unavailable', 'timeout', 'connection_lost'] as const;
export type RecordingError = (typeof RECORDING_ERRORS)[number] | 'unknown';

export function recordingErrorOf(code: string | undefined): RecordingError {
  return (RECORDING_ERRORS as readonly string[]).includes(code ?? '') ? (code as RecordingError) : 'unknown';
}

/** How long a recording has run, as the indicator shows it: `m:ss`, or `h:mm:ss` past an hour. */
export function elapsed(sinceMs: number, nowMs: number): string {
  const total = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
