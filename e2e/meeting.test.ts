import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inboundCounters, launchParticipant, type Participant } from './support/browser.js';
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

async function tileNames(participant: Participant): Promise<string[]> {
  return participant.page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.getAttribute('data-participant-name') ?? '').sort());
}

describe('a meeting of three browsers', { timeout: 120_000 }, () => {
  let server: TestServer;
  let room: CreatedRoom;
  const people: Record<string, Participant> = {};

  before(async () => {
    server = await startTestServer();
    const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Three browsers' });
    assert.equal(created.status, 201);
    room = created.body as CreatedRoom;
  });

  after(async () => {
    await Promise.all(Object.values(people).map((p) => p.close()));
    await server?.close();
  });

  it('lets a host and two guests join through the API’s URLs', async () => {
    const urls: Record<string, string> = {
      Host: withParams(room._links.host_url.href, { display_name: 'Host', skip_prejoin: '1' }),
      Guest1: withParams(room._links.guest_url.href, { display_name: 'Guest1', skip_prejoin: '1' }),
      Guest2: withParams(room._links.guest_url.href, { display_name: 'Guest2', skip_prejoin: '1' }),
    };
    for (const [name, url] of Object.entries(urls)) {
      const participant = await launchParticipant();
      people[name] = participant;
      await participant.page.goto(url);
      await participant.page.waitForSelector('[data-testid="meeting"]', { timeout: 20_000 });
    }
    for (const [name, participant] of Object.entries(people)) {
      await waitUntil(async () => {
        const names = await tileNames(participant);
        return names.join(',') === 'Guest1,Guest2,Host' ? undefined : `${name} sees tiles [${names.join(', ')}]`;
      });
    }
    const selfTile = await people.Host!.page.$('[data-testid="tile"][data-self="true"]');
    assert.equal(await selfTile?.getAttribute('data-participant-name'), 'Host');
  });

  it('has every browser decode the other two’s video and receive their audio', async () => {
    for (const [name, participant] of Object.entries(people)) {
      let first = await inboundCounters(participant.page);
      await waitUntil(async () => {
        first = await inboundCounters(participant.page);
        const video = Object.values(first.videoFramesDecoded).filter((n) => n > 0).length;
        const audio = Object.values(first.audioPacketsReceived).filter((n) => n > 0).length;
        return video >= 2 && audio >= 2 ? undefined : `${name} decodes ${video} videos and receives ${audio} audio streams`;
      }, 20_000);
      // The counters keep rising: media is flowing, not just negotiated.
      await waitUntil(async () => {
        const now = await inboundCounters(participant.page);
        const risingVideo = Object.entries(first.videoFramesDecoded).filter(([k, n]) => n > 0 && (now.videoFramesDecoded[k] ?? 0) > n).length;
        const risingAudio = Object.entries(first.audioPacketsReceived).filter(([k, n]) => n > 0 && (now.audioPacketsReceived[k] ?? 0) > n).length;
        return risingVideo >= 2 && risingAudio >= 2 ? undefined : `${name}: ${risingVideo} videos and ${risingAudio} audio streams rising`;
      }, 10_000);
      // And the tiles show it: each remote <video> has picture.
      await waitUntil(async () => {
        const sizes = await participant.page.$$eval('[data-testid="tile"]:not([data-self="true"]) video', (videos) =>
          (videos as HTMLVideoElement[]).map((v) => v.videoWidth),
        );
        return sizes.length === 2 && sizes.every((w) => w > 0) ? undefined : `${name}'s remote tiles have video widths [${sizes.join(', ')}]`;
      });
    }
  });

  it('shows the others when one person leaves', async () => {
    await people.Guest2!.page.click('[data-testid="leave-button"]');
    await people.Guest2!.page.waitForSelector('[data-testid="left-screen"]');
    for (const name of ['Host', 'Guest1']) {
      await waitUntil(async () => {
        const names = await tileNames(people[name]!);
        return names.join(',') === 'Guest1,Host' ? undefined : `${name} sees tiles [${names.join(', ')}]`;
      });
    }
  });

  it('stores the session as ended with three participants once everyone has left', async () => {
    for (const name of ['Host', 'Guest1']) {
      await people[name]!.page.click('[data-testid="leave-button"]');
      await people[name]!.page.waitForSelector('[data-testid="left-screen"]');
    }
    const { sessions } = server.server.services;
    let ended: Awaited<ReturnType<typeof sessions.listForRoom>> = [];
    await waitUntil(async () => {
      ended = (await sessions.listForRoom(room.id)).filter((s) => s.endedAt !== null);
      return ended.length === 1 ? undefined : `${ended.length} ended sessions`;
    });
    const participants = await sessions.listParticipants(ended[0]!.id);
    assert.equal(participants.length, 3);
    assert.deepEqual(participants.map((p) => p.displayName).sort(), ['Guest1', 'Guest2', 'Host']);
    assert.deepEqual(participants.map((p) => p.role).sort(), ['guest', 'guest', 'host']);
    assert.ok(participants.every((p) => p.leftAt !== null && p.leftAt >= p.joinedAt));
  });
});
