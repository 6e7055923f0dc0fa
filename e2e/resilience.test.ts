import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS, RECONNECT_GRACE_MS } from '@parley/protocol';
import { launchParticipant, type Participant } from './support/browser.js';
import { MediaPathCutter } from './support/media-path.js';
import { startPausableProxy, type PausableProxy } from './support/pausable-proxy.js';
import { connectionView } from './support/peer-connections.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

interface CreatedRoom {
  id: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

/** `url` with `params`, and served from `origin` when given (a page loaded through the proxy). */
function pageUrl(url: string, params: Record<string, string>, origin?: string): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return origin ? `${origin}${parsed.pathname}${parsed.search}` : parsed.toString();
}

const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `resilience-${name}`);

async function selfId(page: Page): Promise<string> {
  return (await page.getAttribute('[data-testid="tile"][data-self="true"]', 'data-participant-id')) ?? '';
}

/** Every tile of the page, as participant id and name. */
async function tiles(page: Page): Promise<{ id: string; name: string; reconnecting: boolean }[]> {
  return page.$$eval('[data-testid="tile"]', (all) =>
    all.map((t) => ({
      id: t.getAttribute('data-participant-id') ?? '',
      name: t.getAttribute('data-participant-name') ?? '',
      reconnecting: t.getAttribute('data-reconnecting') === 'true',
    })),
  );
}

