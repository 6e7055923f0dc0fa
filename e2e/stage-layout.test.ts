import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeAudioFile } from './support/fake-audio.js';
import { receivedFrom } from './support/inbound-streams.js';
import { createRoom, enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Media over a loaded machine: generous, since every wait ends as soon as its condition holds. */
const MEDIA_WAIT_MS = 60_000;
/** How long counters are watched to tell media that flows from media that stopped. */
const SAMPLE_MS = 2000;

/** Whether `viewer` is receiving `sender`'s video and sound right now: their counters rise over a moment. */
async function flowing(viewer: Attendee, sender: Attendee): Promise<{ video: boolean; audio: boolean }> {
  const first = await receivedFrom(viewer.page, sender.id);
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  const then = await receivedFrom(viewer.page, sender.id);
  return { video: then.videoFrames > first.videoFrames, audio: then.audioPackets > first.audioPackets };
}

const tileOf = (attendee: Attendee) => `[data-testid="tile"][data-participant-id="${attendee.id}"]`;

describe('speaker and grid views, with video only for what is shown', { timeout: 400_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let ann: Attendee;
  let bob: Attendee;
  let carl: Attendee;

  before(async () => {
    server = await startTestServer();
    // Everyone comes in muted; only Bob's microphone hears anything (a steady tone), once he unmutes.
    room = await createRoom(server, { display_name: 'Layouts', initial_join_options: { microphone_state: 'off' } });
    const silence = fakeAudioFile('silence');
    ann = await enterMeeting(room._links.host_url.href, 'Ann', { fakeAudioFile: silence });
    bob = await enterMeeting(room._links.guest_url.href, 'Bob', { fakeAudioFile: fakeAudioFile('tone') });
    carl = await enterMeeting(room._links.guest_url.href, 'Carl', { fakeAudioFile: silence });
  });

  after(async () => {
    await Promise.all([ann, bob, carl].map((a) => a?.participant.close()));
    await server?.close();
  });

  it('starts in the grid, everyone the same size, and switches to the speaker view by keyboard', async () => {
    const { page } = carl;
    await page.waitForSelector('.stage[data-layout="grid"]');
    await page.waitForSelector(tileOf(bob));
    const sizes = await page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => `${t.clientWidth}x${t.clientHeight}`));
    assert.equal(sizes.length, 3);
    assert.equal(new Set(sizes).size, 1, `tiles of sizes ${sizes.join(', ')}`);

    await page.focus('[data-testid="toggle-layout"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.stage[data-layout="speaker"]');
    // Nobody has spoken yet: the first of the others takes the main spot; oneself and Bob are in the strip.
    await page.waitForSelector(`[data-testid="speaker-main"] ${tileOf(ann)}`);
    await page.waitForSelector(`[data-testid="speaker-strip"] ${tileOf(bob)}`);
    await page.waitForSelector(`[data-testid="speaker-strip"] ${tileOf(carl)}`);
    assert.equal(await page.getAttribute('[data-testid="toggle-layout"]', 'aria-label'), 'Switch to grid view');
  });

  it('receives the large tile’s video at a higher simulcast layer than the strip’s, and swaps them when the speaker changes', async () => {
    await waitUntil(async () => {
      const [a, b] = [await receivedFrom(carl.page, ann.id), await receivedFrom(carl.page, bob.id)];
      return b.frameWidth > 0 && a.frameWidth > b.frameWidth ? undefined : `Carl gets Ann (large) ${a.frameWidth} and Bob (small) ${b.frameWidth} pixels wide`;
    }, MEDIA_WAIT_MS, 500);
    await saveScreenshot(carl.page, 'layout-speaker-view');

    await bob.page.click('[data-testid="toggle-microphone"]');
    await carl.page.waitForSelector(`[data-testid="speaker-main"] ${tileOf(bob)}`, { timeout: MEDIA_WAIT_MS });
    await carl.page.waitForSelector(`[data-testid="speaker-strip"] ${tileOf(ann)}`);
    await waitUntil(async () => {
      const [a, b] = [await receivedFrom(carl.page, ann.id), await receivedFrom(carl.page, bob.id)];
      return a.frameWidth > 0 && b.frameWidth > a.frameWidth ? undefined : `Carl gets Bob (large) ${b.frameWidth} and Ann (small) ${a.frameWidth} pixels wide`;
    }, MEDIA_WAIT_MS, 500);
  });

  it('pages the grid past what fits the window, and receives video only for the tiles on the page shown', async () => {
    const { page } = carl;
    await page.setViewportSize({ width: 400, height: 320 });
    await page.click('[data-testid="toggle-layout"]');
    await page.waitForSelector('.stage[data-layout="grid"] [data-testid="pager-status"][data-page="1"][data-pages="2"]');
    // Page 1: oneself and Ann. Bob is on page 2: his sound still plays, his video is not sent.
    await page.waitForSelector(tileOf(ann));
    assert.equal(await page.$(tileOf(bob)), null);
    await waitUntil(async () => {
      const [fromAnn, fromBob] = [await flowing(carl, ann), await flowing(carl, bob)];
      return fromAnn.video && !fromBob.video && fromBob.audio ? undefined : `Carl gets Ann's video ${fromAnn.video}, Bob's video ${fromBob.video}, Bob's sound ${fromBob.audio}`;
    }, MEDIA_WAIT_MS, 0);
    await saveScreenshot(page, 'layout-grid-page-1');

    await page.focus('[data-testid="pager-next"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="pager-status"][data-page="2"]');
    await page.waitForSelector(tileOf(bob));
    assert.equal(await page.$(tileOf(ann)), null);
    await waitUntil(async () => {
      const [fromAnn, fromBob] = [await flowing(carl, ann), await flowing(carl, bob)];
      return fromBob.video && !fromAnn.video && fromAnn.audio ? undefined : `Carl gets Bob's video ${fromBob.video}, Ann's video ${fromAnn.video}, Ann's sound ${fromAnn.audio}`;
    }, MEDIA_WAIT_MS, 0);
    await saveScreenshot(page, 'layout-grid-page-2');
  });

  it('fits a phone: every control within 375 pixels, in both views', async () => {
    const { page } = carl;
    await page.setViewportSize({ width: 375, height: 667 });
    for (const layout of ['grid', 'speaker']) {
      if ((await page.getAttribute('.stage', 'data-layout')) !== layout) await page.click('[data-testid="toggle-layout"]');
      await page.waitForSelector(`.stage[data-layout="${layout}"]`);
      const overflow = await page.evaluate(() => {
        const right = Math.max(...Array.from(document.querySelectorAll('.control-bar button, [data-testid="tile"]'), (e) => e.getBoundingClientRect().right));
        return { right, scrollWidth: document.documentElement.scrollWidth };
      });
      assert.ok(overflow.right <= 375 && overflow.scrollWidth <= 375, `${layout}: ${JSON.stringify(overflow)}`);
      await saveScreenshot(page, `layout-phone-${layout}`);
    }
  });
});
