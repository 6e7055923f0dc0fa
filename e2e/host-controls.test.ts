import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ServerMessage } from '@parley/protocol';
import { launchParticipant, type Participant } from './support/browser.js';
import { packetsSent, receivedFrom, waitForFlow } from './support/media-flow.js';
import { RawClient } from './support/raw-client.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

interface CreatedRoom {
  id: string;
  meeting_code: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** Screenshots of this suite are named `host-controls-<name>.png`. */
const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `host-controls-${name}`);

/** How long to wait for something another browser did to show: these machines are shared and often slow. */
const PATIENCE_MS = 45_000;

const tile = (name: string) => `[data-testid="tile"][data-participant-name="${name}"]`;
const row = (name: string) => `[data-testid="participant-row"][data-participant-name="${name}"]`;

/** What a page shows of raised hands, from its tiles: `name:place` in queue order. */
async function handsOnTiles(page: Page): Promise<string[]> {
  const hands = await page.$$eval('[data-testid="tile"]', (tiles) =>
    tiles.flatMap((t) => {
      const badge = t.querySelector('[data-testid="tile-hand"]');
      return badge ? [{ name: t.getAttribute('data-participant-name') ?? '', place: Number(badge.getAttribute('data-position')) }] : [];
    }),
  );
  return hands.sort((a, b) => a.place - b.place).map((h) => `${h.name}:${h.place}`);
}

async function waitForHands(page: Page, who: string, expected: string[]): Promise<void> {
  await waitUntil(async () => {
    const shown = await handsOnTiles(page);
    return shown.join() === expected.join() ? undefined : `${who} shows hands [${shown.join(', ')}]`;
  }, PATIENCE_MS);
}

interface ShownElement {
  /** The element's `data-*` attributes, without the prefix: `kind`, `emoji`… */
  data: Record<string, string>;
  text: string;
  /** The participant whose tile it was shown on, if any. */
  tile: string | null;
}

/**
 * From now on, records every element matching `selector` that the page shows. Notices and reactions
 * come and go within seconds, so a test reads the record instead of racing them.
 */