/** Frames shown so far on the tile of `participantId`. */
function framesOf(page: Page, participantId: string): Promise<number> {
  return page.$eval(`[data-testid="tile"][data-participant-id="${participantId}"] video`, (video) => (video as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

/** Waits until the video of each of `participantIds` keeps arriving on `page`: frames shown rise. */
async function videoFlows(page: Page, who: string, participantIds: string[], timeoutMs = 30_000): Promise<void> {
  for (const id of participantIds) {
    const first = await framesOf(page, id).catch(() => 0);
    await waitUntil(async () => {
      const now = await framesOf(page, id).catch(() => 0);
      return now > first + 10 ? undefined : `${who} shows ${now - first} new frames of ${id}`;
    }, timeoutMs);
  }
}

describe('resilience: drops, ICE restarts and the grace period', { timeout: 600_000 }, () => {
  let server: TestServer;
  let proxy: PausableProxy;
  const cutter = new MediaPathCutter();
  let room: CreatedRoom;
  const people: Record<string, Participant> = {};
  const page = (name: string): Page => people[name]!.page;

  before(async () => {
    server = await startTestServer();
    proxy = await startPausableProxy(Number(new URL(server.baseUrl).port));
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Flaky network' });
    assert.equal(created.status, 201);
    room = created.body as CreatedRoom;
  });

  after(async () => {
    await Promise.all(Object.values(people).map((p) => p.close()));
    await cutter.dispose();
    await proxy?.close();
    await server?.close();
  });

  /** Opens the meeting for `name`; `throughProxy` pages reach the server only through the cuttable proxy. */
  async function enter(name: string, url: string, throughProxy = false): Promise<Page> {
    const participant = people[name] ?? (people[name] = await launchParticipant());
    await participant.page.goto(pageUrl(url, { display_name: name, skip_prejoin: '1' }, throughProxy ? proxy.baseUrl : undefined));
    await participant.page.waitForSelector('[data-testid="meeting"]', { timeout: 60_000 }).catch(async (error: Error) => {
      throw new Error(`${name} never reached the meeting; the page shows: ${await participant.page.innerText('body').catch(() => '?')}`, { cause: error });
    });
    return participant.page;
  }

  async function everyoneSees(names: string[], tilesOf: string[]): Promise<void> {
    for (const name of names) {
      await waitUntil(async () => {
        const shown = (await tiles(page(name))).map((t) => t.name).sort();
        return shown.join(',') === [...tilesOf].sort().join(',') ? undefined : `${name} sees [${shown.join(', ')}]`;
      }, 20_000);
    }
  }

  /** Cuts everything between Ann's page and the server: her signaling and her media, both ways. */
  async function cutAnnOff(): Promise<() => Promise<void>> {
    const ports = [...(await connectionView(page('Ann'), 'publisher')).localPorts, ...(await connectionView(page('Ann'), 'subscriber')).localPorts];
    const restoreMedia = await cutter.cut(ports);
    proxy.cut();
    return async () => {
      proxy.restore();
      await restoreMedia();
    };
  }

  it('has three people meet, with everyone’s network quality on their tile', async () => {
    await enter('Ann', room._links.guest_url.href, true);
    await enter('Bob', room._links.host_url.href);
    await enter('Carl', room._links.guest_url.href);
    await everyoneSees(['Ann', 'Bob', 'Carl'], ['Ann', 'Bob', 'Carl']);
    const ids = Object.fromEntries(await Promise.all(['Ann', 'Bob', 'Carl'].map(async (n) => [n, await selfId(page(n))] as const)));
    await videoFlows(page('Bob'), 'Bob', [ids.Ann!, ids.Carl!]);
    await videoFlows(page('Ann'), 'Ann', [ids.Bob!, ids.Carl!]);
    // Every tile says, in words too, how its person's media gets through. (How good it is depends on
    // how busy the machine running the test is; the tests below cut the path to see it drop.)
    for (const name of ['Ann', 'Bob', 'Carl']) {
      await waitUntil(async () => {
        const shown = await page(name).$$eval('[data-testid="network-quality"]', (all) => all.map((i) => [i.getAttribute('data-quality'), i.getAttribute('aria-label')]));
        const labelled = shown.every(([quality, label]) => ['good', 'fair', 'poor'].includes(quality ?? '') && label === `Network: ${quality}`);
        return shown.length === 3 && labelled ? undefined : `${name} shows ${JSON.stringify(shown)}`;
      }, 30_000);
    }
    await screenshot(page('Bob'), 'good-network');
  });

  it('brings Ann back as herself after a drop of a few seconds, with her media and what she missed', async () => {
    const ann = page('Ann');
    const annId = await selfId(ann);
    const publisherBefore = await connectionView(ann, 'publisher');
    const subscriberBefore = await connectionView(ann, 'subscriber');
    const reconnect = await cutAnnOff();

    for (const name of ['Bob', 'Carl']) {
      await waitUntil(async () => ((await tiles(page(name))).find((t) => t.id === annId)?.reconnecting ? undefined : `${name} does not show Ann reconnecting`));
    }
    await ann.waitForSelector('[data-testid="connection-banner"][data-state="reconnecting"]');
    assert.equal(await page('Bob').$eval(`[data-participant-id="${annId}"] [data-testid="tile-reconnecting"]`, (e) => e.textContent), 'Reconnecting…');
    await screenshot(page('Bob'), 'peer-reconnecting');
    await screenshot(ann, 'self-reconnecting');

    // Bob speaks while Ann is away.
    await page('Bob').click('[data-testid="chat-button"]');
    await page('Bob').fill('[data-testid="chat-input"]', 'Did we lose Ann?');
    await page('Bob').press('[data-testid="chat-input"]', 'Enter');
    // The drop lasts until Ann's media has really stopped: her publisher's ICE lost its path.
    await waitUntil(async () => {
      const state = (await connectionView(ann, 'publisher')).iceState;
      return state === 'disconnected' || state === 'failed' ? undefined : `Ann's publisher ICE is ${state}`;
    }, 30_000);
    await reconnect();

    await waitUntil(async () => ((await ann.getAttribute('[data-testid="connection-banner"]', 'data-state')) !== 'reconnecting' ? undefined : 'Ann still reconnecting'), 20_000);
    assert.equal(await selfId(ann), annId, 'Ann is the same participant');
    for (const name of ['Bob', 'Carl']) {
      await waitUntil(async () => {
        const shown = await tiles(page(name));
        const anns = shown.filter((t) => t.id === annId);
        return shown.length === 3 && anns.length === 1 && !anns[0]!.reconnecting ? undefined : `${name} sees ${JSON.stringify(shown)}`;
      });
    }
    assert.equal((await tiles(ann)).length, 3);
    // What was said while she was away is hers too, announced as unread.
    await ann.waitForSelector('[data-testid="chat-unread"][data-count="1"]');
    await ann.click('[data-testid="chat-button"]');
    await waitUntil(async () => {
      const texts = await ann.$$eval('[data-testid="chat-message-text"]', (all) => all.map((e) => e.textContent));
      return texts.join('|') === 'Did we lose Ann?' ? undefined : `Ann's chat shows ${JSON.stringify(texts)}`;
    });
    await ann.click('[data-testid="chat-button"]');
    await page('Bob').click('[data-testid="chat-button"]');

    // Media flows again, both ways, after ICE restarts on both of Ann's connections.
    const ids = { Bob: await selfId(page('Bob')), Carl: await selfId(page('Carl')) };
    await videoFlows(page('Bob'), 'Bob', [annId]);
    await videoFlows(page('Carl'), 'Carl', [annId]);
    await videoFlows(ann, 'Ann', [ids.Bob, ids.Carl]);
    assert.notEqual((await connectionView(ann, 'publisher')).localUfrag, publisherBefore.localUfrag, 'the publisher restarted ICE');
    assert.notEqual((await connectionView(ann, 'subscriber')).remoteUfrag, subscriberBefore.remoteUfrag, 'the server offered the subscriber fresh ICE credentials');
    await waitUntil(async () => ((await ann.getAttribute('[data-testid="connection-banner"]', 'data-state')) === 'connected' ? undefined : 'the banner still shows'));
    await screenshot(ann, 'back');

    const [session] = await server.server.services.sessions.listForRoom(room.id);
    const stored = await server.server.services.sessions.listParticipants(session!.id);
    assert.deepEqual(stored.map((p) => p.displayName).sort(), ['Ann', 'Bob', 'Carl'], 'one participant each, Ann included');
  });

  it('notices a drop that nothing reports, by its heartbeat, and resumes Ann once the network answers again', async () => {
    const ann = page('Ann');
    const annId = await selfId(ann);
    proxy.stall();
    // Neither socket is closed: only Ann's unanswered heartbeat tells her page.
    await ann.waitForSelector('[data-testid="connection-banner"][data-state="reconnecting"]', { timeout: 2 * HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS + 10_000 });
    proxy.restore();
    await waitUntil(async () => ((await ann.getAttribute('[data-testid="connection-banner"]', 'data-state')) !== 'reconnecting' ? undefined : 'Ann still reconnecting'), 30_000);
    assert.equal(await selfId(ann), annId);
    for (const name of ['Bob', 'Carl']) {
      await waitUntil(async () => {
        const anns = (await tiles(page(name))).filter((t) => t.id === annId);
        return anns.length === 1 && !anns[0]!.reconnecting ? undefined : `${name} sees ${JSON.stringify(anns)}`;
      }, 30_000);
    }
    await videoFlows(page('Bob'), 'Bob', [annId]);
  });

  it('restarts ICE when the publisher’s path fails, and the others see Ann’s video again', async () => {
    const ann = page('Ann');
    const annId = await selfId(ann);
    const publisher = await connectionView(ann, 'publisher');
    const subscriber = await connectionView(ann, 'subscriber');
    assert.deepEqual(publisher.localPorts.filter((p) => subscriber.localPorts.includes(p)), [], 'the two connections use ports of their own');
    const restore = await cutter.cut(publisher.localPorts);

    // Receivers see Ann's media stop arriving; Ann sees her own sending fail.
    await waitUntil(async () => {
      const quality = await page('Bob').getAttribute(`[data-participant-id="${annId}"] [data-testid="network-quality"]`, 'data-quality');
      return quality === 'poor' ? undefined : `Bob shows Ann's network as ${quality}`;
    }, 20_000);
    await ann.waitForSelector('[data-self="true"] [data-testid="network-quality"][data-quality="poor"]', { timeout: 20_000 });
    await screenshot(page('Bob'), 'peer-poor-network');
    await waitUntil(async () => {
      const now = await connectionView(ann, 'publisher');
      return now.localUfrag !== publisher.localUfrag ? undefined : `Ann's publisher ICE is ${now.iceState}, not restarted`;
    }, 30_000);
    await restore();

    await videoFlows(page('Bob'), 'Bob', [annId]);
    await videoFlows(page('Carl'), 'Carl', [annId]);
    await waitUntil(async () => {
      const quality = await page('Bob').getAttribute(`[data-participant-id="${annId}"] [data-testid="network-quality"]`, 'data-quality');
      return quality === 'good' || quality === 'fair' ? undefined : `Bob shows Ann's network as ${quality}`;
    }, 30_000);
  });

  it('restarts ICE through the server when the subscriber’s path fails, and Ann sees the others again', async () => {
    const ann = page('Ann');
    const subscriber = await connectionView(ann, 'subscriber');
    const restore = await cutter.cut(subscriber.localPorts);
    // The page asks, the server has Janus offer fresh ICE credentials.
    await waitUntil(async () => {
      const now = await connectionView(ann, 'subscriber');
      return now.remoteUfrag !== subscriber.remoteUfrag ? undefined : `Ann's subscriber ICE is ${now.iceState}, not restarted`;
    }, 30_000);
    await restore();
    await videoFlows(ann, 'Ann', [await selfId(page('Bob')), await selfId(page('Carl'))]);
  });

  it('lets Ann go when she stays away past the grace period, and offers her to join again', async () => {
    const ann = page('Ann');
    const annId = await selfId(ann);
    const reconnect = await cutAnnOff();
    const droppedAt = Date.now();
    for (const name of ['Bob', 'Carl']) {
      await waitUntil(async () => ((await tiles(page(name))).find((t) => t.id === annId)?.reconnecting ? undefined : `${name} does not show Ann reconnecting`));
    }
    await waitUntil(async () => {
      const shown = await tiles(page('Bob'));
      return shown.some((t) => t.id === annId) ? `Bob still shows Ann after ${Date.now() - droppedAt} ms` : undefined;
    }, RECONNECT_GRACE_MS + 15_000);
    assert.ok(Date.now() - droppedAt >= RECONNECT_GRACE_MS - 1_000, 'Ann was kept for the grace period');
    await everyoneSees(['Bob', 'Carl'], ['Bob', 'Carl']);
    await reconnect();

    await ann.waitForSelector('[data-testid="left-screen"][data-reason="reconnect_failed"]', { timeout: 20_000 });
    await screenshot(ann, 'reconnect-failed');
    await ann.click('[data-testid="rejoin-button"]');
    await ann.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 });
    const newId = await selfId(ann);
    assert.notEqual(newId, annId, 'joining again makes a new participant');
    await everyoneSees(['Ann', 'Bob', 'Carl'], ['Ann', 'Bob', 'Carl']);
    await videoFlows(page('Bob'), 'Bob', [newId]);
  });
});
