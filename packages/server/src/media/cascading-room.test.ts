// Carries media: run inside the test network namespace (scripts/netns-exec.sh), as `make test` does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import type { StreamSource } from '@parley/protocol';
import { CascadingRoom } from './cascading-room.js';
import type { MediaSubscriber, PublishedStream, StreamReception } from './media-backend.js';
import { JanusClient } from './janus/janus-client.js';
import { JanusPool } from './janus/janus-pool.js';
import { JanusProcess } from './janus/janus-process.js';

const logger = pino({ level: 'silent' });

async function waitUntil(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function gathered(pc: RTCPeerConnection): Promise<string> {
  await waitUntil(() => pc.iceGatheringState === 'complete', 'ICE gathering is complete');
  return pc.localDescription?.sdp ?? '';
}

/** A publisher sending RTP on a microphone and a camera line: Janus relays packets without decoding them. */
/** Ends a test's bots, its attendees' subscriptions, the publisher and the room. */
async function closeAll(bot: BotPublisher, attendees: readonly BotSubscriber[], publisher: { close(): Promise<void> }, room: { destroy(): Promise<void> }): Promise<void> {
  await bot.close();
  await Promise.all(
    attendees.map(async (a) => {
      await a.subscriber?.close();
      await a.pc.close();
    }),
  );
  await publisher.close();
  await room.destroy();
}

class BotPublisher {
  readonly pc = new RTCPeerConnection({ iceUseIpv6: false, bundlePolicy: 'max-bundle' });
  private readonly tracks = { microphone: new MediaStreamTrack({ kind: 'audio' }), camera: new MediaStreamTrack({ kind: 'video' }) };
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;

  private readonly transceivers = Object.entries(this.tracks).map(([source, track]) => ({
    source: source as StreamSource,
    transceiver: this.pc.addTransceiver(track, { direction: 'sendonly' }),
  }));

  /** An offer sending what `sending` lists (the other lines inactive), and the source of each line by mid. */
  async offer(sending: readonly StreamSource[] = ['microphone', 'camera']): Promise<{ sdp: string; sources: Map<string, StreamSource> }> {
    for (const { source, transceiver } of this.transceivers) transceiver.setDirection(sending.includes(source) ? 'sendonly' : 'inactive');
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const sdp = await gathered(this.pc);
    // The mids werift chose, in line order (the same order as the transceivers).
    const mids = [...sdp.matchAll(/^a=mid:(\S+)/gm)].map((m) => m[1] as string);
    return { sdp, sources: new Map(mids.map((mid, i) => [mid, this.transceivers[i]?.source as StreamSource])) };
  }

  async answered(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  /** 50 packets a second on each line, each video packet a frame of its own. */
  send(): void {
    this.timer = setInterval(() => {
      this.sequence++;
      for (const track of Object.values(this.tracks)) {
        const header = new RtpHeader({ sequenceNumber: this.sequence, timestamp: this.sequence * 960, marker: true });
        track.writeRtp(new RtpPacket(header, Buffer.alloc(120, 1)));
      }
    }, 20);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pc.close();
  }
}

/** A subscriber whose page is werift: answers every offer, counts the RTP packets received. */
class BotSubscriber {
  pc = this.connection();
  packets = 0;
  subscriber: MediaSubscriber | undefined;

  /** Drops the connection for a new one, as a page told `media-reconnect` does. */
  reconnect(): void {
    void this.pc.close();
    this.pc = this.connection();
  }

  private connection(): RTCPeerConnection {
    const pc = new RTCPeerConnection({ iceUseIpv6: false, bundlePolicy: 'max-bundle' });
    pc.ontrack = ({ track }) => track.onReceiveRtp.subscribe(() => this.packets++);
    return pc;
  }

  async answer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.subscriber?.answer(await gathered(this.pc));
  }
}

describe('CascadingRoom over two Janus servers', () => {
  const januses: { janus: JanusProcess; dataDir: string }[] = [];
  let urls: string[] = [];
  let pool: JanusPool;

  before(async () => {
    for (const [name, min] of [['origin', 44000], ['leaf', 44500]] as const) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-cascade-${name}-`));
      const janus = new JanusProcess({ binary: 'janus', dataDir, rtpPorts: { min, max: min + 499 }, logger });
      januses.push({ janus, dataDir });
      urls.push(await janus.start());
    }
    pool = await JanusPool.start({ urls, binary: 'janus', dataDir: januses[0]?.dataDir ?? '', rtpPorts: { min: 0, max: 0 }, requestTimeoutMs: 5000, webinarAttendeesPerJanus: 1, logger });
  });

  after(async () => {
    await pool?.close();
    for (const { janus, dataDir } of januses) {
      await janus.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('carries attendees past the threshold on a leaf Janus that receives the publisher over RTP from the origin', async () => {
    const room = await pool.createRoom({ id: 'webinar', description: 'webinar', maxPublishers: 10, cascade: true });
    assert.ok(room instanceof CascadingRoom);
    const bot = new BotPublisher();
    const publisher = await room.joinPublisher({ participantId: 'panelist', displayName: 'Panelist' });
    let flowing = false;
    publisher.onFlowing((up) => (flowing = up));
    const offer = await bot.offer();
    const result = await publisher.publish(offer);
    await bot.answered(result.sdp);
    await waitUntil(() => flowing, 'the publisher reaches the origin Janus');
    bot.send();

    const receptions = (streams: readonly PublishedStream[]): StreamReception[] => streams.map((s) => ({ ...s, participantId: 'panelist', send: true, layer: 2 }));
    const attendees = ['first', 'second'].map((participantId) => {
      const attendee = new BotSubscriber();
      attendee.subscriber = room.createSubscriber({ participantId, audience: true, onOffer: (o) => void attendee.answer(o.sdp) });
      return attendee;
    });
    await Promise.all(attendees.map((a) => a.subscriber?.receive(receptions(result.streams))));

    const [originUrl, leafUrl] = urls;
    const carried = room.audienceByServer().map(({ server, attendees: count, origin }) => ({ url: pool.nameOf(server), count, origin }));
    assert.deepEqual(carried, [
      { url: originUrl, count: 1, origin: true },
      { url: leafUrl, count: 1, origin: false },
    ]);
    await waitUntil(() => attendees.every((a) => a.packets > 100), 'both attendees, the one on the leaf included, receive the publisher’s packets');
    // Janus's own view (`listremotes`, as 1.1.2 spells it): the origin sends the publisher to the leaf's Janus.
    const origin = await JanusClient.connect(originUrl ?? '', 5000);
    const manager = await origin.attachVideoRoom();
    const remotes = async (): Promise<unknown[]> =>
      ((await origin.request(manager, { request: 'listremotes', room: 'webinar', publisher_id: 'panelist' })).plugindata?.data.list as unknown[] | undefined) ?? [];
    assert.equal((await remotes()).length, 1);

    // The publisher stops its camera: the leaf follows, and its attendee keeps the microphone.
    // (werift refuses Janus's answer rejecting the camera line, which changes nothing here: the bot
    // goes on sending its microphone.)
    const renegotiated = await publisher.publish(await bot.offer(['microphone']));
    assert.deepEqual(renegotiated.streams.map((s) => s.source), ['microphone']);
    await Promise.all(attendees.map((a) => a.subscriber?.receive(receptions(renegotiated.streams))));
    const before = attendees[1]?.packets ?? 0;
    await waitUntil(() => (attendees[1]?.packets ?? 0) > before + 50, 'the leaf attendee still receives the microphone');

    // The last attendee of the leaf leaves: the leaf closes, and the origin stops feeding it.
    await attendees[1]?.subscriber?.close();
    await waitUntil(() => room.audienceByServer().length === 1, 'the leaf is closed');
    const left = Date.now() + 5000;
    while ((await remotes()).length > 0 && Date.now() < left) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(await remotes(), [], 'the origin no longer sends the publisher anywhere');
    await origin.close();

    await closeAll(bot, attendees, publisher, room);
  });

  it('feeds the leaf again from where the origin is re-created when the origin’s Janus dies', async () => {
    const room = await pool.createRoom({ id: 'webinar-failover', description: 'webinar', maxPublishers: 10, cascade: true });
    assert.ok(room instanceof CascadingRoom);
    const [originUrl, leafUrl] = urls;
    const origin = (): string | undefined => {
      const [carrier] = room.audienceByServer();
      return carrier && pool.nameOf(carrier.server);
    };
    assert.equal(origin(), originUrl);
    const publisher = await room.joinPublisher({ participantId: 'panelist', displayName: 'Panelist' });
    let flowing = false;
    publisher.onFlowing((up) => (flowing = up));
    const publish = async (bot: BotPublisher): Promise<StreamReception[]> => {
      flowing = false;
      const result = await publisher.publish(await bot.offer());
      await bot.answered(result.sdp);
      await waitUntil(() => flowing, 'the publisher reaches the origin');
      bot.send();
      return result.streams.map((s) => ({ ...s, participantId: 'panelist', send: true, layer: 2 }));
    };
    let bot = new BotPublisher();
    const streams = await publish(bot);
    const attendees = ['first', 'second'].map((participantId) => {
      const attendee = new BotSubscriber();
      attendee.subscriber = room.createSubscriber({ participantId, audience: true, onOffer: (o) => void attendee.answer(o.sdp) });
      return attendee;
    });
    const leafAttendee = attendees[1] as BotSubscriber;
    await Promise.all(attendees.map((a) => a.subscriber?.receive(streams)));
    await waitUntil(() => leafAttendee.packets > 100, 'the leaf attendee receives the publisher');

    let restoring = false;
    room.onInterrupted((r) => (restoring = r));
    const originJanus = januses[0]?.janus;
    assert.ok(originJanus?.pid);
    process.kill(originJanus.pid, 'SIGKILL');
    await originJanus.stop();
    await waitUntil(() => restoring, 'the origin is being re-created');
    // As the pages do on `media-reconnect`: the publisher publishes again, the attendee connects anew.
    await bot.close();
    bot = new BotPublisher();
    leafAttendee.reconnect();
    const before = leafAttendee.packets;
    const again = await publish(bot);
    assert.equal(origin(), leafUrl, 'the origin is re-created on the surviving Janus');
    await leafAttendee.subscriber?.receive(again);
    await waitUntil(() => leafAttendee.packets > before + 100, 'the leaf attendee receives the publisher from the re-created origin');

    await closeAll(bot, attendees, publisher, room);
  });
});
