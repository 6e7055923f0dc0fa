import type { ParticipantClaims, ParticipantTokens } from '../identity/participant-tokens.js';
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
  room: Pick<Room, 'id' | 'applicationId' | 'meetingCode' | 'hostParticipantId' | 'themeId' | 'expiresAt'>,
  knownApplication?: Pick<Application, 'id' | 'defaultThemeId'>,
): Promise<RoomUrls> {
  const base = await pageBase(deps, room, knownApplication);
  return {
    hostUrl: tokenUrl(base, room, deps.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' }, room.expiresAt)),
    guestUrl: `${base}/${encodeURIComponent(room.meetingCode)}`,
  };
}

/** The room's page with a participant token of the caller's choosing (a user's own, say), like a host URL. */
export async function participantUrl(deps: RoomLinksDeps, room: Pick<Room, 'id' | 'applicationId' | 'meetingCode' | 'themeId' | 'expiresAt'>, claims: ParticipantClaims): Promise<string> {
  return tokenUrl(await pageBase(deps, room), room, deps.participantTokens.mint(claims, room.expiresAt));
}

async function pageBase(deps: RoomLinksDeps, room: Pick<Room, 'applicationId' | 'themeId'>, knownApplication?: Pick<Application, 'id' | 'defaultThemeId'>): Promise<string> {
  const theme = await themeOfRoom(deps, room, knownApplication);
  return theme?.shortCompanyUrl ? `${deps.publicUrl}/${encodeURIComponent(theme.shortCompanyUrl)}` : deps.publicUrl;
}

function tokenUrl(base: string, room: Pick<Room, 'meetingCode'>, token: string): string {
  return `${base}/?room_token=${encodeURIComponent(room.meetingCode)}&participant_token=${encodeURIComponent(token)}`;
}
