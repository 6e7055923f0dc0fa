import type { AuthorizationRequest } from '../../identity/authorization-requests.js';
import type { OAuthScope } from '../../identity/oauth-scopes.js';
import { PARLEY_MARK } from '../parley-mark.js';

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
  return page(
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
  return page('Cannot sign in', `<h1>This sign-in link does not work</h1>\n      <p class="error" role="alert">${escapeHtml(message)}</p>\n      <p class="muted">Go back to the application and try again, or ask its developer.</p>`);
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

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)} · Parley</title>
    <link rel="icon" href="data:image/svg+xml,${encodeURIComponent(PARLEY_MARK)}">
    <style>${STYLE}</style>
  </head>
  <body>
    <main>
      <div class="brand" aria-hidden="true">${PARLEY_MARK}<span>Parley</span></div>
      ${main}
    </main>
  </body>
</html>
`;
}

/** The meeting page's light surface (packages/web/src/features/base/ui/base.css), in a few rules. */
const STYLE = `
:root { --accent: #4f7cff; --accent-hover: #6b91ff; --bg: #f4f5f8; --surface: #fff; --border: #d9dee7; --text: #161a23;
  --text-muted: #5b6476; --danger-text: #c42b31; --radius: 12px; --focus-ring: 0 0 0 3px var(--bg), 0 0 0 5px var(--accent); color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 16px; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: 100%; max-width: 420px; background: var(--surface); border: 1px solid var(--border); border-radius: 20px; padding: 28px 24px;
  box-shadow: 0 16px 48px rgb(22 26 35 / 0.12); }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 20px; margin-bottom: 20px; }
.brand svg { width: 32px; height: 32px; }
h1 { font-size: 20px; line-height: 1.35; margin: 0 0 12px; font-weight: 600; }
.muted { color: var(--text-muted); margin: 0 0 8px; }
.small { font-size: 14px; margin-top: 16px; }
.scopes { margin: 0 0 20px; padding-left: 20px; }
.scopes li { margin: 4px 0; }
label { display: block; font-weight: 600; font-size: 14px; margin: 14px 0 6px; }
input[type=email], input[type=password] { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid var(--border); border-radius: var(--radius);
  background: var(--surface); color: var(--text); }
input:focus-visible, button:focus-visible { outline: none; box-shadow: var(--focus-ring); border-color: var(--accent); }
.actions { display: flex; gap: 12px; margin-top: 22px; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; padding: 10px 18px; border-radius: var(--radius); cursor: pointer; border: 1px solid transparent; }
.primary { background: var(--accent); color: #fff; }
.primary:hover { background: var(--accent-hover); }
.secondary { background: transparent; color: var(--text); border-color: var(--border); }
.secondary:hover { background: var(--bg); }
.error { color: var(--danger-text); font-weight: 600; margin: 12px 0 0; }
@media (max-width: 400px) { .actions button { flex: 1 1 100%; } main { padding: 22px 16px; } }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
