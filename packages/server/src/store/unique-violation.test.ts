import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore, type Store } from './database.js';
import type { TestDatabase } from './test-support/postgres-test-server.js';
import { describeEachDialect, freshTestDatabase } from './test-support/test-dialects.js';
import { isUniqueViolation } from './unique-violation.js';

describeEachDialect('isUniqueViolation', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  const createdAt = '2026-01-01T00:00:00.000Z';
  const theme = (id: string, name: string, shortCompanyUrl: string | null) => ({
    id,
    application_id: 'app',
    name,
    domain: 'VCP' as const,
    main_color: '#123456',
    brand_text: 'Brand',
    short_company_url: shortCompanyUrl,
    brand_image_white: null,
    brand_image_colored: null,
    branded_favicon: null,
    created_at: createdAt,
  });

  before(async () => {
    database = await freshTestDatabase(dialect);
    store = await openStore(database.url);
    await store.db.insertInto('accounts').values({ id: 'account', name: 'Account', created_at: createdAt }).execute();
    await store.db.insertInto('applications').values({ id: 'app', account_id: 'account', name: 'App', public_key: 'unused', default_theme_id: null, created_at: createdAt }).execute();
    await store.db.insertInto('themes').values(theme('t1', 'Taken', 'taken-url')).execute();
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  /** The error a write fails with; fails the test when it succeeds. */
  const refusalOf = async (write: Promise<unknown>): Promise<unknown> => {
    try {
      await write;
    } catch (error) {
      return error;
    }
    assert.fail('the write was accepted');
  };

  test('names the columns of the refused key: a single column, a primary key, a key of two', async () => {
    const url = await refusalOf(store.db.insertInto('themes').values(theme('t2', 'Free', 'taken-url')).execute());
    assert.equal(isUniqueViolation(url, 'short_company_url'), true);
    assert.equal(isUniqueViolation(url, 'name'), false);

    const id = await refusalOf(store.db.insertInto('accounts').values({ id: 'account', name: 'Again', created_at: createdAt }).execute());
    assert.equal(isUniqueViolation(id, 'id'), true);

    const name = await refusalOf(store.db.insertInto('themes').values(theme('t3', 'Taken', null)).execute());
    assert.equal(isUniqueViolation(name, 'name'), true);
    assert.equal(isUniqueViolation(name, 'application_id'), true);
    assert.equal(isUniqueViolation(name, 'short_company_url'), false);
  });

  test('is false for other refusals and other errors', async () => {
    const missingAccount = await refusalOf(
      store.db.insertInto('applications').values({ id: 'orphan', account_id: 'nobody', name: 'Orphan', public_key: 'unused', default_theme_id: null, created_at: createdAt }).execute(),
    );
    assert.equal(isUniqueViolation(missingAccount, 'account_id'), false);
    assert.equal(isUniqueViolation(new Error('UNIQUE constraint failed: themes.name'), 'name'), false);
    assert.equal(isUniqueViolation('name', 'name'), false);
  });
});
