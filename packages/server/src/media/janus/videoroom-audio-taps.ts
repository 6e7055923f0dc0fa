import type { JanodeHandle } from 'janode';
import type { Logger } from 'pino';
import type { AudioTaps, RtpAudioFormat } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';

/**
 * What a tap receives: the publisher's Opus, with the payload type Janus is told to rewrite it to
 * (browsers pick their own), so a tap's SDP never depends on what a browser negotiated.
 */
export const TAPPED_AUDIO_FORMAT: RtpAudioFormat = { codec: 'opus', payloadType: 111, clockRate: 48_000, channels: 2 };

/** One microphone being copied: its publisher's mid, and the forwarder Janus made for it. */
interface Forward {
  mid: string;
  streamId: number;
}

/**
 * Janus's side of a room's audio taps: an `rtp_forward` of each publisher's microphone stream to the
 * port its tap names, made when the microphone is published and stopped when it goes. Janus has no
 * room-wide forwarding (as it has room-wide recording), so the room tells this of every microphone
 * change. Changes for one participant are applied one at a time, in order.
 */
export class VideoRoomAudioTaps {
  private readonly forwards = new Map<string, Forward>();
  private readonly queues = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly client: JanusClient,
    private readonly room: { roomId: string; manager: JanodeHandle },
    private readonly taps: AudioTaps,
    private readonly logger: Logger,
  ) {}

  /** A participant's microphone is now published on `mid`, or (`undefined`) no longer published. */
  microphoneChanged(participantId: string, mid: string | undefined): void {
    const previous = this.queues.get(participantId) ?? Promise.resolve();
    const next = previous.then(() => this.apply(participantId, mid));
    this.queues.set(participantId, next);
    void next.finally(() => {
      if (this.queues.get(participantId) === next) this.queues.delete(participantId);
    });
  }

  /** Stops every forward and closes every tap, once what was under way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()]);
    await Promise.all([...this.forwards.keys()].map((participantId) => this.apply(participantId, undefined)));
  }

  private async apply(participantId: string, mid: string | undefined): Promise<void> {
    const wanted = this.stopped ? undefined : mid;
    const current = this.forwards.get(participantId);
    if (current?.mid === wanted) return;
    if (current) {
      this.forwards.delete(participantId);
      await this.stopForward(participantId, current);
      this.taps.close(participantId);
    }
    if (wanted === undefined) return;
    try {
      const { port } = await this.taps.open(participantId, TAPPED_AUDIO_FORMAT);
      const streamId = await this.startForward(participantId, wanted, port).catch((error: unknown) => {
        this.taps.close(participantId);
        throw error;
      });
      this.forwards.set(participantId, { mid: wanted, streamId });
    } catch (error) {
      this.logger.error({ err: error, room: this.room.roomId, participantId }, 'could not tap a microphone: it goes uncaptioned');
    }
  }

  private async startForward(participantId: string, mid: string, port: number): Promise<number> {
    const answer = await this.client.request(this.room.manager, {
      request: 'rtp_forward',
      room: this.room.roomId,
      publisher_id: participantId,
      host: '127.0.0.1',
      host_family: 'ipv4',
      streams: [{ mid, port, pt: TAPPED_AUDIO_FORMAT.payloadType }],
    });
    const forwarders = answer.plugindata?.data.forwarders as { stream_id?: unknown }[] | undefined;
    const streamId = forwarders?.[0]?.stream_id;
    if (typeof streamId !== 'number') throw new Error(`Janus answered rtp_forward without a forwarder: ${JSON.stringify(answer.plugindata?.data)}`);
    return streamId;
  }

  /** A publisher who hung up or left took its forwarders with it: Janus then refuses this, which is fine. */
  private async stopForward(participantId: string, forward: Forward): Promise<void> {
    await this.client
      .request(this.room.manager, { request: 'stop_rtp_forward', room: this.room.roomId, publisher_id: participantId, stream_id: forward.streamId })
      .catch((error: Error) => this.logger.debug({ err: error, participantId }, 'stop_rtp_forward refused (the publisher is gone)'));
  }
}
