import assert from 'node:assert/strict';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../app.js';
import type { Config } from '../../../config.js';
import { createAccount } from '../../../identity/accounts.js';
import { createApplication } from '../../../identity/applications.js';
import { UserService } from '../../../identity/users.js';
import type { User } from '../../../store/users-repository.js';
import type { Database } from '../../../store/schema.js';
import type { Dialect } from '../../../store/database.js';
import { databaseSnapshot } from '../../../test-support/database-snapshot.js';
import { createTestServices, TestClock } from '../../../test-support/test-services.js';

export { assertRefused } from '../../../test-support/assert-refused.js';

type TestServices = Awaited<ReturnType<typeof createTestServices>>;

/** A company as the tests use it: an account, a client app of its own, an admin and a member. */
export interface TestAccount {
  accountId: string;
  applicationId: string;
  clientId: string;
  clientSecret: string;
  /** `Authorization: Basic` for the client. */
  basic: string;
  redirectUri: string;
  admin: User;
  member: User;
  /** Every user's password. */
  password: string;
  /** The application's private key: its Vonage-style API tokens, to see a bridge's room through the Meetings API. */
  privateKeyPem: string;
}

export interface RingCentralHarness {
  services: TestServices;
  clock: TestClock;
  app: FastifyInstance;
  acme: TestAccount;
  /** Another company: tenancy checks. */
  globex: TestAccount;
  /** An access token for the user, got the way the SDKs get one (JWT bearer grant). */
  login(account: TestAccount, user: User): Promise<string>;
  /** A form to `/restapi/oauth/…`, as `@ringcentral/sdk` posts it. */
  oauth(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** A JSON call to the RingCentral API with a bearer token. */
  call(method: InjectOptions['method'], url: string, accessToken: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A call to the Vonage-compatible Meetings API as the account's application. */
  meetings(method: InjectOptions['method'], url: string, account: TestAccount, body?: unknown): Promise<LightMyRequestResponse>;
  databaseSnapshot(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';

/** Every table a RingCentral API request may write. */
const TABLES: readonly (keyof Database)[] = [
  'accounts',
  'applications',
  'users',
  'user_jwt_credentials',
  'oauth_sessions',
  'oauth_authorization_codes',
  'rooms',
  'bridges',
  'sessions',
  'participants',
  'recordings',
  'webhook_deliveries',
  'webinars',
  'webinar_sessions',
  'webinar_invitees',
  'webinar_registrants',
  'webinar_subscriptions',
];

async function testAccount(services: TestServices, name: string): Promise<TestAccount> {
  const account = await createAccount(services, { name });
  const redirectUri = `https://${name.toLowerCase()}.example/callback`;
  const { application, clientCredentials, privateKeyPem } = await createApplication(services, { name: `${name} app`, accountId: account.id, redirectUris: [redirectUri] });
  const users = new UserService(services);
  const domain = `${name.toLowerCase()}.example`;
  const admin = await users.create({ accountId: account.id, name: `${name} Admin`, email: `admin@${domain}`, role: 'admin', password: PASSWORD });
  const member = await users.create({ accountId: account.id, name: `${name} Member`, email: `member@${domain}`, password: PASSWORD });
  return {
    accountId: account.id,
    applicationId: application.id,
    clientId: clientCredentials.clientId,
    clientSecret: clientCredentials.clientSecret,
    basic: `Basic ${Buffer.from(`${clientCredentials.clientId}:${clientCredentials.clientSecret}`).toString('base64')}`,
    redirectUri,
    admin,
    member,
    password: PASSWORD,
    privateKeyPem,
  };
}

/** The RingCentral APIs over a real database (SQLite unless told), with two companies. Each suite builds one and closes it. */
export async function startRingCentralHarness(options: { dialect?: Dialect; config?: Partial<Config> } = {}): Promise<RingCentralHarness> {
  const clock = new TestClock();
  const services = await createTestServices({ clock, ...(options.dialect ? { dialect: options.dialect } : {}), ...(options.config ? { config: options.config } : {}) });
  const app = await buildApp(services);
  const acme = await testAccount(services, 'Acme');
  const globex = await testAccount(services, 'Globex');

  const oauth: RingCentralHarness['oauth'] = (path, form, headers = {}) =>
    app.inject({
      method: 'POST',
      url: `/restapi/oauth/${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams(form).toString(),
    });

  return {
    services,
    clock,
    app,
    acme,
    globex,
    oauth,
    async login(account, user) {
      const { jwt } = await services.userJwtCredentials.issue(user.id);
      const response = await oauth('token', { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt }, { authorization: account.basic });
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { access_token: string }).access_token;
    },
    call(method, url, accessToken, body) {
      return app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${accessToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    },
    async meetings(method, url, account, body) {
      const token = await new SignJWT({ application_id: account.applicationId, jti: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
        .sign(createPrivateKey(account.privateKeyPem));
      return app.inject({
        method,
        url: `/v1/meetings${url}`,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    },
    databaseSnapshot: () => databaseSnapshot(services, TABLES),
    async close() {
      await app.close();
      await services.dispose();
    },
  };
}


/** RingCentral's OAuth error body. */
export function oauthError(error: string, errorCode: string, message: string, parameterName?: string): unknown {
  return { error, error_description: message, errors: [{ errorCode, message, ...(parameterName !== undefined ? { parameterName } : {}) }] };
}
