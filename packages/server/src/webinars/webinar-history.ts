import type { Kysely } from 'kysely';
import type { WebinarRuntimeStatus } from '@parley/protocol';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Recording, RecordingStatus } from '../recording/recording.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { Database } from '../store/schema.js';
import { WebinarAttendanceRepository } from '../store/webinar-attendance-repository.js';
import { WebinarInviteesRepository, type InviteeRecord } from '../store/webinar-invitees-repository.js';
import { WebinarRecordingsRepository } from '../store/webinar-recordings-repository.js';
import { WebinarRegistrantsRepository, type RegistrantRecord } from '../store/webinar-registrants-repository.js';
import type { WebinarSessionFilter } from '../store/webinar-sessions-repository.js';
import { attendanceOf, type SessionAttendance, type SessionParticipant } from './attendance.js';
import type { WebinarCaller, WebinarSessionView } from './webinar.js';
import type { Page, WebinarService } from './webinar-service.js';

/** A session as history tells it: when it really ran, who came, what was recorded. */
export interface SessionHistory {
  view: WebinarSessionView;
  /** When it went live, else when it was scheduled to. */
  startTime: string;
  /** When it ended, else `startTime` + the scheduled duration. */
  endTime: string;
  /** Seconds, rounded up. */
  duration: number;
  /** Where a live session is in its run (Practice, Live, Break, Debrief); absent unless it is live. */
  runtimeStatus?: WebinarRuntimeStatus;
  attendance: SessionAttendance;
  recordings: Recording[];
  invitees: InviteeRecord[];
  registrants: RegistrantRecord[];
}

export interface WebinarHistoryDeps {
  db: Kysely<Database>;
  clock: Clock;
  webinars: WebinarService;
  recordings: Pick<RecordingsRepository, 'listByRoom'>;
}

/** Recordings' statuses as RingCentral names them. */
export type WebinarRecordingStatus = 'Processing' | 'Available' | 'Failed' | 'Purged';

const RECORDING_STATUSES: Record<WebinarRecordingStatus, RecordingStatus[]> = {
  Processing: ['started', 'ended', 'processing'],
  Available: ['uploaded'],
  Failed: ['failed'],
  // A deleted recording is gone from Parley's store: none is ever Purged.
  Purged: [],
};

export function webinarRecordingStatusOf(status: RecordingStatus): WebinarRecordingStatus {
  return (Object.entries(RECORDING_STATUSES).find(([, statuses]) => statuses.includes(status))?.[0] ?? 'Processing') as WebinarRecordingStatus;
}

/**
 * What happened in webinar sessions, read from their rooms: live sessions, visits and recordings.
 * Who may read it is the configuration's rule (the host and administrators), except one's own part
 * in a session (`self`), which anyone of the account who took part may read.
 */
export class WebinarHistory {
  private readonly attendance: WebinarAttendanceRepository;
  private readonly invitees: WebinarInviteesRepository;
  private readonly registrants: WebinarRegistrantsRepository;
  private readonly webinarRecordings: WebinarRecordingsRepository;

  constructor(private readonly deps: WebinarHistoryDeps) {
    this.attendance = new WebinarAttendanceRepository(deps.db);
    this.invitees = new WebinarInviteesRepository(deps.db);
    this.registrants = new WebinarRegistrantsRepository(deps.db);
    this.webinarRecordings = new WebinarRecordingsRepository(deps.db);
  }

  async session(caller: WebinarCaller, webinarId: string, sessionId: string): Promise<SessionHistory> {
    return this.historyOf(await this.deps.webinars.getSession(caller, webinarId, sessionId));
  }

  /** A page of sessions, latest scheduled end first. */
  async sessions(caller: WebinarCaller, scope: 'own' | 'company', filter: Omit<WebinarSessionFilter, 'accountId'>, page: Page): Promise<SessionHistory[]> {
    const views = await this.deps.webinars.listSessions(caller, scope, filter, page, 'end-desc');
    return Promise.all(views.map((view) => this.historyOf(view)));
  }


