import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { WebinarSessionStatus } from '../../store/webinar-sessions-repository.js';
import type { WebinarEmails } from '../../webinars/webinar-emails.js';
import type { WebinarLinks } from '../../webinars/webinar-links.js';
import type { SessionInput, WebinarService } from '../../webinars/webinar-service.js';
import { isoOf } from './history-paging.js';
import { callerOfRequest } from './ringcentral-auth.js';
import { sessionListEntryOf, sessionResourceOf, webinarResourceOf } from './webinar-json.js';
import { enumListOf, listParamOf, webinarPageOf, webinarPageResult } from './webinar-paging.js';
import {
  ListCompanySessionsQuery,
  ListSessionsQuery,
  ListWebinarsQuery,
  SessionParams,
  SessionRequest,
  WebinarCreationRequest,
  WebinarParams,
  WebinarUpdateRequest,
} from './webinar-schemas.js';
import { RingCentralRefusal } from './ringcentral-errors.js';

const TAGS = ['RingCentral Webinar configuration'];
const SESSION_STATUSES: readonly WebinarSessionStatus[] = ['Scheduled', 'Active', 'Finished'];
/** RingCentral: "hostUserId" takes up to 10 hosts. */
const MAX_HOSTS = 10;

export interface WebinarConfigurationRoutesDeps {
  webinars: WebinarService;
  links: WebinarLinks;
  emails: WebinarEmails;
}

