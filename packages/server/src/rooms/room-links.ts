import type { ParticipantTokens } from '../identity/participant-tokens.js';
import type { Application } from '../store/applications-repository.js';
import { themeOfRoom, type RoomThemeDeps } from '../themes/room-theme.js';
import type { Room } from './room.js';

export interface RoomUrls {
  hostUrl: string;
  guestUrl: string;
}

export interface RoomLinksDeps extends RoomThemeDeps {
  publicUrl: string;
  participantTokens: ParticipantTokens;
}

/**
 * The meeting page's addresses for a room, on the public URL: the guest URL carries only the meeting
 * code; the host URL also carries a freshly minted participant token naming the room's host. A room
 * shown with a theme that has a `short_company_url` (its own theme, else the application's default:
 * the rule the meeting page follows too) has that segment first, as Vonage's URLs did. Every façade
 * (and the start-up banner) hands these out.
 */
export async function roomLinks(
  deps: RoomLinksDeps,
  room: Pick<Room, 'id' | 'applicationId' | 'meetingCode' | 'hostParticipantId' | 'themeId'>,
  knownApplication?: Pick<Application, 'id' | 'defaultThemeId'>,
): Promise<RoomUrls> {
  const hostToken = deps.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });
  const theme = await themeOfRoom(deps, room, knownApplication);
  const code = encodeURIComponent(room.meetingCode);
  const base = theme?.shortCompanyUrl ? `${deps.publicUrl}/${encodeURIComponent(theme.shortCompanyUrl)}` : deps.publicUrl;
  return {
    hostUrl: `${base}/?room_token=${code}&participant_token=${encodeURIComponent(hostToken)}`,
    guestUrl: `${base}/${code}`,
  };
}
