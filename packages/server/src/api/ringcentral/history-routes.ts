import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RecordingDownloadLinks } from '../../recording/recording-download-links.js';
import type { Clock } from '../../clock.js';
import type { MeetingHistory } from '../../rooms/meeting-history.js';
import { AccountExtensionParams } from './bridge-schemas.js';
import { AccountMeetingsQuery, AccountParams, MeetingParams, RecordingsQuery, UserMeetingsQuery } from './history-schemas.js';
import { cursorOf, isoOf, pagingOf, perPageOf } from './history-paging.js';
import { adminMeetingJsonOf, cloudRecordingJsonOf, meetingJsonOf } from './meeting-json.js';
import { accountIdOf, callerOfRequest, extensionIdOf } from './ringcentral-auth.js';
import { RingCentralRefusal } from './ringcentral-errors.js';

const HISTORY_TAGS = ['RingCentral Video meeting history'];
const RECORDING_TAGS = ['RingCentral Video recordings'];

export interface HistoryRoutesDeps {
  history: MeetingHistory;
  downloadLinks: RecordingDownloadLinks;
  clock: Clock;
}

/** RingCentral Video's meeting history (spec §3.3) and recordings lists (§3.4), under `/rcvideo`. */
export function registerHistoryRoutes(app: FastifyInstance, deps: HistoryRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { history, downloadLinks, clock } = deps;

  api.get(
    '/v1/history/meetings',
    {
      schema: {
        summary: 'List video meetings',
        description: 'The caller\'s meetings (sessions of bridges), newest first: those they hosted or took part in, filtered and paged.',
        tags: HISTORY_TAGS,
        querystring: UserMeetingsQuery,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const type = query.type === 'None' ? undefined : query.type;
      if (type !== undefined && query.materials !== undefined) throw RingCentralRefusal.invalidParameter('materials');
      const page = await history.forUser(
        callerOfRequest(request),
        {
          ...(type !== undefined ? { type } : {}),
          ...(query.materials !== undefined ? { materials: query.materials } : {}),
          ...(query.text !== undefined ? { text: query.text } : {}),
          ...(query.startTime !== undefined ? { startedFrom: new Date(query.startTime).toISOString() } : {}),
          ...(query.endTime !== undefined ? { startedTo: new Date(query.endTime).toISOString() } : {}),
        },
        cursorOf(query.pageToken),
        perPageOf(query.perPage),
      );
      const now = clock.now();
      return reply.send({ meetings: page.items.map((item) => meetingJsonOf(item, downloadLinks, now)), paging: pagingOf(query.pageToken, page.next) });
    },
  );

  api.get(
    '/v1/history/meetings/:meetingId',
    {
      schema: {
        summary: 'Get a video meeting',
        description: 'One meeting, for its host, its participants and Super Admins (403 for other users of the account, 404 for other accounts).',
        tags: HISTORY_TAGS,
        params: MeetingParams,
      },
    },
    async (request, reply) => reply.send(meetingJsonOf(await history.get(callerOfRequest(request), request.params.meetingId), downloadLinks, clock.now())),
  );

  api.get(
    '/v1/history/account/:accountId/meetings',
    {
      schema: {
        summary: "List the account's meetings",
        description: 'Every completed meeting of the account\'s bridges, for its Super Admins.',
        tags: HISTORY_TAGS,
        params: AccountParams,
        querystring: AccountMeetingsQuery,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const caller = callerOfRequest(request);
      const perPage = query.perPage ?? 25;
      const startedFrom = isoOf(query.startTimeFrom, 'startTimeFrom');
      const startedTo = isoOf(query.startTimeTo, 'startTimeTo');
      const page = await history.forAccount(
        caller,
        accountIdOf(request.params.accountId, caller),
        { order: orderOf(query.orderBy), ...(startedFrom !== undefined ? { startedFrom } : {}), ...(startedTo !== undefined ? { startedTo } : {}) },
        cursorOf(query.pageToken),
        perPage,
      );
      const now = clock.now();
      return reply.send({ meetings: page.items.map((item) => adminMeetingJsonOf(item, now)), paging: { ...pagingOf(query.pageToken, page.next), perPage } });
    },
  );

  const recordingsPage = async (request: FastifyRequest, of: { accountId: string; ownerUserId?: string }, query: { pageToken?: string; perPage?: number }) => {
    const page = await history.recordings(callerOfRequest(request), of, cursorOf(query.pageToken), perPageOf(query.perPage));
    const now = clock.now();
    return { recordings: page.items.map(({ meeting, recording }) => cloudRecordingJsonOf(meeting, recording, downloadLinks, now)), paging: pagingOf(query.pageToken, page.next) };
  };

  api.get(
    '/v1/account/:accountId/recordings',
    {
      schema: { summary: "List the account's recordings", description: 'Downloadable recordings of the account\'s bridges, newest first, for its Super Admins.', tags: RECORDING_TAGS, params: AccountParams, querystring: RecordingsQuery },
    },
    async (request, reply) => {
      const caller = callerOfRequest(request);
      return reply.send(await recordingsPage(request, { accountId: accountIdOf(request.params.accountId, caller) }, request.query));
    },
  );

  api.get(
    '/v1/account/:accountId/extension/:extensionId/recordings',
    {
      schema: { summary: "List a user's recordings", description: 'Downloadable recordings of the user\'s bridges, newest first, for them and Super Admins.', tags: RECORDING_TAGS, params: AccountExtensionParams, querystring: RecordingsQuery },
    },
    async (request, reply) => {
      const caller = callerOfRequest(request);
      const of = { accountId: accountIdOf(request.params.accountId, caller), ownerUserId: extensionIdOf(request.params.extensionId, caller) };
      return reply.send(await recordingsPage(request, of, request.query));
    },
  );
}

/** `orderBy`: only `startTime`, `-` for newest first (the default), `+` or nothing for oldest first. */
function orderOf(orderBy: string | undefined): 'asc' | 'desc' {
  switch (orderBy ?? '-startTime') {
    case '-startTime':
      return 'desc';
    case '+startTime':
    case 'startTime':
      return 'asc';
    default:
      throw RingCentralRefusal.invalidParameter('orderBy');
  }
}
