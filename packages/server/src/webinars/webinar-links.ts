import type { Room } from '../rooms/room.js';
import { participantUrl, roomLinks, type RoomLinksDeps } from '../rooms/room-links.js';
import type { InviteeRecord } from '../store/webinar-invitees-repository.js';
import type { RegistrantRecord } from '../store/webinar-registrants-repository.js';
import type { Webinar } from './webinar.js';

/** Where the hosted registration pages are, under the public URL (see api/ringcentral/webinar-registration-page-routes.ts). */
export const REGISTRATION_PAGE_PATH = '/webinar/register';
export const CANCELLATION_PAGE_PATH = '/webinar/cancel';

/**
 * The links of a webinar session's room, per person: each carries a participant token naming them and
 * their role in the room, so the room knows who came (attendance) and what they may do. The public
 * attendee link carries none: in a webinar room a person without a token is an attendee.
 */
export class WebinarLinks {
  constructor(private readonly deps: RoomLinksDeps) {}

  /** The host's: the room's host, known as the webinar's host user. */
  hostJoinUri(room: Room, webinar: Pick<Webinar, 'hostUserId' | 'accountId'>): Promise<string> {
    return participantUrl(this.deps, room, { participantId: room.hostParticipantId, roomId: room.id, role: 'host', user: { userId: webinar.hostUserId, accountId: webinar.accountId } });
  }

  /** The public link: the room's meeting code alone. */
  async attendeeJoinUri(room: Room): Promise<string> {
    return (await roomLinks(this.deps, room)).guestUrl;
  }

  /** An invitee's personal link: the host's for the Host record, else a co-host's or panelist's named by the invitee's id. */
  inviteeJoinUri(room: Room, webinar: Pick<Webinar, 'hostUserId' | 'accountId'>, invitee: InviteeRecord): Promise<string> {
    if (invitee.role === 'Host') return this.hostJoinUri(room, webinar);
    return participantUrl(this.deps, room, {
      participantId: invitee.id,
      roomId: room.id,
      role: invitee.role === 'CoHost' ? 'cohost' : 'panelist',
      ...(invitee.linkedUser ? { user: invitee.linkedUser } : {}),
    });
  }

  /** A registrant's personal link (an attendee named by the registrant's id), or the host's own when it gave one. */
  registrantJoinUri(room: Room, registrant: RegistrantRecord): Promise<string> {
    if (registrant.customJoinUri !== null) return Promise.resolve(registrant.customJoinUri);
    return participantUrl(this.deps, room, { participantId: registrant.id, roomId: room.id, role: 'attendee' });
  }

  /** Where a registrant cancels (a page asking to confirm), or the host's own link when it gave one. */
  registrantCancellationUri(registrant: RegistrantRecord): string {
    return registrant.customCancellationUri ?? `${this.deps.publicUrl}${CANCELLATION_PAGE_PATH}/${encodeURIComponent(registrant.cancellationToken)}`;
  }

  /** The session's hosted registration page. */
  registrationPageUri(sessionId: string): string {
    return `${this.deps.publicUrl}${REGISTRATION_PAGE_PATH}/${encodeURIComponent(sessionId)}`;
  }
}
