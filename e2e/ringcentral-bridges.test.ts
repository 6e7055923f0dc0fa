import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import type { Page } from 'playwright-core';
import type { BridgeResponse } from '../packages/server/src/api/ringcentral/bridge-json.js';
import { createApplication } from '../packages/server/src/identity/applications.js';
import { UserService } from '../packages/server/src/identity/users.js';
import { launchParticipant, type Participant } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** How long a page may take to show what the server did: the machine may be busy with other work. */
const PATIENCE_MS = 60_000;

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/**
 * RingCentral bridges on the meeting page: a bridge made with `@ringcentral/sdk` is a meeting people
 * join in the browser. Its join URL (`discovery.web`, with `?pw=`) lets a guest past the password
 * unasked; its owner's join URL makes them the host; a bridge for its own account only turns guests
 * away with the page's own words.
 */
describe('RingCentral bridges in the browser', { timeout: 600_000 }, () => {
  let server: TestServer;
  let olga: Page;
  let gus: Page;
  const browsers: Participant[] = [];
  let platform: ReturnType<SDK['platform']>;

  before(async () => {
    server = await startTestServer();
    const { services } = server.server;
    const { application, clientCredentials } = await createApplication(services, { name: 'Acme video' });
    const owner = await new UserService(services).create({ accountId: application.accountId, name: 'Olga Owner', email: 'olga@acme.example' });
    platform = new SDK({ server: server.baseUrl, clientId: clientCredentials.clientId, clientSecret: clientCredentials.clientSecret }).platform();
    await platform.login({ jwt: (await services.userJwtCredentials.issue(owner.id)).jwt });
    for (let i = 0; i < 2; i++) browsers.push(await launchParticipant());
    [olga, gus] = browsers.map((b) => b.page) as [Page, Page];
    for (const page of [olga, gus]) page.setDefaultTimeout(PATIENCE_MS);
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await platform?.logout().catch(() => undefined);
    await server?.close();
  });

  const createBridge = async (body: unknown): Promise<BridgeResponse> =>
    (await (await platform.post('/rcvideo/v2/account/~/extension/~/bridges', body)).json()) as BridgeResponse;

  const participantCount = async (page: Page) => Number(await page.getAttribute('[data-testid="participant-count"]', 'data-count').catch(() => NaN));

  it('the owner hosts through their join URL; a guest with discovery.web is let past the password unasked', async () => {
    const bridge = await createBridge({ name: 'Weekly sync', type: 'Scheduled', security: { password: 'Wq123ygs15' } });
    assert.match(bridge.discovery.web, /\?pw=[0-9a-f]{32}$/);
    const joinUrl = ((await (await platform.get(`/rcvideo/v2/bridges/${bridge.id}/join-url`)).json()) as { url: string; role: string }).url;

    await olga.goto(withParams(joinUrl, { display_name: 'Olga', skip_prejoin: '1' }));
    await olga.waitForSelector('[data-testid="meeting"]');
    await gus.goto(withParams(bridge.discovery.web, { display_name: 'Gus', skip_prejoin: '1' }));
    await gus.waitForSelector('[data-testid="meeting"]').catch(async (error: Error) => {
      throw new Error(`Gus never reached the meeting; the page shows: ${await gus.innerText('body').catch(() => '?')}`, { cause: error });
    });
    await waitUntil(async () => ((await participantCount(olga)) === 2 ? undefined : `Olga counts ${await participantCount(olga)} participants`), PATIENCE_MS);
    assert.equal(await olga.$('[data-testid="lock-button"]') !== null, true, 'the owner is the host: they may lock the meeting');
    assert.equal(await gus.$('[data-testid="lock-button"]'), null, 'the guest is not');
    await saveScreenshot(gus, 'ringcentral-bridge-guest-in');
    await gus.goto('about:blank');
    await olga.goto('about:blank');
  });

  it('a bridge for its own account turns a guest away, in the page\'s words', async () => {
    const bridge = await createBridge({ name: 'Acme only', type: 'Scheduled', security: { sameAccount: true } });
    await gus.goto(withParams(bridge.discovery.web, { display_name: 'Gus', skip_prejoin: '1' }));
    await gus.waitForSelector('text=You aren\'t allowed to join this meeting.');
    assert.equal(await gus.$('[data-testid="meeting"]'), null);
    await saveScreenshot(gus, 'ringcentral-bridge-same-account-only');
  });

  it('video muted on join starts cameras off; screen sharing not allowed leaves it to the host until the bridge allows it', async () => {
    const bridge = await createBridge({ name: 'Town hall', type: 'Scheduled', preferences: { join: { videoMuted: true }, screenSharing: false } });
    const joinUrl = ((await (await platform.get(`/rcvideo/v2/bridges/${bridge.id}/join-url`)).json()) as { url: string }).url;
    await olga.goto(withParams(joinUrl, { display_name: 'Olga', skip_prejoin: '1' }));
    await olga.waitForSelector('[data-testid="meeting"]');
    await gus.goto(withParams(bridge.discovery.web, { display_name: 'Gus' }));
    // The pre-join screen says why the camera is off, and the switch cannot turn it on before joining.
    await gus.waitForSelector('[data-testid="camera-fixed"]');
    await gus.waitForSelector('[data-testid="toggle-camera"][aria-pressed="false"]:disabled');
    await saveScreenshot(gus, 'ringcentral-bridge-camera-starts-off');
    await gus.click('[data-testid="join-button"]');
    await gus.waitForSelector('[data-testid="meeting"]');
    await gus.waitForSelector('[data-testid="toggle-camera"][aria-pressed="false"]:enabled');
    await olga.waitForSelector('[data-testid="toggle-camera"][aria-pressed="false"]');
    await olga.waitForSelector('.screen-share-button');
    assert.equal(await gus.$('.screen-share-button'), null, 'a guest is not offered screen sharing');

    await platform.patch(`/rcvideo/v2/bridges/${bridge.id}`, { preferences: { screenSharing: true } });
    await gus.waitForSelector('.screen-share-button');
    await gus.goto('about:blank');
    await olga.goto('about:blank');
  });
});
