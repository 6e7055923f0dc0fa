import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { BulkInviteesInput, InviteeService } from '../../webinars/invitee-service.js';
import type { WebinarLinks } from '../../webinars/webinar-links.js';
import { callerOfRequest } from './ringcentral-auth.js';
import { inviteeResourceOf } from './webinar-json.js';
import { webinarPageOf, webinarPageResult } from './webinar-paging.js';
import { BulkUpdateInviteesRequest, InviteeParams, PagingQuery, SessionParams, UpdateInviteeRequest } from './webinar-schemas.js';

const TAGS = ['RingCentral Webinar configuration'];
const SESSION = '/webinars/:webinarId/sessions/:sessionId';

export interface WebinarInviteeRoutesDeps {
  invitees: InviteeService;
  links: WebinarLinks;
}

/** A session's invitees in RingCentral's Webinar Configuration API (spec §4.2.3), under `/webinar/configuration/v1`. */
export function registerWebinarInviteeRoutes(app: FastifyInstance, deps: WebinarInviteeRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { invitees, links } = deps;

  api.get(
    `${SESSION}/invitees`,
    {
      schema: {
        summary: "List a session's invitees",
        description: 'The implicit Host record first, then co-hosts and panelists as they were added. Each has a personal `joinUri`.',
        tags: TAGS,
        params: SessionParams,
        querystring: PagingQuery,
      },
    },
    async (request, reply) => {
      const page = webinarPageOf(request.query);
      const { view, invitees: fetched } = await invitees.list(callerOfRequest(request), request.params.webinarId, request.params.sessionId, page);
      const result = webinarPageResult(page, fetched);
      return reply.send({ records: await Promise.all(result.records.map((invitee) => inviteeResourceOf(view, invitee, links))), paging: result.paging });
    },
  );

  api.patch(
    `${SESSION}/invitees`,
    {
      schema: {
        summary: 'Add, update and delete invitees in one request',
        description:
          'Added: `role` (CoHost or Panelist) and either `firstName`, `lastName`, `email` or a `linkedUser` of the account. Updated: `id` and `role`; a linked user cannot change. ' +
          'Deleted: `id`. The Host record never changes (403); deletes are refused while the session is Active or Finished (403); an invitee named twice, or invited twice, is 409. ' +
          'All or nothing.',
        tags: TAGS,
        params: SessionParams,
        body: BulkUpdateInviteesRequest,
      },
    },
    async (request, reply) => {
      const result = await invitees.bulk(callerOfRequest(request), request.params.webinarId, request.params.sessionId, request.body as BulkInviteesInput);
      const present = (list: typeof result.addedInvitees) => Promise.all(list.map((invitee) => inviteeResourceOf(result.view, invitee, links)));
      return reply.send({ addedInvitees: await present(result.addedInvitees), updatedInvitees: await present(result.updatedInvitees), deletedInvitees: result.deletedInvitees });
    },
  );

  api.get(
    `${SESSION}/invitees/:inviteeId`,
    { schema: { summary: 'Get an invitee', tags: TAGS, params: InviteeParams } },
    async (request, reply) => {
      const { view, invitee } = await invitees.get(callerOfRequest(request), request.params.webinarId, request.params.sessionId, request.params.inviteeId);
      return reply.send(await inviteeResourceOf(view, invitee, links));
    },
  );

  api.put(
    `${SESSION}/invitees/:inviteeId`,
    {
      schema: {
        summary: 'Update an invitee',
        description: '`role` is required (CoHost or Panelist). The Host record cannot be changed, nor anyone made Host, nor a linked user changed.',
        tags: TAGS,
        params: InviteeParams,
        body: UpdateInviteeRequest,
      },
    },
    async (request, reply) => {
      const { view, invitee } = await invitees.update(callerOfRequest(request), request.params.webinarId, request.params.sessionId, request.params.inviteeId, request.body);
      return reply.send(await inviteeResourceOf(view, invitee, links));
    },
  );

  api.delete(
    `${SESSION}/invitees/:inviteeId`,
    { schema: { summary: 'Delete an invitee', description: 'Not the Host record; not while the session is Active or Finished (403).', tags: TAGS, params: InviteeParams } },
    async (request, reply) => {
      await invitees.delete(callerOfRequest(request), request.params.webinarId, request.params.sessionId, request.params.inviteeId);
      return reply.code(204).send();
    },
  );
}
