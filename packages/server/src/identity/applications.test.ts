import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SignJWT } from 'jose';
import { ParleyError } from '../errors.js';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, TestClock } from '../test-support/test-services.js';
import { verifyApplicationToken } from './application-tokens.js';
import { createApplication } from './applications.js';

describeEachDialect('createApplication', (dialect) => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  before(async () => {
    services = await createTestServices({ clock, dialect });
  });
  after(() => services.dispose());

  let created: Awaited<ReturnType<typeof createApplication>>;

  test('stores the public key and hands out a PKCS#8 private key that signs accepted tokens', async () => {
    created = await createApplication(services, { name: ' Billing ' });
    const { application, privateKeyPem } = created;
    assert.match(privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(application.name, 'Billing');
    assert.equal(createPublicKey(application.publicKey).asymmetricKeyDetails?.modulusLength, 2048);
    assert.deepEqual(await services.applications.findApplication(application.id), application);
    const account = await services.applications.findAccount(application.accountId);
    assert.equal(account?.name, 'Billing');

    const token = await new SignJWT({ application_id: application.id, jti: 'j' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .sign(createPrivateKey(privateKeyPem));
    assert.equal((await verifyApplicationToken(services, `Bearer ${token}`)).id, application.id);
  });

  test('adds an application to an existing account', async () => {
    const second = await createApplication(services, { name: 'Two', accountId: created.application.accountId });
    assert.equal(second.application.accountId, created.application.accountId);
    assert.notEqual(second.application.id, created.application.id);
    assert.notEqual(second.application.publicKey, created.application.publicKey);
  });

  test('refuses an unknown account and writes nothing', async () => {
    const before = await services.store.db.selectFrom('applications').selectAll().execute();
    await assert.rejects(createApplication(services, { name: 'Lost', accountId: 'nope' }), (error: unknown) => {
      assert.ok(error instanceof ParleyError);
      assert.equal(error.code, 'not_found');
      return true;
    });
    assert.deepEqual(await services.store.db.selectFrom('applications').selectAll().execute(), before);
  });
});
