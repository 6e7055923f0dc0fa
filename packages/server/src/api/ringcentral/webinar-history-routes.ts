import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../errors.js';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { UsersRepository } from '../../store/users-repository.js';
import type { WebinarSessionStatus } from '../../store/webinar-sessions-repository.js';
import type { SessionParticipant, WebinarRole } from '../../webinars/attendance.js';
import type { WebinarHistory, WebinarRecordingStatus } from '../../webinars/webinar-history.js';
import type { WebinarService } from '../../webinars/webinar-service.js';
import { isoOf } from './history-paging.js';
import { callerOfRequest } from './ringcentral-auth.js';
import { RingCentralRefusal } from './ringcentral-errors.js';
import {
  historyInviteeOf,
  historySessionOf,
  historyWebinarOf,
  participantExtendedOf,
  participantReducedOf,
  recordingItemOf,
  sessionGlobalOf,
  type HistoryPresentation,
} from './webinar-history-json.js';
import { enumListOf, listParamOf, webinarPageOf, webinarPageResult } from './webinar-paging.js';
import {
  CompanyRecordingsQuery,
  DownloadQuery,
  HistoryCompanySessionsQuery,
  HistorySessionsQuery,
  InviteeParams,
  ParticipantsQuery,
  RecordingParams,
  RecordingsQuery,
  SessionParams,
  WebinarParams,
} from './webinar-schemas.js';

const TAGS = ['RingCentral Webinar history'];
const SESSION_STATUSES: readonly WebinarSessionStatus[] = ['Scheduled', 'Active', 'Finished'];
const ROLES: readonly WebinarRole[] = ['Host', 'CoHost', 'Panelist', 'Attendee'];
const RECORDING_STATUSES: readonly WebinarRecordingStatus[] = ['Processing', 'Available', 'Failed', 'Purged'];
const MAX_HOSTS = 10;

export interface WebinarHistoryRoutesDeps {
  history: WebinarHistory;
  webinars: WebinarService;
  users: Pick<UsersRepository, 'findById'>;
  downloadLinks: RecordingDownloadLinks;
}