  /** The caller's own part in a session of their account: NotFound when they took none. */
  async self(caller: WebinarCaller, webinarId: string, sessionId: string): Promise<{ history: SessionHistory; participant: SessionParticipant }> {
    const view = await this.deps.webinars.findSession(sessionId);
    if (!view || view.webinar.id !== webinarId || view.webinar.accountId !== caller.accountId) throw ParleyError.notFound(`Session ${sessionId} of webinar ${webinarId} was not found`);
    const history = await this.historyOf(view);
    const participant = history.attendance.participants.find((p) => p.userId === caller.userId);
    if (!participant) throw ParleyError.notFound(`User ${caller.userId} did not take part in session ${sessionId}`);
    return { history, participant };
  }

  /** Which registrant came as which participant (attendees have one, absentees none). */
  async registrantAttendance(view: WebinarSessionView): Promise<Map<string, string>> {
    const history = await this.historyOf(view);
    return new Map(history.attendance.participants.flatMap((p) => (p.registrantId ? [[p.registrantId, p.id] as [string, string]] : [])));
  }

  /** A page of recordings of the caller's webinars (`own`), or of the account's hosts' (`company`, administrators). */
  async recordings(
    caller: WebinarCaller,
    scope: 'own' | 'company',
    filter: { createdFrom: string; createdTo: string; statuses: readonly WebinarRecordingStatus[]; hostUserIds?: readonly string[]; nameFragment?: string },
    page: Page,
  ): Promise<{ recording: Recording; history: SessionHistory }[]> {
    if (scope === 'company' && !caller.isAdmin) throw ParleyError.forbidden('[WebinarSettings] permission required');
    const statuses = filter.statuses.flatMap((status) => RECORDING_STATUSES[status]);
    // Asked only for statuses no recording can have (Purged): there are none.
    if (filter.statuses.length > 0 && statuses.length === 0) return [];
    const found = await this.webinarRecordings.list(
      {
        accountId: caller.accountId,
        hostUserIds: scope === 'own' ? [caller.userId] : (filter.hostUserIds ?? []),
        createdFrom: filter.createdFrom,
        createdTo: filter.createdTo,
        statuses,
        ...(filter.nameFragment !== undefined ? { nameFragment: filter.nameFragment } : {}),
      },
      page,
    );
    return Promise.all(found.map(async ({ recording, sessionId }) => ({ recording, history: await this.sessionById(sessionId) })));
  }

  /** One recording, if it is of a webinar of the caller (`own`) or of the account (`company`, administrators). */
  async recording(caller: WebinarCaller, scope: 'own' | 'company', recordingId: string): Promise<{ recording: Recording; history: SessionHistory }> {
    if (scope === 'company' && !caller.isAdmin) throw ParleyError.forbidden('[WebinarSettings] permission required');
    const found = await this.webinarRecordings.find(caller.accountId, recordingId);
    const history = found && (await this.sessionById(found.sessionId));
    if (!found || !history || (scope === 'own' && history.view.webinar.hostUserId !== caller.userId && !caller.isAdmin)) {
      throw ParleyError.notFound(`Recording ${recordingId} was not found`);
    }
    return { recording: found.recording, history };
  }

  private async sessionById(sessionId: string): Promise<SessionHistory> {
    const view = await this.deps.webinars.findSession(sessionId);
    if (!view) throw new Error(`Webinar session ${sessionId} of a recording is missing`);
    return this.historyOf(view);
  }

  private async historyOf(view: WebinarSessionView): Promise<SessionHistory> {
    const { room, session } = view;
    const now = this.deps.clock.now();
    const [visits, span, invitees, registrants, blocked, recordings] = await Promise.all([
      this.attendance.visits(room.id),
      this.attendance.liveSpan(room.id),
      this.invitees.list(session.id),
      this.registrants.list(session.id),
      this.attendance.blockedIdentities(room.id),
      this.deps.recordings.listByRoom(room.applicationId, room.id),
    ]);
    const startTime = span.firstStart ?? session.scheduledStartTime;
    const endTime = span.lastEnd ?? new Date(Date.parse(startTime) + session.scheduledDuration * 1000).toISOString();
    return {
      view,
      startTime,
      endTime,
      duration: Math.ceil((Date.parse(endTime) - Date.parse(startTime)) / 1000),
      ...(span.runtimeStatus ? { runtimeStatus: span.runtimeStatus } : {}),
      attendance: attendanceOf(view, visits, { invitees, registrants, blocked }, now),
      recordings,
      invitees,
      registrants,
    };
  }
}
