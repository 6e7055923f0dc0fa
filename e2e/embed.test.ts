import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { EmbedEventMessage, EmbedEventName, EmbedEvents } from '@parley/protocol';
import type { FrameLocator, Page } from 'playwright-core';
import { launchParticipant, type Participant } from './support/browser.js';
import { fakeAudioFile } from './support/fake-audio.js';
import { createRoom, enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { serveStaticSite, type StaticSite } from './support/static-site.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** The copy-paste example of docs/embed.md: the host page, with its placeholder meeting URL. */
const EXAMPLE = fs.readFileSync(new URL('../examples/embed/host.html', import.meta.url), 'utf8');
const PLACEHOLDER_URL = 'https://meet.example.com/123456789';
/** Talking is heard over a second of audio, on a loaded machine. */
const TALK_WAIT_MS = 30_000;

/**
 * Records, in the host page only, every Parley message it receives and from which origin: the test's
 * view of what the example's own listener sees.
 */
const RECORD_MESSAGES = `if (window.top === window) {
  window.__parleyMessages = [];
  addEventListener('message', (event) => {
    if (event.data && event.data.parley !== undefined) window.__parleyMessages.push({ origin: event.origin, data: event.data });
  });
}`;

interface Received {
  origin: string;
  data: EmbedEventMessage | { type: 'result' };
}

async function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => (window as unknown as { __parleyMessages: Received[] }).__parleyMessages);
}

async function eventsOf(page: Page): Promise<EmbedEventMessage[]> {
  return (await received(page)).flatMap((m) => (m.data.type === 'event' ? [m.data as EmbedEventMessage] : []));
}

/** Waits for the host page to hear `event` with data `matching`; answers that data. */
async function waitForEvent<E extends EmbedEventName>(page: Page, event: E, matching: (data: EmbedEvents[E]) => boolean = () => true, timeoutMs?: number): Promise<EmbedEvents[E]> {
  let found: EmbedEvents[E] | undefined;
  await waitUntil(async () => {
    const events = await eventsOf(page);
    found = events.filter((e): e is Extract<EmbedEventMessage, { event: E }> => e.event === event).map((e) => e.data as EmbedEvents[E]).find(matching);
    return found ? undefined : `no ${event} event matching; heard ${events.map((e) => e.event).join(', ') || 'nothing'}`;
  }, timeoutMs);
  return found!;
}

type Outcome = { ok: true } | { ok: false; error: { code: string; message: string } };

/** Sends a command through the example's own `send`, as its buttons do. */
async function command(page: Page, name: string, fields: Record<string, unknown> = {}): Promise<Outcome> {
  return page.evaluate(
    ([c, f]) =>
      (window as unknown as { send: (command: string, fields: unknown) => Promise<void> })
        .send(c, f)
        .then(() => ({ ok: true as const }), (error: { code: string; message: string }) => ({ ok: false as const, error })),
    [name, fields] as const,
  );
}

async function commandOk(page: Page, name: string, fields: Record<string, unknown> = {}): Promise<void> {
  assert.deepEqual(await command(page, name, fields), { ok: true }, name);
}

async function refusedWith(page: Page, name: string, fields: Record<string, unknown> = {}): Promise<string> {
  const outcome = await command(page, name, fields);
  assert.equal(outcome.ok, false, `${name} was carried out`);
  return outcome.ok ? '' : outcome.error.code;
}

/** How Bob's page shows Erin's tile: the attribute `name` of the tile with her current name. */
async function tileAttribute(viewer: Attendee, participantId: string, name: string): Promise<string | null> {
  return viewer.page.getAttribute(`[data-testid="tile"][data-participant-id="${participantId}"]`, name);
}

async function waitForTile(viewer: Attendee, participantId: string, attribute: string, value: string): Promise<void> {
  await viewer.page.waitForSelector(`[data-testid="tile"][data-participant-id="${participantId}"][${attribute}="${value}"]`);
}

