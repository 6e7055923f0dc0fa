import type { PublicRoomInfo } from '@parley/protocol';
import { ParleyClientError } from './client-error.js';

/** What a page needs to know about a room before joining it; rejects with code `not_found` for none. */
export async function fetchRoomInfo(meetingCode: string, baseUrl: string = location.origin): Promise<PublicRoomInfo> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/public/rooms/${encodeURIComponent(meetingCode)}`);
  } catch {
    throw ParleyClientError.connectionLost('Cannot reach the Parley server');
  }
  if (response.status === 404) throw new ParleyClientError('not_found', `There is no meeting with code ${meetingCode}`);
  if (!response.ok) throw new ParleyClientError('internal', `The server answered ${response.status}`);
  return (await response.json()) as PublicRoomInfo;
}
