import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../../errors.js';
import type { QuestionnaireAnswer } from '../../store/webinar-registrants-repository.js';
import { logoUrl } from '../../themes/logo-urls.js';
import { themeOfRoom } from '../../themes/room-theme.js';
import type { Registration, RegistrationService } from '../../webinars/registration-service.js';
import { CANCELLATION_PAGE_PATH, REGISTRATION_PAGE_PATH, type WebinarLinks } from '../../webinars/webinar-links.js';
import type { Services } from '../../services.js';
import { sendServerPage, type PageBranding } from '../server-page.js';
import { cancellationPage, cancelledPage, notFoundPage, questionField, registeredPage, registrationPage, type FormValues } from './webinar-registration-page.js';

/** A registration form is a few short fields. */
const FORM_BODY_LIMIT = 64 * 1024;
const NAME_MAX = 64;
const EMAIL = /^[^\s@]{1,200}@[^\s@]+\.[^\s@]+$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const PAGE_SCHEMA = { hide: true };

export interface RegistrationPageRoutesDeps {
  services: Pick<Services, 'themes' | 'applications' | 'config'>;
  registration: RegistrationService;
  links: WebinarLinks;
}

/**
 * The hosted registration pages (a session's `registrationPageUri`): public, no token. The form
 * registers the person and shows their personal join link and cancellation link; the cancellation
 * link's page cancels only when its button is pressed, never on opening the link. The pages wear the
 * theme of the session's room.
 */
export async function webinarRegistrationPageRoutes(app: FastifyInstance, deps: RegistrationPageRoutesDeps): Promise<void> {
  const { registration, links, services } = deps;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    const form: FormValues = {};
    for (const [name, value] of new URLSearchParams(String(body))) (form[name] ??= []).push(value);
    done(null, form);
  });

  const brandingOf = async (found: Registration): Promise<PageBranding | undefined> => {
    const theme = await themeOfRoom(services, found.view.room);
    if (!theme) return undefined;
    const publicUrl = services.config.publicUrl;
    return { accent: theme.mainColor, brandText: theme.brandText, logoUrl: logoUrl(publicUrl, theme.logos.colored), faviconUrl: logoUrl(publicUrl, theme.logos.favicon) };
  };
  const send = (reply: FastifyReply, status: number, html: string) => sendServerPage(reply, status, html, { images: 'self' });
  const registrationPath = (sessionId: string) => `${REGISTRATION_PAGE_PATH}/${encodeURIComponent(sessionId)}`;

  app.get<{ Params: { sessionId: string } }>(`${REGISTRATION_PAGE_PATH}/:sessionId`, { schema: PAGE_SCHEMA }, async (request, reply) => {
    const found = await registration.findPublic(request.params.sessionId);
    if (!found) return send(reply, 404, notFoundPage('There is no webinar session at this address.'));
    return send(reply, 200, registrationPage(found, registrationPath(found.view.session.id), await brandingOf(found)));
  });

  app.post<{ Params: { sessionId: string } }>(`${REGISTRATION_PAGE_PATH}/:sessionId`, { schema: PAGE_SCHEMA }, async (request, reply) => {
    const found = await registration.findPublic(request.params.sessionId);
    if (!found) return send(reply, 404, notFoundPage('There is no webinar session at this address.'));
    const branding = await brandingOf(found);
    const values = formValuesOf(request);
    const refuse = async (status: number, error: string) => {
      // Shown with what is true now: registration may have closed meanwhile.
      const now = (await registration.findPublic(found.view.session.id)) ?? found;
      return send(reply, status, registrationPage(now, registrationPath(found.view.session.id), branding, { values, error }));
    };
    const field = (name: string) => (values[name]?.[0] ?? '').trim();
    const person = { firstName: field('firstName'), lastName: field('lastName'), email: field('email') };
    if (person.firstName === '' || person.lastName === '') return refuse(400, 'Enter your first and last name.');
    if (person.firstName.length > NAME_MAX || person.lastName.length > NAME_MAX) return refuse(400, `Names are at most ${NAME_MAX} characters.`);
    if (!EMAIL.test(person.email)) return refuse(400, 'Enter a valid email address.');
    const unanswered = found.questions.find((q) => q.required && !(values[questionField(q)] ?? []).some((v) => v.trim() !== ''));
    if (unanswered) return refuse(400, `Please answer “${unanswered.questionText}”.`);
    try {
      const registrant = await registration.registerPublic(found, {
        ...person,
        questionnaire: answersOf(found, values),
        ...(IPV4.test(request.ip) ? { ipAddress: request.ip } : {}),
      });
      const joinUri = await links.registrantJoinUri(found.view.room, registrant);
      return send(reply, 200, registeredPage(found, registrant, { joinUri, cancellationUri: links.registrantCancellationUri(registrant) }, branding));
    } catch (error) {
      if (error instanceof ParleyError && error.status < 500) return refuse(error.status, error.code === 'conflict' ? 'This email address is registered for this session already.' : error.message);
      throw error;
    }
  });

  app.get<{ Params: { token: string } }>(`${CANCELLATION_PAGE_PATH}/:token`, { schema: PAGE_SCHEMA }, async (request, reply) => {
    const found = await registration.findByCancellationToken(request.params.token);
    if (!found) return send(reply, 404, notFoundPage('This registration does not exist or was already cancelled.'));
    return send(reply, 200, cancellationPage(found.registration, found.registrant, request.url.split('?')[0] as string, await brandingOf(found.registration)));
  });

  app.post<{ Params: { token: string } }>(`${CANCELLATION_PAGE_PATH}/:token`, { schema: PAGE_SCHEMA }, async (request, reply) => {
    const found = await registration.findByCancellationToken(request.params.token);
    if (!found) return send(reply, 404, notFoundPage('This registration does not exist or was already cancelled.'));
    const branding = await brandingOf(found.registration);
    try {
      await registration.cancelByToken(request.params.token);
    } catch (error) {
      if (error instanceof ParleyError && error.code === 'forbidden') {
        return send(reply, 403, cancellationPage(found.registration, found.registrant, request.url.split('?')[0] as string, branding, error.message));
      }
      if (error instanceof ParleyError && error.code === 'not_found') return send(reply, 404, notFoundPage(error.message));
      throw error;
    }
    const after = (await registration.findPublic(found.registration.view.session.id)) ?? found.registration;
    return send(reply, 200, cancelledPage(after, links.registrationPageUri(after.view.session.id), branding));
  });
}

function formValuesOf(request: FastifyRequest): FormValues {
  return typeof request.body === 'object' && request.body !== null ? (request.body as FormValues) : {};
}

/** The form's answers to the session's questions, as RingCentral's `questionnaire`; blank ones are left out. */
function answersOf(registration: Registration, values: FormValues): QuestionnaireAnswer[] {
  const answers: QuestionnaireAnswer[] = [];
  for (const question of registration.questions) {
    const given = (values[questionField(question)] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) continue;
    answers.push(question.type === 'Text' ? { questionId: question.questionId, answerText: given.join(' ') } : { questionId: question.questionId, answerIds: given });
  }
  return answers;
}
