import type { JanodeHandle } from 'janode';
import type { Logger } from 'pino';
import { ParleyError } from '../../errors.js';
import type { AudioTaps, MediaPublisher, MediaRelay, MediaRoom, MediaSubscriber, RelayableRoom, SubscriberOptions } from '../media-backend.js';
import type { JanusClient } from './janus-client.js';
import { VideoRoomAudioTaps } from './videoroom-audio-taps.js';
import { VideoRoomPublisher, type JanusPublisherStream } from './videoroom-publisher.js';
import { VideoRoomRelay, type RelayEnd } from './videoroom-relay.js';
import { VideoRoomSubscriber } from './videoroom-subscriber.js';

/** A Janus VideoRoom holding one live session. */
export class VideoRoom implements MediaRoom, RelayableRoom {
  private destroyed = false;
  private interrupted = false;
  private readonly interruptionListeners = new Set<(restoring: boolean) => void>();
  /** Every publisher's microphone mid, while they send one: what audio taps started later pick up. */
  private readonly microphones = new Map<string, string>();
  private audioTaps: VideoRoomAudioTaps | undefined;
  /** Every publisher sending streams now, with its name: what relays started later mirror. */
  private readonly published = new Map<string, { displayName: string; streams: readonly JanusPublisherStream[] }>();
  /** Where this room's publishers are mirrored (leaf rooms on other Janus servers). */
  private readonly relays = new Set<VideoRoomRelay>();

  private constructor(
    private readonly client: JanusClient,
    private readonly manager: JanodeHandle,
    readonly id: string,
    private readonly logger: Logger,
    private readonly onDestroyed: () => void,
  ) {}

  /** Creates the room; `onDestroyed` is called once it is destroyed, so a backend can stop following it. */
  static async create(
    client: JanusClient,
    manager: JanodeHandle,
    options: { id: string; description: string; maxPublishers: number },
    logger: Logger,
    onDestroyed: () => void = () => undefined,
  ): Promise<VideoRoom> {
    // A room re-created where the connection to Janus was lost, Janus itself running on, is still
    // there (empty: the handles died with our session): it gives way to the new one.
    const existing = await client.request(manager, { request: 'exists', room: options.id });
    if (existing.plugindata?.data.exists === true) await client.request(manager, { request: 'destroy', room: options.id });
    await client.request(manager, {
      request: 'create',
      room: options.id,
      description: options.description.slice(0, 120),
      publishers: options.maxPublishers,
      is_private: true,
      permanent: false,
      // Per-publisher cap; simulcast layers share it. Keyframes every 10 s heal late subscribers.
      bitrate: 2_000_000,
      fir_freq: 10,
      audiocodec: 'opus',
      videocodec: 'vp8,h264',
      audiolevel_event: true,
      audio_active_packets: 50,
      audio_level_average: 60,
      notify_joining: false,
    });
    return new VideoRoom(client, manager, options.id, logger, onDestroyed);
  }

  async joinPublisher(options: { participantId: string; displayName: string }): Promise<MediaPublisher> {
    const { participantId } = options;
    const publisher = await VideoRoomPublisher.join(this.client, { roomId: this.id, manager: this.manager }, participantId, options.displayName);
    publisher.onMicrophone((mid) => {
      if (mid === undefined) this.microphones.delete(participantId);
      else this.microphones.set(participantId, mid);
      this.audioTaps?.microphoneChanged(participantId, mid);
    });
    publisher.onStreams(async (streams) => {
      if (streams.length === 0) this.published.delete(participantId);
      else this.published.set(participantId, { displayName: options.displayName, streams });
      await Promise.all([...this.relays].map((relay) => relay.publisherChanged(participantId, options.displayName, streams)));
    });
    return publisher;
  }

  createSubscriber(options: SubscriberOptions): MediaSubscriber {
    return new VideoRoomSubscriber(this.client, this.id, options.participantId, options.onOffer);
  }

  /**
   * Janus's own room-wide recording: every publisher's streams are recorded, those of publishers who
   * publish later or renegotiate (a screen share) too, as
   * `videoroom-<room>-user-<participant>-<µs>-<audio|video>-<m-line index>.mjr` in the room's
   * `rec_dir`, each file's header naming its stream's description (its source). A new folder per
   * recording: the room's `rec_dir` is changed before recording starts.
   */
  async startRecording(folder: string): Promise<void> {
    await this.client.request(this.manager, { request: 'edit', room: this.id, new_rec_dir: folder });
    await this.client.request(this.manager, { request: 'enable_recording', room: this.id, record: true });
  }

  async stopRecording(): Promise<void> {
    if (this.destroyed || this.interrupted) return;
    await this.client.request(this.manager, { request: 'enable_recording', room: this.id, record: false });
  }

  onInterrupted(listener: (restoring: boolean) => void): void {
    if (this.interrupted) listener(false);
    else this.interruptionListeners.add(listener);
  }

  /** Its Janus was lost, and the room with it: listeners learn it is gone for good. */
  interrupt(): void {
    if (this.interrupted || this.destroyed) return;
    this.interrupted = true;
    for (const listener of this.interruptionListeners) listener(false);
    this.interruptionListeners.clear();
  }

  async startAudioTaps(taps: AudioTaps): Promise<void> {
    await this.stopAudioTaps();
    const audioTaps = new VideoRoomAudioTaps(this.client, { roomId: this.id, manager: this.manager }, taps, this.logger);
    this.audioTaps = audioTaps;
    for (const [participantId, mid] of this.microphones) audioTaps.microphoneChanged(participantId, mid);
  }

  async stopAudioTaps(): Promise<void> {
    const audioTaps = this.audioTaps;
    this.audioTaps = undefined;
    await audioTaps?.stop();
  }

  /** This room on its Janus, as a relay reaches it. */
  private get end(): RelayEnd {
    return { client: this.client, roomId: this.id, manager: this.manager };
  }

  /**
   * Mirrors every publisher of this room, now and later, in `leaf` (a room on another Janus) until the
   * relay stops. Resolves once those publishing now are mirrored.
   */
  async startRelay(leaf: MediaRoom): Promise<MediaRelay> {
    if (!(leaf instanceof VideoRoom)) throw new ParleyError('media_unavailable', 'A VideoRoom can only be mirrored in another VideoRoom');
    const relay = new VideoRoomRelay(this.end, leaf.end, this.logger);
    this.relays.add(relay);
    await Promise.all([...this.published].map(([participantId, { displayName, streams }]) => relay.publisherChanged(participantId, displayName, streams)));
    return {
      stop: async () => {
        this.relays.delete(relay);
        await relay.stop();
      },
    };
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.onDestroyed();
    // Nothing to destroy on a Janus that was lost: a request there would only wait for its timeout.
    if (this.interrupted) return;
    await this.client.request(this.manager, { request: 'destroy', room: this.id }).catch((error: Error) => {
      this.logger.debug({ err: error, room: this.id }, 'destroying the VideoRoom failed (Janus may have restarted)');
    });
  }
}
