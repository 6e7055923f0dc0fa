import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchParticipant, type Participant, type LaunchOptions } from './browser.js';
import { saveScreenshot } from './screenshots.js';
import type { ApiClient } from './api-client.js';

export interface CreatedRoom {
  id: string;
  meeting_code: string;
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

/** Creates a room through the Meetings API; `settings` are any of its create-room fields. */
export async function createRoom(server: Pick<ApiClient, 'api'>, settings: Record<string, unknown>): Promise<CreatedRoom> {
  const created = await server.api('POST', '/v1/meetings/rooms', settings);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as CreatedRoom;
}

export function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** Someone in a meeting: their browser, and their id there. */
export interface Attendee {
  name: string;
  participant: Participant;
  page: Page;
  id: string;
}

/** Opens `url` as `name` in a browser of their own, skipping the pre-join screen, and waits to be in the meeting. */
export async function enterMeeting(url: string, name: string, options: LaunchOptions = {}): Promise<Attendee> {
  const participant = await launchParticipant(options);
  const { page } = participant;
  try {
    await page.goto(withParams(url, { display_name: name, skip_prejoin: '1' }));
    await page.waitForSelector('[data-testid="tile"][data-self="true"]', { timeout: 60_000 }).catch(async (error: Error) => {
      throw new Error(`${name} never reached the meeting; the page shows: ${await page.innerText('body').catch(() => '?')}`, { cause: error });
    });
  } catch (error) {
    await participant.close();
    throw error;
  }
  const id = await page.getAttribute('[data-testid="tile"][data-self="true"]', 'data-participant-id');
  assert.ok(id);
  return { name, participant, page, id };
}

/**
 * Waits for the notice about one's own media (a refused camera or screen share) with this key and
 * text (saving a screenshot of it, if named), then closes it, unless it already went by itself.
 */
export async function expectMediaNotice(attendee: Attendee, key: string, text: RegExp, screenshot?: string): Promise<void> {
  const notice = await attendee.page.waitForSelector(`[data-testid="media-notice"][data-key="${key}"]`);
  if (screenshot) await saveScreenshot(attendee.page, screenshot);
  assert.match((await notice.textContent()) ?? '', text);
  await notice.$('button').then((close) => close?.click()).catch(() => undefined);
  await attendee.page.waitForSelector('[data-testid="media-notice"]', { state: 'detached' });
}
