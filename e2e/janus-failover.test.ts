import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startExternalJanus, stopExternalJanus, type ExternalJanus } from './support/external-janus.js';
import { receivedFrom, waitForFlow } from './support/media-flow.js';
import {
  bannerGone,
  bannerStates,
  chatTexts,
  connectionCounts,
  everyoneShownOnce,
  mediaFlowsBetween,
  moderate,
  oldConnectionsClosed,
  screenFlows,
  sendChat,
  watchBanner,
} from './support/meeting-checks.js';
import { isBlackAt, probeMedia } from './support/recording-checks.js';
import { createRoom, enterMeeting, type Attendee, type CreatedRoom } from './support/meeting-room.js';
import { RawClient } from './support/raw-client.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** From the death of the Janus holding the meeting to every page back, media flowing both ways. */
const BACK_WITHIN_MS = 10_000;

/** Raw video enough for a second or two of the fake camera: what a recording holds before and after the kill. */
const RECORDED_VIDEO_BYTES = 150_000;

describe('Janus failover: a pool of two Janus servers, one killed mid-meeting', { timeout: 600_000 }, () => {
  let first: ExternalJanus;
  let second: ExternalJanus;
  let server: TestServer;
  let room: CreatedRoom;
  const people: Attendee[] = [];

  before(async () => {
    first = await startExternalJanus('first', { min: 44000, max: 44499 });
    second = await startExternalJanus('second', { min: 44500, max: 44999 });
    server = await startTestServer({ janusUrls: [first.url, second.url] });
    room = await createRoom(server, { display_name: 'Failover' });
  });

  after(async () => {
    await Promise.all(people.map((p) => p.participant.close()));
    await server?.close();
    for (const janus of [first, second]) await stopExternalJanus(janus);
  });

  it('keeps the meeting going on the surviving Janus within 10 s of the kill: same session, tiles, chat, screen share, moderation', async (t) => {
    people.push(await enterMeeting(room._links.host_url.href, 'Ann'));
    people.push(await enterMeeting(room._links.guest_url.href, 'Bob'));
    people.push(await enterMeeting(room._links.guest_url.href, 'Carl'));
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    const [ann, bob, carl] = people as [Attendee, Attendee, Attendee];
    // What the meeting is in when the Janus dies: Bob's camera stopped by the host, Carl's screen
    // shared and his hand up, the meeting locked, something said in the chat.
    await moderate(ann, bob, 'stopCamera');
    await waitForFlow(async () => (await receivedFrom(carl.page, bob.name)).videoFrames, 'stopped', `Carl decoding Bob's video`);
    await carl.page.click('[data-testid="toggle-screen-share"]');
    await screenFlows(people, carl, Date.now() + 30_000);
    await carl.page.click('[data-testid="raise-hand-button"]');
    await ann.page.click('[data-testid="lock-button"]');
    await ann.page.waitForSelector('[data-testid="lock-button"][aria-pressed="true"]');
    for (const person of people) await person.page.click('[data-testid="chat-button"]');
    await sendChat(bob, 'Before the crash');
    for (const person of people) await waitUntil(async () => ((await chatTexts(person.page)).includes('Before the crash') ? undefined : `${person.name} has no message yet`));
    const session = server.server.liveRooms.find(room.id);
    assert.deepEqual(session?.controls.raisedHands().map((h) => h.participantId), [carl.id]);

    const sessionBefore = session?.id;
    assert.ok(sessionBefore);
    const holding = Object.entries(server.server.media.loadsByMember()).find(([, load]) => load.rooms === 1)?.[0];
    assert.ok(holding === first.url || holding === second.url, `the room is on ${holding}`);
    const [killed, surviving] = holding === first.url ? [first, second] : [second, first];

    await watchBanner(ann.page);
    const counts = await connectionCounts(people);
    const pid = killed.process.pid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    // Its supervisor here would start it again at once: this Janus stays dead, as a crashed host would.
    await killed.process.stop();
    const deadline = killedAt + BACK_WITHIN_MS;

    await oldConnectionsClosed(people, counts, deadline);
    await everyoneShownOnce(people, deadline);
    await mediaFlowsBetween(people, deadline, [bob]);
    await screenFlows(people, carl, deadline);
    await bannerGone(people, deadline);
    const backAfterMs = Date.now() - killedAt;
    assert.ok(backAfterMs <= BACK_WITHIN_MS, `everyone was back after ${backAfterMs} ms`);
    t.diagnostic(`every page was back, media flowing both ways, ${backAfterMs} ms after the kill`);
    await saveScreenshot(ann.page, 'janus-failover-back');
    // Ann was told, briefly, that her audio and video were reconnecting, then that she was back.
    const shown = await bannerStates(ann.page);
    const moving = shown.indexOf('moving-media: Media server lost. Reconnecting your audio and video…');
    assert.ok(moving >= 0 && shown.indexOf("reconnected: You're back in the meeting.") > moving, JSON.stringify(shown));

    // Moderation, hands and the lock are as they were; Bob's camera stays stopped.
    const after = server.server.liveRooms.find(room.id);
    assert.equal(after, session);
    assert.deepEqual(after?.controls.raisedHands().map((h) => h.participantId), [carl.id]);
    assert.equal(after?.door().locked, true);
    const bobNow = after?.participantList().find((p) => p.id === bob.id);
    assert.deepEqual([bobNow?.moderated.video, bobNow?.videoMuted], [true, true]);
    assert.equal(after?.participantList().find((p) => p.id === carl.id)?.screenSharing, true);
    assert.equal(await carl.page.getAttribute('[data-testid="toggle-screen-share"]', 'aria-pressed'), 'true');
    assert.equal((await receivedFrom(ann.page, bob.name)).videoFrames, 0, 'no video of Bob reaches Ann');

    assert.equal(server.server.liveRooms.find(room.id)?.id, sessionBefore, 'the same session goes on');
    assert.equal((await server.server.services.sessions.listForRoom(room.id)).length, 1);
    assert.deepEqual(server.server.media.loadsByMember()[surviving.url]?.rooms, 1);
    for (const person of people) assert.deepEqual(await chatTexts(person.page), ['Before the crash'], `${person.name}'s chat is intact`);
    await sendChat(ann, 'After the crash');
    for (const person of people) {
      await waitUntil(async () => ((await chatTexts(person.page)).join('|') === 'Before the crash|After the crash' ? undefined : `${person.name} shows ${JSON.stringify(await chatTexts(person.page))}`));
    }
  });

  it('starts new meetings on the surviving Janus', async () => {
    const other = await createRoom(server, { display_name: 'After the crash' });
    const client = await RawClient.connect(server.baseUrl);
    try {
      client.send({ type: 'join', meetingCode: other.meeting_code, guestId: 'failover-guest', displayName: 'Dora', audioMuted: true, videoMuted: true });
      await client.next('joined');
      const loads = server.server.media.loadsByMember();
      const alive = Object.entries(loads).filter(([, load]) => load.ready);
      assert.equal(alive.length, 1);
      assert.equal(alive[0]?.[1].rooms, 2, JSON.stringify(loads));
      // Operators see the same on /metrics.
      const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
      const [survivor] = alive[0] ?? [];
      assert.match(metrics, new RegExp(`parley_media_server_up\\{server="${survivor}"\\} 1`));
      assert.match(metrics, new RegExp(`parley_media_server_rooms\\{server="${survivor}"\\} 2`));
      assert.equal(metrics.match(/parley_media_server_up\{server="[^"]+"\} 0/g)?.length, 1, 'the killed Janus is down');
    } finally {
      client.kill();
    }
  });
});

describe('Janus failover: Parley’s own Janus killed mid-meeting', { timeout: 600_000 }, () => {
  let server: TestServer;
  const people: Attendee[] = [];

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    await Promise.all(people.map((p) => p.participant.close()));
    await server?.close();
  });

  it('restarts it and brings the meeting back on it within 10 s: same session and chat, the recording going on', async (t) => {
    const room = await createRoom(server, { display_name: 'Own Janus' });
    people.push(await enterMeeting(room._links.host_url.href, 'Ann'));
    people.push(await enterMeeting(room._links.guest_url.href, 'Bob'));
    await everyoneShownOnce(people, Date.now() + 30_000);
    await mediaFlowsBetween(people, Date.now() + 60_000);
    const [ann, bob] = people as [Attendee, Attendee];
    await bob.page.click('[data-testid="chat-button"]');
    await sendChat(bob, 'Still there?');
    await ann.page.click('[data-testid="chat-button"]');
    await waitUntil(async () => ((await chatTexts(ann.page)).includes('Still there?') ? undefined : 'Ann has no message yet'));
    const sessionBefore = server.server.liveRooms.find(room.id)?.id;
    const recording = await server.api('POST', `/v1/meetings/rooms/${room.id}/recording`);
    assert.equal(recording.status, 201, JSON.stringify(recording.body));
    const recordingId = (recording.body as { id: string }).id;
    const rawFolder = path.join(server.server.services.config.dataDir, 'recordings', 'raw', recordingId);
    const rawFiles = (): string[] => fs.readdirSync(rawFolder).filter((name) => name.endsWith('.mjr'));
    /** Waits until `count` video files besides `skip` hold a good second or two of video each. */
    const videoRecorded = (count: number, skip: readonly string[]): Promise<void> =>
      waitUntil(() => {
        const sizes = rawFiles()
          .filter((name) => name.includes('-video-') && !skip.includes(name))
          .map((name) => fs.statSync(path.join(rawFolder, name)).size);
        return sizes.length === count && sizes.every((size) => size > RECORDED_VIDEO_BYTES) ? undefined : `recorded video files: ${sizes.join(', ')} bytes`;
      }, 30_000);
    await videoRecorded(2, []);
    const filesBefore = rawFiles();

    const counts = await connectionCounts(people);
    const pid = server.server.media.janusPid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    const deadline = killedAt + BACK_WITHIN_MS;
    await oldConnectionsClosed(people, counts, deadline);
    await everyoneShownOnce(people, deadline);
    await mediaFlowsBetween(people, deadline);
    await bannerGone(people, deadline);
    const backAt = Date.now();
    t.diagnostic(`every page was back, media flowing both ways, ${Date.now() - deadline + BACK_WITHIN_MS} ms after the kill`);
    assert.notEqual(server.server.media.janusPid, pid, 'a new Janus carries the meeting');
    assert.equal(server.server.liveRooms.find(room.id)?.id, sessionBefore, 'the same session goes on');
    for (const person of [ann, bob]) assert.deepEqual(await chatTexts(person.page), ['Still there?']);

    // The recording goes on into new files, beside those the dead Janus left, and makes one MP4 of both.
    await videoRecorded(2, filesBefore);
    assert.deepEqual(server.server.liveRooms.find(room.id)?.recorder.state().active, true);
    const filesAfter = rawFiles().length - filesBefore.length;
    const stopped = await server.api('DELETE', `/v1/meetings/rooms/${room.id}/recording`);
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    const { started_at: startedAt, ended_at: endedAt } = stopped.body as { started_at: string; ended_at: string };
    let url = '';
    await waitUntil(
      async () => {
        const listed = await server.api('GET', `/v1/meetings/recordings/${recordingId}`);
        const body = listed.body as { state: string; _links?: { url?: { href: string } } };
        url = body._links?.url?.href ?? '';
        return body.state === 'uploaded' && url ? undefined : `the recording is ${body.state}`;
      },
      240_000,
      500,
    );
    const file = path.join(server.server.services.config.dataDir, 'failover.mp4');
    fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()));
    const probed = await probeMedia(file);
    assert.deepEqual([...new Set(probed.streams.map((stream) => stream.split(':')[0]))].sort(), ['audio', 'video']);
    const recordedSeconds = (Date.parse(endedAt) - Date.parse(startedAt)) / 1000;
    assert.ok(probed.seconds >= recordedSeconds * 0.9, `the MP4 lasts ${probed.seconds} s of the ${recordedSeconds} s recorded`);
    // A camera shows in the picture before the kill and after the meeting came back: without the files
    // recorded after the kill, the picture there would be the empty black canvas.
    const at = (time: number): number => (time - Date.parse(startedAt)) / 1000;
    for (const [when, time] of [['before the kill', (Date.parse(startedAt) + killedAt) / 2], ['after the meeting came back', (backAt + Date.parse(endedAt)) / 2]] as const) {
      assert.equal(await isBlackAt(file, at(time), 320, 360), false, `the recording shows a camera ${when}`);
    }
    t.diagnostic(`the MP4 lasts ${probed.seconds} s of the ${recordedSeconds} s recorded, from ${filesBefore.length} raw files before the kill and ${filesAfter} after`);
  });
});
