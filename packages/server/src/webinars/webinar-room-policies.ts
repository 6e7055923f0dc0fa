import type { Kysely } from 'kysely';
import type { WebinarPolicies, WebinarRoomPolicy } from '../rooms/webinar-policy.js';
import type { Database } from '../store/schema.js';
import { WebinarInviteesRepository } from '../store/webinar-invitees-repository.js';
import { WebinarRegistrantsRepository } from '../store/webinar-registrants-repository.js';
import { WebinarSessionsRepository } from '../store/webinar-sessions-repository.js';
import { WebinarsRepository } from '../store/webinars-repository.js';
import { webinarSettingsOf } from './webinar.js';

/**
 * The webinar settings of each session's room, read from the database at every join (a change made on
 * another node counts at once), and whether personal links still work: a cancelled or deleted
 * registrant, an invitee removed from the session, no longer get in.
 */
export class WebinarRoomPolicies implements WebinarPolicies {
  private readonly webinars: WebinarsRepository;
  private readonly sessions: WebinarSessionsRepository;
  private readonly invitees: WebinarInviteesRepository;
  private readonly registrants: WebinarRegistrantsRepository;

  constructor(db: Kysely<Database>) {
    this.webinars = new WebinarsRepository(db);
    this.sessions = new WebinarSessionsRepository(db);
    this.invitees = new WebinarInviteesRepository(db);
    this.registrants = new WebinarRegistrantsRepository(db);
  }

  async policyOf(roomId: string): Promise<WebinarRoomPolicy | undefined> {
    const session = await this.sessions.findByRoomId(roomId);
    const webinar = session && (await this.webinars.findById(session.webinarId));
    if (!session || !webinar) return undefined;
    const settings = webinarSettingsOf(webinar.settings);
    const status = (await this.sessions.statuses([session])).get(session.id);
    return {
      accountId: webinar.accountId,
      finished: status === 'Finished',
      panelistAuthentication: settings.panelistAuthentication,
      attendeeAuthentication: settings.attendeeAuthentication,
      panelistWaitingRoom: settings.panelistWaitingRoom,
      panelistVideoEnabled: settings.panelistVideoEnabled,
      panelistScreenSharingEnabled: settings.panelistScreenSharingEnabled,
      panelistMuteControlEnabled: settings.panelistMuteControlEnabled,
      qnaEnabled: settings.qnaEnabled,
      qnaAnonymousEnabled: settings.qnaAnonymousEnabled,
      moderatedQnaEnabled: settings.moderatedQnaEnabled,
      postWebinarRedirectUri: settings.postWebinarRedirectUri,
    };
  }

  async personalLinkValid(roomId: string, participantId: string): Promise<boolean> {
    const session = await this.sessions.findByRoomId(roomId);
    if (!session) return true;
    return (await this.invitees.find(session.id, participantId)) !== undefined || (await this.registrants.find(session.id, participantId)) !== undefined;
  }
}
