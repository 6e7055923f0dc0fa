import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { receivedFrom } from './support/inbound-streams.js';
import { createRoom, enterMeeting, expectMediaNotice, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Media over a loaded machine: generous, since every wait ends as soon as its condition holds. */
const MEDIA_WAIT_MS = 60_000;

async function cameraOn(page: Page): Promise<string | null> {
  return page.getAttribute('[data-testid="toggle-camera"]', 'aria-pressed');
}

/** Waits until `viewer` receives `sender`'s sound, and their video or not. */
async function waitForMedia(viewer: Attendee, sender: Attendee, video: boolean): Promise<void> {
  let before = await receivedFrom(viewer.page, sender.id);
  await waitUntil(async () => {
    const now = await receivedFrom(viewer.page, sender.id);
    const audio = now.audioPackets > before.audioPackets;
    const frames = now.videoFrames > before.videoFrames;
    before = now;
    return audio && frames === video ? undefined : `${viewer.name} receives ${sender.name}'s sound ${audio}, video ${frames}`;
  }, MEDIA_WAIT_MS, 1500);
}

describe('the presenter limit (one, for this server)', { timeout: 400_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let ann: Attendee;
  let bob: Attendee;

  before(async () => {
    server = await startTestServer({ maxPresenters: 1 });
    room = await createRoom(server, { display_name: 'One camera at a time' });
    ann = await enterMeeting(room._links.host_url.href, 'Ann');
  });

  after(async () => {
    await Promise.all([ann, bob].map((a) => a?.participant.close()));
    await server?.close();
  });

  it('lets Bob in with his camera off when Ann already uses the one video slot, and says why', async () => {
    bob = await enterMeeting(room._links.guest_url.href, 'Bob');
    await expectMediaNotice(bob, 'presenterLimitAtJoin', /You joined with your camera off/);
    assert.equal(await cameraOn(bob.page), 'false');
    assert.equal(await cameraOn(ann.page), 'true');
    // He talks and listens as anyone does; Ann sends video, he sends none.
    await waitForMedia(ann, bob, false);
    await waitForMedia(bob, ann, true);
  });

  it('refuses Bob’s camera and screen share while Ann presents, leaving his sound alone', async () => {
    await bob.page.click('[data-testid="toggle-camera"]');
    await expectMediaNotice(bob, 'presenterLimit', /as many people on video as it allows/);
    assert.equal(await cameraOn(bob.page), 'false');
    await bob.page.click('[data-testid="toggle-screen-share"]');
    await expectMediaNotice(bob, 'presenterLimit', /as many people on video as it allows/, 'presenter-limit');
    assert.equal(await bob.page.$('[data-testid="presenting-tile"]'), null);
    await waitForMedia(ann, bob, false);
  });

  it('gives Bob the slot once Ann turns her camera off, and then refuses Ann', async () => {
    await ann.page.click('[data-testid="toggle-camera"]');
    await ann.page.waitForSelector('[data-testid="toggle-camera"][aria-pressed="false"]');
    await bob.page.click('[data-testid="toggle-camera"]');
    await bob.page.waitForSelector('[data-testid="toggle-camera"][aria-pressed="true"]');
    await waitForMedia(ann, bob, true);
    await waitForMedia(bob, ann, false);

    await ann.page.click('[data-testid="toggle-camera"]');
    await expectMediaNotice(ann, 'presenterLimit', /as many people on video as it allows/);
    assert.equal(await cameraOn(ann.page), 'false');
  });
});
