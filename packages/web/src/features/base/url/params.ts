/**
 * What the page reads from its own URL (spec §4.5). Host URL: `/?room_token=<code>&participant_token=<jwt>`;
 * guest URL: `/<code>`; both again under a theme's short company URL: `/<company>/?room_token=…` and
 * `/<company>/<code>`.
 */
export interface UrlParams {
  meetingCode: string | null;
  /** The theme's `short_company_url` segment the page was opened under, if any. */
  company: string | null;
  participantToken: string | null;
  displayName: string | null;
  skipPrejoin: boolean;
  language: string | null;
  /**
   * The room's password as a link carries it (`?pw=`, a RingCentral bridge's `joinQuery`): sent where a
   * typed password would go, so whoever has the link is not asked for it.
   */
  linkPassword: string | null;
}

export interface RoomPath {
  company: string | null;
  meetingCode: string | null;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes']);

export function readUrlParams(location: { pathname: string; search: string }): UrlParams {
  const query = new URLSearchParams(location.search);
  const roomToken = nonEmpty(query.get('room_token'));
  const path = roomPathOf(location.pathname, roomToken !== null);
  return {
    meetingCode: roomToken ?? path.meetingCode,
    company: path.company,
    participantToken: nonEmpty(query.get('participant_token')),
    displayName: nonEmpty(query.get('display_name')?.trim().slice(0, 100)),
    skipPrejoin: TRUE_VALUES.has((query.get('skip_prejoin') ?? '').toLowerCase()),
    language: nonEmpty(query.get('lang')),
    linkPassword: nonEmpty(query.get('pw')),
  };
}

/**
 * The company and meeting code a path names. One segment is the meeting code of a guest URL, unless
 * the query already carries the code (`room_token`): then it is the company of a host URL. Two
 * segments are `<company>/<code>`. Anything deeper, or undecodable, names no room.
 */
export function roomPathOf(pathname: string, codeInQuery: boolean): RoomPath {
  const none: RoomPath = { company: null, meetingCode: null };
  const segments = pathname.split('/').filter((s) => s !== '').map(decodedSegment);
  if (segments.some((s) => s === null)) return none;
  const [first = null, second = null] = segments;
  switch (segments.length) {
    case 1:
      return codeInQuery ? { company: first, meetingCode: null } : { company: null, meetingCode: first };
    case 2:
      return { company: first, meetingCode: second };
    default:
      return none;
  }
}

function decodedSegment(segment: string): string | null {
  try {
    return nonEmpty(decodeURIComponent(segment).trim());
  } catch {
    return null;
  }
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value;
}
