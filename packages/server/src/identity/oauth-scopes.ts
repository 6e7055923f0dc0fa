import { OAuthError } from './oauth-error.js';

/**
 * The application permissions Parley's RingCentral APIs check (spec §2.6): every client app has them
 * all, and a token carries the ones it asked for (all, when it asked for none).
 */
export const OAUTH_SCOPES = ['Video', 'ReadWebinars', 'EditWebinars'] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** The scopes a request asks for (space-separated), or every scope; `invalid_scope` for one Parley has not. */
export function requestedScopes(scope: string | undefined): OAuthScope[] {
  const asked = (scope ?? '').split(' ').filter((s) => s !== '');
  if (asked.length === 0) return [...OAUTH_SCOPES];
  const unknown = asked.filter((s) => !(OAUTH_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new OAuthError('invalid_scope', `Parameter [scope] is invalid: unknown scope [${unknown.join(' ')}]`, 'OAU-101', 'scope');
  return OAUTH_SCOPES.filter((s) => asked.includes(s));
}
