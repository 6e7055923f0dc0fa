import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { launchParticipant, type Participant } from './support/browser.js';
import { fakeAudioFile } from './support/fake-audio.js';
import { receivedFrom } from './support/inbound-streams.js';
import { createRoom, enterMeeting, withParams, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { serveStaticSite, type StaticFile, type StaticSite } from './support/static-site.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

const EXAMPLE = fileURLToPath(new URL('../examples/custom-layout/', import.meta.url));
/** Media and talking on a loaded machine: generous, since every wait ends as soon as its condition holds. */
const MEDIA_WAIT_MS = 60_000;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the example as its README's `npx vite` would serve it (from the SDK's sources), as a site's files. */
async function builtExample(): Promise<Record<string, StaticFile>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-custom-layout-'));
  try {
    await build({
      root: EXAMPLE,
      configFile: false,
      logLevel: 'warn',
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: { outDir, emptyOutDir: true },
    });
    const files: Record<string, StaticFile> = {};
    for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(outDir, file);
      if (!fs.statSync(full).isFile()) continue;
      const url = `/${file.split(path.sep).join('/')}`;
      files[url === '/index.html' ? '/' : url] = { type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(full) };
    }
    return files;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Where the example shows someone: `spotlight`, `filmstrip`, or `null` when it does not. */
async function placeOf(page: Page, participantId: string): Promise<string | null> {
  return page.evaluate((id) => document.querySelector(`[data-participant-id="${id}"]`)?.parentElement?.id ?? null, participantId);
}

async function waitForPlace(page: Page, participantId: string, place: string, name: string): Promise<void> {
  await waitUntil(async () => {
    const now = await placeOf(page, participantId);
    return now === place ? undefined : `${name} is in ${now ?? 'no place'}, not the ${place}`;
  }, MEDIA_WAIT_MS, 250);
}

describe('a custom layout built on @parley/client alone (examples/custom-layout)', { timeout: 400_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let site: StaticSite;
  let ann: Participant;
  let annId: string;
  let bob: Attendee;
  let carl: Attendee;

  before(async () => {
    server = await startTestServer();
    room = await createRoom(server, { display_name: 'Spotlight room' });
    site = await serveStaticSite(await builtExample());
    // Carl (who hears nothing) arrives before Bob (who talks a steady tone): until Bob speaks, Carl has the spotlight.
    carl = await enterMeeting(room._links.guest_url.href, 'Carl', { fakeAudioFile: fakeAudioFile('silence') });
    ann = await launchParticipant({ fakeAudioFile: fakeAudioFile('silence') });
  });

  after(async () => {
    await Promise.all([ann?.close(), bob?.participant.close(), carl?.participant.close()]);
    await site?.close();
    await server?.close();
  });

  it('joins from a site of its own, with the room’s name, and shows whoever is there in its own layout', async () => {
    const { page } = ann;
    await page.goto(withParams(`${site.origin}/`, { server: server.baseUrl, room: room.meeting_code, token: new URL(room._links.host_url.href).searchParams.get('participant_token')! }));
    await page.waitForSelector('#room-name:text-is("Spotlight room")');
    await page.fill('input[name="name"]', 'Ann');
    await page.click('#join button');
    await page.waitForSelector('#filmstrip [data-self="true"][data-participant-name="Ann"]');
    await page.waitForSelector('#join', { state: 'hidden' });
    annId = (await page.getAttribute('[data-self="true"]', 'data-participant-id'))!;
    await waitForPlace(page, carl.id, 'spotlight', 'Carl');
    // Parley's own page sees her, as the host the token made her.
    await carl.page.waitForSelector(`[data-testid="tile"][data-participant-id="${annId}"][data-participant-name="Ann"][data-video="on"]`);
  });

  it('carries media both ways, and spotlights whoever speaks, at a higher simulcast layer than the filmstrip', async () => {
    bob = await enterMeeting(room._links.guest_url.href, 'Bob', { fakeAudioFile: fakeAudioFile('tone') });
    const { page } = ann;
    await waitForPlace(page, bob.id, 'spotlight', 'Bob');
    await waitForPlace(page, carl.id, 'filmstrip', 'Carl');
    await page.waitForSelector(`#spotlight [data-participant-id="${bob.id}"][data-speaking="true"]`);
    await waitUntil(async () => {
      const [fromBob, fromCarl] = [await receivedFrom(page, bob.id), await receivedFrom(page, carl.id)];
      if (fromBob.audioPackets === 0 || fromCarl.videoFrames === 0) return `Ann gets ${JSON.stringify({ fromBob, fromCarl })}`;
      return fromBob.frameWidth > fromCarl.frameWidth ? undefined : `Ann gets Bob (spotlight) ${fromBob.frameWidth} and Carl (filmstrip) ${fromCarl.frameWidth} pixels wide`;
    }, MEDIA_WAIT_MS, 500);
    await waitUntil(async () => {
      const fromAnn = await receivedFrom(bob.page, annId);
      return fromAnn.videoFrames > 0 && fromAnn.audioPackets > 0 ? undefined : `Bob gets ${JSON.stringify(fromAnn)} from Ann`;
    }, MEDIA_WAIT_MS, 500);
    await saveScreenshot(page, 'custom-layout-spotlight');
  });

  it('mutes, turns the camera off and leaves with its own controls, as Parley’s page sees', async () => {
    const { page } = ann;
    const annOnBobsPage = `[data-testid="tile"][data-participant-id="${annId}"]`;
    await page.click('#microphone');
    await page.waitForSelector('#microphone[aria-pressed="false"]');
    await bob.page.waitForSelector(`${annOnBobsPage}[data-audio-muted="true"]`);
    await page.click('#camera');
    await page.waitForSelector('#camera[aria-pressed="false"]');
    await bob.page.waitForSelector(`${annOnBobsPage}[data-video="off"]`);

    await page.setViewportSize({ width: 375, height: 667 });
    const right = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.controls button'), (b) => b.getBoundingClientRect().right)));
    assert.ok(right <= 375, `the controls reach ${right} px on a phone`);
    await saveScreenshot(page, 'custom-layout-phone');

    await page.click('#leave');
    await page.waitForSelector('#status:text("You left the meeting.")');
    await page.waitForSelector('#join', { state: 'visible' });
    await page.waitForSelector('#meeting', { state: 'hidden' });
    await bob.page.waitForSelector(annOnBobsPage, { state: 'detached' });
  });
});
