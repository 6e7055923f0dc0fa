/** RFC 6749's error codes (§4.1.2.1, §5.2), as RingCentral's token endpoint answers them in `error`. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'login_required';

/**
 * A refusal of an OAuth request: RFC 6749's `error`, the human `error_description`, and RingCentral's
 * own logical code (`OAU-…`, `errors[].errorCode`). The OAuth façade renders it; the HTTP status is its
 * business (401 for a client that failed to authenticate, 400 otherwise).
 */
export class OAuthError extends Error {
  override name = 'OAuthError';
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly errorCode: string,
    readonly parameterName?: string,
    /** Only where the refusal is not the client's fault or the request's (rate limits). */
    readonly status?: number,
  ) {
    super(description);
  }

  /** Too many wrong passwords from one address for one login. */
  static rateLimited(retryAfterSeconds: number): OAuthError {
    return new OAuthError('invalid_request', `Request rate exceeded: too many failed sign-ins, try again in ${retryAfterSeconds} seconds`, 'CMN-301', undefined, 429);
  }

  static invalidParameter(parameterName: string, description = `Parameter [${parameterName}] is invalid`): OAuthError {
    return new OAuthError('invalid_request', description, 'OAU-101', parameterName);
  }
  static invalidClient(description: string): OAuthError {
    return new OAuthError('invalid_client', description, 'OAU-153');
  }
  static invalidGrant(description: string, errorCode: string): OAuthError {
    return new OAuthError('invalid_grant', description, errorCode);
  }
  static unauthorizedClient(grantType: string): OAuthError {
    return new OAuthError('unauthorized_client', `The client is unauthorized for the required grant type: [${grantType}]`, 'OAU-112');
  }
}
