import type { AuthorizationRequest } from '../../identity/authorization-requests.js';
import type { OAuthScope } from '../../identity/oauth-scopes.js';
import { escapeHtml, serverPage } from '../server-page.js';

/** What each scope lets the application do, in the words the consent page uses. */
const SCOPE_DESCRIPTIONS: Record<OAuthScope, string> = {
  Video: 'Create, change and delete your video meeting bridges, and read your meeting history and recordings',
  ReadWebinars: 'See your webinars and their registrants',
  EditWebinars: 'Create and change your webinars',
};

/**
 * The consent page of the authorization-code flow, rendered by the server: sign in (email and password)
 * and allow or deny the application. It is in English, like the server's other pages (the API docs);
 * the meeting page is the translated one. The look is the meeting page's light surface, and it needs
 * no script. Allow comes first: Enter in a field submits the form's first button.
 */
export function consentPage(request: AuthorizationRequest, options: { email?: string; error?: string } = {}): string {
  const hidden = Object.entries(forwardedParams(request))
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n        ');
  const scopes = request.scopes.map((scope) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[scope])}</li>`).join('');
  const email = options.email ?? request.loginHint ?? '';
  const error = options.error ? `<p class="error" role="alert" id="error">${escapeHtml(options.error)}</p>` : '';
  const describedBy = options.error ? ' aria-describedby="error" aria-invalid="true"' : '';
  return serverPage(
    `Allow ${request.clientName}`,
    `<h1>Allow <strong>${escapeHtml(request.clientName)}</strong> to use your Parley account?</h1>
      <p class="muted">It will be able to:</p>
      <ul class="scopes">${scopes}</ul>
      <form method="post" action="/restapi/oauth/authorize">
        ${hidden}
        ${error}
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${email === '' ? ' autofocus' : ''}>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${email === '' ? '' : ' autofocus'}>
        <div class="actions">
          <button type="submit" name="decision" value="allow" class="primary">Sign in and allow</button>
          <button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Deny</button>
        </div>
      </form>
      <p class="muted small">You will be sent back to ${escapeHtml(new URL(request.redirectUri).host)}.</p>`,
  );
}

/** Why an authorization request cannot go on, when the client is not to be sent the answer. */
export function authorizationErrorPage(message: string): string {
  return serverPage('Cannot sign in', `<h1>This sign-in link does not work</h1>\n      <p class="error" role="alert">${escapeHtml(message)}</p>\n      <p class="muted">Go back to the application and try again, or ask its developer.</p>`);
}

/** The authorization request's parameters, for the form to send back with the user's answer. */
function forwardedParams(request: AuthorizationRequest): Record<string, string> {
  const params: Record<string, string> = {
    client_id: request.client.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
  };
  if (request.state !== undefined) params.state = request.state;
  if (request.codeChallenge) {
    params.code_challenge = request.codeChallenge.value;
    params.code_challenge_method = request.codeChallenge.method;
  }
  return params;
}
