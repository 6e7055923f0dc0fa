import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { JanusClient } from '../packages/server/src/media/janus/janus-client.js';
import { JanusProcess } from '../packages/server/src/media/janus/janus-process.js';
import { RoomService } from '../packages/server/src/rooms/room-service.js';
import { participantUrl, roomLinks } from '../packages/server/src/rooms/room-links.js';
import type { Room } from '../packages/server/src/rooms/room.js';
import { launchParticipant, type Participant } from './support/browser.js';
import { receivedFrom, receivedOn, waitForFlow } from './support/media-flow.js';
import { withParams } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** From the death of the leaf's Janus to the attendee it carried receiving the panel again. */
const BACK_WITHIN_MS = 10_000;

/** A Janus Parley does not spawn: the test runs it, and gives Parley its URL. */
interface ExternalJanus {
  process: JanusProcess;
  url: string;
  dataDir: string;
}

async function startExternalJanus(name: string, rtpPorts: { min: number; max: number }): Promise<ExternalJanus> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-cascade-${name}-`));
  const process = new JanusProcess({ binary: 'janus', dataDir, rtpPorts, logger: pino({ level: 'silent' }) });
  return { process, url: await process.start(), dataDir };
}

/** The width of the video a participant's tile plays now: it follows the simulcast layer received. */
async function videoWidth(page: Page, participantName: string): Promise<number> {
  return page.$eval(`[data-testid="tile"][data-participant-name="${participantName}"] video`, (video) => (video as HTMLVideoElement).videoWidth);
}

/**
 * A webinar whose audience outgrows one Janus: two Janus servers, one attendee per Janus. The host and
 * a panelist are on stage (the origin); the first attendee is on the origin, the second on a leaf room
 * on the other Janus, fed the panel with VideoRoom remote publishers. The leaf attendee sees and hears
 * the panel, sees a camera stop, and is back within 10 s of a `kill -9` of the leaf's Janus.
 */
describe('a webinar cascading to a second Janus', { timeout: 300_000 }, () => {
  let origin: ExternalJanus;
  let other: ExternalJanus;
  let server: TestServer;
  let room: Room;
  const browsers: Participant[] = [];
  const pages: Record<'host' | 'panelist' | 'ann' | 'bob', Page> = {} as never;

  before(async () => {
    origin = await startExternalJanus('origin', { min: 45000, max: 45499 });
    other = await startExternalJanus('other', { min: 45500, max: 45999 });
    // The webinar's room goes to the first of two idle Janus servers: the origin.
    server = await startTestServer({ janusUrls: [origin.url, other.url], webinarAttendeesPerJanus: 1 });
    const { services } = server.server;
    room = await new RoomService(services).create(server.applicationId, { displayName: 'Cascade', kind: 'webinar' });
    const deps = { ...services, publicUrl: server.baseUrl };
    const links = await roomLinks(deps, room);
    const panelistUrl = await participantUrl(deps, room, { participantId: 'invitee-pia', roomId: room.id, role: 'panelist' });
    const open = async (who: keyof typeof pages, url: string, name: string): Promise<void> => {
      const participant = await launchParticipant();
      browsers.push(participant);
      pages[who] = participant.page;
      await participant.page.goto(withParams(url, { display_name: name, skip_prejoin: '1' }));
    };
    await open('host', links.hostUrl, 'Hana');
    await open('panelist', panelistUrl, 'Pia');
    await open('ann', links.guestUrl, 'Ann');
    await pages.ann.waitForSelector('[data-testid="audience-screen"]', { timeout: 60_000 });
    // Ann fills the origin's one place: Bob goes to a leaf.
    await open('bob', links.guestUrl, 'Bob');
    await pages.bob.waitForSelector('[data-testid="audience-screen"]', { timeout: 60_000 });
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
    for (const janus of [origin, other]) {
      await janus?.process.stop();
      if (janus) fs.rmSync(janus.dataDir, { recursive: true, force: true });
    }
  });

  it('carries the second attendee on the other Janus, which the origin feeds the panel to', async () => {
    await pages.host.click('[data-testid="runtime-goLive"]');
    for (const who of ['ann', 'bob'] as const) {
      await pages[who].waitForSelector('[data-testid="tile"][data-participant-name="Pia"]', { timeout: 30_000 });
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Pia')).videoFrames, 'flowing', `${who} decoding Pia's video`, 40_000);
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Pia')).audioPackets, 'flowing', `${who} receiving Pia's audio`, 40_000);
      await waitForFlow(async () => (await receivedFrom(pages[who], 'Hana')).videoFrames, 'flowing', `${who} decoding Hana's video`, 40_000);
    }
    // The server's own count: the other Janus carries one room (the leaf) and one handle (Bob's subscriber).
    const loads = server.server.media.loadsByMember();
    assert.deepEqual(loads[other.url], { ready: true, rooms: 1, handles: 1 });
    assert.equal(loads[origin.url]?.rooms, 1);
    // Janus's own view: the origin sends Pia's streams to the other Janus.
    const piaId = await pages.bob.getAttribute('[data-testid="tile"][data-participant-name="Pia"]', 'data-participant-id');
    const sessionId = server.server.liveRooms.find(room.id)?.id;
    assert.ok(piaId && sessionId);
    const janus = await JanusClient.connect(origin.url, 5000);
    try {
      const manager = await janus.attachVideoRoom();
      const remotes = await janus.request(manager, { request: 'listremotes', room: sessionId, publisher_id: piaId });
      const list = (remotes.plugindata?.data.list as { host?: string }[] | undefined) ?? [];
      assert.equal(list.length, 1, JSON.stringify(remotes.plugindata?.data));
      assert.equal(list[0]?.host, new URL(other.url).hostname);
    } finally {
      await janus.close();
    }
    await saveScreenshot(pages.bob, 'webinar-cascade-leaf-attendee');
  });

  it('shows the leaf attendee a panelist stopping the camera, and sharing a screen, each video at the layer its tile needs', async () => {
    const largeWidth = await videoWidth(pages.bob, 'Hana');
    await pages.panelist.click('[data-testid="toggle-camera"]');
    await waitForFlow(async () => (await receivedFrom(pages.bob, 'Pia')).videoFrames, 'stopped', "Bob decoding Pia's video", 20_000);
    await waitForFlow(async () => (await receivedFrom(pages.bob, 'Pia')).audioPackets, 'flowing', "Bob receiving Pia's audio");
    const piaId = await pages.bob.getAttribute('[data-testid="tile"][data-participant-name="Pia"]', 'data-participant-id');
    await pages.panelist.click('[data-testid="toggle-screen-share"]');
    await waitForFlow(async () => (await receivedOn(pages.bob, `[data-testid="screen-tile"][data-participant-id="${piaId}"]`)).videoFrames, 'flowing', "Bob decoding Pia's screen", 30_000);
    // Hana's camera is now a thumbnail beside the screen: the leaf sends Bob a lower simulcast layer of it.
    await waitUntil(async () => {
      const width = await videoWidth(pages.bob, 'Hana');
      return width > 0 && width < largeWidth ? undefined : `Bob's thumbnail of Hana is ${width} px wide (${largeWidth} px as a large tile)`;
    }, 20_000);
    await saveScreenshot(pages.bob, 'webinar-cascade-leaf-screen');
    await pages.panelist.click('[data-testid="toggle-screen-share"]');
    await pages.bob.waitForSelector('[data-testid="screen-tile"]', { state: 'detached', timeout: 20_000 });
  });

  it('brings the leaf attendee back within 10 s of a kill -9 of the leaf Janus, the origin attendee untouched', async (t) => {
    const pid = other.process.pid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    // Its supervisor here would start it again at once: this Janus stays dead, as a crashed host would.
    await other.process.stop();
    const deadline = killedAt + BACK_WITHIN_MS;
    const left = (): number => Math.max(1, deadline - Date.now());
    await waitUntil(async () => (server.server.media.loadsByMember()[origin.url]?.rooms === 2 ? undefined : 'the leaf is not yet on the origin Janus'), left());
    await waitForFlow(async () => (await receivedFrom(pages.bob, 'Hana')).videoFrames, 'flowing', "Bob decoding Hana's video again", left());
    await waitForFlow(async () => (await receivedFrom(pages.bob, 'Pia')).audioPackets, 'flowing', "Bob receiving Pia's audio again", left());
    const backAfterMs = Date.now() - killedAt;
    assert.ok(backAfterMs <= BACK_WITHIN_MS, `Bob was back after ${backAfterMs} ms`);
    t.diagnostic(`the leaf attendee received the panel again ${backAfterMs} ms after the kill`);
    await waitForFlow(async () => (await receivedFrom(pages.ann, 'Hana')).videoFrames, 'flowing', "Ann decoding Hana's video");
    await waitUntil(async () => {
      const state = await pages.bob.getAttribute('[data-testid="connection-banner"]', 'data-state');
      return state === 'moving-media' || state === 'reconnecting' ? `Bob's banner says ${state}` : undefined;
    });
    await saveScreenshot(pages.bob, 'webinar-cascade-leaf-back');
  });
});
