import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { inboundCounters } from './support/browser.js';
import { createRoom, enterMeeting, expectMediaNotice, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Media over a loaded machine: generous, since every wait ends as soon as its condition holds. */
const MEDIA_WAIT_MS = 40_000;

const screenTile = (sharerId: string) => `[data-testid="screen-tile"][data-participant-id="${sharerId}"]`;

/** The on-screen area of the first element matching `selector`, 0 when there is none. */
async function area(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box ? box.width * box.height : 0;
}

/** Waits until `viewer` shows `sharer`'s screen with picture, in the speaker view's main spot. */
async function waitForSharedScreen(viewer: Attendee, sharer: Attendee): Promise<void> {
  await waitUntil(async () => {
    const shown = await viewer.page
      .$eval(`[data-testid="speaker-main"] ${screenTile(sharer.id)} video`, (video) => (video as HTMLVideoElement).videoWidth)
      .catch(() => 0);
    return shown > 0 ? undefined : `${viewer.name} shows no picture of ${sharer.name}'s screen in the main spot`;
  }, MEDIA_WAIT_MS);
}

async function waitForNoSharedScreen(viewer: Attendee): Promise<void> {
  await waitUntil(async () => ((await viewer.page.$('[data-testid="screen-tile"]')) ? `${viewer.name} still shows a shared screen` : undefined), MEDIA_WAIT_MS);
}

describe('screen sharing between three browsers', { timeout: 300_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let ann: Attendee;
  let bob: Attendee;
  let carl: Attendee;

  before(async () => {
    server = await startTestServer();
    room = await createRoom(server, { display_name: 'Screen share review' });
    ann = await enterMeeting(room._links.host_url.href, 'Ann');
    bob = await enterMeeting(room._links.guest_url.href, 'Bob');
    carl = await enterMeeting(room._links.guest_url.href, 'Carl');
  });

  after(async () => {
    await Promise.all([ann, bob, carl].map((a) => a?.participant.close()));
    await server?.close();
  });

  it('shows Ann’s shared screen large to the others, her camera small beside the others', async () => {
    await ann.page.click('[data-testid="toggle-screen-share"]');
    await ann.page.waitForSelector('[data-testid="presenting-tile"]');
    assert.equal(await ann.page.getAttribute('[data-testid="toggle-screen-share"]', 'aria-pressed'), 'true');
    for (const viewer of [bob, carl]) {
      await waitForSharedScreen(viewer, ann);
      assert.equal(await viewer.page.getAttribute('.stage', 'data-layout'), 'speaker', 'a new share switches to the speaker view');
      const annCamera = `[data-testid="speaker-strip"] [data-testid="tile"][data-participant-id="${ann.id}"]`;
      await viewer.page.waitForSelector(annCamera);
      const ratio = (await area(viewer.page, screenTile(ann.id))) / (await area(viewer.page, annCamera));
      assert.ok(ratio > 10, `the screen is ${ratio.toFixed(1)} times the size of Ann's camera at ${viewer.name}`);
    }
    await saveScreenshot(bob.page, 'screen-share-viewer');
    await saveScreenshot(ann.page, 'screen-share-presenter');
  });

  it('carries the shared screen’s sound with it', async () => {
    // Bob hears Ann's microphone, Carl's microphone and the sound Ann shares: three audio streams flowing.
    let before = await inboundCounters(bob.page);
    await waitUntil(async () => {
      const now = await inboundCounters(bob.page);
      const rising = Object.entries(now.audioPacketsReceived).filter(([key, n]) => n > (before.audioPacketsReceived[key] ?? 0)).length;
      before = now;
      return rising >= 3 ? undefined : `${rising} audio streams rising at Bob`;
    }, MEDIA_WAIT_MS, 1000);
  });

  it('refuses Bob a second share while Ann shares, and tells him who shares', async () => {
    await bob.page.click('[data-testid="toggle-screen-share"]');
    await expectMediaNotice(bob, 'screenShare.busy', /Ann is already sharing their screen/, 'screen-share-busy');
    assert.equal(await bob.page.getAttribute('[data-testid="toggle-screen-share"]', 'aria-pressed'), 'false');
    assert.equal(await bob.page.$('[data-testid="presenting-tile"]'), null);
    // Carl still sees Ann's share, and only hers.
    assert.equal((await carl.page.$$('[data-testid="screen-tile"]')).length, 1);
  });

  it('ends the share for everyone when Ann stops it', async () => {
    await ann.page.click('[data-testid="stop-presenting"]');
    await ann.page.waitForSelector('[data-testid="presenting-tile"]', { state: 'detached' });
    assert.equal(await ann.page.getAttribute('[data-testid="toggle-screen-share"]', 'aria-pressed'), 'false');
    await waitForNoSharedScreen(bob);
    await waitForNoSharedScreen(carl);
  });

  it('lets Bob share once Ann stopped, and ends his share when the browser’s own “Stop sharing” ends the capture', async () => {
    await bob.page.click('[data-testid="toggle-screen-share"]');
    await waitForSharedScreen(ann, bob);
    await waitForSharedScreen(carl, bob);
    // What the browser's "Stop sharing" bar does: the capture (shown in Bob's own presenting tile) ends.
    await bob.page.$eval('[data-testid="presenting-tile"] video', (video) => {
      for (const track of ((video as HTMLVideoElement).srcObject as MediaStream).getVideoTracks()) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
    });
    await bob.page.waitForSelector('[data-testid="presenting-tile"]', { state: 'detached' });
    assert.equal(await bob.page.getAttribute('[data-testid="toggle-screen-share"]', 'aria-pressed'), 'false');
    await waitForNoSharedScreen(ann);
    await waitForNoSharedScreen(carl);
  });
});
