import type { JanodeHandle } from 'janode';
import { JanusClient } from '../../packages/server/src/media/janus/janus-client.js';
import type { PublisherSignaling, RoomAccess, SubscriberSignaling } from './room-access.js';

type JanusAccess = Extract<RoomAccess, { path: 'janus' }>;

const REQUEST_TIMEOUT_MS = 30_000;

/** One Janus session per bot process, shared by its bots (each holds a handle of its own). */
const clients = new Map<string, Promise<JanusClient>>();

function clientFor(url: string): Promise<JanusClient> {
  let client = clients.get(url);
  if (!client) {
    client = JanusClient.connect(url, REQUEST_TIMEOUT_MS);
    clients.set(url, client);
  }
  return client;
}

/** A publisher straight on a bare Janus VideoRoom: `join` as a publisher, then `publish` the offer. */
export class JanusPublisherSignaling implements PublisherSignaling {
  private constructor(
    private readonly client: JanusClient,
    private readonly handle: JanodeHandle,
  ) {}

  static async join(access: JanusAccess, id: string): Promise<JanusPublisherSignaling> {
    const client = await clientFor(access.janusUrl);
    const handle = await client.attachVideoRoom();
    await client.request(handle, { request: 'join', ptype: 'publisher', room: access.roomId, id, display: id });
    return new JanusPublisherSignaling(client, handle);
  }

  async publish(offerSdp: string): Promise<string> {
    const answer = await this.client.request(this.handle, { request: 'publish' }, { type: 'offer', sdp: offerSdp });
    await this.client.trickle(this.handle, null);
    if (!answer.jsep?.sdp) throw new Error('Janus answered the publish request without an SDP answer');
    return answer.jsep.sdp;
  }

  async close(): Promise<void> {
    await this.client.detach(this.handle);
  }
}

/**
 * A subscriber straight on a bare Janus VideoRoom: one multistream `join` naming every publisher's
 * feed, then `start` with the answer. The publishers are all up before subscribers join, so there is
 * never a renegotiation.
 */
export class JanusSubscriberSignaling implements SubscriberSignaling {
  private handle: JanodeHandle | undefined;
  private client: JanusClient | undefined;

  constructor(private readonly access: JanusAccess) {}

  async subscribe(answer: (offerSdp: string) => Promise<string>): Promise<void> {
    const client = await clientFor(this.access.janusUrl);
    this.client = client;
    this.handle = await client.attachVideoRoom();
    const joined = await client.request(this.handle, {
      request: 'join',
      ptype: 'subscriber',
      room: this.access.roomId,
      streams: this.access.publisherIds.map((feed) => ({ feed })),
    });
    if (joined.jsep?.type !== 'offer') throw new Error('Janus answered the subscriber join without an offer');
    const answerSdp = await answer(joined.jsep.sdp);
    await client.request(this.handle, { request: 'start' }, { type: 'answer', sdp: answerSdp });
    await client.trickle(this.handle, null);
  }

  async close(): Promise<void> {
    if (this.client && this.handle) await this.client.detach(this.handle);
  }
}
