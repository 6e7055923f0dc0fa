/** What the page reads from its own URL. Host URL: `/?room_token=<code>&participant_token=<jwt>`; guest URL: `/<code>`. */
export interface UrlParams {
  meetingCode: string | null;
  participantToken: string | null;
  displayName: string | null;
  skipPrejoin: boolean;
  language: string | null;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes']);

export function readUrlParams(location: { pathname: string; search: string }): UrlParams {
  const query = new URLSearchParams(location.search);
  return {
    meetingCode: nonEmpty(query.get('room_token')) ?? meetingCodeFromPath(location.pathname),
    participantToken: nonEmpty(query.get('participant_token')),
    displayName: nonEmpty(query.get('display_name')?.trim().slice(0, 100)),
    skipPrejoin: TRUE_VALUES.has((query.get('skip_prejoin') ?? '').toLowerCase()),
    language: nonEmpty(query.get('lang')),
  };
}

/** The first path segment is the meeting code (`/<code>`); anything deeper is not a meeting URL. */
export function meetingCodeFromPath(pathname: string): string | null {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length !== 1) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(segments[0] ?? '');
  } catch {
    return null;
  }
  return nonEmpty(segment.trim());
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value;
}
