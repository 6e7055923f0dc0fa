import type { Kysely } from 'kysely';
import { icalendarOf } from '../mail/icalendar.js';
import { EmailOutboxRepository, enqueueEmail, type OutgoingEmail } from '../store/email-outbox-repository.js';
import type { Database } from '../store/schema.js';
import { WebinarInviteesRepository, type InviteeRecord } from '../store/webinar-invitees-repository.js';
import type { RegistrantRecord } from '../store/webinar-registrants-repository.js';
import type { RegistrationSettings } from './registration-settings.js';
import { sessionStartText, sessionTitleOf, type WebinarSessionView } from './webinar.js';
import type { WebinarLinks } from './webinar-links.js';

/** The iCalendar sequence of a session's invitations (RingCentral's `icalendarSequence`): Parley sends each once. */
export const ICALENDAR_SEQUENCE = 0;

interface Dependencies {
  db: Kysely<Database>;
  links: WebinarLinks;
  /** Whether Parley sends email at all (`PARLEY_SMTP_URL`): without it nothing is queued. */
  enabled: boolean;
  /** `PARLEY_MAIL_FROM`: the invitations' organizer. */
  from: string;
}

/**
 * The emails of webinars: a registrant's confirmation (unless the session's registration suppresses
 * emails), an invitee's invitation (when `sendInvite`) and its cancellation. Each is composed before
 * the change's transaction (its links read the room's theme) and queued inside it (`queue`), so it is
 * sent exactly when the change is stored.
 */
export class WebinarEmails {
  private readonly outbox: EmailOutboxRepository;

  constructor(private readonly deps: Dependencies) {
    this.outbox = new EmailOutboxRepository(deps.db);
  }

  /** Queues what `compose` made, inside the change's transaction `tx`. */
  async queue(tx: Kysely<Database>, emails: readonly OutgoingEmail[], now: Date): Promise<void> {
    for (const email of emails) await enqueueEmail(tx, email, now);
  }

  async registrationConfirmation(view: WebinarSessionView, registrant: RegistrantRecord, now: Date): Promise<OutgoingEmail[]> {
    const settings = JSON.parse(view.session.registrationSettings) as RegistrationSettings;
    if (!this.deps.enabled || settings.suppressEmails) return [];
    const joinUri = await this.deps.links.registrantJoinUri(view.room, registrant);
    const cancellationUri = this.deps.links.registrantCancellationUri(registrant);
    const title = sessionTitleOf(view);
    const name = `${registrant.firstName} ${registrant.lastName}`.trim();
    return [
      {
        topic: `registration:${registrant.id}`,
        to: registrant.email,
        subject: `You're registered: ${title}`,
        text: [
          `Hello ${registrant.firstName},`,
          '',
          `You're registered for ${title}.`,
          '',
          `When: ${whenOf(view)}`,
          '',
          `Join with your personal link (keep it to yourself):`,
          joinUri,
          '',
          `Can't make it? Cancel your registration:`,
          cancellationUri,
          '',
          'The attached invitation adds the webinar to your calendar.',
        ].join('\n'),
        ics: this.icsOf(view, `registration-${registrant.id}`, { name, email: registrant.email }, joinUri, 'REQUEST', now),
      },
    ];
  }

  async invitation(view: WebinarSessionView, invitee: InviteeRecord, now: Date): Promise<OutgoingEmail[]> {
    const to = this.recipientOf(invitee);
    if (!to) return [];
    const joinUri = await this.deps.links.inviteeJoinUri(view.room, view.webinar, invitee);
    const title = sessionTitleOf(view);
    const role = invitee.role === 'CoHost' ? 'a co-host' : 'a panelist';
    return [
      {
        topic: `invitation:${invitee.id}`,
        to: to.email,
        subject: `Invitation: ${title}`,
        text: [
          `Hello ${to.firstName},`,
          '',
          `You're invited to ${title} as ${role}.`,
          '',
          `When: ${whenOf(view)}`,
          '',
          'Join with your personal link (keep it to yourself):',
          joinUri,
          '',
          'The attached invitation adds the webinar to your calendar.',
        ].join('\n'),
        ics: this.icsOf(view, `invitation-${invitee.id}`, { name: to.name, email: to.email }, joinUri, 'REQUEST', now),
      },
    ];
  }

  /** An invitee who was sent an invitation is removed, or their session deleted. */
  async invitationCancellation(view: WebinarSessionView, invitee: InviteeRecord, now: Date): Promise<OutgoingEmail[]> {
    const to = this.recipientOf(invitee);
    if (!to) return [];
    const title = sessionTitleOf(view);
    return [
      {
        topic: `invitation-cancelled:${invitee.id}`,
        to: to.email,
        subject: `Cancelled: ${title}`,
        text: [`Hello ${to.firstName},`, '', `Your invitation to ${title} (${whenOf(view)}) was cancelled: your link no longer works.`].join('\n'),
        ics: this.icsOf(view, `invitation-${invitee.id}`, { name: to.name, email: to.email }, this.deps.links.registrationPageUri(view.session.id), 'CANCEL', now),
      },
    ];
  }

  /** Whether any co-host or panelist of the session has not been sent an invitation (not asked to, not yet, or emails off). */
  async hasUnsentInvites(sessionId: string): Promise<boolean> {
    const invited = (await new WebinarInviteesRepository(this.deps.db).list(sessionId)).filter((invitee) => invitee.role !== 'Host');
    const sent = await this.outbox.sentTopics(invited.map((invitee) => `invitation:${invitee.id}`));
    return invited.some((invitee) => !sent.has(`invitation:${invitee.id}`));
  }

  /** Who an invitation goes to: an invitee asked to be sent one, with an email; never the implicit Host. */
  private recipientOf(invitee: InviteeRecord): { email: string; firstName: string; name: string } | undefined {
    if (!this.deps.enabled || !invitee.sendInvite || invitee.role === 'Host' || !invitee.email) return undefined;
    return { email: invitee.email, firstName: invitee.firstName || invitee.email, name: `${invitee.firstName ?? ''} ${invitee.lastName ?? ''}`.trim() || invitee.email };
  }

  private icsOf(view: WebinarSessionView, uid: string, attendee: { name: string; email: string }, url: string, method: 'REQUEST' | 'CANCEL', now: Date): string {
    const organizer = addressOf(this.deps.from);
    return icalendarOf({
      uid: `${uid}@${new URL(url).hostname}`,
      sequence: ICALENDAR_SEQUENCE,
      start: new Date(view.session.scheduledStartTime),
      durationSeconds: view.session.scheduledDuration,
      summary: sessionTitleOf(view),
      description: view.session.description || view.webinar.description,
      url,
      organizer,
      attendee,
      method,
      stamp: now,
    });
  }
}

/** When the session starts, in its own time zone, and for how long. */
function whenOf(view: WebinarSessionView): string {
  const start = sessionStartText(view.session);
  return `${start} (${view.session.timeZone}), ${Math.round(view.session.scheduledDuration / 60)} minutes`;
}

/** `Name <address>` or a bare address, as a calendar's organizer. */
function addressOf(from: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || (match[2] as string), email: match[2] as string } : { name: from.trim(), email: from.trim() };
}
