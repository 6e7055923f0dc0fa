import type { Kysely } from 'kysely';
import { ParleyError } from '../errors.js';
import type { Recording } from '../recording/recording.js';
import {
  MeetingHistoryRepository,
  type HistoryCursor,
  type HistoryParticipantRow,
  type MeetingQuery,
  type MeetingRow,
  type RecordingRow,
} from '../store/meeting-history-repository.js';
import type { Database } from '../store/schema.js';
import type { BridgeCaller } from './bridge.js';

/** A meeting of a bridge (one of its room's sessions), with who took part and what was recorded. */
export interface HistoryMeeting {
  meeting: MeetingRow;
  participants: HistoryParticipantRow[];
  recordings: Recording[];
  /** The caller hosted it (owns its bridge) or is a Super Admin of its account: it is theirs to manage. */
  managed: boolean;
}

export interface HistoryPage<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  next?: HistoryCursor;
}

/** RingCentral's `type` filter of a user's meeting list (spec §3.3.1); absent: hosted or taken part in. */
export type MeetingListType = 'All' | 'My' | 'Deleted' | 'Shared';

export interface UserMeetingFilter {
  type?: MeetingListType;
  /** `Recordings`: only meetings with a recording; `Notes`: only meetings with notes (Parley makes none). */
  materials?: 'Recordings' | 'Notes';
  text?: string;
  startedFrom?: string;
  startedTo?: string;
}

export interface AccountMeetingFilter {
  startedFrom?: string;
  startedTo?: string;
  order: 'asc' | 'desc';
}

/**
 * RingCentral Video's meeting history over Parley's sessions: a meeting is one session of a bridge's
 * room. A user sees the meetings they hosted or took part in; a Super Admin the whole account's; no one
 * another account's.
 */
export class MeetingHistory {
  private readonly history: MeetingHistoryRepository;

  constructor(db: Kysely<Database>) {
    this.history = new MeetingHistoryRepository(db);
  }

  /** The caller's meetings, newest first. */
  async forUser(caller: BridgeCaller, filter: UserMeetingFilter, after: HistoryCursor | undefined, perPage: number): Promise<HistoryPage<HistoryMeeting>> {
    // Parley shares no recordings and makes no notes: those lists are empty, not refused.
    if (filter.type === 'Shared' || filter.materials === 'Notes') return { items: [] };
    const hostedOnly = filter.type !== undefined;
    const query: MeetingQuery = {
      accountId: caller.accountId,
      user: { id: caller.userId, orParticipant: !hostedOnly },
      ...(filter.type === 'Deleted' ? { bridgeDeleted: true } : hostedOnly ? { bridgeDeleted: false } : {}),
      ...(filter.materials === 'Recordings' ? { withRecordings: true } : {}),
      ...(filter.text !== undefined && filter.text !== '' ? { text: filter.text } : {}),
      ...bounds(filter),
      ...(after ? { after } : {}),
      order: 'desc',
      limit: perPage + 1,
    };
    return this.page(caller, await this.history.meetings(query), perPage);
  }

  /** The account's completed meetings, for its Super Admins. */
  async forAccount(caller: BridgeCaller, accountId: string, filter: AccountMeetingFilter, after: HistoryCursor | undefined, perPage: number): Promise<HistoryPage<HistoryMeeting>> {
    requireAdminOf(caller, accountId);
    const rows = await this.history.meetings({ accountId, endedOnly: true, ...bounds(filter), ...(after ? { after } : {}), order: filter.order, limit: perPage + 1 });
    return this.page(caller, rows, perPage);
  }

  /**
   * One meeting: its host's, its participants', and its account's Super Admins'. Another account's
   * meeting does not exist; one of the caller's account they had nothing to do with is forbidden.
   */
  async get(caller: BridgeCaller, meetingId: string): Promise<HistoryMeeting> {
    const meeting = await this.history.meeting(meetingId);
    if (!meeting || meeting.accountId !== caller.accountId) throw ParleyError.notFound(`Meeting ${meetingId} was not found`);
    const [detailed] = await this.detailed(caller, [meeting]);
    if (!detailed) throw ParleyError.notFound(`Meeting ${meetingId} was not found`);
    const tookPart = detailed.participants.some((p) => p.userId === caller.userId);
    if (!detailed.managed && !tookPart) throw ParleyError.forbidden('Only its host, its participants and Super Admins may read this meeting');
    return detailed;
  }

  /**
   * Downloadable recordings, newest first, with their meeting: the account's (for its Super Admins) or
   * one user's (for them and Super Admins).
   */
  async recordings(caller: BridgeCaller, of: { accountId: string; ownerUserId?: string }, after: HistoryCursor | undefined, perPage: number): Promise<HistoryPage<RecordingRow>> {
    if (of.ownerUserId === undefined || of.ownerUserId !== caller.userId || of.accountId !== caller.accountId) requireAdminOf(caller, of.accountId);
    const rows = await this.history.downloadableRecordings({ ...of, ...(after ? { after } : {}), limit: perPage + 1 });
    const items = rows.slice(0, perPage);
    const last = rows.length > perPage ? items[items.length - 1] : undefined;
    return { items, ...(last ? { next: { startedAt: last.recording.startedAt, id: last.recording.id } } : {}) };
  }

  private async page(caller: BridgeCaller, rows: MeetingRow[], perPage: number): Promise<HistoryPage<HistoryMeeting>> {
    const items = await this.detailed(caller, rows.slice(0, perPage));
    const last = rows.length > perPage ? items[items.length - 1]?.meeting : undefined;
    return { items, ...(last ? { next: { startedAt: last.startedAt, id: last.sessionId } } : {}) };
  }

  private async detailed(caller: BridgeCaller, meetings: MeetingRow[]): Promise<HistoryMeeting[]> {
    const ids = meetings.map((m) => m.sessionId);
    const [participants, recordings] = await Promise.all([this.history.participants(ids), this.history.recordingsOf(ids)]);
    return meetings.map((meeting) => ({
      meeting,
      participants: participants.filter((p) => p.sessionId === meeting.sessionId),
      recordings: recordings.filter((r) => r.sessionId === meeting.sessionId),
      managed: meeting.ownerUserId === caller.userId || caller.isAdmin,
    }));
  }
}

function bounds(filter: { startedFrom?: string; startedTo?: string }): Pick<MeetingQuery, 'startedFrom' | 'startedTo'> {
  return { ...(filter.startedFrom !== undefined ? { startedFrom: filter.startedFrom } : {}), ...(filter.startedTo !== undefined ? { startedTo: filter.startedTo } : {}) };
}

function requireAdminOf(caller: BridgeCaller, accountId: string): void {
  if (accountId !== caller.accountId) throw ParleyError.forbidden("Another account's history cannot be read");
  if (!caller.isAdmin) throw ParleyError.forbidden('Administrator permission required');
}