async function recordShown(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(() => {
    const record = ((window.__shown ??= {})[${JSON.stringify(selector)}] = []);
    new MutationObserver((mutations) => {
      for (const m of mutations) for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...node.querySelectorAll(${JSON.stringify(selector)})]) {
          if (!el.matches(${JSON.stringify(selector)})) continue;
          record.push({
            data: Object.fromEntries(Object.entries(el.dataset)),
            text: el.textContent ?? '',
            tile: el.closest('[data-testid="tile"]')?.getAttribute('data-participant-name') ?? null,
          });
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
}

async function shownSoFar(page: Page, selector: string): Promise<ShownElement[]> {
  return page.evaluate((key) => (window as unknown as { __shown: Record<string, ShownElement[]> }).__shown[key] ?? [], selector);
}

const NOTICE = '[data-testid="notice"]';
const REACTION = '[data-testid="tile-reaction"]';

/** Waits until `page` has shown a notice of this kind saying `text`. */
async function waitForNotice(page: Page, who: string, kind: string, text: RegExp): Promise<void> {
  await waitUntil(async () => {
    const notices = await shownSoFar(page, NOTICE);
    return notices.some((n) => n.data.kind === kind && text.test(n.text)) ? undefined : `${who} showed notices ${JSON.stringify(notices.map((n) => n.text))}`;
  }, PATIENCE_MS);
}

async function waitForAttribute(page: Page, selector: string, attribute: string, value: string, who: string): Promise<void> {
  await waitUntil(async () => {
    const actual = await page.getAttribute(selector, attribute).catch(() => null);
    return actual === value ? undefined : `${who}: ${selector} has ${attribute}=${actual}, not ${value}`;
  }, PATIENCE_MS);
}

async function openParticipants(page: Page): Promise<void> {
  if ((await page.getAttribute('[data-testid="participants-button"]', 'aria-expanded')) !== 'true') await page.click('[data-testid="participants-button"]');
  await page.waitForSelector('[data-testid="participants-panel"]', { timeout: PATIENCE_MS });
}

/** A moderator picks an action from someone's menu in the participants panel, confirming it when asked. */
async function moderate(page: Page, name: string, action: string): Promise<void> {
  await openParticipants(page);
  await page.click(`${row(name)} [data-testid="participant-menu-button"]`);
  await page.click(`${row(name)} [data-testid="participant-action"][data-action="${action}"]`);
  if (action === 'remove' || action === 'block') await page.click('[data-testid="confirm-action"]');
}

interface Bot {
  client: RawClient;
  joined: Extract<ServerMessage, { type: 'joined' }>;
}

describe('raise hand, reactions, the participants panel and host controls', { timeout: 1_200_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  const people: Record<string, Participant> = {};
  const page = (name: string): Page => people[name]!.page;
  /** Guests without a browser, joined over signaling only: cheap extra people on a shared machine. */
  let carl: Bot;
  let dora: Bot;
  const bots: Bot[] = [];

  async function joinBot(displayName: string, guestId: string): Promise<Bot> {
    const client = await RawClient.connect(server.baseUrl);
    client.send({ type: 'join', meetingCode: room.meeting_code, displayName, guestId, audioMuted: false, videoMuted: true });
    const bot = { client, joined: await client.next('joined') };
    bots.push(bot);
    return bot;
  }

  const participantId = async (name: string): Promise<string> => (await page('Hana').getAttribute(tile(name), 'data-participant-id')) ?? '';

  before(async () => {
    server = await startTestServer();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Team sync' });
    assert.equal(created.status, 201);
    room = created.body as CreatedRoom;
  });

  after(async () => {
    for (const bot of bots) bot.client.kill();
    await Promise.all(Object.values(people).map((p) => p.close()));
    await server?.close();
  });

  async function enter(name: string, as: 'host' | 'guest', participant?: Participant): Promise<Page> {
    participant ??= await launchParticipant();
    people[name] = participant;
    const url = as === 'host' ? room._links.host_url.href : room._links.guest_url.href;
    await participant.page.goto(withParams(url, { display_name: name, skip_prejoin: '1' }));
    await participant.page.waitForSelector('[data-testid="meeting"]', { timeout: PATIENCE_MS }).catch(async (error: Error) => {
      throw new Error(`${name} never reached the meeting; the page shows: ${await participant.page.innerText('body').catch(() => '?')}`, { cause: error });
    });
    for (const selector of [NOTICE, REACTION]) await recordShown(participant.page, selector);
    return participant.page;
  }

  async function waitForTiles(who: string, names: string[]): Promise<void> {
    await waitUntil(async () => {
      const shown = (await page(who).$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.getAttribute('data-participant-name') ?? ''))).sort();
      return JSON.stringify(shown) === JSON.stringify([...names].sort()) ? undefined : `${who} shows tiles ${shown.join(', ')}`;
    }, PATIENCE_MS);
  }

  it('seats a host and two guests, whose media flows', async () => {
    await enter('Hana', 'host');
    await enter('Ann', 'guest');
    await enter('Bob', 'guest');
    for (const who of ['Hana', 'Ann', 'Bob']) await waitForTiles(who, ['Hana', 'Ann', 'Bob']);
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'flowing', 'Ann’s audio at Bob', PATIENCE_MS);
    await waitForFlow(async () => (await receivedFrom(page('Ann'), 'Bob')).videoFrames, 'flowing', 'Bob’s video at Ann', PATIENCE_MS);
  });

  it('queues raised hands in order on every tile; the host sees the queue and lowers a hand; a late joiner gets it', async () => {
    await page('Bob').click('[data-testid="raise-hand-button"]');
    await waitForHands(page('Hana'), 'Hana', ['Bob:1']);
    await waitForNotice(page('Hana'), 'Hana', 'handRaised', /Bob raised their hand/);
    await page('Ann').click('[data-testid="raise-hand-button"]');
    for (const who of ['Hana', 'Ann', 'Bob']) await waitForHands(page(who), who, ['Bob:1', 'Ann:2']);
    assert.equal(await page('Ann').getAttribute('[data-testid="raise-hand-button"]', 'aria-pressed'), 'true');
    assert.deepEqual((await shownSoFar(page('Ann'), NOTICE)).map((n) => n.data.kind), [], 'only moderators are told of hands going up');
    await page('Hana').waitForSelector('[data-testid="participants-hands"][data-count="2"]', { timeout: PATIENCE_MS });

    await openParticipants(page('Hana'));
    const queue = await page('Hana').$$eval('[data-testid="raised-hand"]', (rows) => rows.map((r) => r.getAttribute('data-participant-name')));
    assert.deepEqual(queue, ['Bob', 'Ann']);
    await screenshot(page('Hana'), 'participants-hands');

    await page('Hana').click('[data-testid="raised-hand"][data-participant-name="Bob"] [data-testid="lower-hand"]');
    for (const who of ['Hana', 'Ann', 'Bob']) await waitForHands(page(who), who, ['Ann:1']);
    await waitForNotice(page('Bob'), 'Bob', 'handLowered', /Hana lowered your hand/);
    await screenshot(page('Bob'), 'hand-lowered-notice');

    // Carl, who joins late (a signaling bot: a browser more would only slow the machine), gets the queue.
    carl = await joinBot('Carl', 'carl-guest-id');
    assert.deepEqual(carl.joined.raisedHands.map((h) => h.participantId), [await participantId('Ann')]);
    await page('Ann').click('[data-testid="raise-hand-button"]');
    for (const who of ['Hana', 'Ann', 'Bob']) await waitForHands(page(who), who, []);
    assert.equal((await carl.client.next('hand-lowered')).participantId, await participantId('Ann'));
  });

  it('shows a reaction over its sender’s tile for everyone, and refuses a burst beyond the limit', async () => {
    await page('Ann').click('[data-testid="reactions-button"]');
    await page('Ann').click('[data-testid="reaction-option"][data-emoji="🎉"]');
    await page('Hana').waitForSelector(`${tile('Ann')} [data-testid="tile-reaction"]`, { timeout: PATIENCE_MS }).catch(() => undefined);
    await screenshot(page('Hana'), 'reaction');
    for (const who of ['Hana', 'Bob', 'Ann']) {
      await waitUntil(async () => {
        const reactions = await shownSoFar(page(who), REACTION);
        return reactions.some((r) => r.tile === 'Ann' && r.data.emoji === '🎉') ? undefined : `${who} showed reactions ${JSON.stringify(reactions)}`;
      }, PATIENCE_MS);
    }
    // Six at once: five are within the limit (five in five seconds), the sixth is refused, and says so.
    await page('Ann').$eval('[data-testid="reaction-option"][data-emoji="👍"]', (button) => {
      for (let i = 0; i < 6; i++) (button as HTMLButtonElement).click();
    });
    await page('Ann').waitForSelector('[data-testid="reaction-error"]', { timeout: PATIENCE_MS });
    await screenshot(page('Ann'), 'reactions-too-fast');
    await page('Ann').keyboard.press('Escape');
    await page('Ann').waitForSelector('[data-testid="reaction-picker"]', { state: 'detached' });
  });

  it('refuses a host control from a guest, and nothing changes', async () => {
    carl.client.send({ type: 'stop-media', participantId: await participantId('Ann'), kind: 'audio', requestId: 'r1' });
    const refusal = await carl.client.next('error');
    assert.deepEqual(refusal, { type: 'error', code: 'forbidden', message: 'Only hosts and co-hosts can mute someone', fatal: false, requestId: 'r1' });
    assert.equal(await page('Hana').getAttribute(tile('Ann'), 'data-audio-muted'), 'false');
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'flowing', 'Ann’s audio at Bob', PATIENCE_MS);
  });

  it('lets the host mute a guest at the media server: nobody receives her audio though her browser still sends', async () => {
    await openParticipants(page('Hana'));
    await page('Hana').click(`${row('Ann')} [data-testid="participant-microphone"][data-action="mute"]`);
    await waitForNotice(page('Ann'), 'Ann', 'mediaStopped', /Hana muted you/);
    await waitForAttribute(page('Ann'), '[data-testid="toggle-microphone"]', 'aria-pressed', 'false', 'Ann');
    await waitForAttribute(page('Ann'), '[data-testid="toggle-microphone"]', 'data-locked', 'true', 'Ann');
    await screenshot(page('Ann'), 'muted-by-host');
    await waitForAttribute(page('Bob'), tile('Ann'), 'data-audio-muted', 'true', 'Bob');
    await waitForAttribute(page('Hana'), `${row('Ann')} [data-testid="participant-microphone"]`, 'data-state', 'stopped', 'Hana');
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'stopped', 'Ann’s audio at Bob', PATIENCE_MS);
    await waitForFlow(async () => (await receivedFrom(page('Hana'), 'Ann')).audioPackets, 'stopped', 'Ann’s audio at Hana', PATIENCE_MS);
    // Her page keeps sending (a muted track sends silence): it is the media server that stops it.
    await waitForFlow(() => packetsSent(page('Ann'), 'audio'), 'flowing', 'Ann’s outgoing audio', PATIENCE_MS);
    await screenshot(page('Hana'), 'participants-muted');
  });

  it('refuses the muted guest’s own unmute, and tells her why', async () => {
    await page('Ann').click('[data-testid="toggle-microphone"]');
    await waitForNotice(page('Ann'), 'Ann', 'mediaLocked', /A host muted you/);
    assert.equal(await page('Ann').getAttribute('[data-testid="toggle-microphone"]', 'aria-pressed'), 'false');
    assert.equal(await page('Bob').getAttribute(tile('Ann'), 'data-audio-muted'), 'true');
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'stopped', 'Ann’s audio at Bob', PATIENCE_MS);
  });

  it('asks the muted guest to unmute; once she accepts, her audio flows again', async () => {
    await page('Hana').click(`${row('Ann')} [data-testid="participant-microphone"][data-action="askToUnmute"]`);
    await page('Ann').waitForSelector('[data-testid="unmute-request"][data-kind="audio"]', { timeout: PATIENCE_MS });
    assert.match(await page('Ann').innerText('[data-testid="unmute-request"]'), /Hana is asking you to unmute/);
    await screenshot(page('Ann'), 'unmute-request');
    await page('Ann').click('[data-testid="unmute-request-accept"]');
    await waitForAttribute(page('Ann'), '[data-testid="toggle-microphone"]', 'aria-pressed', 'true', 'Ann');
    assert.equal(await page('Ann').$('[data-testid="media-locked"]'), null, 'the lock is gone');
    await waitForAttribute(page('Bob'), tile('Ann'), 'data-audio-muted', 'false', 'Bob');
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'flowing', 'Ann’s audio at Bob', PATIENCE_MS);
  });

  it('lets the host stop a guest’s camera the same way', async () => {
    await moderate(page('Hana'), 'Bob', 'stopCamera');
    await waitForNotice(page('Bob'), 'Bob', 'mediaStopped', /Hana turned off your camera/);
    await waitForAttribute(page('Bob'), '[data-testid="toggle-camera"]', 'aria-pressed', 'false', 'Bob');
    await waitForAttribute(page('Ann'), tile('Bob'), 'data-video', 'off', 'Ann');
    await waitForFlow(async () => (await receivedFrom(page('Ann'), 'Bob')).videoFrames, 'stopped', 'Bob’s video at Ann', PATIENCE_MS);
    await page('Bob').click('[data-testid="toggle-camera"]');
    await waitForNotice(page('Bob'), 'Bob', 'mediaLocked', /A host turned off your camera/);
    assert.equal(await page('Bob').getAttribute('[data-testid="toggle-camera"]', 'aria-pressed'), 'false');

    await moderate(page('Hana'), 'Bob', 'askToStartCamera');
    await page('Bob').click('[data-testid="unmute-request"][data-kind="video"] [data-testid="unmute-request-accept"]');
    await waitForAttribute(page('Ann'), tile('Bob'), 'data-video', 'on', 'Ann');
    await waitForFlow(async () => (await receivedFrom(page('Ann'), 'Bob')).videoFrames, 'flowing', 'Bob’s video at Ann', PATIENCE_MS);
  });

  it('promotes a guest to co-host, who can then mute others; mute everyone spares hosts and co-hosts', async () => {
    await moderate(page('Hana'), 'Ann', 'makeCohost');
    await waitForNotice(page('Ann'), 'Ann', 'roleChanged', /You're now a co-host/);
    for (const who of ['Hana', 'Bob']) await waitForAttribute(page(who), tile('Ann'), 'data-role', 'cohost', who);
    await waitUntil(async () => {
      const role = await page('Hana').innerText(`${row('Ann')} [data-testid="participant-role"]`);
      return role === 'Co-host' ? undefined : `Hana's panel says Ann is ${role}`;
    }, PATIENCE_MS);

    await openParticipants(page('Ann'));
    await page('Ann').click(`${row('Bob')} [data-testid="participant-microphone"][data-action="mute"]`);
    await waitForAttribute(page('Hana'), tile('Bob'), 'data-audio-muted', 'true', 'Hana');
    await waitForNotice(page('Bob'), 'Bob', 'mediaStopped', /Ann muted you/);
    await screenshot(page('Ann'), 'cohost-panel');

    await page('Hana').click('[data-testid="mute-everyone"]');
    await page('Hana').waitForSelector('[data-testid="confirm-dialog"]', { timeout: PATIENCE_MS });
    await screenshot(page('Hana'), 'confirm-mute-everyone');
    await page('Hana').click('[data-testid="confirm-action"]');
    // Carl, a guest, is muted (Bob already was); Hana sees it in the panel.
    assert.equal((await carl.client.next('media-stopped')).by.displayName, 'Hana');
    await waitForAttribute(page('Hana'), `${row('Carl')} [data-testid="participant-microphone"]`, 'data-state', 'stopped', 'Hana');
    assert.equal(await page('Hana').getAttribute(tile('Ann'), 'data-audio-muted'), 'false', 'the co-host keeps her microphone');
    await waitForFlow(async () => (await receivedFrom(page('Bob'), 'Ann')).audioPackets, 'flowing', 'Ann’s audio at Bob', PATIENCE_MS);
  });

  it('removes a guest, whose page says a host removed them; they may come back', async () => {
    await moderate(page('Hana'), 'Bob', 'remove');
    await page('Bob').waitForSelector('[data-testid="left-screen"][data-reason="removed"]', { timeout: PATIENCE_MS });
    await screenshot(page('Bob'), 'removed');
    for (const who of ['Hana', 'Ann']) await waitForTiles(who, ['Hana', 'Ann', 'Carl']);
    await page('Bob').click('[data-testid="rejoin-button"]');
    await page('Bob').waitForSelector('[data-testid="meeting"]', { timeout: PATIENCE_MS });
    await waitForTiles('Hana', ['Hana', 'Ann', 'Bob', 'Carl']);
  });

  it('blocks a guest: removed, and the same browser cannot come back, while another can', async () => {
    await moderate(page('Hana'), 'Bob', 'block');
    await page('Bob').waitForSelector('[data-testid="left-screen"][data-reason="blocked"]', { timeout: PATIENCE_MS });
    assert.equal(await page('Bob').$('[data-testid="rejoin-button"]'), null, 'no way back offered');
    for (const who of ['Hana', 'Ann']) await waitForTiles(who, ['Hana', 'Ann', 'Carl']);
    // The same browser (its guest id) tries again from the link: refused, and told why.
    await page('Bob').goto(withParams(room._links.guest_url.href, { display_name: 'Bob again', skip_prejoin: '1' }));
    await page('Bob').waitForSelector('[data-testid="left-screen"][data-reason="blocked"]', { timeout: PATIENCE_MS });
    await screenshot(page('Bob'), 'blocked');
    const blocked = await server.server.services.store.db.selectFrom('room_blocks').select(['display_name', 'identity']).execute();
    assert.deepEqual(blocked.map((b) => b.display_name), ['Bob']);
    assert.match(blocked[0]!.identity, /^guest:[0-9a-f-]{36}$/);
    // Someone else, with a guest id of their own, still gets in.
    dora = await joinBot('Dora', 'dora-guest-id');
    await waitForTiles('Hana', ['Hana', 'Ann', 'Carl', 'Dora']);
  });

  it('lists everyone with role, microphone and camera, searchable, on a phone too', async () => {
    const hana = page('Hana');
    await openParticipants(hana);
    const rows = await hana.$$eval('[data-testid="participant-row"]', (items) => items.map((r) => [r.getAttribute('data-participant-name'), r.getAttribute('data-role')]));
    assert.deepEqual(rows, [['Hana', 'host'], ['Ann', 'cohost'], ['Carl', 'guest'], ['Dora', 'guest']]);
    await hana.fill('[data-testid="participants-search"]', 'do');
    await waitUntil(async () => {
      const names = await hana.$$eval('[data-testid="participant-row"]', (items) => items.map((r) => r.getAttribute('data-participant-name')));
      return names.join() === 'Dora' ? undefined : `search shows ${names.join()}`;
    }, PATIENCE_MS);
    await hana.fill('[data-testid="participants-search"]', 'nobody');
    await hana.waitForSelector('[data-testid="participants-no-match"]', { timeout: PATIENCE_MS });
    await hana.fill('[data-testid="participants-search"]', '');

    // Keyboard: the menu opens from its button, arrows move, Escape closes it and leaves the panel open.
    await hana.focus(`${row('Dora')} [data-testid="participant-menu-button"]`);
    await hana.keyboard.press('Enter');
    await waitUntil(async () => ((await hana.evaluate(() => document.activeElement?.getAttribute('data-action'))) === 'mute' ? undefined : 'focus is not on the first action'), PATIENCE_MS);
    await hana.keyboard.press('ArrowDown');
    assert.equal(await hana.evaluate(() => document.activeElement?.getAttribute('data-action')), 'askToStartCamera', 'Dora, a bot, has no camera on');
    await screenshot(hana, 'participant-menu');
    await hana.keyboard.press('Escape');
    await hana.waitForSelector('[role="menu"]', { state: 'detached' });
    assert.equal(await hana.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'participant-menu-button');
    assert.ok(await hana.$('[data-testid="participants-panel"]'));

    await hana.setViewportSize({ width: 375, height: 740 });
    await screenshot(hana, 'participants-phone');
    await hana.click('[data-testid="participants-close"]');
    await screenshot(hana, 'toolbar-phone');
    const overflow = await hana.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a phone`);
    await hana.setViewportSize({ width: 1280, height: 800 });
  });

  it('ends the meeting for everyone when the host asks; every page says the host ended it', async () => {
    await openParticipants(page('Hana'));
    await page('Hana').click('[data-testid="end-meeting"]');
    await page('Hana').waitForSelector('[data-testid="confirm-dialog"]', { timeout: PATIENCE_MS });
    await screenshot(page('Hana'), 'confirm-end');
    await page('Hana').click('[data-testid="confirm-action"]');
    for (const who of ['Hana', 'Ann']) await page(who).waitForSelector('[data-testid="left-screen"][data-reason="ended_by_host"]', { timeout: PATIENCE_MS });
    for (const bot of [carl, dora]) assert.deepEqual(await bot.client.next('room-closed'), { type: 'room-closed', reason: 'ended_by_host' });
    await screenshot(page('Ann'), 'ended-by-host');
    await waitUntil(() => (server.server.liveRooms.find(room.id) ? 'the session still runs' : undefined), PATIENCE_MS);
  });
});
