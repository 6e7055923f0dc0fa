import { canPublish, type ParticipantRole, type ParticipantInfo, type SettableRuntimeStatus, type WebinarQuestion, type WebinarRules, type WebinarRuntimeStatus } from '@parley/protocol';

/** A move of the webinar a host offers, as a button: where it goes, and the button's label key. */
export interface RuntimeMove {
  status: SettableRuntimeStatus;
  labelKey: 'goLive' | 'takeBreak' | 'resume' | 'endForAttendees';
}

/** The moves a host can make from where the webinar stands, the main one first (the server allows exactly these). */
export function runtimeMoves(status: WebinarRuntimeStatus): RuntimeMove[] {
  switch (status) {
    case 'Practice':
    case 'Idle':
      return [{ status: 'Live', labelKey: 'goLive' }];
    case 'Live':
    case 'GoingLive':
      return [
        { status: 'Break', labelKey: 'takeBreak' },
        { status: 'Debrief', labelKey: 'endForAttendees' },
      ];
    case 'Break':
      return [
        { status: 'Live', labelKey: 'resume' },
        { status: 'Debrief', labelKey: 'endForAttendees' },
      ];
    case 'Debrief':
      return [];
  }
}

/** Who is shown on a webinar's stage: everyone but its attendees (who are listed, never shown). */
export function isOnStage(participant: Pick<ParticipantInfo, 'role'>): boolean {
  return canPublish(participant.role);
}

/** The Q&A as the panel works through it: open questions first (oldest first), then the rest, newest first. */
export function orderQuestions(questions: readonly WebinarQuestion[]): WebinarQuestion[] {
  const open = questions.filter((q) => q.status === 'open').sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  const done = questions.filter((q) => q.status !== 'open').sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return [...open, ...done];
}

/**
 * What one may send on a webinar's stage under its settings (the server refuses the rest): panelists
 * what the webinar allows them, hosts and co-hosts everything. In a meeting (no rules), everything.
 */
export function stageAllowances(rules: WebinarRules | undefined, role: ParticipantRole): { camera: boolean; screen: boolean } {
  if (!rules || role !== 'panelist') return { camera: true, screen: true };
  return { camera: rules.panelistCamera, screen: rules.panelistScreenSharing };
}

/** Where a webinar sent its audience when it ended, if it names a web page (nothing else is followed). */
export function postWebinarDestination(room: { postWebinarRedirectUri: string | undefined }): string | undefined {
  const uri = room.postWebinarRedirectUri;
  if (uri === undefined) return undefined;
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
