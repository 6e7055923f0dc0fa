import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Auth } from '@vonage/auth';
import { LogoType, Meetings } from '@vonage/meetings';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { freePort } from '../../free-port.js';
import { createApplication } from '../../identity/applications.js';
import type { Theme } from '../../themes/theme.js';
import { transparentLogo } from '../../themes/test-support/test-pngs.js';
import { createTestServices } from '../../test-support/test-services.js';

/**
 * The official Node SDK's `uploadIcon`, unchanged, against Parley. Its upload step is broken (it posts
 * `[object FormData]` turned into an empty body instead of the form), so it cannot succeed against
 * any server; Parley refuses it with a message the SDK passes on, saying what went wrong and what to
 * do instead.
 */
describe('@vonage/meetings uploadIcon against Parley', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let app: FastifyInstance;
  let meetings: Meetings;
  let theme: Theme;
  let logoFile: string;
  before(async () => {
    const port = await freePort();
    services = await createTestServices({ config: { publicUrl: `http://127.0.0.1:${port}` } });
    app = await buildApp(services);
    const meetingsHost = await app.listen({ host: '127.0.0.1', port });
    const { application, privateKeyPem } = await createApplication(services, { name: 'Vonage SDK' });
    meetings = new Meetings(new Auth({ applicationId: application.id, privateKey: privateKeyPem }), { meetingsHost, timeout: 5000 });
    theme = await services.themes.insert({
      id: '5f6c9b3e-0d1a-4c2b-9e8f-7a6b5c4d3e2f',
      applicationId: application.id,
      name: 'SDK theme',
      domain: 'VCP',
      mainColor: '#12f64e',
      brandText: 'Brand',
      shortCompanyUrl: null,
      logos: { white: null, colored: null, favicon: null },
      createdAt: new Date().toISOString(),
    });
    logoFile = path.join(services.config.dataDir, 'white-logo.png');
    fs.writeFileSync(logoFile, transparentLogo(200, 80));
  });
  after(async () => {
    await app.close();
    await services.dispose();
  });

  test('the upload is refused with a readable reason, and the theme keeps its logos', async () => {
    await assert.rejects(meetings.uploadIcon(theme.id, LogoType.WHITE, logoFile), {
      message:
        'Failed to upload to AWS: The body is not a multipart/form-data upload: it arrived empty, with no Content-Type. ' +
        'An upload is a multipart/form-data POST (or PUT) of every field of the upload target, in the order given, then the PNG in a part named "file". ' +
        'The @vonage/meetings Node SDK cannot send one (its uploadIcon posts "[object FormData]" or nothing): ' +
        'upload the file with any multipart client, then call PUT /v1/meetings/themes/<theme_id>/finalizeLogos with its key.',
    });
    assert.deepEqual((await services.themes.findById(theme.id))?.logos, { white: null, colored: null, favicon: null });
    const uploads = await services.store.db.selectFrom('logo_uploads').select(['uploaded_at']).execute();
    assert.deepEqual(uploads, [{ uploaded_at: null }, { uploaded_at: null }, { uploaded_at: null }]);
    assert.equal(fs.existsSync(path.join(services.config.dataDir, 'logos')), false);
  });
});
