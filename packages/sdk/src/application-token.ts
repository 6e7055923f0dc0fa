import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface ApplicationTokenOptions {
  applicationId: string;
  /** The application's private key: PEM text (PKCS#8 or PKCS#1) or a key object. */
  privateKey: string | KeyObject;
  /** Lifetime in seconds; 900 (15 minutes) like Vonage's SDKs. */
  ttlSeconds?: number;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 900;

/** Accepts what people have at hand: a PEM string, possibly with `\n` escapes from an env file. */
export function privateKeyOf(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key;
  try {
    return createPrivateKey(key.includes('\\n') ? key.replace(/\\n/g, '\n') : key);
  } catch (error) {
    // OpenSSL's own words ("DECODER routines::unsupported") do not say which input was wrong.
    throw new TypeError(`The application's private key is not a PEM private key (PKCS#8 or PKCS#1): ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The Bearer token of one API call, as Vonage's SDKs made it: RS256 over `application_id`, `iat`,
 * `jti` and `exp`.
 */
export async function mintApplicationToken(options: ApplicationTokenOptions): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ application_id: options.applicationId })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setJti(randomUUID())
    .setExpirationTime(iat + (options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS))
    .sign(privateKeyOf(options.privateKey));
}
