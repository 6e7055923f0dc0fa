import { createPublicKey } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Application, ApplicationsRepository } from '../store/applications-repository.js';

export interface ApplicationTokenDeps {
  applications: Pick<ApplicationsRepository, 'findApplication'>;
  clock: Clock;
}

/**
 * One message for "no such application" and "wrong key", so a caller cannot probe which application
 * ids exist. It is the text of Vonage's own gateway.
 */
const BAD_CREDENTIALS = 'You did not provide correct credentials';

/**
 * Verifies the `Authorization` header of a Vonage-style API call: a Bearer RS256 JWT signed with an
 * application's private key, naming it in `application_id`. Returns the application it proves to be.
 *
 * `exp` is optional because the Java SDK omits it; a JOSE header with `type` instead of `typ` (also
 * Java) passes because only `alg` is checked. Every refusal is a `ParleyError` with code
 * `unauthorized`.
 */
export async function verifyApplicationToken(deps: ApplicationTokenDeps, authorization: string | undefined): Promise<Application> {
  const token = bearerToken(authorization);
  const applicationId = claimedApplicationId(token);
  const application = await deps.applications.findApplication(applicationId);
  if (!application) throw ParleyError.unauthorized(BAD_CREDENTIALS);
  try {
    await jwtVerify(token, createPublicKey(application.publicKey), {
      algorithms: ['RS256'],
      requiredClaims: ['iat', 'jti'],
      currentDate: deps.clock.now(),
    });
  } catch (error) {
    throw refusal(error);
  }
  return application;
}

function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') throw ParleyError.unauthorized('Auth header is required');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match?.[1]) throw ParleyError.unauthorized('Auth header must be "Bearer <JWT>"');
  return match[1];
}

/** Read before verifying: the claim says which application's key verifies the signature. */
function claimedApplicationId(token: string): string {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw ParleyError.unauthorized('The token is not a valid JWT');
  }
  const applicationId = claims.application_id;
  if (typeof applicationId !== 'string' || applicationId === '') {
    throw ParleyError.unauthorized('The token has no "application_id" claim');
  }
  return applicationId;
}

function refusal(error: unknown): ParleyError {
  if (error instanceof joseErrors.JWTExpired) return ParleyError.unauthorized('The token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return ParleyError.unauthorized(`The token's "${error.claim}" claim is missing or invalid`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return ParleyError.unauthorized('The token must be signed with RS256');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return ParleyError.unauthorized(BAD_CREDENTIALS);
  if (error instanceof joseErrors.JOSEError) return ParleyError.unauthorized('The token is not a valid JWT');
  throw error;
}
