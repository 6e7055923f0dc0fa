import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { RecordingsRepository } from '../../store/recordings-repository.js';
import type { QuestionnaireAnswer } from '../../store/webinar-registrants-repository.js';
import type { Registration, RegistrationService } from '../../webinars/registration-service.js';
import type { WebinarHistory } from '../../webinars/webinar-history.js';
import type { WebinarLinks } from '../../webinars/webinar-links.js';
import { callerOfRequest } from './ringcentral-auth.js';
import { registrantModelOf, regSessionModelOf } from './webinar-json.js';
import { webinarPageOf, webinarPageResult } from './webinar-paging.js';
import { RegistrantParams, RegistrantQuery, RegistrantRequest, RegistrantsQuery, RegistrationSessionParams, RegistrationUpdateRequest } from './webinar-schemas.js';

const TAGS = ['RingCentral Webinar registration'];

export interface WebinarRegistrationRoutesDeps {
  registration: RegistrationService;
  /** Which registrants attended (their `participantId`). */
  history: Pick<WebinarHistory, 'registrantAttendance'>;
  recordings: Pick<RecordingsRepository, 'listByRoom'>;
  links: WebinarLinks;
}

/** RingCentral's Webinar Registration API (spec §4.3), under `/webinar/registration/v1`. */
export function registerWebinarRegistrationRoutes(app: FastifyInstance, deps: WebinarRegistrationRoutesDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { registration, history, links } = deps;
  const present = async (found: Registration) =>
    regSessionModelOf(found, links, (await deps.recordings.listByRoom(found.view.room.applicationId, found.view.room.id)).length > 0);

  api.get(
    '/sessions/:sessionId',
    {
      schema: {
        summary: "Get a session's registration",
        description: '`registrationStatus` is Open only while the webinar has `registrationEnabled`, the host keeps it open, it is below `autoCloseLimit` and the session has not finished.',
        tags: TAGS,
        params: RegistrationSessionParams,
      },
    },
    async (request, reply) => reply.send(await present(await registration.get(callerOfRequest(request), request.params.sessionId))),
  );

  api.patch(
    '/sessions/:sessionId',
    {
      schema: {
        summary: "Update a session's registration",
        description: 'Opens or closes it, changes its settings, and sets the questions of the registration form (`questions`, a Parley extension) that registrants answer.',
        tags: TAGS,
        params: RegistrationSessionParams,
        body: RegistrationUpdateRequest,
      },
    },
    async (request, reply) => {
      const { questions, ...changes } = request.body;
      const updated = await registration.update(callerOfRequest(request), request.params.sessionId, {
        ...changes,
        ...(questions !== undefined ? { questions: questions.map((q) => ({ ...q, required: q.required ?? false })) } : {}),
      });
      return reply.send(await present(updated));
    },
  );

  api.get(
    '/sessions/:sessionId/registrants',
    { schema: { summary: "List a session's registrants", description: 'By id. `participantId` marks those who attended; absentees have none.', tags: TAGS, params: RegistrationSessionParams, querystring: RegistrantsQuery } },
    async (request, reply) => {
      const page = webinarPageOf(request.query);
      const { view, registrants } = await registration.list(callerOfRequest(request), request.params.sessionId, page);
      const result = webinarPageResult(page, registrants);
      const questionnaire = request.query.includeQuestionnaire ?? false;
      const attended = await history.registrantAttendance(view);
      return reply.send({
        records: await Promise.all(result.records.map((r) => registrantModelOf(view, r, links, { questionnaire, participantId: attended.get(r.id) }))),
        paging: result.paging,
      });
    },
  );

  api.post(
    '/sessions/:sessionId/registrants',
    {
      schema: {
        summary: 'Register someone',
        description:
          '403 unless registration is open; 409 for an email registered already. Answers are checked against the session\'s questions. The answer has the registrant\'s personal `joinUri` ' +
          'and `cancellationUri` (or the host\'s own, when given).',
        tags: TAGS,
        params: RegistrationSessionParams,
        body: RegistrantRequest,
      },
    },
    async (request, reply) => {
      const { questionnaire, ...input } = request.body;
      const { view, registrant } = await registration.register(callerOfRequest(request), request.params.sessionId, {
        ...input,
        ...(questionnaire !== undefined ? { questionnaire: questionnaire as QuestionnaireAnswer[] } : {}),
      });
      return reply.code(201).send(await registrantModelOf(view, registrant, links, { questionnaire: true, created: true }));
    },
  );

  api.get(
    '/sessions/:sessionId/registrants/:registrantId',
    { schema: { summary: 'Get a registrant', tags: TAGS, params: RegistrantParams, querystring: RegistrantQuery } },
    async (request, reply) => {
      const { view, registrant } = await registration.getRegistrant(callerOfRequest(request), request.params.sessionId, request.params.registrantId);
      const participantId = (await history.registrantAttendance(view)).get(registrant.id);
      return reply.send(await registrantModelOf(view, registrant, links, { questionnaire: request.query.includeQuestionnaire ?? false, participantId }));
    },
  );

  api.delete(
    '/sessions/:sessionId/registrants/:registrantId',
    { schema: { summary: 'Cancel a registration', description: '403 once the session has finished.', tags: TAGS, params: RegistrantParams } },
    async (request, reply) => {
      await registration.cancel(callerOfRequest(request), request.params.sessionId, request.params.registrantId);
      return reply.code(204).send();
    },
  );
}
