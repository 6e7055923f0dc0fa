import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { spokenPhraseWav, TEST_PHRASE_WORDS } from '../packages/server/src/captions/test-support/spoken-phrase.js';
import { fakeAudioFile } from './support/fake-audio.js';
import { createRoom, enterMeeting, withParams, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { RawClient } from './support/raw-client.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Screenshots of this suite are named `captions-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `captions-${name}`);

/** The caption lines a page shows, as speaker id, speaker name and text, read from the rendered DOM. */
async function shownCaptions(page: Page): Promise<{ id: string; speaker: string; text: string }[]> {
  return page.$$eval('[data-testid="caption"]', (lines) =>
    lines.map((line) => ({
      id: line.getAttribute('data-participant-id') ?? '',
      speaker: line.querySelector('[data-testid="caption-speaker"]')?.textContent ?? '',
      text: line.querySelector('[data-testid="caption-text"]')?.textContent ?? '',
    })),
  );
}

/** Waits until `page` shows a line said by `speaker` with one of the phrase's words in it; returns its text. */
async function waitForCaptionOf(page: Page, who: string, speaker: Attendee): Promise<string> {
  let heard = '';
  // Generous: the phrase loops every six seconds, and a busy machine recognises it late.
  await waitUntil(
    async () => {
      const lines = await shownCaptions(page);
      const match = lines.find((line) => line.id === speaker.id && line.speaker === speaker.name && TEST_PHRASE_WORDS.some((word) => line.text.split(' ').includes(word)));
      heard = match?.text ?? '';
      return match ? undefined : `${who} shows ${JSON.stringify(lines)}`;
    },
    90_000,
    250,
  );
  return heard;
}

/** Saves a screenshot once the newest line has faded in (each line fades in, then out before it goes). */
async function screenshotCaptions(page: Page, name: string): Promise<void> {
  await waitUntil(async () => {
    const opacity = await page.$$eval('[data-testid="caption"]', (lines) => (lines.length > 0 ? getComputedStyle(lines[lines.length - 1]!).opacity : 'none'));
    return opacity === '1' ? undefined : `the newest line's opacity is ${opacity}`;
  });
  await screenshot(page, name);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('live captions in the browser', { timeout: 300_000 }, () => {
  let server: TestServer;
  const people: Attendee[] = [];

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    await Promise.all(people.map((p) => p.participant.close()));
    await server?.close();
  });

  async function enter(url: string, name: string, options: Parameters<typeof enterMeeting>[2] = {}): Promise<Attendee> {
    const attendee = await enterMeeting(url, name, options);
    people.push(attendee);
    return attendee;
  }

  it('a host turns captions on, everyone sees what the speaker says under their name, and turning them off ends every process', async () => {
    const room = await createRoom(server, { display_name: 'Captioned meeting', available_features: { is_captions_available: true } });
    // The host listens (a silent microphone); the speaker's microphone says the phrase, over and over, on
    // a phone-sized screen in Hebrew: a right-to-left page showing English captions.
    const host = await enter(room._links.host_url.href, 'Hana', { fakeAudioFile: fakeAudioFile('silence') });
    const speaker = await enter(withParams(room._links.guest_url.href, { lang: 'he' }), 'שרה', {
      fakeAudioFile: spokenPhraseWav({ sampleRate: 48_000, silenceAfterS: 2 }),
      viewport: { width: 375, height: 740 },
    });

    // Off until a host turns them on; a guest's menu says so, and offers nothing to switch.
    await speaker.page.click('[data-testid="captions-button"]');
    await speaker.page.waitForSelector('[data-testid="captions-menu"]');
    assert.equal(await speaker.page.$('[data-testid="captions-for-everyone"]'), null, 'guests cannot turn captions on');
    assert.equal(await speaker.page.isDisabled('[data-testid="captions-show"]'), true);
    await screenshot(speaker.page, 'guest-menu-off-375-he');
    await speaker.page.keyboard.press('Escape');
    await speaker.page.waitForSelector('[data-testid="captions-menu"]', { state: 'detached' });

    await host.page.click('[data-testid="captions-button"]');
    await host.page.waitForSelector('[data-testid="captions-menu"]');
    assert.match((await host.page.textContent('[data-testid="captions-menu"]')) ?? '', /English speech only/);
    await host.page.click('[data-testid="captions-for-everyone"]');
    await host.page.waitForSelector('[data-testid="captions-for-everyone"][aria-checked="true"]');
    await screenshot(host.page, 'host-menu-on');
    await host.page.keyboard.press('Escape');

    const heardByHost = await waitForCaptionOf(host.page, 'Hana', speaker);
    await waitForCaptionOf(speaker.page, 'שרה', speaker);
    assert.equal(await host.page.getAttribute('[data-testid="captions-overlay"]', 'aria-live'), 'polite');
    await screenshotCaptions(host.page, 'host-sees-speaker');
    await screenshotCaptions(speaker.page, 'speaker-375-he');
    assert.ok(heardByHost.length > 0);

    // One decoder per microphone; a recognizer only for the one who speaks, none for the silent host.
    const captions = server.server.liveRooms.find(room.id)?.captions;
    assert.ok(captions);
    await waitUntil(() => (captions.processIds().length === 3 ? undefined : `processes: ${JSON.stringify(captions.processIds())}`));
    const processes = captions.processIds();

    // Hiding them is one's own choice: the host's overlay goes, the speaker's stays.
    await host.page.click('[data-testid="captions-button"]');
    await host.page.click('[data-testid="captions-show"]');
    await host.page.waitForSelector('[data-testid="captions-overlay"]', { state: 'hidden' });
    assert.equal(await host.page.getAttribute('[data-testid="captions-button"]', 'data-showing'), 'false');
    assert.equal(await speaker.page.isVisible('[data-testid="captions-overlay"]'), true);

    await host.page.click('[data-testid="captions-for-everyone"]');
    await host.page.waitForSelector('[data-testid="captions-for-everyone"][aria-checked="false"]');
    await speaker.page.waitForSelector('[data-testid="captions-overlay"]', { state: 'hidden' });
    assert.deepEqual(await shownCaptions(speaker.page), [], 'the lines go with the captions');
    assert.deepEqual(captions.processIds(), []);
    for (const pid of processes) assert.equal(isRunning(pid), false, `process ${pid} ended with the captions`);
  });

  it('a room without captions shows no CC button, and the server refuses to turn them on', async () => {
    const room: CreatedRoom = await createRoom(server, { display_name: 'Plain meeting', available_features: { is_captions_available: false } });
    const host = await enter(room._links.host_url.href, 'Hugo', { fakeAudioFile: fakeAudioFile('silence') });
    await host.page.waitForSelector('[data-testid="leave-button"]');
    assert.equal(await host.page.$('[data-testid="captions-button"]'), null);

    // What a page could still send, as the host of that room: refused, and nothing changes.
    const raw = await RawClient.connect(server.baseUrl);
    const participantToken = new URL(room._links.host_url.href).searchParams.get('participant_token') ?? '';
    raw.send({ type: 'join', meetingCode: room.meeting_code, participantToken, displayName: 'Script', audioMuted: true, videoMuted: true });
    await raw.next('joined');
    assert.deepEqual((await raw.next('captions-state')).captions, { active: false, language: 'en-US' });
    raw.send({ type: 'set-captions', active: true, requestId: 'cc-1' });
    const refusal = await raw.next('error');
    assert.deepEqual(refusal, { type: 'error', code: 'captions_unavailable', message: 'Captions are turned off in this meeting', fatal: false, requestId: 'cc-1' });
    assert.equal(raw.received.filter((m) => m.type === 'captions-state').length, 1, 'nobody was told of a change');
    assert.deepEqual(server.server.liveRooms.find(room.id)?.captions.state(), { active: false, language: 'en-US' });
    raw.send({ type: 'leave' });
  });
});
