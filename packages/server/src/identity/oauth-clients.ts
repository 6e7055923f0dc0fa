import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ParleyError } from '../errors.js';
import type { Store } from '../store/database.js';
import { OAuthClientsRepository } from '../store/oauth-clients-repository.js';
import type { Database } from '../store/schema.js';
import { randomSecret, secretDigest } from './secret-digest.js';

export interface ClientCredentials {
  clientId: string;
  /** Shown once: only its digest is kept. */
  clientSecret: string;
  redirectUris: string[];
}

/**
 * Gives an application RingCentral client-app credentials (`client_id`, `client_secret`) and the
 * redirect URIs its authorization-code flow may use, replacing any it had: the old secret stops
 * working at once, and so does the old client id.
 */
export async function issueClientCredentials(deps: { store: Store }, applicationId: string, redirectUris: readonly string[] = []): Promise<ClientCredentials> {
  const credentials = newClientCredentials(redirectUris);
  if (!(await storeClientCredentials(deps.store.db, applicationId, credentials))) throw ParleyError.notFound(`Application ${applicationId} was not found`);
  return credentials;
}

/** Fresh credentials, not stored yet; refuses a redirect URI that codes could not safely be sent to. */
export function newClientCredentials(redirectUris: readonly string[]): ClientCredentials {
  for (const uri of redirectUris) checkRedirectUri(uri);
  return { clientId: newClientId(), clientSecret: randomSecret(), redirectUris: [...new Set(redirectUris)] };
}

/** Stores the credentials' client id and secret digest on the application; false when it does not exist. */
export function storeClientCredentials(db: Kysely<Database>, applicationId: string, credentials: ClientCredentials): Promise<boolean> {
  return new OAuthClientsRepository(db).setCredentials(applicationId, {
    clientId: credentials.clientId,
    secretHash: secretDigest(credentials.clientSecret),
    redirectUris: credentials.redirectUris,
  });
}

/** 22 letters and digits, the shape of RingCentral's client ids (`AZwEVwGEcfGet2PCouA7K6`). */
function newClientId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(22)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** An absolute http(s) URI without a fragment (RFC 6749 §3.1.2), where codes may be sent. */
export function checkRedirectUri(uri: string): void {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw ParleyError.validation(`"${uri}" is not an absolute URI`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw ParleyError.validation(`Redirect URI "${uri}" must be http or https`);
  if (parsed.hash !== '' || uri.includes('#')) throw ParleyError.validation(`Redirect URI "${uri}" must not have a fragment`);
  if (uri.length > 2000) throw ParleyError.validation('A redirect URI is at most 2000 characters');
}
