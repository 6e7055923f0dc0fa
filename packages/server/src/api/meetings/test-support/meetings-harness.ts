import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { buildApp } from '../../../app.js';
import type { Config } from '../../../config.js';
import type { Application } from '../../../store/applications-repository.js';
import type { Dialect } from '../../../store/database.js';
import { databaseSnapshot } from '../../../test-support/database-snapshot.js';
import { createTestServices, TestClock } from '../../../test-support/test-services.js';

export { assertRefused } from '../../../test-support/assert-refused.js';

type TestServices = Awaited<ReturnType<typeof createTestServices>>;

export interface TokenOptions {
  key?: KeyObject;
  applicationId?: string;
  /** Seconds after the clock's now; `null` leaves `exp` out, as the Java SDK does. */
  expiresIn?: number | null;
  header?: Record<string, unknown>;
  omit?: ('iat' | 'jti')[];
}

/**
 * A Meetings API over a real database, one application with its key, and helpers to call it as an
 * SDK would. Each test builds its own and closes it.
 */
export interface MeetingsHarness {
  services: TestServices;
  clock: TestClock;
  app: FastifyInstance;
  application: Application;
  privateKey: KeyObject;
  token(options?: TokenOptions): Promise<string>;
  call(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** A second application of the same server, for tenancy checks. */
  otherApplication(): Promise<{ application: Application; privateKey: KeyObject }>;
  roomsTable(): Promise<unknown[]>;
  /** Every row of every table, to prove a refused request changed nothing. */
  databaseSnapshot(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

const generateRsaKeyPair = promisify(generateKeyPair);
const keyPairs: Promise<{ publicKey: KeyObject; privateKey: KeyObject }>[] = [];

/** RSA key generation takes a good fraction of a second, so a test process makes each pair once. */
function testKeyPair(index: number): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  keyPairs[index] ??= generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return keyPairs[index];
}

/** Registers an application as `createApplication` does, but with a pair generated once per process. */
async function registerApplication(services: TestServices, index: number, name: string): Promise<{ application: Application; privateKey: KeyObject }> {
  const { publicKey, privateKey } = await testKeyPair(index);
  const createdAt = services.clock.now().toISOString();
  const application: Application = {
    id: randomUUID(),
    accountId: randomUUID(),
    name,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    defaultThemeId: null,
    createdAt,
  };
  await services.applications.insertAccount({ id: application.accountId, name, createdAt });
  await services.applications.insertApplication(application);
  return { application, privateKey };
}

/** `config` overrides settings for the test (a low rate limit, say); `dialect` picks the database engine (SQLite unless told). */
export async function startMeetingsHarness(options: { config?: Partial<Config>; dialect?: Dialect } = {}): Promise<MeetingsHarness> {
  const clock = new TestClock();
  const services = await createTestServices({ clock, ...options });
  const app = await buildApp(services);
  const created = await registerApplication(services, 0, 'Test application');
  const privateKey = created.privateKey;

  const token = async (options: TokenOptions = {}): Promise<string> => {
    const iat = Math.floor(clock.now().getTime() / 1000);
    const claims: Record<string, unknown> = { application_id: options.applicationId ?? created.application.id, iat, jti: randomUUID() };
    const expiresIn = options.expiresIn === undefined ? 900 : options.expiresIn;
    if (expiresIn !== null) claims.exp = iat + expiresIn;
    for (const claim of options.omit ?? []) delete claims[claim];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...options.header } as { alg: string })
      .sign(options.key ?? privateKey);
  };

  return {
    services,
    clock,
    app,
    application: created.application,
    privateKey,
    token,
    async call(method, url, body, headers) {
      return app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${await token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
    },
    otherApplication: () => registerApplication(services, 1, 'Other application'),
    roomsTable: () => services.store.db.selectFrom('rooms').selectAll().orderBy('serial').execute(),
    databaseSnapshot: () => databaseSnapshot(services, API_TABLES),
    async close() {
      await app.close();
      await services.dispose();
    },
  };
}

/** The tables an API request may write; `server_keys` and `kysely_*` bookkeeping are left out. */
const API_TABLES = ['accounts', 'applications', 'rooms', 'sessions', 'participants', 'themes', 'logo_uploads', 'recordings', 'chat_messages', 'webhook_deliveries'] as const;


/** The Meetings service's error body, as Vonage wrote it. */
export function vonageError(name: string, status: number, message: string): { message: string; name: string; status: number } {
  return { message, name, status };
}