describe('the meeting embedded in another site’s page, driven with postMessage', { timeout: 300_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let site: StaticSite;
  let erin: Participant;
  let bob: Attendee | undefined;
  let frame: FrameLocator;
  let erinId: string;

  before(async () => {
    server = await startTestServer();
    room = await createRoom(server, { display_name: 'Embedded meeting' });
    assert.ok(EXAMPLE.includes(PLACEHOLDER_URL));
    site = await serveStaticSite({
      '/': { type: 'text/html; charset=utf-8', body: EXAMPLE.replace(PLACEHOLDER_URL, room._links.host_url.href) },
      // Framed with an origin pinned that is not this page's: the meeting must not talk to it.
      '/mispinned': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><iframe allow="camera; microphone" src="${room._links.guest_url.href}?embed_origin=https://elsewhere.example"></iframe>`,
      },
    });
    erin = await launchParticipant({ viewport: { width: 1280, height: 720 } });
    await erin.context.addInitScript({ content: RECORD_MESSAGES });
  });

  after(async () => {
    await Promise.all([erin?.close(), bob?.participant.close()]);
    await site?.close();
    await server?.close();
  });

  it('runs the host page docs/embed.md gives to copy and paste, word for word', () => {
    assert.ok(fs.readFileSync(new URL('../docs/embed.md', import.meta.url), 'utf8').includes(`\`\`\`html\n${EXAMPLE}\`\`\``));
  });

  it('frames the meeting from another origin; the page says it is ready and takes pre-join commands', async () => {
    await erin.page.goto(`${site.origin}/`);
    frame = erin.page.frameLocator('#meeting');
    await waitForEvent(erin.page, 'ready', (data) => data.version === 1);
    assert.deepEqual(new Set((await received(erin.page)).map((m) => m.origin)), new Set([server.baseUrl]), 'every message comes from the meeting’s origin');
    assert.notEqual(new URL(site.origin).origin, new URL(server.baseUrl).origin);

    const nameInput = frame.locator('[data-testid="display-name-input"]');
    assert.equal(await nameInput.inputValue(), 'Ada', 'display_name from the frame’s URL');
    await commandOk(erin.page, 'set-display-name', { displayName: '  Erin  ' });
    await waitUntil(async () => ((await nameInput.inputValue()) === 'Erin' ? undefined : `the name field shows ${await nameInput.inputValue()}`));
    assert.equal(await refusedWith(erin.page, 'set-display-name', { displayName: '   ' }), 'validation_failed');

    await commandOk(erin.page, 'mute');
    await frame.locator('[data-testid="toggle-microphone"][aria-pressed="false"]').waitFor();
    await commandOk(erin.page, 'camera-off');
    await frame.locator('[data-testid="toggle-camera"][aria-pressed="false"]').waitFor();
    await commandOk(erin.page, 'camera-on');
    await frame.locator('[data-testid="toggle-camera"][aria-pressed="true"]').waitFor();

    assert.equal(await refusedWith(erin.page, 'send-chat', { text: 'Too early' }), 'not_available');
    assert.equal(await refusedWith(erin.page, 'raise-hand'), 'not_available');
    assert.equal(await refusedWith(erin.page, 'dance'), 'bad_command');
    await saveScreenshot(erin.page, 'embed-prejoin');

    await frame.locator('[data-testid="join-button"]').click();
    const joined = await waitForEvent(erin.page, 'joined');
    erinId = joined.self.id;
    assert.equal(joined.self.displayName, 'Erin');
    assert.equal(joined.self.audioMuted, true, 'muted before joining, muted in the meeting');
    assert.equal(joined.self.videoMuted, false);
    assert.equal(joined.roomName, 'Embedded meeting');
    assert.deepEqual(joined.participants, []);
  });

  it('tells the host page who comes and who speaks, and carries out each command where others see it', async () => {
    bob = await enterMeeting(room._links.guest_url.href, 'Bob', { fakeAudioFile: fakeAudioFile('tone') });
    const joinedBob = await waitForEvent(erin.page, 'participant-joined', (data) => data.participant.displayName === 'Bob');
    assert.equal(joinedBob.participant.id, bob.id);
    await waitForTile(bob, erinId, 'data-audio-muted', 'true');

    // Bob talks (a steady tone, unmuted): he has the floor.
    await waitForEvent(erin.page, 'active-speaker', (data) => data.participantId === bob!.id, TALK_WAIT_MS);

    await commandOk(erin.page, 'unmute');
    await waitForTile(bob, erinId, 'data-audio-muted', 'false');
    await waitForEvent(erin.page, 'self-updated', (data) => !data.self.audioMuted);
    await commandOk(erin.page, 'mute');
    await waitForTile(bob, erinId, 'data-audio-muted', 'true');
    await commandOk(erin.page, 'camera-off');
    await waitForTile(bob, erinId, 'data-video', 'off');
    await commandOk(erin.page, 'camera-on');
    await waitForTile(bob, erinId, 'data-video', 'on');

    await commandOk(erin.page, 'raise-hand');
    await waitForEvent(erin.page, 'hand-raised', (data) => data.hand.participantId === erinId);
    await bob.page.waitForSelector(`[data-testid="tile"][data-participant-id="${erinId}"] [data-testid="tile-hand"]`);
    await commandOk(erin.page, 'lower-hand');
    await waitForEvent(erin.page, 'hand-lowered', (data) => data.participantId === erinId);
    await bob.page.waitForSelector(`[data-testid="tile"][data-participant-id="${erinId}"] [data-testid="tile-hand"]`, { state: 'detached' });
    await bob.page.click('[data-testid="raise-hand-button"]');
    await waitForEvent(erin.page, 'hand-raised', (data) => data.hand.participantId === bob!.id);

    await commandOk(erin.page, 'send-chat', { text: 'Hello from the host page' });
    await waitForEvent(erin.page, 'chat-message', (data) => data.message.text === 'Hello from the host page' && data.message.participantId === erinId);
    assert.equal(await refusedWith(erin.page, 'send-chat', { text: '   ' }), 'validation_failed');
    await bob.page.click('[data-testid="chat-button"]');
    await bob.page.waitForSelector('[data-testid="chat-message-sender"]:text-is("Erin")');
    await bob.page.fill('[data-testid="chat-input"]', 'Hi Erin');
    await bob.page.press('[data-testid="chat-input"]', 'Enter');
    await waitForEvent(erin.page, 'chat-message', (data) => data.message.text === 'Hi Erin' && data.message.senderName === 'Bob');

    await commandOk(erin.page, 'set-display-name', { displayName: 'Erin from the host page' });
    await waitForEvent(erin.page, 'self-updated', (data) => data.self.displayName === 'Erin from the host page');
    await waitForTile(bob, erinId, 'data-participant-name', 'Erin from the host page');
    assert.equal(await tileAttribute(bob, erinId, 'data-participant-name'), 'Erin from the host page');
    await frame.locator(`[data-testid="tile"][data-self="true"][data-participant-name="Erin from the host page"]`).waitFor();

    await bob.page.click('[data-testid="toggle-microphone"]');
    await waitForEvent(erin.page, 'participant-updated', (data) => data.participant.id === bob!.id && data.participant.audioMuted);
    await saveScreenshot(erin.page, 'embed-meeting');
  });

  it('tells the host page when the meeting starts and stops being recorded', async () => {
    assert.equal((await server.api('POST', `/v1/meetings/rooms/${room.id}/recording`)).status, 201);
    const started = await waitForEvent(erin.page, 'recording-started');
    assert.equal(started.automatic, false);
    assert.ok(Date.parse(started.startedAt) > 0);
    assert.equal((await server.api('DELETE', `/v1/meetings/rooms/${room.id}/recording`)).status, 200);
    await waitForEvent(erin.page, 'recording-stopped');
  });

  it('tells the host page who leaves, and leaves on its command', async () => {
    assert.ok(bob);
    const bobId = bob.id;
    await bob.page.click('[data-testid="leave-button"]');
    const left = await waitForEvent(erin.page, 'participant-left', (data) => data.participant.id === bobId);
    assert.equal(left.participant.displayName, 'Bob');
    await bob.page.click('[data-testid="rejoin-button"]');
    await waitForEvent(erin.page, 'participant-joined', (data) => data.participant.displayName === 'Bob' && data.participant.id !== bobId);
    await bob.page.waitForSelector(`[data-testid="tile"][data-participant-id="${erinId}"]`);

    await commandOk(erin.page, 'leave');
    assert.equal((await waitForEvent(erin.page, 'left')).reason, 'left');
    await frame.locator('[data-testid="left-screen"]').waitFor();
    await bob.page.waitForSelector(`[data-testid="tile"][data-participant-id="${erinId}"]`, { state: 'detached' });
    await bob.page.waitForSelector('[data-testid="participant-count"][data-count="1"]');
    // The name the host page gave is the one to rejoin with.
    assert.equal(await refusedWith(erin.page, 'mute'), 'not_available');
    await commandOk(erin.page, 'set-display-name', { displayName: 'Erin again' });
    await frame.locator('[data-testid="rejoin-button"]').click();
    assert.equal((await waitForEvent(erin.page, 'joined', (data) => data.self.id !== erinId)).self.displayName, 'Erin again');
  });

  it('talks to no page but the one its embed_origin names, and obeys none', async () => {
    const page = await erin.context.newPage();
    try {
      await page.goto(`${site.origin}/mispinned`);
      const meeting = page.frames().find((f) => f.url().startsWith(server.baseUrl));
      assert.ok(meeting);
      await meeting.waitForSelector('[data-testid="prejoin"]');
      // In the framed page, after the page's own listener: the command has been heard (and, had it been
      // obeyed, answered) by the time this one sends a probe back, which the browser delivers after any answer.
      // Both listeners are in place before the command goes: a command sent first would never be heard.
      type Probes = { probeSent?: Promise<void>; probeHeard?: Promise<void> };
      await meeting.evaluate(() => {
        (globalThis as Probes).probeSent = new Promise<void>((resolve) =>
          addEventListener('message', () => setTimeout(() => resolve(parent.postMessage({ probe: true }, '*'))), { once: true }),
        );
      });
      await page.evaluate(() => {
        (globalThis as Probes).probeHeard = new Promise<void>((resolve) => addEventListener('message', (event) => event.data?.probe && resolve()));
      });
      await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ parley: 1, type: 'command', command: 'set-display-name', displayName: 'Mallory', requestId: 'x' }, '*'));
      await meeting.evaluate(() => (globalThis as Probes).probeSent);
      await page.evaluate(() => (globalThis as Probes).probeHeard);
      assert.deepEqual(await received(page), [], 'no ready, no answer: the page posts only to https://elsewhere.example');
      assert.notEqual(await meeting.inputValue('[data-testid="display-name-input"]'), 'Mallory');
    } finally {
      await page.close();
    }
  });
});
