import { createDecoder, createVerifier, TokenError } from 'fast-jwt';
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

type VerifySignature = (token: string) => Record<string, unknown>;

/**
 * Signature verifiers by application, built once per public key: parsing the PEM key costs more than
 * the RSA verification itself. Bounded, so a deployment with many applications keeps only the recently
 * used ones.
 */
const verifiers = new Map<string, { publicKey: string; verify: VerifySignature }>();
const MAX_CACHED_VERIFIERS = 1000;

/**
 * Tokens whose signature was verified, with their claims and the key that verified them. A client that
 * reuses its token (most do, for its lifetime) pays the RSA verification and the decoding once; its
 * time claims are still checked on every call, and a rotated key never accepts a token the old one
 * verified.
 */
const verifiedTokens = new Map<string, { applicationId: string; publicKey: string; claims: Record<string, unknown> }>();
const MAX_VERIFIED_TOKENS = 2_000;

function signatureVerifierOf(application: Application): VerifySignature {
  const cached = verifiers.get(application.id);
  if (cached?.publicKey === application.publicKey) return cached.verify;
  const verify = createVerifier({
    key: application.publicKey,
    algorithms: ['RS256'],
    // Time claims are checked on every call against the injected clock (checkClaims), not here.
    ignoreExpiration: true,
    ignoreNotBefore: true,
  });
  verifiers.delete(application.id);
  if (verifiers.size >= MAX_CACHED_VERIFIERS) verifiers.delete(verifiers.keys().next().value as string);
  verifiers.set(application.id, { publicKey: application.publicKey, verify });
  return verify;
}

const decodePayload = createDecoder();

export async function verifyApplicationToken(deps: ApplicationTokenDeps, authorization: string | undefined): Promise<Application> {
  const token = bearerToken(authorization);
  const verified = verifiedTokens.get(token);
  if (verified) {
    const application = await deps.applications.findApplication(verified.applicationId);
    if (application?.publicKey === verified.publicKey) {
      checkClaims(verified.claims, deps.clock.now());
      return application;
    }
    verifiedTokens.delete(token);
  }
  const applicationId = claimedApplicationId(token);
  const application = await deps.applications.findApplication(applicationId);
  if (!application) throw ParleyError.unauthorized(BAD_CREDENTIALS);
  let claims: Record<string, unknown>;
  try {
    claims = signatureVerifierOf(application)(token);
  } catch (error) {
    throw refusal(error);
  }
  checkClaims(claims, deps.clock.now());
  if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) verifiedTokens.delete(verifiedTokens.keys().next().value as string);
  verifiedTokens.set(token, { applicationId, publicKey: application.publicKey, claims });
  return application;
}

function checkClaims(claims: Record<string, unknown>, now: Date): void {
  if (typeof claims.iat !== 'number') throw ParleyError.unauthorized('The token\'s "iat" claim is missing or invalid');
  if (typeof claims.jti !== 'string' || claims.jti === '') throw ParleyError.unauthorized('The token\'s "jti" claim is missing or invalid');
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== 'number') throw ParleyError.unauthorized('The token\'s "exp" claim is missing or invalid');
    if (claims.exp * 1000 <= now.getTime()) throw ParleyError.unauthorized('The token has expired');
  }
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now.getTime()) throw ParleyError.unauthorized('The token is not valid yet');
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
    claims = decodePayload(token) as Record<string, unknown>;
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw new TypeError('not an object');
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
  if (!(error instanceof TokenError)) throw error;
  if (error.code === TokenError.codes.invalidAlgorithm || error.code === TokenError.codes.missingSignature) {
    return ParleyError.unauthorized('The token must be signed with RS256');
  }
  if (error.code === TokenError.codes.invalidSignature) return ParleyError.unauthorized(BAD_CREDENTIALS);
  return ParleyError.unauthorized('The token is not a valid JWT');
}
