import type { PasswordAttempts } from '../rooms/password-attempts.js';
import type { OAuthClient, OAuthClientsRepository } from '../store/oauth-clients-repository.js';
import type { User, UsersRepository } from '../store/users-repository.js';
import type { AuthorizationCodes } from './authorization-codes.js';
import { OAuthError } from './oauth-error.js';
import { requestedScopes } from './oauth-scopes.js';
import type { OAuthSessions, TokenGrant } from './oauth-sessions.js';
import { matchesDigest } from './secret-digest.js';
import { signIn } from './sign-in.js';
import type { UserJwtCredentials } from './user-jwt-credentials.js';
import type { UserService } from './users.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** A token or revoke request: its form fields, and the client credentials of its `Authorization: Basic` header. */
export interface OAuthRequest {
  form: Readonly<Record<string, string>>;
  basic: { clientId: string; clientSecret: string } | undefined;
  /** Where the request comes from: wrong passwords are counted per login and address. */
  address: string;
}

interface Dependencies {
  oauthClients: Pick<OAuthClientsRepository, 'findByClientId'>;
  users: Pick<UsersRepository, 'findById'>;
  userService: Pick<UserService, 'verifyLogin'>;
  userJwtCredentials: Pick<UserJwtCredentials, 'verify'>;
  oauthSessions: OAuthSessions;
  authorizationCodes: AuthorizationCodes;
  loginAttempts: PasswordAttempts;
}

/**
 * The token endpoint's rules (`POST /restapi/oauth/token`, `POST /restapi/oauth/revoke`): who the client
 * is, then what each grant needs. Clients authenticate with their secret (Basic header or form); a client
 * that gives only its `client_id` is treated as public, which the authorization-code grant with PKCE, the
 * refresh of a session it opened so, and revocation allow. Tokens are only issued to users of the
 * client's own account.
 */
export class TokenGrants {
  constructor(private readonly deps: Dependencies) {}

  async token(request: OAuthRequest): Promise<TokenGrant> {
    const { client, authenticated } = await this.identifyClient(request);
    const { form } = request;
    const grantType = form.grant_type;
    const lifetimes = { accessTokenTtl: form.access_token_ttl, refreshTokenTtl: form.refresh_token_ttl };
    const open = (user: User, publicClient = false) =>
      this.deps.oauthSessions.open({ applicationId: client.applicationId, user, scopes: requestedScopes(form.scope), endpointId: form.endpoint_id, publicClient, lifetimes });
    switch (grantType) {
      case JWT_BEARER_GRANT: {
        requireAuthenticated(authenticated);
        const checked = await this.deps.userJwtCredentials.verify(required(form, 'assertion'));
        if ('refused' in checked) throw OAuthError.invalidGrant(checked.refused, 'OAU-144');
        return open(await this.userOfAccount(checked.userId, client, 'The JWT credential belongs to a user of another account'));
      }
      case 'password': {
        requireAuthenticated(authenticated);
        return open(await this.passwordUser(required(form, 'username'), required(form, 'password'), client, request.address));
      }
      case 'authorization_code': {
        const redeemed = await this.deps.authorizationCodes.redeem({
          applicationId: client.applicationId,
          clientAuthenticated: authenticated,
          code: required(form, 'code'),
          redirectUri: form.redirect_uri,
          codeVerifier: form.code_verifier,
        });
        const user = await this.userOfAccount(redeemed.userId, client, 'The user of this code belongs to another account');
        const grant = await this.deps.oauthSessions.open({
          applicationId: client.applicationId,
          user,
          scopes: redeemed.scopes,
          endpointId: form.endpoint_id,
          publicClient: redeemed.publicClient,
          lifetimes,
        });
        await this.deps.authorizationCodes.attach(redeemed.codeDigest, grant.sessionId);
        return grant;
      }
      case 'refresh_token':
        return this.deps.oauthSessions.refresh(client.applicationId, authenticated, required(form, 'refresh_token'), lifetimes);
      case undefined:
      case '':
        throw OAuthError.invalidParameter('grant_type', 'Parameter [grant_type] is required');
      default:
        throw new OAuthError('unsupported_grant_type', `Unsupported grant type: [${grantType}]`, 'OAU-101', 'grant_type');
    }
  }

  /** Ends the session of `token` (access or refresh), if it is this client's; the token may also come in the query. */
  async revoke(request: OAuthRequest, queryToken: string | undefined): Promise<void> {
    const { client } = await this.identifyClient(request);
    const token = request.form.token ?? queryToken;
    if (token === undefined || token === '') throw OAuthError.invalidParameter('token', 'Parameter [token] is required');
    await this.deps.oauthSessions.revoke(client.applicationId, token);
  }

  /** The client, and whether it proved it holds its secret. */
  private async identifyClient({ form, basic }: OAuthRequest): Promise<{ client: OAuthClient; authenticated: boolean }> {
    if (form.client_assertion !== undefined || form.client_assertion_type !== undefined) {
      throw OAuthError.invalidClient('Client assertions are not supported: authenticate with the client secret (HTTP Basic)');
    }
    if (basic && form.client_id !== undefined && form.client_id !== basic.clientId) {
      throw OAuthError.invalidParameter('client_id', 'Parameter [client_id] does not match the Authorization header');
    }
    const clientId = basic?.clientId ?? form.client_id;
    const secret = basic?.clientSecret ?? form.client_secret;
    if (clientId === undefined || clientId === '') throw OAuthError.invalidClient('Client authentication is required');
    const client = await this.deps.oauthClients.findByClientId(clientId);
    // One answer for an unknown client and a wrong secret, so client ids cannot be probed.
    if (!client) throw OAuthError.invalidClient(`Invalid client: ${clientId}`);
    if (secret === undefined) return { client, authenticated: false };
    if (!matchesDigest(secret, client.secretHash)) throw OAuthError.invalidClient(`Invalid client: ${clientId}`);
    return { client, authenticated: true };
  }

  /**
   * The user of a password grant: `username` is their email, optionally followed by `*` and their
   * extension number (the form `@ringcentral/sdk` sends with `extension`).
   */
  private async passwordUser(username: string, password: string, client: OAuthClient, address: string): Promise<User> {
    const star = username.lastIndexOf('*');
    const email = star === -1 ? username : username.slice(0, star);
    const extension = star === -1 ? undefined : username.slice(star + 1);
    const user = await signIn(this.deps, email, password, address);
    if (!user || (extension !== undefined && extension !== user.extensionNumber) || user.accountId !== client.accountId) {
      throw OAuthError.invalidGrant('Invalid resource owner credentials', 'OAU-140');
    }
    return user;
  }

  private async userOfAccount(userId: string, client: OAuthClient, refusal: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw OAuthError.invalidGrant('The user no longer exists', 'OAU-140');
    if (user.accountId !== client.accountId) throw OAuthError.invalidGrant(refusal, 'OAU-140');
    return user;
  }
}

function requireAuthenticated(authenticated: boolean): void {
  if (!authenticated) throw OAuthError.invalidClient('Client authentication is required');
}

function required(form: Readonly<Record<string, string>>, name: string): string {
  const value = form[name];
  if (value === undefined || value === '') throw OAuthError.invalidParameter(name, `Parameter [${name}] is required`);
  return value;
}
