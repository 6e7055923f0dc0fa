import { randomUUID } from 'node:crypto';
import type { JanodeHandle } from 'janode';
import type { Logger } from 'pino';
import type { JanusClient } from './janus-client.js';
import type { JanusPublisherStream } from './videoroom-publisher.js';

/** A VideoRoom on one Janus, as the relay reaches it: the client, the room and its administering handle. */
export interface RelayEnd {
  client: JanusClient;
  roomId: string;
  manager: JanodeHandle;
}

/** A publisher of the origin room, as mirrored now on the leaf. */
interface Mirrored {
  streams: readonly JanusPublisherStream[];
  /** Where the leaf takes its RTP (and sends RTCP from). */
  address: { port: number; rtcpPort: number | undefined };
}

/**
 * One origin room's publishers mirrored in one leaf room on another Janus, with Janus 1.1's remote
 * publishers: for each publisher the leaf gets an `add_remote_publisher` under the same feed id and
 * mids (so a subscriber asks the leaf for exactly what it would ask the origin), and the origin a
 * `publish_remotely` sending every stream of the publisher, simulcast layers included, as plain RTP
 * over UDP to the port the leaf opened (and taking RTCP back from it, so a leaf's subscribers can ask
 * the publisher for a keyframe). Janus forwards only the streams a remotization was made with, so a
 * renegotiation (a camera started or stopped, a screen shared) makes the remotization anew after
 * `update_remote_publisher` told the leaf. Changes for one publisher are applied one at a time, in
 * order.
 */
export class VideoRoomRelay {
  private readonly mirrored = new Map<string, Mirrored>();
  private readonly queues = new Map<string, Promise<void>>();
  private stopped = false;
  /**
   * What tells this relay's remotizations from the origin's others: each relay has its own, so one
   * stopped after its leaf moved never touches the one feeding the leaf where it is now.
   */
  private readonly remoteId = `leaf-${randomUUID()}`;

  constructor(
    private readonly origin: RelayEnd,
    private readonly leaf: RelayEnd,
    private readonly logger: Logger,
  ) {}

  /**
   * A publisher of the origin now sends `streams` (none: it stopped or left). Resolves once the leaf
   * mirrors it (a subscriber of the leaf may ask for those streams then), or once mirroring failed,
   * which is logged: a leaf that cannot follow never fails the stage.
   */
  publisherChanged(participantId: string, displayName: string, streams: readonly JanusPublisherStream[]): Promise<void> {
    const previous = this.queues.get(participantId) ?? Promise.resolve();
    const next = previous.then(() => this.apply(participantId, displayName, streams));
    this.queues.set(participantId, next);
    void next.then(() => {
      if (this.queues.get(participantId) === next) this.queues.delete(participantId);
    });
    return next;
  }

  /** Stops mirroring every publisher, once what was under way is done; the leaf keeps nobody of the origin. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()]);
    await Promise.all([...this.mirrored.keys()].map((participantId) => this.apply(participantId, '', [])));
  }

  private async apply(participantId: string, displayName: string, streams: readonly JanusPublisherStream[]): Promise<void> {
    const current = this.mirrored.get(participantId);
    const wanted = this.stopped ? [] : streams.filter((stream) => stream.type !== 'data').map((stream) => withCodec(stream, current?.streams));
    try {
      if (wanted.length === 0) {
        if (!current) return;
        this.mirrored.delete(participantId);
        await this.unpublish(participantId);
        await this.leafRequest({ request: 'remove_remote_publisher', id: participantId }).catch((error: Error) =>
          this.logger.debug({ err: error, participantId }, 'remove_remote_publisher refused (the leaf is gone)'),
        );
        return;
      }
      if (current && sameStreams(current.streams, wanted)) return;
      let address: { port: number; rtcpPort: number | undefined };
      if (current) {
        await this.unpublish(participantId);
        await this.leafRequest({ request: 'update_remote_publisher', id: participantId, streams: wanted.map(remoteStream) });
        address = current.address;
      } else {
        address = await this.addRemotePublisher(participantId, displayName, wanted);
      }
      await this.origin.client.request(this.origin.manager, {
        request: 'publish_remotely',
        room: this.origin.roomId,
        publisher_id: participantId,
        remote_id: this.remoteId,
        host: this.leaf.client.host,
        port: address.port,
        ...(address.rtcpPort ? { rtcp_port: address.rtcpPort } : {}),
      });
      this.mirrored.set(participantId, { streams: wanted, address });
    } catch (error) {
      // Tried afresh at the publisher's next change; its attendees on this leaf miss it meanwhile.
      this.mirrored.delete(participantId);
      this.logger.error({ err: error, room: this.origin.roomId, participantId }, 'could not mirror a publisher on a leaf media server');
    }
  }

  /**
   * Adds the publisher to the leaf; one left there by an origin that was lost (re-created since) is
   * replaced.
   */
  private async addRemotePublisher(participantId: string, displayName: string, streams: readonly JanusPublisherStream[]): Promise<{ port: number; rtcpPort: number | undefined }> {
    const body = { request: 'add_remote_publisher', id: participantId, display: displayName, streams: streams.map(remoteStream) };
    const answer = await this.leafRequest(body).catch(async () => {
      await this.leafRequest({ request: 'remove_remote_publisher', id: participantId });
      return this.leafRequest(body);
    });
    const data = answer.plugindata?.data ?? {};
    if (typeof data.port !== 'number') throw new Error(`Janus answered add_remote_publisher without a port: ${JSON.stringify(data)}`);
    return { port: data.port, rtcpPort: typeof data.rtcp_port === 'number' ? data.rtcp_port : undefined };
  }

  /** A publisher who hung up or left took its remotizations with it: Janus then refuses this, which is fine. */
  private async unpublish(participantId: string): Promise<void> {
    await this.origin.client
      .request(this.origin.manager, { request: 'unpublish_remotely', room: this.origin.roomId, publisher_id: participantId, remote_id: this.remoteId })
      .catch((error: Error) => this.logger.debug({ err: error, participantId }, 'unpublish_remotely refused (the publisher is gone)'));
  }

  private leafRequest(body: Record<string, unknown>): ReturnType<JanusClient['request']> {
    return this.leaf.client.request(this.leaf.manager, { ...body, room: this.leaf.roomId });
  }
}

/** A publisher's stream as `add_remote_publisher` and `update_remote_publisher` take it. */
function remoteStream(stream: JanusPublisherStream): Record<string, unknown> {
  const { type, mindex, mid, disabled, codec, description, simulcast, stereo, fec } = stream;
  return { type, mindex, mid, codec, ...(disabled ? { disabled } : { description, simulcast: simulcast === true, stereo, fec }) };
}

/**
 * Janus describes a disabled stream (a camera turned off) without its codec, yet a remote publisher's
 * streams all need one: a disabled stream keeps the codec it was mirrored with.
 */
function withCodec(stream: JanusPublisherStream, mirrored: readonly JanusPublisherStream[] | undefined): JanusPublisherStream {
  if (stream.codec) return stream;
  const codec = mirrored?.find((s) => s.mid === stream.mid)?.codec ?? (stream.type === 'audio' ? 'opus' : 'vp8');
  return { ...stream, codec };
}

function sameStreams(a: readonly JanusPublisherStream[], b: readonly JanusPublisherStream[]): boolean {
  return JSON.stringify(a.map(remoteStream)) === JSON.stringify(b.map(remoteStream));
}
