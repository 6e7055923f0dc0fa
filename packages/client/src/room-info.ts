import type { PublicRoomInfo } from '@parley/protocol';
import { ParleyClientError } from './client-error.js';

export interface RoomInfoOptions {
  /**
   * The theme's `short_company_url` the page was opened under (`/<company>/<code>`): the server then
   * answers only if the room is that company's.
   */
  company?: string | null;
  baseUrl?: string;
}

/** What a page needs to know about a room before joining it; rejects with code `not_found` for none. */
export async function fetchRoomInfo(meetingCode: string, options: RoomInfoOptions = {}): Promise<PublicRoomInfo> {
  const query = options.company ? `?${new URLSearchParams({ company: options.company })}` : '';
  const url = `${options.baseUrl ?? location.origin}/api/public/rooms/${encodeURIComponent(meetingCode)}${query}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw ParleyClientError.connectionLost('Cannot reach the Parley server');
  }
  if (response.status === 404) throw new ParleyClientError('not_found', `There is no meeting with code ${meetingCode}`);
  if (!response.ok) throw new ParleyClientError('internal', `The server answered ${response.status}`);
  return (await response.json()) as PublicRoomInfo;
}
