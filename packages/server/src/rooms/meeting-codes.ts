import { randomInt } from 'node:crypto';

/**
 * Meeting codes are the PIN people type to join and the `room_token` of host URLs. Vonage's were at
 * least 9 digits; 10 digits without a leading zero give 9·10⁹ codes, so a random pick rarely
 * collides and cannot be guessed by walking the space. A code that some client parses as a number
 * keeps all its digits because it never starts with 0.
 */
export const MEETING_CODE_DIGITS = 10;

export function randomMeetingCode(): string {
  const lowest = 10 ** (MEETING_CODE_DIGITS - 1);
  return String(randomInt(lowest, lowest * 10));
}

/** How many times creation draws a new code after a collision before giving up. */
export const MEETING_CODE_ATTEMPTS = 8;

export class MeetingCodeExhaustedError extends Error {
  override name = 'MeetingCodeExhaustedError';
}

/** A code not yet used by any room, checked against the database. */
export async function freshMeetingCode(
  exists: (code: string) => Promise<boolean>,
  draw: () => string = randomMeetingCode,
): Promise<string> {
  for (let attempt = 0; attempt < MEETING_CODE_ATTEMPTS; attempt++) {
    const code = draw();
    if (!(await exists(code))) return code;
  }
  throw new MeetingCodeExhaustedError(`No free meeting code after ${MEETING_CODE_ATTEMPTS} attempts`);
}
