import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchParticipant, type LaunchOptions, type Participant } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';

interface CreatedRoom {
  _links: { guest_url: { href: string } };
}

const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `permissions-${name}`);

describe('camera and microphone blocked or missing', { timeout: 180_000 }, () => {
  let server: TestServer;
  let guestUrl: string;
  const people: Participant[] = [];

  before(async () => {
    server = await startTestServer();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Permissions' });
    const url = new URL((created.body as CreatedRoom)._links.guest_url.href);
    url.searchParams.set('display_name', 'Dana');
    guestUrl = url.toString();
  });

  after(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.close();
  });

  async function openPrejoin(options: LaunchOptions): Promise<Participant> {
    const participant = await launchParticipant(options);
    people.push(participant);
    await participant.page.goto(guestUrl);
    await participant.page.waitForSelector('[data-testid="prejoin"]', { timeout: 30_000 });
    return participant;
  }

  it('explains a blocked camera and microphone, says how to allow them here, and starts them once allowed', async () => {
    const { page, context } = await openPrejoin({ media: 'blocked' });
    const help = await page.waitForSelector('[data-testid="media-access-help"][data-reason="denied"][data-kinds="both"]', { timeout: 30_000 });
    assert.equal(await help.$eval('h2', (h) => h.textContent), 'Allow your camera and microphone');
    assert.match((await page.textContent('[data-testid="media-access-hint"]')) ?? '', /camera icon at the end of the address bar/, 'directions for a Chromium browser');
    assert.equal(await page.textContent('[data-testid="media-access-join-without"]'), 'Join without camera and microphone');
    await screenshot(page, 'blocked');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'blocked-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The person allows them in the browser, then tries again: the preview comes on.
    await context.grantPermissions(['camera', 'microphone'], { origin: new URL(guestUrl).origin });
    await page.click('[data-testid="media-access-retry"]');
    await page.waitForSelector('[data-testid="prejoin-preview"] video:not([hidden])', { timeout: 30_000 });
    assert.equal(await page.$('[data-testid="media-access-help"]'), null);
    assert.equal(await page.getAttribute('[data-testid="toggle-camera"]', 'aria-pressed'), 'true');
  });

  it('lets someone whose browser blocks the camera and microphone join without them', async () => {
    const { page } = await openPrejoin({ media: 'blocked' });
    await page.click('[data-testid="media-access-join-without"]');
    await page.waitForSelector('[data-testid="meeting"]', { timeout: 60_000 });
    const self = await page.waitForSelector('[data-testid="tile"][data-self="true"]');
    assert.equal(await self.getAttribute('data-video'), 'off');
    assert.equal(await self.getAttribute('data-audio-muted'), 'true');
    assert.equal(await page.isDisabled('[data-testid="toggle-camera"]'), true);
    assert.equal(await page.isDisabled('[data-testid="toggle-microphone"]'), true);
  });

  it('explains a machine with no camera or microphone, and lets the person join without', async () => {
    const { page } = await openPrejoin({ media: 'absent' });
    const help = await page.waitForSelector('[data-testid="media-access-help"][data-reason="not_found"][data-kinds="both"]', { timeout: 30_000 });
    assert.equal(await help.$eval('h2', (h) => h.textContent), 'No camera or microphone found');
    assert.equal(await page.$('[data-testid="media-access-hint"]'), null, 'no browser directions: nothing is blocked');
    await screenshot(page, 'no-devices');
    // Trying again without plugging anything in finds nothing again.
    await page.click('[data-testid="media-access-retry"]');
    await page.waitForSelector('[data-testid="media-access-help"][data-reason="not_found"]', { timeout: 30_000 });
    await page.click('[data-testid="media-access-join-without"]');
    await page.waitForSelector('[data-testid="meeting"]', { timeout: 60_000 });
  });
});
