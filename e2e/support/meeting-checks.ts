import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { receivedFrom, waitForFlow } from './media-flow.js';
import type { Attendee } from './meeting-room.js';
import { waitUntil } from './wait.js';

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
