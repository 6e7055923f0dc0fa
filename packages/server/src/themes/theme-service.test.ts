import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachDialect } from '../store/test-support/test-dialects.js';
import { createTestServices, insertTestApplication, parleyErrorWith, TestClock } from '../test-support/test-services.js';
import { isValidShortCompanyUrl, RESERVED_SHORT_COMPANY_URLS } from './short-company-url.js';
import { ThemeService } from './theme-service.js';

describeEachDialect('ThemeService', (dialect) => {
  const clock = new TestClock();
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let applicationId: string;
  let otherApplicationId: string;
  before(async () => {
    services = await createTestServices({ clock, dialect });
    applicationId = await insertTestApplication(services);
    otherApplicationId = await insertTestApplication(services);
  });
  after(() => services.dispose());


  /** A repository whose existence checks always say "free", as they would when a race is lost. */
  const racingService = () =>
    new ThemeService({
      ...services,
      themes: Object.assign(Object.create(services.themes) as typeof services.themes, {
        nameExists: async () => false,
        shortCompanyUrlExists: async () => false,
      }),
    });

  test('a name or short URL taken between the check and the write is still a conflict, from the unique indexes', async () => {
    const service = new ThemeService(services);
    const taken = await service.create(applicationId, { name: 'raced', mainColor: '#000', brandText: 'b', shortCompanyUrl: 'raced-co' });
    const racing = racingService();
    await assert.rejects(
      racing.create(applicationId, { name: 'raced', mainColor: '#000', brandText: 'b' }),
      parleyErrorWith('conflict', 'theme_name already exists in application'),
    );
    await assert.rejects(
      racing.create(otherApplicationId, { mainColor: '#000', brandText: 'b', shortCompanyUrl: 'raced-co' }),
      parleyErrorWith('conflict', 'short_company_url already exists'),
    );
    const second = await service.create(applicationId, { mainColor: '#000', brandText: 'b' });
    await assert.rejects(racing.update(applicationId, second.id, { name: taken.name }), parleyErrorWith('conflict', 'theme_name already exists in application'));
    await assert.rejects(racing.update(applicationId, second.id, { shortCompanyUrl: 'raced-co' }), parleyErrorWith('conflict', 'short_company_url already exists'));
  });

  test("an application's default can only be one of its own themes", async () => {
    const service = new ThemeService(services);
    const theirs = await service.create(otherApplicationId, { mainColor: '#000', brandText: 'theirs' });
    await assert.rejects(
      service.setDefault(applicationId, theirs.id),
      parleyErrorWith('bad_request', `Failed to update application because theme id ${theirs.id} not found`),
    );
    assert.equal((await services.applications.findApplication(applicationId))?.defaultThemeId, null);
    const mine = await service.create(applicationId, { mainColor: '#000', brandText: 'mine' });
    assert.equal((await service.setDefault(applicationId, mine.id)).defaultThemeId, mine.id);
    assert.equal((await service.setDefault(applicationId, null)).defaultThemeId, null);
  });

  test('short_company_url: Vonage’s pattern, at most 128 characters, never one of Parley’s own paths', () => {
    for (const valid of ['my-company', 'a', '_', '~x', 'Acme_2024', '123a', 'x'.repeat(128)]) assert.equal(isValidShortCompanyUrl(valid), true, valid);
    for (const invalid of ['', '123', 'a b', 'a/b', 'a.b', 'https://example.com', 'é', 'x'.repeat(129)]) assert.equal(isValidShortCompanyUrl(invalid), false, invalid);
    for (const reserved of RESERVED_SHORT_COMPANY_URLS) {
      assert.equal(isValidShortCompanyUrl(reserved), false, reserved);
      assert.equal(isValidShortCompanyUrl(reserved.toUpperCase()), false, reserved.toUpperCase());
    }
  });
});
