import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { ConfigError, loadConfig } from '../../config.js';
import { createApplication } from '../../identity/applications.js';
import { createTestServices } from '../../test-support/test-services.js';

const INDEX = '<!doctype html><title>meeting page</title>';

describe('the meeting page at every room URL', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let app: FastifyInstance;
  let webRoot: string;

  before(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    fs.writeFileSync(path.join(webRoot, 'assets', 'page.js'), 'console.log(1)');
    services = await createTestServices();
    const { application } = await createApplication({ store: services.store }, { name: 'Pages' });
    await services.themes.insert({
      id: '5d0c5a9e-0d2f-4a57-9d0e-6a3f1f6c1a01',
      applicationId: application.id,
      name: 'acme',
      domain: 'VCP',
      mainColor: '#AB34C1',
      brandText: 'Acme',
      shortCompanyUrl: 'acme-co',
      logos: { white: null, colored: null, favicon: null },
      createdAt: services.clock.now().toISOString(),
    });
    app = await buildApp(services, { webRoot });
  });

  after(async () => {
    await app.close();
    await services.dispose();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  async function get(url: string) {
    return app.inject({ method: 'GET', url });
  }

  test('serves the page at the host and guest URLs, with and without a short company URL', async () => {
    for (const url of ['/', '/?room_token=123456789&participant_token=x', '/123456789', '/acme-co/123456789', '/acme-co/?room_token=123456789&participant_token=x']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      assert.equal(response.body, INDEX, url);
    }
  });

  test('answers 404, still with the page, under a company segment no theme has', async () => {
    for (const url of ['/other-co/123456789', '/other-co/?room_token=123456789', '/ACME-CO/123456789']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.body, INDEX, url);
    }
  });

  test('static routes and the APIs keep winning over the company segment', async () => {
    const asset = await get('/assets/page.js');
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.body, 'console.log(1)');

    const missingAsset = await get('/assets/missing.js');
    assert.equal(missingAsset.statusCode, 404);
    assert.notEqual(missingAsset.body, INDEX);

    const roomInfo = await get('/api/public/rooms/123456789');
    assert.equal(roomInfo.statusCode, 404);
    assert.match(String(roomInfo.headers['content-type']), /^application\/json\b/);

    for (const url of ['/v1/meetings/rooms', '/meetings/rooms', '/beta/meetings/rooms', '/meetings/no-such-route', '/v1/meetings/rooms/123456789']) {
      const response = await get(url);
      assert.match(String(response.headers['content-type']), /^application\/json\b/, url);
      assert.notEqual(response.body, INDEX, url);
    }
  });

  test('may be framed by any page: no X-Frame-Options, no frame-ancestors', async () => {
    const response = await get('/123456789');
    assert.equal(response.headers['x-frame-options'], undefined);
    assert.equal(response.headers['content-security-policy'], undefined);
  });
});

describe('the pages that may frame the meeting page (PARLEY_FRAME_ANCESTORS)', () => {
  test('are named in a frame-ancestors policy sent with the page, at every room URL', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    fs.mkdirSync(path.join(webRoot, 'assets'));
    const { frameAncestors } = loadConfig({ PARLEY_FRAME_ANCESTORS: "  'self'   https://app.example.com https://*.example.org:8443 " });
    const services = await createTestServices({ config: { frameAncestors } });
    const app = await buildApp(services, { webRoot });
    try {
      for (const url of ['/', '/123456789']) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.headers['content-security-policy'], "frame-ancestors 'self' https://app.example.com https://*.example.org:8443", url);
      }
    } finally {
      await app.close();
      await services.dispose();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });

  test('are checked at start-up: a value that could smuggle in another directive stops the server', () => {
    for (const value of ["'none'", '*', 'https:', 'http://localhost:3000', 'https://app.example.com/embed/']) {
      assert.equal(loadConfig({ PARLEY_FRAME_ANCESTORS: value }).frameAncestors, value);
    }
    for (const value of ['https://a.example; script-src *', 'https://a.example, https://b.example', "'unsafe-inline'"]) {
      assert.throws(() => loadConfig({ PARLEY_FRAME_ANCESTORS: value }), (error: unknown) => error instanceof ConfigError && /PARLEY_FRAME_ANCESTORS/.test(error.message), value);
    }
  });
});
