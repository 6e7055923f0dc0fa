import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchParticipant, type Participant } from './support/browser.js';
import { connectionView } from './support/peer-connections.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

interface CreatedRoom {
  _links: { host_url: { href: string }; guest_url: { href: string } };
}

type Kind = 'audio' | 'video';

const screenshot = (page: Page, name: string): Promise<void> => saveScreenshot(page, `devices-${name}`);

/**
 * The publisher's sender of `kind`: the device its track comes from, and whether it is still the sender
 * object `tagSenders` saw (a device switch by replaceTrack keeps it; a renegotiation would not).
 */
async function senderOf(page: Page, kind: Kind): Promise<{ deviceId: string; label: string; sameSender: boolean }> {
  return page.evaluate((wanted) => {
    const w = window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[]; __taggedSenders?: Record<string, RTCRtpSender> };
    const pc = w.__parleyTestPeerConnections.find((p) => p.connectionState !== 'closed' && p.getSenders().some((s) => s.track));
    const sender = pc?.getSenders().find((s) => s.track?.kind === wanted);
    return {
      deviceId: sender?.track?.getSettings().deviceId ?? '',
      label: sender?.track?.label ?? '',
      sameSender: sender !== undefined && w.__taggedSenders?.[wanted] === sender,
    };
  }, kind);
}

async function tagSenders(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[]; __taggedSenders?: Record<string, RTCRtpSender> };
    const pc = w.__parleyTestPeerConnections.find((p) => p.connectionState !== 'closed' && p.getSenders().some((s) => s.track));
    w.__taggedSenders = {};
    for (const sender of pc?.getSenders() ?? []) if (sender.track) w.__taggedSenders[sender.track.kind] = sender;
  });
}

/** Makes the system stop listing the devices `hidden` names (by id, or every one of a kind), and says so, as an unplug does. */
async function unplug(page: Page, hidden: { deviceIds?: string[]; kind?: MediaDeviceKind }): Promise<void> {
  await page.evaluate(({ deviceIds = [], kind }) => {
    const devices = navigator.mediaDevices;
    const w = window as unknown as { __originalEnumerate?: () => Promise<MediaDeviceInfo[]> };
    w.__originalEnumerate ??= devices.enumerateDevices.bind(devices);
    const original = w.__originalEnumerate;
    devices.enumerateDevices = async () => (await original()).filter((d) => !deviceIds.includes(d.deviceId) && d.kind !== kind);
    devices.dispatchEvent(new Event('devicechange'));
  }, hidden);
}

/**
 * The media part of a session description: what is sent, how, under which track ids. ICE lines are
 * left out, since a busy machine may restart ICE at any moment (the watchdog does), which is not a
 * renegotiation of the media.
 */
function mediaPartOf(sdp: string | null): string {
  return (sdp ?? '')
    .split('\r\n')
    .filter((line) => !/^(o=|c=|a=candidate|a=ice-|a=end-of-candidates)/.test(line))
    .map((line) => line.replace(/^m=(\w+) \d+/, 'm=$1'))
    .join('\n');
}

