import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RoomService } from '../packages/server/src/rooms/room-service.js';
import { launchParticipant, type Participant } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

interface CreatedRoom {
  id: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** How long a page may take to show what the server did: the machine may be busy with other work. */
const PATIENCE_MS = 60_000;

/** Screenshots of this suite are named `admission-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `admission-${name}`);

async function participantCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="participant-count"]', 'data-count'));
}

async function waitForCount(page: Page, who: string, expected: number): Promise<void> {
  await waitUntil(async () => {
    const count = await participantCount(page).catch(() => NaN);
    return count === expected ? undefined : `${who} counts ${count} participants, not ${expected}`;
  }, PATIENCE_MS);
}

/** Waits for an element's entrance animation to end, so a screenshot shows it as people see it. */
async function animationsDone(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector(s)?.getAnimations().every((a) => a.playState === 'finished') ?? false, selector);
}

/** The names the moderator's waiting-room list shows, in order. */
async function listedGuests(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="lobby-guest"]', (rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
}

async function waitForListed(page: Page, expected: string[]): Promise<void> {
  await waitUntil(async () => {
    const listed = await listedGuests(page);
    return JSON.stringify(listed) === JSON.stringify(expected) ? undefined : `the waiting room lists ${JSON.stringify(listed)}`;
  }, PATIENCE_MS);
}

/**
 * Lock, room password, waiting room, and the room settings a meeting honours, with three browsers:
 * Hana comes through the host URL, Ann and Bob through the guest URL.
 */
