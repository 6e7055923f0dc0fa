import type { ParticipantTokens } from '../identity/participant-tokens.js';
import type { Room } from './room.js';

export interface RoomUrls {
  hostUrl: string;
  guestUrl: string;
}

/**
 * The meeting page's addresses for a room, on the public URL: the guest URL carries only the meeting
 * code; the host URL also carries a freshly minted participant token naming the room's host. Every
 * façade (and the start-up banner) hands these out.
 */
export async function roomLinks(
  room: Pick<Room, 'id' | 'meetingCode' | 'hostParticipantId'>,
  publicUrl: string,
  participantTokens: ParticipantTokens,
): Promise<RoomUrls> {
  const hostToken = await participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });
  const code = encodeURIComponent(room.meetingCode);
  return {
    hostUrl: `${publicUrl}/?room_token=${code}&participant_token=${encodeURIComponent(hostToken)}`,
    guestUrl: `${publicUrl}/${code}`,
  };
}