/** Webinars and sessions of RingCentral's Webinar Configuration API (spec §4.2.1, §4.2.2), under `/webinar/configuration/v1`. */
export function registerWebinarConfigurationRoutes(app: FastifyInstance, deps: WebinarConfigurationRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { webinars, links, emails } = deps;

  api.post(
    '/webinars',
    {
      schema: {
        summary: 'Create a webinar',
        description: 'The caller hosts it, unless an administrator (WebinarSettings) names another user of the account as `host`. Settings left out take RingCentral\'s defaults.',
        tags: TAGS,
        body: WebinarCreationRequest,
      },
    },
    async (request, reply) => {
      const { host, ...input } = request.body;
      const webinar = await webinars.createWebinar(callerOfRequest(request), { ...input, ...(host ? { hostUserId: host.linkedUser.userId } : {}) });
      return reply.code(201).send(webinarResourceOf(webinar));
    },
  );

  api.get(
    '/webinars',
    { schema: { summary: "List the caller's webinars", description: 'Made at or after `creationTimeFrom`, oldest first.', tags: TAGS, querystring: ListWebinarsQuery } },
    async (request, reply) => {
      const page = webinarPageOf(request.query);
      const from = isoOf(request.query.creationTimeFrom, 'creationTimeFrom') as string;
      const result = webinarPageResult(page, await webinars.listWebinars(callerOfRequest(request), from, page));
      return reply.send({ records: result.records.map(webinarResourceOf), paging: result.paging });
    },
  );

  api.get(
    '/webinars/:webinarId',
    { schema: { summary: 'Get a webinar', description: 'Its host and administrators only (403 for other users of the account).', tags: TAGS, params: WebinarParams } },
    async (request, reply) => reply.send(webinarResourceOf(await webinars.getWebinar(callerOfRequest(request), request.params.webinarId))),
  );

  api.patch(
    '/webinars/:webinarId',
    {
      schema: {
        summary: 'Update a webinar',
        description: 'Changes what the body names. The host cannot change; an empty `settings.password` removes the password. Its sessions\' rooms follow (title, autoRecord).',
        tags: TAGS,
        params: WebinarParams,
        body: WebinarUpdateRequest,
      },
    },
    async (request, reply) => reply.send(webinarResourceOf(await webinars.updateWebinar(callerOfRequest(request), request.params.webinarId, request.body))),
  );

  api.delete(
    '/webinars/:webinarId',
    {
      schema: {
        summary: 'Delete a webinar',
        description: 'With its sessions, invitees and registrants; the sessions\' rooms are retired. 403 while a session is Active or Finished.',
        tags: TAGS,
        params: WebinarParams,
      },
    },
    async (request, reply) => {
      await webinars.deleteWebinar(callerOfRequest(request), request.params.webinarId);
      return reply.code(204).send();
    },
  );

  api.post(
    '/webinars/:webinarId/sessions',
    {
      schema: {
        summary: 'Create a session',
        description:
          'Requires `scheduledStartTime`, `scheduledDuration` and `timeZone`. Makes the session\'s webinar room: `hostJoinUri` enters it as host, `attendeeJoinUri` (the public link) as an attendee; ' +
          '`videoBridgeId` is the room as a RingCentral Video bridge.',
        tags: TAGS,
        params: WebinarParams,
        body: SessionRequest,
      },
    },
    async (request, reply) => {
      const view = await webinars.createSession(callerOfRequest(request), request.params.webinarId, sessionInputOf(request.body));
      return reply.code(201).send(await sessionResourceOf(view, { links, emails }));
    },
  );

  api.get(
    '/webinars/:webinarId/sessions/:sessionId',
    { schema: { summary: 'Get a session', description: '`status` is the room\'s: Active while it is live, Finished after.', tags: TAGS, params: SessionParams } },
    async (request, reply) => reply.send(await sessionResourceOf(await webinars.getSession(callerOfRequest(request), request.params.webinarId, request.params.sessionId), { links, emails })),
  );

  api.patch(
    '/webinars/:webinarId/sessions/:sessionId',
    {
      schema: {
        summary: 'Update a session',
        description: 'Changes what the body names; 403 once the session is Active or Finished, and for a `status` other than its own (the room sets it).',
        tags: TAGS,
        params: SessionParams,
        body: SessionRequest,
      },
    },
    async (request, reply) => {
      const view = await webinars.updateSession(callerOfRequest(request), request.params.webinarId, request.params.sessionId, sessionInputOf(request.body));
      return reply.send(await sessionResourceOf(view, { links, emails }));
    },
  );

  api.delete(
    '/webinars/:webinarId/sessions/:sessionId',
    { schema: { summary: 'Delete a session', description: 'With its invitees and registrants; its room is retired. 403 once Active or Finished.', tags: TAGS, params: SessionParams } },
    async (request, reply) => {
      await webinars.deleteSession(callerOfRequest(request), request.params.webinarId, request.params.sessionId);
      return reply.code(204).send();
    },
  );

  api.get(
    '/sessions',
    {
      schema: {
        summary: "List the caller's sessions",
        description: 'Scheduled to end at or after `endTimeFrom`, by scheduled start. `status` repeated or comma-separated.',
        tags: TAGS,
        querystring: ListSessionsQuery,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const page = webinarPageOf(query);
      const views = await webinars.listSessions(
        callerOfRequest(request),
        'own',
        {
          endTimeFrom: isoOf(query.endTimeFrom, 'endTimeFrom') as string,
          statuses: enumListOf(query.status, SESSION_STATUSES, 'status'),
          ...(query.nameFragment !== undefined && query.nameFragment !== '' ? { nameFragment: query.nameFragment } : {}),
        },
        page,
        'start',
      );
      const result = webinarPageResult(page, views);
      return reply.send({ records: await Promise.all(result.records.map((view) => sessionListEntryOf(view, { links, emails }))), paging: result.paging });
    },
  );

  api.get(
    '/company/sessions',
    {
      schema: {
        summary: "List the account's sessions",
        description: 'Administrators (WebinarSettings) only. `hostUserId` (up to 10, repeated or comma-separated) narrows to those hosts.',
        tags: TAGS,
        querystring: ListCompanySessionsQuery,
      },
    },
    async (request, reply) => {
      const { query } = request;
      const page = webinarPageOf(query);
      const hostUserIds = listParamOf(query.hostUserId);
      if (hostUserIds.length > MAX_HOSTS) throw RingCentralRefusal.invalidParameter('hostUserId');
      const views = await webinars.listSessions(
        callerOfRequest(request),
        'company',
        { endTimeFrom: isoOf(query.endTimeFrom, 'endTimeFrom') as string, statuses: enumListOf(query.status, SESSION_STATUSES, 'status'), hostUserIds },
        page,
        'start',
      );
      const result = webinarPageResult(page, views);
      return reply.send({ records: await Promise.all(result.records.map((view) => sessionListEntryOf(view, { links, emails }))), paging: result.paging });
    },
  );
}

/** The session fields of a body; `timezone` (the developer guide's spelling) stands for `timeZone`. */
function sessionInputOf(body: SessionInput & { timezone?: string }): SessionInput {
  const { timezone, ...input } = body;
  return input.timeZone === undefined && timezone !== undefined ? { ...input, timeZone: timezone } : input;
}
