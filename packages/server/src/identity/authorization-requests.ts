import type { PasswordAttempts } from '../rooms/password-attempts.js';
import type { ApplicationsRepository } from '../store/applications-repository.js';
import type { OAuthClient, OAuthClientsRepository } from '../store/oauth-clients-repository.js';
import { PKCE_VALUE, type AuthorizationCodes, type CodeChallengeMethod } from './authorization-codes.js';
import { OAuthError } from './oauth-error.js';
import { requestedScopes, type OAuthScope } from './oauth-scopes.js';
import type { User } from '../store/users-repository.js';
import { signIn } from './sign-in.js';
import type { UserService } from './users.js';

/** The query (or form) of `GET|POST /restapi/oauth/authorize`, as sent. */
export type AuthorizationParams = Readonly<Partial<Record<string, string>>>;

/** An authorization request that names a real client and one of its redirect URIs: the consent page may be shown. */
export interface AuthorizationRequest {
  client: OAuthClient;
  /** The application's name, which the consent page shows. */
  clientName: string;
  redirectUri: string;
  scopes: OAuthScope[];
  state: string | undefined;
  codeChallenge: { value: string; method: CodeChallengeMethod } | undefined;
  loginHint: string | undefined;
}

/**
 * Why a request cannot go on. With `redirectUri`, the refusal goes back to the client (RFC 6749
 * §4.1.2.1); without, the client or its redirect URI is not to be trusted, and the user is told on the
 * page instead.
 */
export class AuthorizationRefusal extends Error {
  override name = 'AuthorizationRefusal';
  constructor(
    readonly error: OAuthError,
    readonly redirectUri?: string,
    readonly state?: string,
  ) {
    super(error.description);
  }
}

export type ConsentOutcome = { redirect: string } | { signInFailed: string };

interface Dependencies {
  oauthClients: Pick<OAuthClientsRepository, 'findByClientId'>;
  applications: Pick<ApplicationsRepository, 'findApplication'>;
  userService: Pick<UserService, 'verifyLogin'>;
  authorizationCodes: Pick<AuthorizationCodes, 'issue'>;
  loginAttempts: PasswordAttempts;
}

/**
 * The authorization endpoint's rules: which requests may show the consent page, and what the user's
 * answer sends back to the client. Parley keeps no sign-in session in the browser, so every consent is
 * given with the user's email and password, and `prompt=none` always fails with `login_required`.
 */
export class AuthorizationRequests {
  constructor(private readonly deps: Dependencies) {}

  async check(params: AuthorizationParams): Promise<AuthorizationRequest> {
    const clientId = params.client_id;
    if (!clientId) throw new AuthorizationRefusal(OAuthError.invalidParameter('client_id', 'Parameter [client_id] is required'));
    const client = await this.deps.oauthClients.findByClientId(clientId);
    if (!client) throw new AuthorizationRefusal(OAuthError.invalidClient(`Invalid client: ${clientId}`));
    const redirectUri = this.redirectUriOf(client, params.redirect_uri);
    const state = params.state;
    const refuse = (error: OAuthError) => new AuthorizationRefusal(error, redirectUri, state);
    if (params.response_type !== 'code') {
      throw refuse(new OAuthError('unsupported_response_type', 'Parameter [response_type] must be "code"', 'OAU-101', 'response_type'));
    }
    if (params.prompt?.split(' ').includes('none')) {
      throw refuse(new OAuthError('login_required', 'The user must sign in: Parley keeps no sign-in session', 'OAU-101', 'prompt'));
    }
    let scopes: OAuthScope[];
    try {
      scopes = requestedScopes(params.scope);
    } catch (error) {
      throw error instanceof OAuthError ? refuse(error) : error;
    }
    const application = await this.deps.applications.findApplication(client.applicationId);
    return {
      client,
      clientName: application?.name ?? client.clientId,
      redirectUri,
      scopes,
      state,
      codeChallenge: codeChallengeOf(params, refuse),
      loginHint: params.login_hint,
    };
  }

  /**
   * The user's answer on the consent page: a denial goes back as `access_denied`; an approval needs the
   * user's credentials, and a user of the client's own account, and sends a code back.
   */
  async decide(request: AuthorizationRequest, answer: { approve: boolean; email: string; password: string; address: string }): Promise<ConsentOutcome> {
    if (!answer.approve) return { redirect: redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: request.state }) };
    let user: User | undefined;
    try {
      user = await signIn(this.deps, answer.email, answer.password, answer.address);
    } catch (error) {
      if (error instanceof OAuthError) return { signInFailed: 'Too many failed sign-ins. Wait a minute and try again.' };
      throw error;
    }
    if (!user || user.accountId !== request.client.accountId) return { signInFailed: 'That email and password do not match an account this application may use.' };
    const code = await this.deps.authorizationCodes.issue({
      applicationId: request.client.applicationId,
      userId: user.id,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
    });
    return { redirect: redirectWith(request.redirectUri, { code, state: request.state }) };
  }

  /** The registered URI named, or the only one registered when none is named. */
  private redirectUriOf(client: OAuthClient, named: string | undefined): string {
    if (client.redirectUris.length === 0) {
      throw new AuthorizationRefusal(new OAuthError('unauthorized_client', 'No redirect uri is registered for the client', 'OAU-113'));
    }
    if (named === undefined || named === '') {
      if (client.redirectUris.length === 1) return client.redirectUris[0] as string;
      throw new AuthorizationRefusal(OAuthError.invalidParameter('redirect_uri', 'Parameter [redirect_uri] is required: the client has several registered'));
    }
    if (!client.redirectUris.includes(named)) throw new AuthorizationRefusal(new OAuthError('invalid_request', 'Redirect URIs do not match', 'OAU-109', 'redirect_uri'));
    return named;
  }
}

function codeChallengeOf(params: AuthorizationParams, refuse: (error: OAuthError) => AuthorizationRefusal): AuthorizationRequest['codeChallenge'] {
  const value = params.code_challenge;
  const method = params.code_challenge_method;
  if (value === undefined || value === '') {
    if (method !== undefined && method !== '') throw refuse(OAuthError.invalidParameter('code_challenge', 'Parameter [code_challenge] is required with [code_challenge_method]'));
    return undefined;
  }
  // RFC 7636 §4.3: plain unless said otherwise.
  const chosen = method === undefined || method === '' ? 'plain' : method;
  if (chosen !== 'plain' && chosen !== 'S256') throw refuse(OAuthError.invalidParameter('code_challenge_method', 'Parameter [code_challenge_method] must be "plain" or "S256"'));
  const valid = chosen === 'S256' ? /^[A-Za-z0-9_-]{43}$/.test(value) : PKCE_VALUE.test(value);
  if (!valid) throw refuse(OAuthError.invalidParameter('code_challenge'));
  return { value, method: chosen };
}

/** The client's redirect URI with the answer added to its query (keeping the query it already has). */
export function redirectWith(redirectUri: string, answer: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(answer)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
