import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestServices, parleyErrorWith, TestClock } from '../test-support/test-services.js';
import { createAccount } from './accounts.js';
import { UserService } from './users.js';

describe('UserService', () => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let users: UserService;
  let accountId: string;
  before(async () => {
    services = await createTestServices({ clock });
    users = new UserService(services);
    accountId = (await createAccount(services, { name: 'Acme' })).id;
  });
  after(() => services.dispose());

  test('signs a user in by email (any case) and password, and no one with a wrong one', async () => {
    const user = await users.create({ accountId, name: 'Ada', email: 'ada@acme.test', password: 'long enough password' });
    assert.deepEqual(await users.verifyLogin(' ADA@acme.test ', 'long enough password'), user);
    assert.equal(await users.verifyLogin('ada@acme.test', 'long enough passwort'), undefined);
    assert.equal(await users.verifyLogin('nobody@acme.test', 'long enough password'), undefined);
    await users.setPassword(user.id, null);
    assert.equal(await users.verifyLogin('ada@acme.test', 'long enough password'), undefined);
  });

  test('a deleted user can no longer sign in, and their JWT credentials stop working', async () => {
    const user = await users.create({ accountId, name: 'Bo', email: 'bo@acme.test', password: 'long enough password' });
    const { jwt } = await services.userJwtCredentials.issue(user.id);
    assert.deepEqual(await services.userJwtCredentials.verify(jwt), { userId: user.id, credentialId: (await services.userJwtCredentials.list(user.id))[0]?.id });
    await users.delete(user.id);
    assert.equal(await users.verifyLogin('bo@acme.test', 'long enough password'), undefined);
    assert.deepEqual(await services.userJwtCredentials.verify(jwt), { refused: 'The JWT credential belongs to a user who no longer exists' });
    await assert.rejects(users.delete(user.id), parleyErrorWith('not_found', `User ${user.id} was not found`));
  });

  test('a JWT credential expires with the clock, and a forged one is refused', async () => {
    const user = await users.create({ accountId, name: 'Cy', email: 'cy@acme.test' });
    const { jwt } = await services.userJwtCredentials.issue(user.id, 60);
    assert.equal('userId' in (await services.userJwtCredentials.verify(jwt)), true);
    clock.advance(61_000);
    assert.deepEqual(await services.userJwtCredentials.verify(jwt), { refused: 'The JWT credential has expired' });
    const [header, payload] = jwt.split('.');
    assert.deepEqual(await services.userJwtCredentials.verify(`${header}.${payload}.forged`), { refused: 'The JWT credential is not valid' });
  });
});
