import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyMeetingsWebhook } from '../packages/sdk/src/webhook-verification.js';
import type { MeetingsWebhookEvent } from '@parley/protocol';
import { TestWebhookReceiver } from '../packages/server/src/webhooks/test-support/webhook-receiver.js';
import type { Page } from 'playwright-core';
import { createRoom, enterMeeting, type Attendee } from './support/meeting-room.js';
import { RawClient } from './support/raw-client.js';
import { isBlackAt, maxVolume, probeMedia } from './support/recording-checks.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long each recorded meeting goes on with both people in it (what is recorded, not something waited for). */
const MEETING_MS = 10_000;
/** Post-processing runs on a shared machine: minutes, not seconds, before a test gives up on it. */
const PROCESSING_TIMEOUT_MS = 240_000;

interface RecordingJson {
  id: string;
  session_id: string;
  status: string;
  state: string;
  started_at: string;
  ended_at: string | null;
  _links?: { url: { href: string } };
}

describe('recordings of real meetings', { timeout: 900_000 }, () => {
  let server: TestServer;
  let receiver: TestWebhookReceiver;
  let secret: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-recordings-'));
  const people: Attendee[] = [];

  before(async () => {
    server = await startTestServer({ webhookPollIntervalMs: 100 });
    receiver = await TestWebhookReceiver.start();
    const receiverSetting = { address: receiver.url, http_method: 'POST' };
    const set = await server.api('PATCH', '/v1/meetings/applications/webhooks', { update_details: { session_changed: receiverSetting, recording_changed: receiverSetting } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    secret = ((await server.api('GET', '/v1/meetings/applications/webhooks/secret')).body as { secret: string }).secret;
  });

  after(async () => {
    await Promise.all(people.map((p) => p.participant.close()));
    await server?.close();
    await receiver?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Every event the receiver got, each checked to be signed by Parley with the application's secret. */
  function verifiedEvents(): MeetingsWebhookEvent[] {
    return receiver.received.map((delivery) => verifyMeetingsWebhook(delivery.body, delivery.headers as Record<string, string>, secret));
  }

  async function enter(url: string, name: string): Promise<Attendee> {
    const attendee = await enterMeeting(url, name);
    people.push(attendee);
    return attendee;
  }

  /** Leaves through the page's Leave button (a closed browser would be held for its reconnection grace). */
  async function leave(attendee: Attendee): Promise<void> {
    await attendee.page.click('[data-testid="leave-button"]');
    await attendee.page.waitForSelector('[data-testid="rejoin-button"]');
    await attendee.participant.close();
    people.splice(people.indexOf(attendee), 1);
  }

  /** The recording webhook `event` of the session, once it has arrived. */
  async function eventOf<E extends MeetingsWebhookEvent['event']>(event: E, sessionId: string): Promise<Extract<MeetingsWebhookEvent, { event: E }>> {
    let found: MeetingsWebhookEvent | undefined;
    await waitUntil(
      () => {
        found = verifiedEvents().find((e) => e.event === event && 'session_id' in e && e.session_id === sessionId);
        return found ? undefined : `no ${event} for session ${sessionId} yet (got ${verifiedEvents().map((e) => e.event).join(', ')})`;
      },
      PROCESSING_TIMEOUT_MS,
      250,
    );
    return found as Extract<MeetingsWebhookEvent, { event: E }>;
  }

  /**
   * A meeting of a fresh room with these recording options: the host, then a guest, together for
   * `MEETING_MS`, then both leave. Answers the session's id and how long it lasted.
   */
  async function recordedMeeting(
    name: string,
    recordingOptions: { auto_record: boolean; record_only_owner: boolean },
    meeting: (host: Attendee, guest: Attendee) => Promise<void> = () => pause(MEETING_MS),
  ): Promise<{ sessionId: string; meetingSeconds: number }> {
    const room = await createRoom(server, { display_name: name, recording_options: recordingOptions });
    const host = await enter(room._links.host_url.href, 'Hana Host');
    const guest = await enter(room._links.guest_url.href, 'Gus Guest');
    await meeting(host, guest);
    await leave(guest);
    await leave(host);
    const started = verifiedEvents().find((e) => e.event === 'session:started' && e.room_id === room.id);
    assert.ok(started && started.event === 'session:started');
    const ended = await eventOf('session:ended', started.session_id);
    return { sessionId: started.session_id, meetingSeconds: (Date.parse(ended.ended_at) - Date.parse(ended.started_at)) / 1000 };
  }

  /** Downloads the uploaded recording of the session through its signed link. */
  async function downloadRecording(sessionId: string): Promise<{ recording: RecordingJson; file: string }> {
    const listed = await server.api('GET', `/v1/meetings/sessions/${sessionId}/recordings`);
    const [recording] = (listed.body as { _embedded: { recordings: RecordingJson[] } })._embedded.recordings;
    assert.ok(recording?._links, JSON.stringify(listed.body));
    const response = await fetch(recording._links.url.href);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'video/mp4');
    const file = path.join(work, `${recording.id}.mp4`);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const range = await fetch(recording._links.url.href, { headers: { range: 'bytes=0-99' } });
    assert.equal(range.status, 206, 'players can seek');
    assert.equal((await range.arrayBuffer()).byteLength, 100);
    return { recording, file };
  }

  test('an auto_record room records the meeting: every event, signed, and an MP4 as long as the meeting, showing it as it was', async () => {
    // The host shares their screen for a while: a stream published while recording is recorded too.
    const share = { from: 0, to: 0 };
    const { sessionId, meetingSeconds } = await recordedMeeting('Recorded standup', { auto_record: true, record_only_owner: false }, async (host, guest) => {
      await pause(MEETING_MS * 0.3);
      await host.page.click('[data-testid="toggle-screen-share"]');
      await guest.page.waitForSelector('[data-testid="screen-tile"]', { timeout: 20_000 });
      share.from = Date.now();
      await pause(MEETING_MS * 0.4);
      share.to = Date.now();
      await host.page.click('[data-testid="stop-presenting"]');
      await guest.page.waitForSelector('[data-testid="screen-tile"]', { state: 'detached', timeout: 20_000 });
      await pause(MEETING_MS * 0.3);
    });

    const started = await eventOf('recording:started', sessionId);
    const ended = await eventOf('recording:ended', sessionId);
    const uploaded = await eventOf('recording:uploaded', sessionId);
    assert.deepEqual(Object.keys(started), ['event', 'recording_id', 'session_id']);
    assert.deepEqual(Object.keys(ended), ['event', 'recording_id', 'session_id', 'started_at', 'ended_at', 'duration']);
    assert.deepEqual(Object.keys(uploaded), ['event', 'recording_id', 'session_id', 'room_id', 'started_at', 'ended_at', 'duration', 'url']);
    assert.equal(ended.recording_id, started.recording_id);
    assert.equal(uploaded.recording_id, started.recording_id);
    assert.equal(typeof uploaded.duration, 'number');

    const { recording, file } = await downloadRecording(sessionId);
    assert.deepEqual([recording.id, recording.status, recording.state], [started.recording_id, 'uploaded', 'uploaded']);
    const probed = await probeMedia(file);
    assert.deepEqual(probed.streams, ['video:h264', 'audio:aac']);
    assert.ok(Math.abs(probed.seconds - meetingSeconds) <= 1, `the recording lasts ${probed.seconds} s, the meeting ${meetingSeconds} s`);
    assert.ok((await maxVolume(file)) > -50, 'the microphones are heard');
    // While the host shared: the screen large on the left, the two cameras stacked in a column on the
    // right, nothing below them.
    const sharing = ((share.from + share.to) / 2 - Date.parse(ended.started_at)) / 1000;
    assert.equal(await isBlackAt(file, sharing, 480, 360), false, 'the screen is large on the left');
    assert.equal(await isBlackAt(file, sharing, 1120, 90), false, 'a camera tops the column');
    assert.equal(await isBlackAt(file, sharing, 1120, 270), false, 'the other camera under it');
    assert.equal(await isBlackAt(file, sharing, 1120, 600), true, 'nothing more in the column');
    // After the share, both cameras side by side: 16:9 pictures in half-width cells leave a black band above.
    const after = (share.to - Date.parse(ended.started_at)) / 1000 + (MEETING_MS * 0.2) / 1000;
    assert.equal(await isBlackAt(file, after, 640, 40), true, 'two cameras share the picture');
    assert.equal(await isBlackAt(file, after, 320, 360), false, 'the left camera is shown');
    assert.equal(await isBlackAt(file, after, 960, 360), false, 'the right camera is shown');
  });

  /** Whether a page shows the REC badge, waited for until it does (or no longer does). */
  const indicatorShown = (page: Page, shown: boolean) =>
    page.waitForSelector('[data-testid="recording-indicator"]', { state: shown ? 'visible' : 'detached', timeout: 20_000 });

  test('hosts record from the page and everyone sees it; the API starts and stops it too; guests have no switch', async () => {
    const room = await createRoom(server, { display_name: 'Design review' });
    const host = await enter(room._links.host_url.href, 'Hana Host');
    const guest = await enter(room._links.guest_url.href, 'Gus Guest');
    assert.equal(await guest.page.locator('[data-testid="record-button"]').count(), 0, 'a guest has no record switch');
    assert.equal(await host.page.locator('[data-testid="recording-indicator"]').count(), 0, 'nothing is recorded yet');

    await host.page.click('[data-testid="record-button"]');
    await Promise.all([indicatorShown(host.page, true), indicatorShown(guest.page, true)]);
    assert.equal(await host.page.getAttribute('[data-testid="record-button"]', 'aria-pressed'), 'true');
    assert.match(await guest.page.innerText('[data-testid="recording-indicator"]'), /REC\s*0:0\d/);
    await saveScreenshot(host.page, 'recording-host-recording');
    await saveScreenshot(guest.page, 'recording-guest-sees-rec');

    // Stopping asks first; cancelling keeps recording.
    await host.page.click('[data-testid="record-button"]');
    await host.page.waitForSelector('[data-testid="confirm-dialog"]');
    await saveScreenshot(host.page, 'recording-stop-confirm');
    await host.page.click('[data-testid="confirm-cancel"]');
    assert.equal(await host.page.getAttribute('[data-testid="record-button"]', 'aria-pressed'), 'true');
    await host.page.click('[data-testid="record-button"]');
    await host.page.click('[data-testid="confirm-action"]');
    await Promise.all([indicatorShown(host.page, false), indicatorShown(guest.page, false)]);

    // Through the API, the page follows.
    const started = await server.api('POST', `/v1/meetings/rooms/${room.id}/recording`);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.deepEqual([(started.body as RecordingJson).status, (started.body as RecordingJson).state], ['started', 'started']);
    await Promise.all([indicatorShown(host.page, true), indicatorShown(guest.page, true)]);
    const again = await server.api('POST', `/v1/meetings/rooms/${room.id}/recording`);
    assert.deepEqual([again.status, (again.body as { message: string }).message], [409, 'This meeting is already being recorded']);
    await host.page.setViewportSize({ width: 375, height: 740 });
    await saveScreenshot(host.page, 'recording-host-375px');
    const stopped = await server.api('DELETE', `/v1/meetings/rooms/${room.id}/recording`);
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    assert.deepEqual([(stopped.body as RecordingJson).status, (stopped.body as RecordingJson).state], ['stopped', 'ended']);
    await Promise.all([indicatorShown(host.page, false), indicatorShown(guest.page, false)]);

    // Both recordings of the session are made into files.
    const sessionId = (started.body as RecordingJson).session_id;
    await waitUntil(
      async () => {
        const listed = await server.api('GET', `/v1/meetings/sessions/${sessionId}/recordings`);
        const states = (listed.body as { _embedded: { recordings: RecordingJson[] } })._embedded.recordings.map((r) => r.state);
        return states.length === 2 && states.every((state) => state === 'uploaded') ? undefined : `recordings are ${states.join(', ')}`;
      },
      PROCESSING_TIMEOUT_MS,
      500,
    );
    await leave(guest);
    await leave(host);
  });

  test('over signaling, a guest cannot record and a malformed request is refused; both change nothing', async () => {
    const room = await createRoom(server, { display_name: 'Signaling only' });
    const guest = await RawClient.connect(server.baseUrl);
    guest.send({ type: 'join', meetingCode: room.meeting_code, displayName: 'Guest bot', audioMuted: true, videoMuted: true, guestId: 'recording-guest-bot' });
    await guest.next('joined');
    assert.deepEqual((await guest.next('recording-state')).recording, { active: false, automatic: false });
    guest.send({ type: 'start-recording', requestId: 'start' });
    guest.send({ type: 'stop-recording', requestId: 'stop' });
    guest.send({ type: 'start-recording', requestId: 7 } as Record<string, unknown>);
    await waitUntil(() => (guest.received.filter((m) => m.type === 'error').length >= 3 ? undefined : 'not every request answered'));
    const errors = guest.received.flatMap((m) => (m.type === 'error' ? [[m.code, m.requestId ?? null, m.fatal]] : []));
    assert.deepEqual(errors.sort(), [
      ['forbidden', 'start', false],
      ['forbidden', 'stop', false],
      ['validation_failed', null, false],
    ]);
    assert.equal((guest.received.find((m) => m.type === 'error' && m.requestId === 'start') as { message: string }).message, 'Only the host or a co-host can start or stop recording');
    assert.equal(guest.received.filter((m) => m.type === 'recording-state').length, 1, 'the recording state never changed');
    const recordings = await server.server.services.store.db.selectFrom('recordings').select('id').where('room_id', '=', room.id).execute();
    assert.deepEqual(recordings, [], 'nothing was recorded');
    assert.equal(guest.closed, false);
    guest.send({ type: 'leave' });
  });

  test('record_only_owner shows only the host\'s camera', async () => {
    const { sessionId } = await recordedMeeting('Owner only', { auto_record: true, record_only_owner: true });
    await eventOf('recording:uploaded', sessionId);
    const { file } = await downloadRecording(sessionId);
    const probed = await probeMedia(file);
    assert.deepEqual(probed.streams, ['video:h264', 'audio:aac']);
    // With the guest there, one camera still fills the whole picture.
    assert.equal(await isBlackAt(file, probed.seconds / 2, 640, 40), false, 'one camera fills the picture');
    assert.equal(await isBlackAt(file, probed.seconds / 2, 640, 360), false);
  });
});