/** RingCentral's Webinar History API (spec §4.4), under `/webinar/history/v1`: read from the sessions' rooms. */
export function registerWebinarHistoryRoutes(app: FastifyInstance, deps: WebinarHistoryRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { history, webinars, users, downloadLinks } = deps;
  const presentationOf = async (hostUserId: string): Promise<HistoryPresentation> => ({ downloadLinks, host: await users.findById(hostUserId) });
  const hostsOf = (values: readonly string[] | undefined) => {
    const hosts = listParamOf(values);
    if (hosts.length > MAX_HOSTS) throw RingCentralRefusal.invalidParameter('hostUserId');
    return hosts;
  };
  /** The participants or invitees whose role and original role are among those asked for (all, when none are). */
  const byRoles = <T extends { role: WebinarRole; originalRole: WebinarRole }>(items: T[], query: { role?: string[]; originalRole?: string[] }): T[] => {
    const roles = enumListOf(query.role, ROLES, 'role');
    const originalRoles = enumListOf(query.originalRole, ROLES, 'originalRole');
    return items.filter((item) => (roles.length === 0 || roles.includes(item.role)) && (originalRoles.length === 0 || originalRoles.includes(item.originalRole)));
  };

  api.get(
    '/webinars/:webinarId',
    { schema: { summary: 'Get a webinar (history)', tags: TAGS, params: WebinarParams } },
    async (request, reply) => {
      const webinar = await webinars.getWebinar(callerOfRequest(request), request.params.webinarId);
      return reply.send(historyWebinarOf(webinar, await users.findById(webinar.hostUserId)));
    },
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId',
    {
      schema: {
        summary: 'Get a session (history)',
        description: 'When it really ran (`startTime`, `endTime`, `duration`), how many came (joins and unique people, of all roles and attendees) and its recording with its sharing link.',
        tags: TAGS,
        params: SessionParams,
      },
    },
    async (request, reply) => reply.send(historySessionOf(await history.session(callerOfRequest(request), request.params.webinarId, request.params.sessionId), downloadLinks, true)),
  );

  const listSessions = async (
    caller: ReturnType<typeof callerOfRequest>,
    scope: 'own' | 'company',
    query: { status?: string[]; endTimeFrom: string; endTimeTo: string; nameFragment?: string; hostUserId?: string[]; perPage?: number; pageToken?: string },
  ) => {
    const page = webinarPageOf(query);
    const found = await history.sessions(
      caller,
      scope,
      {
        endTimeFrom: isoOf(query.endTimeFrom, 'endTimeFrom') as string,
        endTimeTo: isoOf(query.endTimeTo, 'endTimeTo') as string,
        statuses: enumListOf(query.status, SESSION_STATUSES, 'status'),
        ...(query.nameFragment ? { nameFragment: query.nameFragment } : {}),
        ...(scope === 'company' ? { hostUserIds: hostsOf(query.hostUserId) } : {}),
      },
      page,
    );
    const result = webinarPageResult(page, found);
    return { records: await Promise.all(result.records.map(async (h) => sessionGlobalOf(h, await presentationOf(h.view.webinar.hostUserId)))), paging: result.paging };
  };

  api.get(
    '/sessions',
    { schema: { summary: "List the caller's sessions (history)", description: 'Latest scheduled end first.', tags: TAGS, querystring: HistorySessionsQuery } },
    async (request, reply) => reply.send(await listSessions(callerOfRequest(request), 'own', request.query)),
  );

  api.get(
    '/company/sessions',
    { schema: { summary: "List the account's sessions (history)", description: 'Administrators (WebinarSettings) only.', tags: TAGS, querystring: HistoryCompanySessionsQuery } },
    async (request, reply) => reply.send(await listSessions(callerOfRequest(request), 'company', request.query)),
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId/invitees',
    {
      schema: {
        summary: "List a session's invitees (history)",
        description: 'With `joined`: whether each came. The implicit Host record is always there.',
        tags: TAGS,
        params: SessionParams,
        querystring: ParticipantsQuery,
      },
    },
    async (request, reply) => {
      const page = webinarPageOf(request.query);
      const found = await history.session(callerOfRequest(request), request.params.webinarId, request.params.sessionId);
      const joined = new Set(found.attendance.participants.flatMap((p) => (p.inviteeId ? [p.inviteeId] : [])));
      const invitees = byRoles(found.invitees.map((i) => historyInviteeOf(i, joined.has(i.id))), request.query);
      return reply.send(webinarPageResult(page, invitees.slice(page.offset, page.offset + page.limit)));
    },
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId/invitees/:inviteeId',
    { schema: { summary: 'Get an invitee (history)', tags: TAGS, params: InviteeParams } },
    async (request, reply) => {
      const found = await history.session(callerOfRequest(request), request.params.webinarId, request.params.sessionId);
      const invitee = found.invitees.find((i) => i.id === request.params.inviteeId);
      if (!invitee) throw ParleyError.notFound(`Invitee ${request.params.inviteeId} of session ${request.params.sessionId} was not found`);
      return reply.send(historyInviteeOf(invitee, found.attendance.participants.some((p) => p.inviteeId === invitee.id)));
    },
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId/participants',
    {
      schema: {
        summary: "List a session's participants: the attendance report",
        description:
          'One record per person over all their visits: earliest `joinTime`, latest `leaveTime`, `duration` present (seconds, a Parley extension), the role they ended with and the one they were ' +
          'invited or registered with, and the invitee or registrant they were. Registrants without a participant record were absent.',
        tags: TAGS,
        params: SessionParams,
        querystring: ParticipantsQuery,
      },
    },
    async (request, reply) => {
      const page = webinarPageOf(request.query);
      const found = await history.session(callerOfRequest(request), request.params.webinarId, request.params.sessionId);
      const participants = byRoles<SessionParticipant>(found.attendance.participants, request.query);
      const result = webinarPageResult(page, participants.slice(page.offset, page.offset + page.limit));
      return reply.send({ records: result.records.map((p) => participantExtendedOf(p, found)), paging: result.paging });
    },
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId/participants/self',
    { schema: { summary: "The caller's own part in a session", description: 'Any user of the account who took part (as themselves: a token naming their user).', tags: TAGS, params: SessionParams } },
    async (request, reply) => {
      const caller = callerOfRequest(request);
      const { participant } = await history.self(caller, request.params.webinarId, request.params.sessionId);
      return reply.send(participantReducedOf(participant, caller.accountId));
    },
  );

  const listRecordings = async (
    caller: ReturnType<typeof callerOfRequest>,
    scope: 'own' | 'company',
    query: { creationTimeFrom: string; creationTimeTo: string; status?: string[]; nameFragment?: string; hostUserId?: string[]; perPage?: number; pageToken?: string },
  ) => {
    const page = webinarPageOf(query);
    const found = await history.recordings(
      caller,
      scope,
      {
        createdFrom: isoOf(query.creationTimeFrom, 'creationTimeFrom') as string,
        createdTo: isoOf(query.creationTimeTo, 'creationTimeTo') as string,
        statuses: enumListOf(query.status, RECORDING_STATUSES, 'status'),
        ...(query.nameFragment ? { nameFragment: query.nameFragment } : {}),
        ...(scope === 'company' ? { hostUserIds: hostsOf(query.hostUserId) } : {}),
      },
      page,
    );
    const result = webinarPageResult(page, found);
    return {
      records: await Promise.all(result.records.map(async ({ recording, history: h }) => recordingItemOf(recording, h, await presentationOf(h.view.webinar.hostUserId), false))),
      paging: result.paging,
    };
  };

  api.get(
    '/recordings',
    { schema: { summary: "List the recordings of the caller's webinars", description: 'Newest first.', tags: TAGS, querystring: RecordingsQuery } },
    async (request, reply) => reply.send(await listRecordings(callerOfRequest(request), 'own', request.query)),
  );

  api.get(
    '/company/recordings',
    { schema: { summary: "List the recordings of the account's webinars", description: 'Administrators (WebinarSettings) only.', tags: TAGS, querystring: CompanyRecordingsQuery } },
    async (request, reply) => reply.send(await listRecordings(callerOfRequest(request), 'company', request.query)),
  );

  for (const [path, scope] of [
    ['/recordings/:recordingId', 'own'],
    ['/company/recordings/:recordingId', 'company'],
  ] as const) {
    api.get(path, { schema: { summary: `Get a recording${scope === 'company' ? ' (administrators)' : ''}`, description: 'With its sharing link (a download link) once Available.', tags: TAGS, params: RecordingParams } }, async (request, reply) => {
      const { recording, history: h } = await history.recording(callerOfRequest(request), scope, request.params.recordingId);
      return reply.send(recordingItemOf(recording, h, await presentationOf(h.view.webinar.hostUserId), true));
    });
  }

  api.get(
    '/recordings/:recordingId/download',
    {
      schema: {
        summary: 'Download a recording',
        description: 'A signed download link (valid for an hour) to its mp4, once Available.',
        tags: TAGS,
        params: RecordingParams,
        querystring: DownloadQuery,
      },
    },
    async (request, reply) => {
      const { recording } = await history.recording(callerOfRequest(request), 'own', request.params.recordingId);
      if (request.query.recordingMediaType === 'Audio') throw ParleyError.notFound(`Recording ${recording.id} has no audio-only file`);
      if (recording.status !== 'uploaded' || recording.byteSize === null) throw ParleyError.notFound(`Recording ${recording.id} is not available yet`);
      return reply.send({ downloadUri: downloadLinks.linkTo(recording.id), downloadContentType: 'video/mp4', downloadSize: recording.byteSize });
    },
  );
}
