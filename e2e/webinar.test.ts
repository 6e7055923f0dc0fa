import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RoomService } from '../packages/server/src/rooms/room-service.js';
import { participantUrl, roomLinks } from '../packages/server/src/rooms/room-links.js';
import type { Room } from '../packages/server/src/rooms/room.js';
import { inboundCounters, launchParticipant, type Participant } from './support/browser.js';
import { receivedFrom, waitForFlow } from './support/media-flow.js';
import { withParams } from './support/meeting-room.js';
import { RawClient } from './support/raw-client.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Screenshots of this suite are named `webinar-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `webinar-${name}`);

/** An offer as a page that tried to send its camera and microphone would make it. */
const FORCED_OFFER = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:0', 'a=sendonly', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:1', 'a=sendonly', ''].join('\r\n');

/**
 * A webinar in browsers: a host and a panelist on stage, two attendees through the public link. The
 * attendees wait through the practice, then watch and hear the panel; they ask, the panel answers; a
 * break and the end for the audience reach them; a forced publish from the audience is refused.
 */
describe('a webinar in browsers', { timeout: 300_000 }, () => {
  let server: TestServer;
  let room: Room;
  const browsers: Participant[] = [];
  const pages: Record<'host' | 'panelist' | 'ann' | 'bob', Page> = {} as never;

  before(async () => {
    server = await startTestServer();
    const { services } = server.server;
    room = await new RoomService(services).create(server.applicationId, { displayName: 'Product launch', kind: 'webinar' });
    const deps = { ...services, publicUrl: server.baseUrl };
    const links = await roomLinks(deps, room);
    const panelistUrl = await participantUrl(deps, room, { participantId: 'invitee-pia', roomId: room.id, role: 'panelist' });
    const open = async (who: keyof typeof pages, url: string, name: string, options: { viewport?: { width: number; height: number }; prejoin?: boolean } = {}) => {
      const participant = await launchParticipant(options.viewport ? { viewport: options.viewport } : {});
      browsers.push(participant);
      pages[who] = participant.page;
      await participant.page.goto(withParams(url, { display_name: name, ...(options.prejoin ? {} : { skip_prejoin: '1' }) }));
    };
    await open('host', links.hostUrl, 'Hana');
    await open('panelist', panelistUrl, 'Pia');
    // Ann comes through the pre-join screen: an attendee's has no camera or microphone to set up.
    await open('ann', links.guestUrl, 'Ann', { prejoin: true });
    await pages.ann.waitForSelector('[data-testid="join-button"]', { timeout: 30_000 });
    assert.equal(await pages.ann.$('[data-testid="toggle-camera"]'), null);
    await screenshot(pages.ann, 'attendee-prejoin');
    await pages.ann.click('[data-testid="join-button"]');
    await open('bob', links.guestUrl, 'Bob', { viewport: { width: 375, height: 740 } });
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  const statusOf = (page: Page) => page.getAttribute('[data-testid="webinar-status"]', 'data-status').catch(() => null);

  it('holds the audience on a waiting screen during the practice, with no camera of their own', async () => {
    for (const who of ['ann', 'bob'] as const) {
      await pages[who].waitForSelector('[data-testid="audience-screen"][data-status="Practice"]', { timeout: 60_000 });
      assert.equal(await pages[who].$('[data-testid="tile"]'), null, `${who} sees no tiles before the webinar is live`);
      assert.equal(await pages[who].$('[data-testid="toggle-microphone"], [data-testid="toggle-camera"], [data-testid="toggle-screen-share"]'), null);
    }
    await pages.host.waitForSelector('[data-testid="attendee-count"][data-count="2"]', { timeout: 30_000 });
    // Nothing of the panel reaches the audience before the webinar is live, while the panel already talks.
    await waitForFlow(async () => (await receivedFrom(pages.host, 'Pia')).audioPackets, 'flowing', "the host receiving Pia's audio", 40_000);
    for (const who of ['ann', 'bob'] as const) {
      const received = await inboundCounters(pages[who]);
      const total = [...Object.values(received.audioPacketsReceived), ...Object.values(received.videoFramesDecoded)].reduce((sum, n) => sum + n, 0);
      assert.equal(total, 0, `${who} received media during the practice`);
    }
    // The stage shows the panel only: the host sees the panelist's tile and their own, not the attendees'.
    await waitUntil(async () => {
      const names = await pages.host.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.getAttribute('data-participant-name')).sort());
      return JSON.stringify(names) === JSON.stringify(['Hana', 'Pia']) ? undefined : `the host's tiles: ${names.join(', ')}`;
    }, 30_000);
    await screenshot(pages.ann, 'attendee-practice');
    await screenshot(pages.bob, 'attendee-practice-375');
  });

  it('refuses an attendee who forces a publish', async () => {
    const intruder = await RawClient.connect(server.baseUrl);
    intruder.send({ type: 'join', meetingCode: room.meetingCode, displayName: 'Ivy', audioMuted: true, videoMuted: true });
    const joined = await intruder.next('joined');
    assert.equal(joined.self.role, 'attendee');
    intruder.send({ type: 'publish', sdp: FORCED_OFFER, requestId: 'forced' });
    intruder.send({ type: 'media-state', audioMuted: false, videoMuted: false });
    await waitUntil(() => (intruder.received.filter((m) => m.type === 'error').length >= 2 ? undefined : 'refusals not yet received'));
    const errors = intruder.received.filter((m) => m.type === 'error');
    assert.deepEqual(
      errors.map((e) => e.type === 'error' && [e.code, e.fatal]),
      [
        ['forbidden', false],
        ['forbidden', false],
      ],
    );
    assert.equal(intruder.received.some((m) => m.type === 'publisher-answer'), false);
    intruder.send({ type: 'leave' });
    await waitUntil(() => (intruder.closed ? undefined : 'the intruder is still connected'));
  });

  it('goes live: the attendees see and hear the panel', async () => {
    await pages.host.click('[data-testid="runtime-goLive"]');
    for (const who of ['ann', 'bob'] as const) {
      await pages[who].waitForSelector('[data-testid="tile"][data-participant-name="Pia"]', { timeout: 30_000 });
      await pages[who].waitForSelector('[data-testid="tile"][data-participant-name="Hana"]', { timeout: 30_000 });
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Pia')).videoFrames, 'flowing', `${who} receiving Pia's video`, 40_000);
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Pia')).audioPackets, 'flowing', `${who} receiving Pia's audio`, 40_000);
      assert.equal(await statusOf(pages[who]), 'Live');
    }
    await screenshot(pages.ann, 'attendee-live');
  });

  it('carries a question from the audience to the panel, and the answer to every attendee', async () => {
    const question = 'Will the <b>slides</b> be shared?';
    await pages.ann.click('[data-testid="qa-button"]');
    await pages.ann.fill('[data-testid="qa-ask-input"]', question);
    await pages.ann.click('[data-testid="qa-ask-send"]');
    await pages.ann.waitForSelector('[data-testid="qa-question"][data-status="open"]');

    await pages.panelist.click('[data-testid="qa-button"]');
    const asked = await pages.panelist.waitForSelector('[data-testid="qa-question"][data-status="open"]', { timeout: 15_000 });
    assert.equal(await asked.$eval('[data-testid="qa-question-text"]', (p) => p.textContent), question, 'shown as text, never as markup');
    await screenshot(pages.panelist, 'panelist-qa');
    await asked.$('[data-testid="qa-answer-button"]').then((b) => b?.click());
    await pages.panelist.fill('[data-testid="qa-answer-input"]', 'Yes, right after the webinar');
    await pages.panelist.click('[data-testid="qa-answer-send"]');

    await pages.bob.click('[data-testid="qa-button"]');
    for (const who of ['ann', 'bob'] as const) {
      const answered = await pages[who].waitForSelector('[data-testid="qa-question"][data-status="answered"]', { timeout: 15_000 });
      assert.equal(await answered.$eval('[data-testid="qa-answer-text"]', (p) => p.textContent), 'Yes, right after the webinar');
    }
    await screenshot(pages.ann, 'attendee-qa');
    await screenshot(pages.bob, 'attendee-qa-375');
    await pages.bob.click('[data-testid="qa-close"]');
  });

  it('takes a break and resumes', async () => {
    await pages.host.click('[data-testid="runtime-takeBreak"]');
    for (const who of ['ann', 'bob'] as const) await pages[who].waitForSelector('[data-testid="audience-screen"][data-status="Break"]', { timeout: 15_000 });
    await screenshot(pages.bob, 'attendee-break-375');
    await screenshot(pages.host, 'host-break');
    await pages.host.click('[data-testid="runtime-resume"]');
    for (const who of ['ann', 'bob'] as const) {
      await pages[who].waitForSelector('[data-testid="tile"][data-participant-name="Pia"]', { timeout: 15_000 });
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Pia')).videoFrames, 'flowing', `${who} receiving Pia's video again`, 40_000);
    }
  });

  it('brings an attendee on stage, who sends only once they turn their camera on, back to the audience, and on stage again', async () => {
    const row = '[data-testid="participant-row"][data-participant-name="Bob"]';
    const moderate = async (action: string) => {
      if ((await pages.host.getAttribute('[data-testid="participants-button"]', 'aria-expanded')) !== 'true') await pages.host.click('[data-testid="participants-button"]');
      await pages.host.click(`${row} [data-testid="participant-menu-button"]`);
      await pages.host.click(`${row} [data-testid="participant-action"][data-action="${action}"]`);
    };
    await pages.host.click('[data-testid="participants-button"]');
    await pages.host.click(`${row} [data-testid="participant-menu-button"]`);
    await screenshot(pages.host, 'host-participants');
    await pages.host.keyboard.press('Escape');
    await moderate('bringOnStage');
    await pages.bob.waitForSelector('[data-testid="toggle-camera"]', { timeout: 20_000 });
    await screenshot(pages.bob, 'promoted-375');
    // On stage, but nothing of theirs reaches anyone until they turn their camera on.
    await pages.ann.waitForSelector('[data-testid="tile"][data-participant-name="Bob"]', { timeout: 20_000 });
    await waitForFlow(async () => (await receivedFrom(pages.ann, 'Bob')).videoFrames, 'stopped', 'Ann receiving no video from Bob yet');
    await pages.bob.click('[data-testid="toggle-camera"]');
    await waitForFlow(async () => (await receivedFrom(pages.ann, 'Bob')).videoFrames, 'flowing', "Ann receiving Bob's video", 40_000);

    await moderate('moveToAudience');
    await pages.bob.waitForSelector('[data-testid="audience-view"]', { timeout: 20_000 });
    await waitUntil(async () => ((await pages.ann.$('[data-testid="tile"][data-participant-name="Bob"]')) ? "Ann still shows Bob's tile" : undefined));
    // On stage a second time: the devices the page released when sent back open again, and reach the others.
    await moderate('bringOnStage');
    await pages.bob.waitForSelector('[data-testid="toggle-camera"]', { timeout: 20_000 });
    await pages.bob.click('[data-testid="toggle-camera"]');
    await pages.bob.click('[data-testid="toggle-microphone"]');
    await waitForFlow(async () => (await receivedFrom(pages.ann, 'Bob')).videoFrames, 'flowing', "Ann receiving Bob's video after his second time on stage", 40_000);
    await waitForFlow(async () => (await receivedFrom(pages.host, 'Bob')).audioPackets, 'flowing', "the host hearing Bob after his second time on stage", 40_000);
    await moderate('moveToAudience');
    await pages.bob.waitForSelector('[data-testid="audience-view"]', { timeout: 20_000 });
  });

  it('ends the webinar for the audience while the panel stays, then for everyone', async () => {
    await pages.host.click('[data-testid="runtime-endForAttendees"]');
    await pages.host.click('[data-testid="confirm-action"]');
    for (const who of ['ann', 'bob'] as const) {
      await pages[who].waitForSelector('[data-testid="left-screen"][data-reason="webinar_ended"]', { timeout: 15_000 });
      assert.equal(await pages[who].$('[data-testid="rejoin-button"]'), null);
    }
    await screenshot(pages.ann, 'attendee-ended');
    await waitUntil(async () => ((await statusOf(pages.panelist)) === 'Debrief' ? undefined : 'the panelist does not see the debrief'));
    await pages.host.waitForSelector('[data-testid="attendee-count"][data-count="0"]', { timeout: 15_000 });
    assert.ok(await pages.panelist.$('[data-testid="meeting"]'), 'the panel is still in the session');
    await screenshot(pages.host, 'host-debrief');

    // Then the host ends it for everyone.
    await pages.host.click('[data-testid="runtime-endForEveryone"]');
    await pages.host.click('[data-testid="confirm-action"]');
    for (const who of ['host', 'panelist'] as const) {
      await pages[who].waitForSelector('[data-testid="left-screen"][data-reason="ended_by_host"]', { timeout: 15_000 });
    }
  });
});