describe('admission into a meeting', { timeout: 900_000 }, () => {
  let server: TestServer;
  let hana: Page;
  let ann: Page;
  let bob: Page;
  const browsers: Participant[] = [];

  before(async () => {
    server = await startTestServer();
    for (let i = 0; i < 3; i++) browsers.push(await launchParticipant());
    [hana, ann, bob] = browsers.map((b) => b.page) as [Page, Page, Page];
    for (const page of [hana, ann, bob]) page.setDefaultTimeout(PATIENCE_MS);
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  async function createRoom(settings: Record<string, unknown> = {}): Promise<CreatedRoom> {
    const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Admission', type: 'long_term', expires_at: expiresAt, ...settings });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as CreatedRoom;
  }

  /** Opens the room's host or guest URL as `name`, past the pre-join screen. */
  async function open(page: Page, room: CreatedRoom, as: 'host' | 'guest', name: string): Promise<void> {
    const url = as === 'host' ? room._links.host_url.href : room._links.guest_url.href;
    await page.goto(withParams(url, { display_name: name, skip_prejoin: '1' }));
  }

  /** Opens the guest URL at the pre-join screen, once the camera and microphone have started. */
  async function prejoin(page: Page, room: CreatedRoom): Promise<void> {
    await page.goto(room._links.guest_url.href);
    await page.waitForSelector('[data-testid="prejoin-preview"] video:not([hidden])');
  }

  async function enter(page: Page, room: CreatedRoom, as: 'host' | 'guest', name: string): Promise<void> {
    await open(page, room, as, name);
    await page.waitForSelector('[data-testid="meeting"]').catch(async (error: Error) => {
      throw new Error(`${name} never reached the meeting; the page shows: ${await page.innerText('body').catch(() => '?')}`, { cause: error });
    });
  }

  describe('the lock', () => {
    let room: CreatedRoom;

    it('shows everyone that a host locked the meeting, and a newcomer that it is locked', async () => {
      room = await createRoom();
      await enter(hana, room, 'host', 'Hana');
      await enter(ann, room, 'guest', 'Ann');
      assert.equal(await ann.$('[data-testid="lock-button"]'), null, 'guests cannot lock');
      assert.equal(await ann.$('[data-testid="locked-badge"]'), null);

      await hana.click('[data-testid="lock-button"]');
      await hana.waitForSelector('[data-testid="lock-button"][aria-pressed="true"]');
      await ann.waitForSelector('[data-testid="locked-badge"]');
      await screenshot(ann, 'locked-badge');
      await screenshot(hana, 'locked-host');

      await open(bob, room, 'guest', 'Bob');
      await bob.waitForSelector('[data-testid="locked-screen"]');
      assert.match(await bob.innerText('[data-testid="locked-screen"]'), /This meeting is locked/);
      await screenshot(bob, 'locked-screen');
      assert.equal(await participantCount(hana), 2, 'nobody new got in');
    });

    it('lets the newcomer in once the host unlocks and they try again', async () => {
      await hana.click('[data-testid="lock-button"]');
      await hana.waitForSelector('[data-testid="lock-button"][aria-pressed="false"]');
      await waitUntil(async () => ((await ann.$('[data-testid="locked-badge"]')) ? 'Ann still sees the lock' : undefined), PATIENCE_MS);
      await bob.click('[data-testid="locked-retry"]');
      await bob.waitForSelector('[data-testid="meeting"]');
      for (const [name, page] of [['Hana', hana], ['Ann', ann], ['Bob', bob]] as const) await waitForCount(page, name, 3);
    });
  });

  describe('the room password', () => {
    let room: CreatedRoom;

    before(async () => {
      room = await createRoom();
      // Set the way the RingCentral bridges API will: through the room service, never the Vonage API.
      await new RoomService(server.server.services).update(server.applicationId, room.id, { password: 'river-stone-42' });
    });

    it('asks a guest for it before joining, and refuses a wrong one', async () => {
      await ann.goto(room._links.guest_url.href);
      await ann.waitForSelector('[data-testid="prejoin"]');
      await ann.fill('[data-testid="display-name-input"]', 'Ann');
      await ann.fill('[data-testid="password-input"]', 'river-stone-24');
      await ann.click('[data-testid="join-button"]');
      await ann.waitForSelector('[data-testid="password-error"]');
      assert.equal(await ann.innerText('[data-testid="password-error"]'), "That password isn't right. Check it and try again.");
      assert.equal(await ann.$('[data-testid="meeting"]'), null);
      assert.equal(await ann.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'password-input', 'the field takes the focus');
      await screenshot(ann, 'password-wrong');
    });

    it('lets the guest in with the right one', async () => {
      await ann.fill('[data-testid="password-input"]', 'river-stone-42');
      await ann.click('[data-testid="join-button"]');
      await ann.waitForSelector('[data-testid="meeting"]');
    });

    it('asks a guest who skipped the pre-join screen, and lets a host in without one', async () => {
      await open(bob, room, 'guest', 'Bob');
      await bob.waitForSelector('[data-testid="password-error"]');
      assert.equal(await bob.innerText('[data-testid="password-error"]'), 'This meeting needs a password. Enter it to join.');
      await enter(hana, room, 'host', 'Hana');
      assert.equal(await hana.$('[data-testid="password-input"]'), null);
      await bob.fill('[data-testid="password-input"]', 'river-stone-42');
      await bob.click('[data-testid="join-button"]');
      await bob.waitForSelector('[data-testid="meeting"]');
      await waitForCount(hana, 'Hana', 3);
    });
  });

  describe('after_owner_only', () => {
    let room: CreatedRoom;

    it('has a guest wait until the host arrives, then lets them in on their own', async () => {
      room = await createRoom({ join_approval_level: 'after_owner_only' });
      await open(ann, room, 'guest', 'Ann');
      await ann.waitForSelector('[data-testid="waiting-screen"][data-reason="host_absent"]');
      assert.match(await ann.innerText('[data-testid="waiting-screen"]'), /Waiting for the host/);
      await screenshot(ann, 'waiting-for-host');

      await enter(hana, room, 'host', 'Hana');
      await ann.waitForSelector('[data-testid="meeting"]');
      await waitForCount(hana, 'Hana', 2);
    });

    it('keeps the meeting open when the host leaves', async () => {
      await hana.click('[data-testid="leave-button"]');
      await waitForCount(ann, 'Ann', 1);
      await enter(bob, room, 'guest', 'Bob');
      await waitForCount(ann, 'Ann', 2);
    });
  });

  describe('explicit_approval', () => {
    let room: CreatedRoom;

    it('has every guest wait and shows the host who wants to join', async () => {
      room = await createRoom({ join_approval_level: 'explicit_approval' });
      await enter(hana, room, 'host', 'Hana');
      await open(ann, room, 'guest', 'Ann');
      await ann.waitForSelector('[data-testid="waiting-screen"][data-reason="approval_required"]');
      await screenshot(ann, 'asking-to-join');
      await hana.waitForSelector('[data-testid="lobby-notice"]');
      assert.match(await hana.innerText('[data-testid="lobby-notice"]'), /Ann wants to join/);
      assert.equal(await hana.textContent('[data-testid="lobby-announcement"]'), 'Ann wants to join');
      assert.equal(await hana.getAttribute('[data-testid="lobby-count"]', 'data-count'), '1');
      await animationsDone(hana, '[data-testid="lobby-notice"]');
      await screenshot(hana, 'lobby-notice');

      await open(bob, room, 'guest', 'Bob');
      await bob.waitForSelector('[data-testid="waiting-screen"]');
      await waitUntil(async () => ((await hana.textContent('[data-testid="lobby-notice"]'))?.includes('2 people want to join') ? undefined : 'notice does not count two'), PATIENCE_MS);
      await hana.click('[data-testid="lobby-notice-view"]');
      await hana.waitForSelector('[data-testid="lobby-panel"]');
      await waitForListed(hana, ['Ann', 'Bob']);
      await animationsDone(hana, '[data-testid="lobby-panel"]');
      await screenshot(hana, 'lobby-panel');
      assert.equal(await participantCount(hana), 1, 'waiting guests are not in the meeting');
    });

    it('admits one and denies another', async () => {
      await hana.click('[data-testid="lobby-guest"][data-name="Ann"] [data-testid="lobby-admit"]');
      await ann.waitForSelector('[data-testid="meeting"]');
      await waitForListed(hana, ['Bob']);
      await hana.click('[data-testid="lobby-guest"][data-name="Bob"] [data-testid="lobby-deny"]');
      await bob.waitForSelector('[data-testid="denied-screen"]');
      assert.match(await bob.innerText('[data-testid="denied-screen"]'), /You weren't let in/);
      await screenshot(bob, 'denied');
      await hana.waitForSelector('[data-testid="lobby-empty"]');
      await waitForCount(hana, 'Hana', 2);
      assert.equal(await ann.$('[data-testid="lobby-button"]'), null, 'guests have no waiting room to answer');
    });

    it('drops a guest who closes the waiting page from the list', async () => {
      await open(bob, room, 'guest', 'Bob');
      await bob.waitForSelector('[data-testid="waiting-screen"]');
      await waitForListed(hana, ['Bob']);
      await bob.goto('about:blank');
      await hana.waitForSelector('[data-testid="lobby-empty"]');
    });

    it('admits everyone listed at once', async () => {
      await open(ann, room, 'guest', 'Ann');
      await ann.waitForSelector('[data-testid="waiting-screen"]');
      await open(bob, room, 'guest', 'Bob');
      await bob.waitForSelector('[data-testid="waiting-screen"]');
      await waitForListed(hana, ['Ann', 'Bob']);
      await hana.click('[data-testid="lobby-admit-all"]');
      await ann.waitForSelector('[data-testid="meeting"]');
      await bob.waitForSelector('[data-testid="meeting"]');
      await waitForCount(hana, 'Hana', 3);
      await hana.waitForSelector('[data-testid="lobby-empty"]');
    });
  });

  describe('microphone_state', () => {
    it('off: the pre-join switch is fixed off, and the guest is muted in the meeting for everyone', async () => {
      const room = await createRoom({ initial_join_options: { microphone_state: 'off' } });
      await enter(hana, room, 'host', 'Hana');
      await prejoin(ann, room);
      await ann.waitForSelector('[data-testid="microphone-fixed"]');
      assert.equal(await ann.getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed'), 'false');
      assert.equal(await ann.isDisabled('[data-testid="toggle-microphone"]'), true);
      await screenshot(ann, 'microphone-off-prejoin');
      await ann.fill('[data-testid="display-name-input"]', 'Ann');
      await ann.click('[data-testid="join-button"]');
      await ann.waitForSelector('[data-testid="meeting"]');
      assert.equal(await ann.getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed'), 'false');
      await hana.waitForSelector('[data-testid="tile"][data-participant-name="Ann"][data-audio-muted="true"]');
      assert.equal(await hana.getAttribute('[data-testid="tile"][data-self="true"]', 'data-audio-muted'), 'true', 'hosts start muted too');
      // Muted to start with, not for good: the guest may unmute.
      await ann.click('[data-testid="toggle-microphone"]');
      await hana.waitForSelector('[data-testid="tile"][data-participant-name="Ann"][data-audio-muted="false"]');
    });

    it('on: the pre-join switch is fixed on, and the guest joins unmuted', async () => {
      const room = await createRoom({ initial_join_options: { microphone_state: 'on' } });
      await enter(hana, room, 'host', 'Hana');
      await prejoin(ann, room);
      await ann.waitForSelector('[data-testid="microphone-fixed"]');
      assert.equal(await ann.getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed'), 'true');
      assert.equal(await ann.isDisabled('[data-testid="toggle-microphone"]'), true);
      await ann.fill('[data-testid="display-name-input"]', 'Ann');
      await ann.click('[data-testid="join-button"]');
      await ann.waitForSelector('[data-testid="meeting"]');
      await hana.waitForSelector('[data-testid="tile"][data-participant-name="Ann"][data-audio-muted="false"]');
    });

    it('default: the pre-join switch is each person’s own choice', async () => {
      const room = await createRoom();
      await prejoin(ann, room);
      assert.equal(await ann.$('[data-testid="microphone-fixed"]'), null);
      assert.equal(await ann.getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed'), 'true');
      await ann.click('[data-testid="toggle-microphone"]');
      await ann.waitForSelector('[data-testid="toggle-microphone"][aria-pressed="false"]');
    });
  });

  describe('available_features', () => {
    it('hides the chat and the language switcher of a room that has them off', async () => {
      const room = await createRoom({ available_features: { is_chat_available: false, is_locale_switcher_available: false } });
      await enter(ann, room, 'guest', 'Ann');
      await ann.waitForSelector('[data-testid="leave-button"]');
      assert.equal(await ann.$('[data-testid="chat-button"]'), null);
      assert.equal(await ann.$('[data-testid="language-switcher"]'), null);
    });

    it('takes them away from an open page when the room turns them off, and brings them back', async () => {
      const room = await createRoom({ available_features: { is_chat_available: true, is_locale_switcher_available: true } });
      await enter(ann, room, 'guest', 'Ann');
      await ann.waitForSelector('[data-testid="chat-button"]');
      await ann.waitForSelector('[data-testid="language-switcher"]');
      await ann.click('[data-testid="chat-button"]');
      await ann.waitForSelector('[data-testid="chat-panel"]');

      const off = await server.api('PATCH', `/v1/meetings/rooms/${room.id}`, {
        update_details: { available_features: { is_chat_available: false, is_locale_switcher_available: false } },
      });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      await waitUntil(async () => ((await ann.$('[data-testid="chat-button"]')) ? 'the chat button is still shown' : undefined), PATIENCE_MS);
      assert.equal(await ann.$('[data-testid="chat-panel"]'), null, 'the open chat closes');
      assert.equal(await ann.$('[data-testid="language-switcher"]'), null);
      await screenshot(ann, 'features-off');

      const on = await server.api('PATCH', `/v1/meetings/rooms/${room.id}`, { update_details: { available_features: { is_chat_available: true } } });
      assert.equal(on.status, 200);
      await ann.waitForSelector('[data-testid="chat-button"]');
      assert.equal(await ann.$('[data-testid="language-switcher"]'), null, 'only what was turned back on returns');
    });
  });

  describe('on a phone', () => {
    it('fits the waiting room list and the waiting screen into 375 px', async () => {
      const room = await createRoom({ join_approval_level: 'explicit_approval' });
      await hana.setViewportSize({ width: 375, height: 740 });
      await ann.setViewportSize({ width: 375, height: 740 });
      try {
        await enter(hana, room, 'host', 'Hana');
        await open(ann, room, 'guest', 'Ann Marie-Louise Featherstonehaugh');
        await ann.waitForSelector('[data-testid="waiting-screen"]');
        await screenshot(ann, 'phone-waiting');
        await hana.click('[data-testid="lobby-button"]');
        await waitForListed(hana, ['Ann Marie-Louise Featherstonehaugh']);
        await animationsDone(hana, '[data-testid="lobby-panel"]');
        await screenshot(hana, 'phone-lobby');
        for (const [name, page] of [['Hana', hana], ['Ann', ann]] as const) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(overflow, 0, `${name}'s page scrolls sideways`);
        }
        const panel = await hana.$eval('[data-testid="lobby-panel"]', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
        assert.ok(panel.left >= 0 && panel.right <= 375, `the panel spans ${panel.left}–${panel.right}`);
      } finally {
        await hana.setViewportSize({ width: 1280, height: 800 });
        await ann.setViewportSize({ width: 1280, height: 800 });
      }
    });
  });
});
