import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { createTestServices, insertTestApplication, TestClock } from '../test-support/test-services.js';
import type { LogoUploadTarget } from './logo-uploads-repository.js';
import { describeEachDialect } from './test-support/test-dialects.js';

describeEachDialect('LogoUploadsRepository claims', (dialect) => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let applicationId: string;
  const now = '2026-01-01T12:00:00.000Z';
  beforeEach(async () => {
    services = await createTestServices({ clock: new TestClock(), dialect });
    applicationId = await insertTestApplication(services);
  });
  afterEach(() => services.dispose());

  /** Upload targets of the application, each holding a file. */
  async function uploaded(logoTypes: LogoUploadTarget['logoType'][], round = 0): Promise<string[]> {
    const targets = logoTypes.map((logoType) => ({
      key: `auto-expiring-temp/logos/${logoType}/${logoType}-${round}`,
      applicationId,
      logoType,
      expiresAt: '2026-01-01T13:00:00.000Z',
      uploadedAt: null,
      byteSize: null,
      createdAt: now,
    }));
    await services.logoUploads.insert(targets);
    for (const { key } of targets) assert.equal(await services.logoUploads.markUploaded(key, now, 100), true);
    return targets.map((target) => target.key);
  }

  test('takes every upload or, when one is missing, none', async () => {
    const keys = await uploaded(['white', 'colored']);
    const refused = await services.logoUploads.claimUploaded(applicationId, [...keys, 'auto-expiring-temp/logos/favicon/unknown'], now);
    assert.deepEqual(refused, { claimed: [], missing: ['auto-expiring-temp/logos/favicon/unknown'] });
    assert.equal((await services.logoUploads.findUploaded(applicationId, keys, now)).length, 2, 'the refused claim took nothing');
    const claimed = await services.logoUploads.claimUploaded(applicationId, keys, now);
    assert.deepEqual(claimed.claimed.map((upload) => upload.key).sort(), [...keys].sort());
    assert.deepEqual(await services.logoUploads.findUploaded(applicationId, keys, now), []);
  });

  test('of two claims racing for the same uploads, one takes them all and the other none', async () => {
    // Rounds: the first race may be run one after the other while the pool opens its second connection.
    for (let round = 1; round <= 3; round++) {
      const keys = await uploaded(['white', 'colored', 'favicon'], round);
      const claims = await Promise.all([1, 2].map(() => services.logoUploads.claimUploaded(applicationId, keys, now)));
      const taken = claims.map((claim) => [claim.claimed.length, claim.missing.length]).sort();
      assert.deepEqual(taken, [[0, 3], [3, 0]], `round ${round}: ${JSON.stringify(claims)}`);
    }
  });
});
