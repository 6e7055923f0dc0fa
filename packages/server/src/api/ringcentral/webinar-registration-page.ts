import type { RegistrationQuestion } from '../../webinars/registration-settings.js';
import { registrationRefusal, type Registration } from '../../webinars/registration-service.js';
import { sessionStartText, sessionTitleOf } from '../../webinars/webinar.js';
import { escapeHtml, serverPage, type PageBranding } from '../server-page.js';

/** What the person typed, to fill the form again when it is refused. */
export type FormValues = Record<string, string[]>;

/** The name of a question's field in the form. */
export function questionField(question: Pick<RegistrationQuestion, 'questionId'>): string {
  return `q.${question.questionId}`;
}

/**
 * The session's registration page: when it is, what it is about, and the form (name, email, the
 * session's questions), or why it takes no registrations now. Everything shown is escaped.
 */
export function registrationPage(registration: Registration, action: string, branding: PageBranding | undefined, options: { values?: FormValues; error?: string } = {}): string {
  const { view } = registration;
  const title = sessionTitleOf(view);
  const refusal = registrationRefusal(registration);
  const intro = sessionIntro(registration);
  if (refusal) return serverPage(title, `${intro}\n      <p class="error" role="status">${escapeHtml(refusal)}</p>`, branding);
  const values = options.values ?? {};
  const value = (name: string) => escapeHtml(values[name]?.[0] ?? '');
  const error = options.error ? `<p class="error" role="alert" id="error">${escapeHtml(options.error)}</p>` : '';
  const questions = registration.questions.map((question, index) => questionInput(question, index, values)).join('\n        ');
  return serverPage(
    title,
    `${intro}
      <form method="post" action="${escapeHtml(action)}" aria-describedby="${options.error ? 'error' : 'intro'}">
        ${error}
        <label for="firstName">First name <span class="required" aria-hidden="true">*</span></label>
        <input id="firstName" name="firstName" type="text" autocomplete="given-name" required maxlength="64" value="${value('firstName')}">
        <label for="lastName">Last name <span class="required" aria-hidden="true">*</span></label>
        <input id="lastName" name="lastName" type="text" autocomplete="family-name" required maxlength="64" value="${value('lastName')}">
        <label for="email">Email <span class="required" aria-hidden="true">*</span></label>
        <input id="email" name="email" type="email" autocomplete="email" required maxlength="256" value="${value('email')}">
        ${questions}
        <div class="actions">
          <button type="submit" class="primary">Register</button>
        </div>
      </form>`,
    branding,
  );
}

/** The page after registering: the personal join link and the cancellation link. */
export function registeredPage(registration: Registration, person: { firstName: string; email: string }, links: { joinUri: string; cancellationUri: string }, branding: PageBranding | undefined): string {
  const title = sessionTitleOf(registration.view);
  return serverPage(
    `Registered: ${title}`,
    `<p class="success" role="status">You are registered, ${escapeHtml(person.firstName)}.</p>
      ${sessionIntro(registration)}
      <p>This link is yours alone: it lets you in as ${escapeHtml(person.email)}. Keep it to join when the webinar starts.</p>
      <p class="link" id="join-link">${escapeHtml(links.joinUri)}</p>
      <div class="actions">
        <a class="button primary" href="${escapeHtml(links.joinUri)}" aria-describedby="join-link">Join the webinar</a>
        <a class="button secondary" href="${escapeHtml(links.cancellationUri)}">Cancel registration</a>
      </div>
      <p class="muted small">Can't make it? Cancel with the link above, so your seat goes to someone else.</p>`,
    branding,
  );
}

/** The cancellation link's page: asks before cancelling, since a link may be opened by a mail scanner. */
export function cancellationPage(registration: Registration, person: { firstName: string; lastName: string; email: string }, action: string, branding: PageBranding | undefined, error?: string): string {
  const title = sessionTitleOf(registration.view);
  const refusal = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return serverPage(
    `Cancel registration: ${title}`,
    `<h1>Cancel your registration?</h1>
      ${sessionIntro(registration, 'h2')}
      <p>${escapeHtml(`${person.firstName} ${person.lastName}`)} (${escapeHtml(person.email)}) will no longer be registered for this session.</p>
      ${refusal}
      <form method="post" action="${escapeHtml(action)}">
        <div class="actions">
          <button type="submit" class="danger">Cancel my registration</button>
        </div>
      </form>`,
    branding,
  );
}

/** After cancelling. */
export function cancelledPage(registration: Registration, registrationPageUri: string, branding: PageBranding | undefined): string {
  const title = sessionTitleOf(registration.view);
  return serverPage(
    `Registration cancelled: ${title}`,
    `<p class="success" role="status">Your registration is cancelled.</p>
      ${sessionIntro(registration, 'h2')}
      <p class="muted">Changed your mind? <a href="${escapeHtml(registrationPageUri)}">Register again</a> while registration is open.</p>`,
    branding,
  );
}

/** A page for a link that leads nowhere (no such session, a cancelled registration). */
export function notFoundPage(message: string): string {
  return serverPage('Not found', `<h1>This link does not work</h1>\n      <p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/** The session's title, when it starts in its own time zone, and how long it lasts. */
function sessionIntro(registration: Registration, heading: 'h1' | 'h2' = 'h1'): string {
  const { session, webinar } = registration.view;
  const when = sessionStartText(session);
  const minutes = Math.round(session.scheduledDuration / 60);
  const description = session.description || webinar.description;
  return `<${heading} id="intro">${escapeHtml(sessionTitleOf(registration.view))}</${heading}>
      <p class="when">${escapeHtml(when)}</p>
      <p class="muted">${minutes} minutes${description ? ` · ${escapeHtml(description)}` : ''}</p>`;
}

/** One question as form fields: a text box, radio buttons or checkboxes, marked required where it is. */
function questionInput(question: RegistrationQuestion, index: number, values: FormValues): string {
  const name = questionField(question);
  const id = `question-${index}`;
  const mark = question.required ? ' <span class="required" aria-hidden="true">*</span>' : '';
  if (question.type === 'Text') {
    return `<label for="${id}">${escapeHtml(question.questionText)}${mark}</label>
        <input id="${id}" name="${escapeHtml(name)}" type="text" maxlength="4096"${question.required ? ' required' : ''} value="${escapeHtml(values[name]?.[0] ?? '')}">`;
  }
  const type = question.type === 'SingleChoice' ? 'radio' : 'checkbox';
  const chosen = new Set(values[name] ?? []);
  // A required single choice can be required by the browser; a required set of checkboxes is checked by the server.
  const required = question.required && type === 'radio' ? ' required' : '';
  const options = (question.answers ?? [])
    .map(
      (answer, answerIndex) =>
        `<label><input type="${type}" name="${escapeHtml(name)}" value="${escapeHtml(answer.answerId)}" id="${id}-${answerIndex}"${required}${chosen.has(answer.answerId) ? ' checked' : ''}> ${escapeHtml(answer.answerText)}</label>`,
    )
    .join('\n          ');
  return `<fieldset${question.required ? ' aria-required="true"' : ''}>
          <legend>${escapeHtml(question.questionText)}${mark}</legend>
          ${options}
        </fieldset>`;
}
