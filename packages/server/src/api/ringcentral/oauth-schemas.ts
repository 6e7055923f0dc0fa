import Type from 'typebox';

const field = (maxLength: number, description: string) => Type.Optional(Type.String({ maxLength, description }));

/** The client fields both OAuth endpoints take in their form (spec §5.2). */
const CLIENT_FIELDS = {
  client_id: field(128, 'The client id, when the client does not authenticate with HTTP Basic (a public client, or the secret in the form).'),
  client_secret: field(256, 'The client secret, when not sent with HTTP Basic.'),
  client_assertion_type: field(128, 'Not supported: authenticate with the client secret.'),
  client_assertion: field(8192, 'Not supported: authenticate with the client secret.'),
};

/** `POST /restapi/oauth/token`, `PublicGetTokenRequest` plus the password grant `@ringcentral/sdk` still sends. */
export const TokenRequestForm = Type.Object(
  {
    grant_type: field(128, '`urn:ietf:params:oauth:grant-type:jwt-bearer`, `password`, `authorization_code` or `refresh_token`.'),
    assertion: field(8192, 'JWT bearer grant: the user\'s JWT credential (`parley users jwt`).'),
    username: field(320, 'Password grant: the user\'s email, optionally followed by `*` and their extension number.'),
    password: field(1024, 'Password grant: the user\'s password.'),
    code: field(256, 'Authorization-code grant: the code sent to the redirect URI.'),
    redirect_uri: field(2000, 'Authorization-code grant: the redirect URI the code was sent to.'),
    code_verifier: field(128, 'Authorization-code grant with PKCE: the verifier of the code challenge.'),
    refresh_token: field(256, 'Refresh grant: the refresh token.'),
    scope: field(512, 'Space-separated scopes (`Video ReadWebinars EditWebinars`); all of them by default.'),
    endpoint_id: field(128, 'The client instance; generated when absent.'),
    access_token_ttl: field(32, 'Seconds, 600 to 3600 (default 3600); out of range is clamped, not a number is ignored.'),
    refresh_token_ttl: field(32, 'Seconds, up to 2592000 (default 604800); out of range is clamped, not a number is ignored.'),
    ...CLIENT_FIELDS,
  },
  { additionalProperties: true },
);

export const RevokeRequestForm = Type.Object(
  { token: field(256, 'The access or refresh token whose session ends.'), ...CLIENT_FIELDS },
  { additionalProperties: true },
);

export const RevokeQuery = Type.Object({ token: field(256, 'The token, when not in the form (discouraged: URLs get logged).') });

/** `TokenInfo` (spec §5.4). */
export const TokenInfo = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  refresh_token: Type.String(),
  refresh_token_expires_in: Type.Integer(),
  scope: Type.String(),
  owner_id: Type.String({ description: 'The user (extension) the tokens act for; `~` in paths means this user and their account.' }),
  endpoint_id: Type.String(),
  session_id: Type.String(),
});

export const OAuthErrorSchema = Type.Object({
  error: Type.String(),
  error_description: Type.String(),
  errors: Type.Array(Type.Object({ errorCode: Type.String(), message: Type.String(), parameterName: Type.Optional(Type.String()) })),
});

/** The authorization request (`AuthorizeRequest`), as a query or a form. */
export const AuthorizeParams = Type.Object(
  {
    client_id: field(128, 'The client id.'),
    response_type: field(32, 'Only `code`.'),
    redirect_uri: field(2000, 'One of the client\'s registered redirect URIs; may be left out when it has exactly one.'),
    state: field(2000, 'Sent back unchanged with the code.'),
    scope: field(512, 'Space-separated scopes; all of them by default.'),
    display: field(32, 'Ignored: the page adapts to the screen.'),
    prompt: field(64, '`none` fails with `login_required`: Parley keeps no sign-in session.'),
    ui_locales: field(128, 'Ignored: the page is in English.'),
    code_challenge: field(128, 'PKCE (RFC 7636) challenge.'),
    code_challenge_method: field(16, '`plain` (default) or `S256`.'),
    nonce: field(256, 'Ignored.'),
    login_hint: field(320, 'Fills the email field.'),
    brand_id: field(32, 'Ignored.'),
    // The consent page's own fields, when it posts the user's answer back.
    decision: field(16, 'The consent page\'s answer: `allow` or `deny`.'),
    email: field(320, 'The consent page\'s sign-in: the user\'s email.'),
    password: field(1024, 'The consent page\'s sign-in: the user\'s password.'),
  },
  { additionalProperties: true },
);
