import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeAudioFile } from './support/fake-audio.js';
import { createRoom, enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** Talking is heard over a second of audio, on a loaded machine. */
const TALK_WAIT_MS = 30_000;

/** Who each page shows as speaking, by name. */
async function speakingAt(viewer: Attendee): Promise<string[]> {
  return viewer.page.$$eval('[data-testid="tile"][data-speaking="true"]', (tiles) => tiles.map((t) => t.getAttribute('data-participant-name') ?? '').sort());
}

async function waitForSpeakers(viewers: Attendee[], expected: string[], also: () => Promise<void> = async () => undefined): Promise<void> {
  for (const viewer of viewers) {
    await waitUntil(async () => {
      await also();
      const speaking = await speakingAt(viewer);
      return speaking.join(',') === expected.join(',') ? undefined : `${viewer.name} shows [${speaking.join(', ')}] speaking`;
    }, TALK_WAIT_MS, 250);
  }
}

async function toggleMicrophone(attendee: Attendee, on: boolean): Promise<void> {
  await attendee.page.click('[data-testid="toggle-microphone"]');
  await attendee.page.waitForSelector(`[data-testid="toggle-microphone"][aria-pressed="${on}"]`);
}

describe('the active speaker, between three browsers', { timeout: 300_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  let ann: Attendee;
  let bob: Attendee;
  let carl: Attendee;

  before(async () => {
    server = await startTestServer();
    // Everyone comes in muted; Ann and Bob have a microphone that hears a steady tone, Carl one that hears nothing.
    room = await createRoom(server, { display_name: 'Who is talking', initial_join_options: { microphone_state: 'off' } });
    const tone = fakeAudioFile('tone');
    ann = await enterMeeting(room._links.host_url.href, 'Ann', { fakeAudioFile: tone });
    bob = await enterMeeting(room._links.guest_url.href, 'Bob', { fakeAudioFile: tone });
    carl = await enterMeeting(room._links.guest_url.href, 'Carl', { fakeAudioFile: fakeAudioFile('silence') });
  });

  after(async () => {
    await Promise.all([ann, bob, carl].map((a) => a?.participant.close()));
    await server?.close();
  });

  /** Bob's microphone hears the tone all along, but he is muted: nobody may ever see him speak. */
  const bobNeverSpeaks = async (): Promise<void> => {
    for (const viewer of [ann, bob, carl]) assert.ok(!(await speakingAt(viewer)).includes('Bob'), `${viewer.name} shows Bob, who is muted, speaking`);
  };

  it('highlights Ann’s tile for everyone, her own page included, once she unmutes and talks', async () => {
    await waitForSpeakers([ann, bob, carl], [], bobNeverSpeaks);
    await toggleMicrophone(ann, true);
    await waitForSpeakers([carl, bob, ann], ['Ann'], bobNeverSpeaks);
    // Not by colour alone: the name tag carries a named speaking indicator.
    const indicator = await carl.page.getAttribute(`[data-testid="tile"][data-participant-id="${ann.id}"] [data-testid="speaking-indicator"]`, 'aria-label');
    assert.equal(indicator, 'Speaking');
    await saveScreenshot(carl.page, 'active-speaker-grid');
  });

  it('shows Ann large in Carl’s speaker view while she talks', async () => {
    await carl.page.click('[data-testid="toggle-layout"]');
    await carl.page.waitForSelector(`[data-testid="speaker-main"] [data-testid="tile"][data-participant-id="${ann.id}"][data-speaking="true"]`);
    await bobNeverSpeaks();
  });

  it('moves the highlight, and the speaker view, to Bob when Ann mutes and he unmutes', async () => {
    await toggleMicrophone(ann, false);
    await waitForSpeakers([carl, bob], []);
    await toggleMicrophone(bob, true);
    await waitForSpeakers([carl, ann, bob], ['Bob']);
    await carl.page.waitForSelector(`[data-testid="speaker-main"] [data-testid="tile"][data-participant-id="${bob.id}"][data-speaking="true"]`);
    // Ann stays in the strip, not highlighted.
    await carl.page.waitForSelector(`[data-testid="speaker-strip"] [data-testid="tile"][data-participant-id="${ann.id}"][data-speaking="false"]`);
    await saveScreenshot(carl.page, 'active-speaker-speaker-view');
  });
});