async function framesOf(page: Page, participantId: string): Promise<number> {
  return page.$eval(`[data-testid="tile"][data-participant-id="${participantId}"] video`, (video) => (video as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

async function videoFlows(page: Page, participantId: string): Promise<void> {
  const first = await framesOf(page, participantId);
  await waitUntil(async () => {
    const now = await framesOf(page, participantId);
    return now > first + 10 ? undefined : `${now - first} new frames of ${participantId}`;
  }, 30_000);
}

describe('devices mid-call', { timeout: 240_000 }, () => {
  let server: TestServer;
  let ann: Page;
  let bob: Page;
  let annId: string;
  const people: Participant[] = [];

  before(async () => {
    server = await startTestServer();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Device switching' });
    const room = created.body as CreatedRoom;
    const enter = async (name: string, url: string, cameras: number): Promise<Page> => {
      const participant = await launchParticipant({ cameras });
      people.push(participant);
      const target = new URL(url);
      target.searchParams.set('display_name', name);
      target.searchParams.set('skip_prejoin', '1');
      await participant.page.goto(target.toString());
      await participant.page.waitForSelector('[data-testid="meeting"]', { timeout: 60_000 });
      return participant.page;
    };
    ann = await enter('Ann', room._links.host_url.href, 3);
    bob = await enter('Bob', room._links.guest_url.href, 1);
    annId = (await ann.getAttribute('[data-self="true"]', 'data-participant-id')) ?? '';
    await waitUntil(async () => ((await bob.$(`[data-participant-id="${annId}"]`)) ? undefined : 'Bob does not see Ann'), 30_000);
    await videoFlows(bob, annId);
  });

  after(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.close();
  });

  it('switches camera, microphone and speaker from the settings dialog, replacing tracks without renegotiating', async () => {
    await tagSenders(ann);
    const sdpBefore = (await connectionView(ann, 'publisher')).localSdp;
    const cameraBefore = await senderOf(ann, 'video');

    await ann.click('[data-testid="settings-button"]');
    const dialog = await ann.waitForSelector('[data-testid="settings-dialog"][open]');
    assert.equal(await dialog.evaluate((d) => d.getAttribute('aria-labelledby') !== null && document.activeElement !== null && d.contains(document.activeElement)), true, 'focus moves into the dialog');
    const cameras = await ann.$$eval('[data-testid="camera-select"] option', (options) =>
      options.map((o) => ({ id: (o as HTMLOptionElement).value, label: o.textContent ?? '' })).filter((o) => o.id),
    );
    assert.deepEqual(cameras.map((c) => c.label), ['fake_device_0', 'fake_device_1', 'fake_device_2'], 'Chromium lists three fake cameras');
    assert.equal(await ann.inputValue('[data-testid="camera-select"]'), cameraBefore.deviceId, 'the camera in use is the one selected');
    assert.equal(cameras[0]!.id, cameraBefore.deviceId);
    await screenshot(ann, 'settings');
    await ann.setViewportSize({ width: 375, height: 812 });
    await screenshot(ann, 'settings-phone');
    await ann.setViewportSize({ width: 1280, height: 800 });

    // Chromium's fake cameras take turns at pixel formats (I420, Y16, MJPEG): the Y16 one is a depth
    // camera that gives a sender no frames. A real choice is between colour cameras: the first and third.
    const otherCamera = cameras.find((c) => c.label === 'fake_device_2')!.id;
    await ann.selectOption('[data-testid="camera-select"]', otherCamera);
    await waitUntil(async () => ((await senderOf(ann, 'video')).deviceId === otherCamera ? undefined : 'the sender still carries the old camera'));
    assert.equal((await senderOf(ann, 'video')).sameSender, true, 'the same sender carries the new camera');

    const microphones = await ann.$$eval('[data-testid="microphone-select"] option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const microphoneBefore = await senderOf(ann, 'audio');
    const otherMicrophone = microphones.find((id) => id !== microphoneBefore.deviceId && id !== 'default')!;
    await ann.selectOption('[data-testid="microphone-select"]', otherMicrophone);
    await waitUntil(async () => ((await senderOf(ann, 'audio')).deviceId === otherMicrophone ? undefined : 'the sender still carries the old microphone'));
    assert.equal((await senderOf(ann, 'audio')).sameSender, true);

    assert.equal(mediaPartOf((await connectionView(ann, 'publisher')).localSdp), mediaPartOf(sdpBefore), 'no renegotiation of the media');
    await videoFlows(bob, annId);

    // The meeting's sound moves to the chosen output: everyone's sound, which plays apart from the tiles.
    const speakers = await ann.$$eval('[data-testid="speaker-select"] option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const speaker = speakers.find((id) => id !== 'default')!;
    await ann.selectOption('[data-testid="speaker-select"]', speaker);
    await waitUntil(async () => {
      const sinks = await ann.$$eval('[data-testid="remote-audio"]', (elements) => elements.map((e) => (e as HTMLAudioElement).sinkId));
      return sinks.length === 1 && sinks.every((s) => s === speaker) ? undefined : `remote sound plays on ${JSON.stringify(sinks)}`;
    });

    await ann.keyboard.press('Escape');
    await waitUntil(async () => ((await ann.$('[data-testid="settings-dialog"]')) ? 'the dialog is still open' : undefined));
  });

  it('carries on with another microphone when the one in use stops, and says so', async () => {
    await tagSenders(ann);
    const before = await senderOf(ann, 'audio');
    // What the browser does when a microphone is pulled out: its track ends.
    await ann.evaluate(() => {
      const w = window as unknown as { __taggedSenders: Record<string, RTCRtpSender> };
      w.__taggedSenders.audio?.track?.dispatchEvent(new Event('ended'));
    });
    const notice = await ann.waitForSelector('[data-testid="device-notice"][data-kind="audio"][data-outcome="switched"]');
    await waitUntil(async () => ((await senderOf(ann, 'audio')).deviceId !== before.deviceId ? undefined : 'still on the stopped microphone'));
    const after = await senderOf(ann, 'audio');
    assert.equal(after.sameSender, true);
    assert.equal(await notice.textContent(), `Your microphone was disconnected. Now using ${after.label}.`);
  });

  it('falls back to the other camera when the one in use is unplugged, and to none when both are', async () => {
    await tagSenders(ann);
    const before = await senderOf(ann, 'video');
    await unplug(ann, { deviceIds: [before.deviceId] });
    const notice = await ann.waitForSelector('[data-testid="device-notice"][data-kind="video"][data-outcome="switched"]');
    await waitUntil(async () => ((await senderOf(ann, 'video')).deviceId !== before.deviceId ? undefined : 'still on the unplugged camera'));
    const after = await senderOf(ann, 'video');
    assert.equal(after.sameSender, true);
    assert.equal(await notice.textContent(), `Your camera was disconnected. Now using ${after.label}.`);
    await videoFlows(bob, annId);
    await screenshot(ann, 'camera-switched');

    await unplug(ann, { kind: 'videoinput' });
    await ann.waitForSelector('[data-testid="device-notice"][data-kind="video"][data-outcome="lost"]');
    await ann.waitForSelector('[data-testid="toggle-camera"]:disabled');
    // Bob sees Ann's camera off rather than a frozen picture.
    await bob.waitForSelector(`[data-participant-id="${annId}"][data-video="off"]`);
    await screenshot(ann, 'camera-lost');
  });
});
