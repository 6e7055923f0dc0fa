import { createHash } from 'node:crypto';
import type { ParticipantRole } from '@parley/protocol';
import type { InviteeRecord } from '../store/webinar-invitees-repository.js';
import type { RegistrantRecord } from '../store/webinar-registrants-repository.js';
import type { RoomVisit } from '../store/webinar-attendance-repository.js';
import type { WebinarSessionView } from './webinar.js';

/** RingCentral's webinar roles. */
export type WebinarRole = 'Host' | 'CoHost' | 'Panelist' | 'Attendee';

/** One person's part in a session, over all their visits to its room. */
export interface SessionParticipant {
  /** Their first visit's id: stable, and unique within the session. */
  id: string;
  identity: string | null;
  displayName: string;
  /** The role they had last. */
  role: WebinarRole;
  /** The role they were invited or registered with, else the one they first joined with. */
  originalRole: WebinarRole;
  /** Earliest join, latest leave (absent while they are still there). */
  joinTime: string;
  leaveTime?: string;
  /** Seconds present, over all visits (a visit going on counts until `now`). */
  duration: number;
  visits: number;
  userId: string | null;
  inviteeId?: string;
  registrantId?: string;
  wasEjected: boolean;
  /** The same for every visit of the same person, and reveals nothing of who they are. */
  uniqueUserHash: string;
}

/** Who took part in a session, and how often people came. */
export interface SessionAttendance {
  participants: SessionParticipant[];
  /** Visits (joins) of all roles, and of attendees. */
  participantCount: number;
  attendeeCount: number;
}

/** Parley's room roles as RingCentral's webinar roles: a guest (no token) in a webinar room only watches. */
export function webinarRoleOf(role: ParticipantRole): WebinarRole {
  if (role === 'host') return 'Host';
  if (role === 'cohost') return 'CoHost';
  if (role === 'panelist') return 'Panelist';
  return 'Attendee';
}

/**
 * The attendance of a session from its room's visits: visits of the same identity are one person
 * (people who came back after a dropped connection, or from two devices), matched to the invitee or
 * registrant their participant token named (`token:<invitee or registrant id>`; the host's token
 * names the room's host participant).
 */
export function attendanceOf(
  view: WebinarSessionView,
  visits: readonly RoomVisit[],
  people: { invitees: readonly InviteeRecord[]; registrants: readonly RegistrantRecord[]; blocked: ReadonlySet<string> },
  now: Date,
): SessionAttendance {
  const invitees = new Map(people.invitees.map((i) => [i.id, i]));
  const hostInvitee = people.invitees.find((i) => i.role === 'Host');
  const registrants = new Set(people.registrants.map((r) => r.id));
  const byPerson = new Map<string, RoomVisit[]>();
  for (const visit of visits) {
    const key = visit.identity ?? `visit:${visit.id}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), visit]);
  }
  const participants = [...byPerson.entries()].map(([key, own]): SessionParticipant => {
    const first = own[0] as RoomVisit;
    const last = own[own.length - 1] as RoomVisit;
    const tokenId = first.identity?.startsWith('token:') ? first.identity.slice('token:'.length) : undefined;
    const invitee = tokenId === view.room.hostParticipantId ? hostInvitee : tokenId !== undefined ? invitees.get(tokenId) : undefined;
    const registrantId = tokenId !== undefined && registrants.has(tokenId) ? tokenId : undefined;
    const present = own.some((v) => v.leftAt === null);
    const leaveTime = present ? undefined : own.map((v) => v.leftAt as string).sort().pop();
    const duration = own.reduce((sum, v) => sum + Math.max(0, (v.leftAt ? Date.parse(v.leftAt) : now.getTime()) - Date.parse(v.joinedAt)), 0);
    return {
      id: first.id,
      identity: first.identity,
      displayName: last.displayName,
      role: webinarRoleOf(last.role),
      originalRole: invitee ? invitee.role : registrantId ? 'Attendee' : webinarRoleOf(first.role),
      joinTime: first.joinedAt,
      ...(leaveTime !== undefined ? { leaveTime } : {}),
      duration: Math.round(duration / 1000),
      visits: own.length,
      userId: own.find((v) => v.userId !== null)?.userId ?? null,
      ...(invitee ? { inviteeId: invitee.id } : {}),
      ...(registrantId ? { registrantId } : {}),
      wasEjected: first.identity !== null && people.blocked.has(first.identity),
      uniqueUserHash: createHash('sha256').update(`${view.room.id} ${key}`).digest('base64'),
    };
  });
  return {
    participants,
    participantCount: visits.length,
    attendeeCount: visits.filter((v) => webinarRoleOf(v.role) === 'Attendee').length,
  };
}
