import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { buildApp } from './app.js';
import { bootstrapDevelopment } from './dev-bootstrap.js';
import { issueClientCredentials } from './identity/oauth-clients.js';
import { createTestServices } from './test-support/test-services.js';

describe('development bootstrap', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  before(async () => {
    services = await createTestServices();
  });
  after(() => services.dispose());

  const saved = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

  test('writes client credentials and a JWT credential of the account\'s admin owner that log in, and keeps them across starts', async () => {
    const first = await bootstrapDevelopment(services);
    const file = saved(first.file);
    assert.deepEqual(Object.keys(file).sort(), ['application_id', 'client_id', 'client_secret', 'demo_room_id', 'private_key', 'user_jwt']);
    assert.deepEqual([file.client_id, file.client_secret, file.user_jwt], [first.clientId, first.clientSecret, first.userJwt]);

    const app = await buildApp(services);
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/restapi/oauth/token',
        headers: { authorization: `Basic ${Buffer.from(`${first.clientId}:${first.clientSecret}`).toString('base64')}` },
        payload: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: first.userJwt }).toString(),
      });
      assert.equal(response.statusCode, 200, response.body);
      const owner = await services.users.findById((response.json() as { owner_id: string }).owner_id);
      const application = await services.applications.findApplication(first.applicationId);
      assert.deepEqual([owner?.role, owner?.accountId], ['admin', application?.accountId]);
    } finally {
      await app.close();
    }

    const second = await bootstrapDevelopment(services);
    assert.deepEqual([second.applicationId, second.clientId, second.clientSecret, second.userJwt], [first.applicationId, first.clientId, first.clientSecret, first.userJwt]);
  });

  test('replaces client credentials that no longer work (rotated with the CLI) and a revoked JWT credential', async () => {
    const first = await bootstrapDevelopment(services);
    await issueClientCredentials(services, first.applicationId);
    const owner = (await services.users.listByAccount((await services.applications.findApplication(first.applicationId))?.accountId ?? ''))[0];
    for (const credential of await services.userJwtCredentials.list(owner?.id ?? '')) {
      if (credential.revokedAt === null) await services.userJwtCredentials.revoke(credential.userId, credential.id);
    }
    const second = await bootstrapDevelopment(services);
    assert.notEqual(second.clientId, first.clientId);
    assert.notEqual(second.userJwt, first.userJwt);
    assert.equal((await services.oauthClients.findByClientId(second.clientId))?.applicationId, first.applicationId);
    assert.equal('userId' in (await services.userJwtCredentials.verify(second.userJwt)), true);
    // The same owner, not a second one.
    assert.equal((await services.users.listByAccount(owner?.accountId ?? '')).length, 1);
  });
});
