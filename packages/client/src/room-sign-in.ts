import { ParleyClientError } from './client-error.js';

export interface RoomSignInOptions {
  /** The link's own participant token (an invitee's, a registrant's): the answer is that token, naming the user too. */
  participantToken?: string;
  baseUrl?: string;
}

/**
 * Signs in with a Parley user's email and password, for a room that admits only users (a join refused
 * with `sign_in_required`): resolves with a participant token naming the user, to join with. Rejects
 * with `unauthorized` for a wrong email or password, `rate_limited` after too many.
 */
export async function signInToRoom(meetingCode: string, email: string, password: string, options: RoomSignInOptions = {}): Promise<string> {
  const url = `${options.baseUrl ?? location.origin}/api/public/rooms/${encodeURIComponent(meetingCode)}/sign-in`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, ...(options.participantToken ? { participantToken: options.participantToken } : {}) }),
    });
  } catch {
    throw ParleyClientError.connectionLost('Cannot reach the Parley server');
  }
  if (response.status === 401) throw new ParleyClientError('unauthorized', 'That email and password do not match');
  if (response.status === 429) throw new ParleyClientError('rate_limited', 'Too many failed sign-ins; try again in a minute');
  if (response.status === 404) throw new ParleyClientError('not_found', `There is no meeting with code ${meetingCode}`);
  if (!response.ok) throw new ParleyClientError('internal', `The server answered ${response.status}`);
  return ((await response.json()) as { participantToken: string }).participantToken;
}
