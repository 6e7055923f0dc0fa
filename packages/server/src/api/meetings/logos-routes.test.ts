import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  NOT_A_PNG,
  opaqueLogo,
  transparentLogo,
} from '../../themes/test-support/test-pngs.js';
import { assertRefused, vonageError } from './test-support/meetings-harness.js';
import { insertTheme, startLogoFlowHarness, targetFor, uploadOk, type LogoFlowHarness, type UploadTarget } from './test-support/logo-flow.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('GET /themes/logos-upload-urls', () => {
  let h: LogoFlowHarness;
  beforeEach(async () => (h = await startLogoFlowHarness()));
  afterEach(() => h.close());

  test('hands out one target per logo type, shaped like Vonage\'s S3 targets, each recorded for the caller', async () => {
    const targets = await h.targets();
    assert.deepEqual(targets.map((t) => t.fields.logoType), ['white', 'colored', 'favicon']);
    for (const target of targets) {
      assert.equal(target.url, `${h.services.config.publicUrl}/uploads/logos`);
      assert.deepEqual(Object.keys(target.fields), [
        'Content-Type', 'key', 'logoType', 'bucket', 'X-Parley-Algorithm', 'X-Parley-Date', 'Policy', 'X-Parley-Signature',
      ]);
      const { fields } = target;
      assert.equal(fields['Content-Type'], 'image/png');
      assert.match(fields.key ?? '', new RegExp(`^auto-expiring-temp/logos/${fields.logoType}/${UUID}$`));
      assert.equal(fields.bucket, 'parley-logos');
      assert.equal(fields['X-Parley-Algorithm'], 'PARLEY-HMAC-SHA256');
      assert.equal(fields['X-Parley-Date'], '20260101T120000Z');
      assert.match(fields['X-Parley-Signature'] ?? '', /^[0-9a-f]{64}$/);
      assert.deepEqual(JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')), {
        expiration: '2026-01-01T13:00:00.000Z',
        conditions: [
          { 'Content-Type': 'image/png' },
          { key: fields.key },
          { logoType: fields.logoType },
          { bucket: 'parley-logos' },
          { 'X-Parley-Algorithm': 'PARLEY-HMAC-SHA256' },
          { 'X-Parley-Date': '20260101T120000Z' },
          ['content-length-range', 1, 1048576],
        ],
      });
    }
    const rows = await h.services.store.db.selectFrom('logo_uploads').selectAll().orderBy('logo_type').execute();
    assert.deepEqual(
      rows.map((row) => ({ ...row })),
      ['colored', 'favicon', 'white'].map((logoType) => ({
        key: targetFor(targets, logoType).fields.key,
        application_id: h.application.id,
        logo_type: logoType,
        expires_at: '2026-01-01T13:00:00.000Z',
        uploaded_at: null,
        byte_size: null,
        created_at: '2026-01-01T12:00:00.000Z',
      })),
    );
  });

  test('is served under every Meetings prefix, and only to an authenticated caller', async () => {
    for (const prefix of ['/meetings', '/beta/meetings']) {
      const response = await h.call('GET', `${prefix}/themes/logos-upload-urls`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.json<UploadTarget[]>().length, 3);
    }
    const anonymous = await h.app.inject({ method: 'GET', url: '/v1/meetings/themes/logos-upload-urls' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('targets that expired are removed, with their files, when new ones are handed out', async () => {
    const first = await h.targets();
    await uploadOk(targetFor(first, 'white'), transparentLogo(200, 80));
    h.clock.advance(60 * 60_000);
    const second = await h.targets();
    const keys = (await h.services.store.db.selectFrom('logo_uploads').select('key').execute()).map((row) => row.key).sort();
    assert.deepEqual(keys, second.map((t) => t.fields.key).sort());
    assert.deepEqual(h.logoFiles(), {});
  });
});

describe('PUT /themes/:theme_id/finalizeLogos', () => {
  let h: LogoFlowHarness;
  let targets: UploadTarget[];
  beforeEach(async () => {
    h = await startLogoFlowHarness();
    targets = await h.targets();
  });
  afterEach(() => h.close());

  const keyOf = (logoType: string): string => targetFor(targets, logoType).fields.key as string;
  const finalize = (themeId: string, keys: unknown) => () => h.call('PUT', `/v1/meetings/themes/${themeId}/finalizeLogos`, { keys });
  const refusal = (errors: unknown[]) => ({ ...vonageError('BadRequestError', 400, 'could not finalize logos'), errors });

  /** assertRefused, and the stored files unchanged too. */
  async function assertFinalizeRefused(send: () => ReturnType<LogoFlowHarness['call']>, expected: { status: number; body: unknown }) {
    const files = h.logoFiles();
    await assertRefused(h, send, expected);
    assert.deepEqual(h.logoFiles(), files, 'a refused finalize changed the stored files');
  }

  test('uploaded logos become the theme\'s: permanent keys, public URLs serving the same bytes, targets used up', async () => {
    const theme = await insertTheme(h);
    const white = transparentLogo(200, 80);
    const favicon = transparentLogo(32, 32);
    await uploadOk(targetFor(targets, 'white'), white);
    await uploadOk(targetFor(targets, 'favicon'), favicon);

    const response = await finalize(theme.id, [keyOf('white'), keyOf('favicon')])();
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    const whiteKey = `themes/${theme.id}/white/${keyOf('white').split('/').pop()}.png`;
    const faviconKey = `themes/${theme.id}/favicon/${keyOf('favicon').split('/').pop()}.png`;
    const publicUrl = h.services.config.publicUrl;
    assert.deepEqual(response.json(), {
      theme_id: theme.id,
      theme_name: theme.name,
      domain: 'VCP',
      account_id: h.application.accountId,
      application_id: h.application.id,
      main_color: '#12f64e',
      short_company_url: null,
      brand_text: 'Brand',
      brand_image_colored: null,
      brand_image_white: whiteKey,
      branded_favicon: faviconKey,
      brand_image_white_url: `${publicUrl}/logos/${whiteKey}`,
      brand_image_colored_url: null,
      branded_favicon_url: `${publicUrl}/logos/${faviconKey}`,
    });
    assert.deepEqual((await h.services.themes.findById(theme.id))?.logos, { white: whiteKey, colored: null, favicon: faviconKey });

    // The two targets are used up; the unused one is left to expire.
    const left = await h.services.store.db.selectFrom('logo_uploads').select('key').execute();
    assert.deepEqual(left.map((row) => row.key), [keyOf('colored')]);
    assert.deepEqual(h.logoFiles(), { [whiteKey]: white.toString('base64'), [faviconKey]: favicon.toString('base64') });

    for (const [url, bytes] of [[`${publicUrl}/logos/${whiteKey}`, white], [`${publicUrl}/logos/${faviconKey}`, favicon]] as const) {
      const served = await fetch(url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/png');
      assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.deepEqual(Buffer.from(await served.arrayBuffer()), bytes);
    }
  });

  test('a new logo replaces the old one, whose file is deleted', async () => {
    const theme = await insertTheme(h);
    await uploadOk(targetFor(targets, 'colored'), transparentLogo(120, 40));
    const first = (await finalize(theme.id, [keyOf('colored')])()).json<{ brand_image_colored: string; brand_image_colored_url: string }>();

    targets = await h.targets();
    const second = transparentLogo(300, 100);
    await uploadOk(targetFor(targets, 'colored'), second);
    const response = await finalize(theme.id, [keyOf('colored')])();
    assert.equal(response.statusCode, 200, response.body);
    const replaced = response.json<{ brand_image_colored: string; brand_image_colored_url: string }>();
    assert.notEqual(replaced.brand_image_colored, first.brand_image_colored);
    assert.deepEqual(h.logoFiles(), { [replaced.brand_image_colored]: second.toString('base64') });
    assert.equal((await fetch(first.brand_image_colored_url)).status, 404);
    assert.equal((await fetch(replaced.brand_image_colored_url)).status, 200);
  });

  test('files that fail the logo requirements are refused, each key named with its problem, and nothing changes', async () => {
    const theme = await insertTheme(h);
    await uploadOk(targetFor(targets, 'white'), opaqueLogo(200, 80));
    await uploadOk(targetFor(targets, 'colored'), transparentLogo(400, 80));
    await uploadOk(targetFor(targets, 'favicon'), NOT_A_PNG);
    await assertFinalizeRefused(finalize(theme.id, [keyOf('white'), keyOf('colored'), keyOf('favicon')]), {
      status: 400,
      body: refusal([
        { logoKey: keyOf('white'), code: 'invalid_logo_properties', invalidProperty: 'transparent_bg' },
        { logoKey: keyOf('colored'), code: 'invalid_logo_properties', invalidProperty: 'dimensions' },
        { logoKey: keyOf('favicon'), code: 'invalid_logo_properties', invalidProperty: 'type' },
      ]),
    });
  });

  test('one bad key spoils the call: the good logo beside it is not attached either', async () => {
    const theme = await insertTheme(h);
    await uploadOk(targetFor(targets, 'white'), transparentLogo(200, 80));
    await uploadOk(targetFor(targets, 'favicon'), transparentLogo(48, 48));
    await assertFinalizeRefused(finalize(theme.id, [keyOf('white'), keyOf('favicon')]), {
      status: 400,
      body: refusal([{ logoKey: keyOf('favicon'), code: 'invalid_logo_properties', invalidProperty: 'dimensions' }]),
    });
  });

  test('keys that name no upload of the caller are not found: unknown, never uploaded, expired, another application\'s', async () => {
    const theme = await insertTheme(h);
    await assertFinalizeRefused(finalize(theme.id, ['not-a-key']), {
      status: 400,
      body: refusal([{ logoKey: 'not-a-key', code: 'key_not_found' }]),
    });
    // Issued, but no file ever arrived.
    await assertFinalizeRefused(finalize(theme.id, [keyOf('white')]), {
      status: 400,
      body: refusal([{ logoKey: keyOf('white'), code: 'key_not_found' }]),
    });

    const other = await h.otherApplication();
    const otherTargets = await h.app.inject({
      method: 'GET',
      url: '/v1/meetings/themes/logos-upload-urls',
      headers: { authorization: `Bearer ${await h.token({ key: other.privateKey, applicationId: other.application.id })}` },
    });
    const otherWhite = targetFor(otherTargets.json<UploadTarget[]>(), 'white');
    await uploadOk(otherWhite, transparentLogo(200, 80));
    await assertFinalizeRefused(finalize(theme.id, [otherWhite.fields.key]), {
      status: 400,
      body: refusal([{ logoKey: otherWhite.fields.key, code: 'key_not_found' }]),
    });

    await uploadOk(targetFor(targets, 'colored'), transparentLogo(200, 80));
    h.clock.advance(60 * 60_000);
    await assertFinalizeRefused(finalize(theme.id, [keyOf('colored')]), {
      status: 400,
      body: refusal([{ logoKey: keyOf('colored'), code: 'key_not_found' }]),
    });
  });

  test('a key is finalized once: a second finalize of it, on any theme, finds nothing', async () => {
    const theme = await insertTheme(h);
    const another = await insertTheme(h);
    await uploadOk(targetFor(targets, 'white'), transparentLogo(200, 80));
    assert.equal((await finalize(theme.id, [keyOf('white')])()).statusCode, 200);
    await assertFinalizeRefused(finalize(another.id, [keyOf('white')]), {
      status: 400,
      body: refusal([{ logoKey: keyOf('white'), code: 'key_not_found' }]),
    });
  });

  test('a theme that is not the caller\'s is not found, before any key is looked at', async () => {
    const other = await h.otherApplication();
    const foreign = await insertTheme(h, other.application.id);
    await uploadOk(targetFor(targets, 'white'), transparentLogo(200, 80));
    await assertFinalizeRefused(finalize(foreign.id, [keyOf('white')]), {
      status: 404,
      body: vonageError('NotFoundError', 404, `could not find theme ${foreign.id}`),
    });
    const unknown = '90a21428-b74a-4221-adc3-783935d654dc';
    await assertFinalizeRefused(finalize(unknown, [keyOf('white')]), {
      status: 404,
      body: vonageError('NotFoundError', 404, `could not find theme ${unknown}`),
    });
  });

  test('the body is checked first: one to three string keys, at most one per logo type', async () => {
    const theme = await insertTheme(h);
    const url = `/v1/meetings/themes/${theme.id}/finalizeLogos`;
    const invalid = (message: string) => ({ status: 400, body: vonageError('InputValidationError', 400, message) });
    await assertFinalizeRefused(() => h.call('PUT', url, {}), invalid('"keys" is required'));
    await assertFinalizeRefused(() => h.call('PUT', url, { keys: 'auto-expiring-temp/logos/white/x' }), invalid('"keys" must be an array'));
    await assertFinalizeRefused(finalize(theme.id, []), invalid('"keys" must contain at least 1 items'));
    await assertFinalizeRefused(finalize(theme.id, ['a', 'b', 'c', 'd']), invalid('"keys" must contain less than or equal to 3 items'));
    await assertFinalizeRefused(finalize(theme.id, [{ key: keyOf('white') }]), invalid('"keys[0]" must be a string'));
    await assertFinalizeRefused(finalize(theme.id, ['k'.repeat(201)]), invalid('"keys[0]" length must be less than or equal to 200 characters long'));
    await uploadOk(targetFor(targets, 'white'), transparentLogo(200, 80));
    await assertFinalizeRefused(
      finalize(theme.id, [keyOf('white'), keyOf('white')]),
      invalid('"keys" must hold at most one key per logo type, and holds two white logos'),
    );
  });
});

describe('GET /logos/*', () => {
  let h: LogoFlowHarness;
  beforeEach(async () => (h = await startLogoFlowHarness()));
  afterEach(() => h.close());

  test('serves finalized logos only: not uploads awaiting checks, nothing outside the store', async () => {
    const white = targetFor(await h.targets(), 'white');
    await uploadOk(white, transparentLogo(200, 80));
    const notServed = [
      `/logos/${white.fields.key}`,
      '/logos/themes/00000000-0000-4000-8000-000000000000/white/00000000-0000-4000-8000-000000000000.png',
      '/logos/themes/..%2f..%2fparley.db',
      '/logos/%2e%2e%2fparley.db',
      '/logos/',
    ];
    for (const path of notServed) {
      const response = await h.app.inject({ method: 'GET', url: path });
      assert.equal(response.statusCode, 404, path);
      assert.equal(response.json<{ code: string }>().code, 'not_found', path);
    }
    // Dot segments are resolved before routing, so these never reach the logo route at all.
    for (const path of ['/logos/../parley.db', '/logos/%2e%2e/parley.db']) {
      const response = await h.app.inject({ method: 'GET', url: path });
      assert.ok(!response.body.startsWith('SQLite format'), path);
      assert.notEqual(response.headers['content-type'], 'image/png', path);
    }
  });
});
