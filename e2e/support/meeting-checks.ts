import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { receivedFrom, receivedOn, waitForFlow } from './media-flow.js';
import type { Attendee } from './meeting-room.js';
import { waitUntil } from './wait.js';

// What a meeting page shows and receives, checked from outside: tiles, chat, media flowing, the
// connection banner, moderation through the participants panel.

/** Every tile of the page, as participant id and name. */
export async function tiles(page: Page): Promise<{ id: string; name: string }[]> {
  return page.$$eval('[data-testid="tile"]', (all) => all.map((t) => ({ id: t.getAttribute('data-participant-id') ?? '', name: t.getAttribute('data-participant-name') ?? '' })));
}

export async function chatTexts(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="chat-message-text"]', (all) => all.map((e) => e.textContent ?? ''));
}

export async function sendChat(attendee: Attendee, text: string): Promise<void> {
  await attendee.page.fill('[data-testid="chat-input"]', text);
  await attendee.page.press('[data-testid="chat-input"]', 'Enter');
}

/**
 * Waits until every attendee receives every other attendee's audio, and video from all but `cameraOff`,
 * by `deadline` (ms since the epoch).
 */
export async function mediaFlowsBetween(people: readonly Attendee[], deadline: number, cameraOff: readonly Attendee[] = []): Promise<void> {
  const left = (): number => Math.max(1, deadline - Date.now());
  for (const viewer of people) {
    for (const other of people) {
      if (other === viewer) continue;
      if (!cameraOff.includes(other)) {
        await waitForFlow(async () => (await receivedFrom(viewer.page, other.name)).videoFrames, 'flowing', `${viewer.name} decoding ${other.name}'s video`, left());
      }
      await waitForFlow(async () => (await receivedFrom(viewer.page, other.name)).audioPackets, 'flowing', `${viewer.name} receiving ${other.name}'s audio`, left());
    }
  }
}

/** Waits until everyone but `sharer` decodes the screen `sharer` shares, by `deadline`. */
export async function screenFlows(people: readonly Attendee[], sharer: Attendee, deadline: number): Promise<void> {
  for (const viewer of people) {
    if (viewer === sharer) continue;
    const read = async (): Promise<number> => (await receivedOn(viewer.page, `[data-testid="screen-tile"][data-participant-id="${sharer.id}"]`)).videoFrames;
    await waitForFlow(read, 'flowing', `${viewer.name} decoding ${sharer.name}'s screen`, Math.max(1, deadline - Date.now()));
  }
}

/** A moderator picks an action from someone's menu in the participants panel. */
export async function moderate(moderator: Attendee, target: Attendee, action: string): Promise<void> {
  const row = `[data-testid="participant-row"][data-participant-name="${target.name}"]`;
  await moderator.page.click('[data-testid="participants-button"]');
  await moderator.page.click(`${row} [data-testid="participant-menu-button"]`);
  await moderator.page.click(`${row} [data-testid="participant-action"][data-action="${action}"]`);
  await moderator.page.click('[data-testid="participants-button"]');
}

/** How many PeerConnections each page has made so far. */
export async function connectionCounts(people: readonly Attendee[]): Promise<number[]> {
  return Promise.all(people.map((p) => p.page.evaluate(() => (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections.length)));
}

/** Waits until each page closed the connections it had made before (`counts`): it dropped the lost media server's. */
export async function oldConnectionsClosed(people: readonly Attendee[], counts: readonly number[], deadline: number): Promise<void> {
  for (const [index, person] of people.entries()) {
    await waitUntil(async () => {
      const open = await person.page.evaluate(
        (before) => (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections.slice(0, before).filter((pc) => pc.connectionState !== 'closed').length,
        counts[index] ?? 0,
      );
      return open === 0 ? undefined : `${person.name} still has ${open} connections to the lost Janus`;
    }, Math.max(1, deadline - Date.now()));
  }
}

/** Each page shows everyone exactly once, as the same participants as before, by `deadline`. */
export async function everyoneShownOnce(people: readonly Attendee[], deadline: number): Promise<void> {
  const expected = people.map((p) => p.id).sort().join(',');
  for (const person of people) {
    await waitUntil(async () => {
      const shown = (await tiles(person.page)).map((t) => t.id).sort().join(',');
      return shown === expected ? undefined : `${person.name} shows tiles ${shown}`;
    }, Math.max(1, deadline - Date.now()));
    assert.equal(await person.page.getAttribute('[data-testid="tile"][data-self="true"]', 'data-participant-id'), person.id, `${person.name} is still the same participant`);
  }
}

/** Starts noting every state the page's connection banner shows, with its text (see `bannerStates`). */
export async function watchBanner(page: Page): Promise<void> {
  await page.evaluate(() => {
    const banner = document.querySelector('[data-testid="connection-banner"]');
    const seen: string[] = [];
    (window as unknown as { bannerStates: string[] }).bannerStates = seen;
    if (!banner) return;
    new MutationObserver(() => {
      const shown = `${banner.getAttribute('data-state') ?? ''}: ${(banner as HTMLElement).innerText.trim()}`;
      if (seen.at(-1) !== shown) seen.push(shown);
    }).observe(banner, { attributes: true, childList: true, subtree: true, characterData: true });
  });
}

export async function bannerStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { bannerStates: string[] }).bannerStates);
}

/** The page no longer says its media is being moved. */
export async function bannerGone(people: readonly Attendee[], deadline: number): Promise<void> {
  for (const person of people) {
    await waitUntil(async () => {
      const state = await person.page.getAttribute('[data-testid="connection-banner"]', 'data-state');
      return state === 'moving-media' || state === 'reconnecting' ? `${person.name}'s banner says ${state}` : undefined;
    }, Math.max(1, deadline - Date.now()));
  }
}
