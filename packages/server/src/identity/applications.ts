import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { systemClock, isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { ApplicationsRepository, type Application } from '../store/applications-repository.js';
import type { Store } from '../store/database.js';
import { newClientCredentials, storeClientCredentials, type ClientCredentials } from './oauth-clients.js';

const generateRsaKeyPair = promisify(generateKeyPair);

export interface CreateApplicationOptions {
  /** The account that owns the application; a new account (named after the application) when absent. */
  accountId?: string;
  name: string;
  /** Where the application's RingCentral authorization-code flow may send codes. */
  redirectUris?: readonly string[];
}

export interface CreatedApplication {
  application: Application;
  /** PKCS#8 PEM. Parley keeps only the public half: this is the one chance to save it. */
  privateKeyPem: string;
  /** Its credentials as a RingCentral client app; the secret, like the key, is shown only now. */
  clientCredentials: ClientCredentials;
}

/**
 * Registers an application with a fresh RSA 2048 key pair, as the Vonage dashboard did: the caller
 * gets the private key and signs its API tokens with it; the server verifies them with the public key.
 * It is a RingCentral client app too, with a client id and secret of its own. The account and the
 * application are written in one transaction.
 */
export async function createApplication(
  deps: { store: Store; clock?: Clock },
  options: CreateApplicationOptions,
): Promise<CreatedApplication> {
  const name = options.name.trim();
  if (name === '') throw ParleyError.validation('An application needs a name');
  const clientCredentials = newClientCredentials(options.redirectUris ?? []);
  // Checked before the key is generated, which is slow; the foreign key catches a deletion since.
  if (options.accountId !== undefined && !(await new ApplicationsRepository(deps.store.db).findAccount(options.accountId))) {
    throw ParleyError.notFound(`Account ${options.accountId} was not found`);
  }
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const createdAt = isoTimestamp((deps.clock ?? systemClock).now());
  const application: Application = {
    id: randomUUID(),
    accountId: options.accountId ?? randomUUID(),
    name,
    publicKey,
    defaultThemeId: null,
    createdAt,
  };
  await deps.store.db.transaction().execute(async (tx) => {
    const applications = new ApplicationsRepository(tx);
    if (options.accountId === undefined) await applications.insertAccount({ id: application.accountId, name, createdAt });
    await applications.insertApplication(application);
    await storeClientCredentials(tx, application.id, clientCredentials);
  });
  return { application, privateKeyPem: privateKey, clientCredentials };
}
