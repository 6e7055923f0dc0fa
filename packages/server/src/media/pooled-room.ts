import type { Logger } from 'pino';
import { ParleyError } from '../errors.js';
import type { AudioTaps, MediaBackend, MediaPublisher, MediaRelay, MediaRoom, MediaRoomOptions, MediaSubscriber, RelayableRoom, SubscriberOptions } from './media-backend.js';
import { PooledPublisher } from './pooled-publisher.js';
import { PooledSubscriber } from './pooled-subscriber.js';

/** What a pooled room needs of its pool. */
export interface RoomPlacement {
  whenPlaceable(deadline: number, cancelled: () => boolean): Promise<MediaBackend>;
  carry(backend: MediaBackend, change: { handles?: number; rooms?: number }): void;
}

/** A try to re-create the room that failed (its new SFU died too, say) is followed by another this much later. */
const RETRY_DELAY_MS = 250;

/**
 * A room of the pool, on one member at a time. When that member loses it, the room is re-created on
 * the least loaded healthy member (the same one, once it is back, when it is the only one), under the
 * same id; every publisher joins it again (as muted by moderators as before), every subscriber starts
 * afresh, and a recording in progress goes on into the same folder, in new files that start where the
 * old ones stopped, and live captions go on listening to the microphones published there. Publishers and subscribers keep their identity throughout: what is asked of them
 * meanwhile waits for the room to be back.
 */
export class PooledRoom implements MediaRoom, RelayableRoom {
  private readonly publishers = new Set<PooledPublisher>();
  private readonly subscribers = new Set<PooledSubscriber>();
  private readonly interruptionListeners = new Set<(restoring: boolean) => void>();
  /** Settles once the room is back after an interruption; undefined while it is up. */
  private restoring: Promise<void> | undefined;
  private recordingFolder: string | undefined;
  /** Live captions' taps, while they run: started again where the room is re-created. */
  private audioTaps: AudioTaps | undefined;
  /** The leaves this room's publishers are mirrored in, and the relay on the SFU room of now: started again where the room is re-created. */
  private readonly relays = new Map<MediaRoom, MediaRelay | undefined>();
  private gone = false;
  private destroyed = false;

  private constructor(
    private readonly pool: RoomPlacement,
    private backend: MediaBackend,
    private inner: MediaRoom,
    private readonly options: MediaRoomOptions,
    private readonly settings: { restoreTimeoutMs: number; logger: Logger },
  ) {}

  static async create(pool: RoomPlacement, backend: MediaBackend, options: MediaRoomOptions, settings: { restoreTimeoutMs: number; logger: Logger }): Promise<PooledRoom> {
    const inner = await backend.createRoom(options);
    const room = new PooledRoom(pool, backend, inner, options, settings);
    room.follow(inner, backend);
    return room;
  }

  get id(): string {
    return this.options.id;
  }

  /** Resolves once the room is up (at once, unless it is being restored); rejects once it is gone. */
  async ready(): Promise<MediaRoom> {
    await this.restoring;
    if (this.gone) throw new ParleyError('media_unavailable', 'The media server holding the meeting was lost');
    return this.inner;
  }

  async joinPublisher(options: { participantId: string; displayName: string }): Promise<MediaPublisher> {
    for (;;) {
      const room = await this.ready();
      const inner = await room.joinPublisher(options).catch((error: unknown) => {
        // Joined into a room that was lost meanwhile: join again where it is restored.
        if (room !== this.inner || this.restoring) return undefined;
        throw error;
      });
      if (!inner) continue;
      if (room !== this.inner || this.restoring) {
        void inner.close().catch(() => undefined);
        continue;
      }
      const publisher = new PooledPublisher(this, options, inner, () => this.forget(publisher));
      this.publishers.add(publisher);
      this.pool.carry(this.backend, { handles: 1 });
      return publisher;
    }
  }

  createSubscriber(options: SubscriberOptions): MediaSubscriber {
    const subscriber = new PooledSubscriber(this, options, () => this.forget(subscriber));
    this.subscribers.add(subscriber);
    // While the room is being restored, the subscriber starts with everyone else once it is back (and
    // is counted on its new member then).
    if (this.restoring) return subscriber;
    this.pool.carry(this.backend, { handles: 1 });
    subscriber.startOn(this.inner);
    return subscriber;
  }

  async startRecording(folder: string): Promise<void> {
    const room = await this.ready();
    this.recordingFolder = folder;
    await room.startRecording(folder);
  }

  async stopRecording(): Promise<void> {
    this.recordingFolder = undefined;
    const room = await this.ready();
    await room.stopRecording();
  }

  async startAudioTaps(taps: AudioTaps): Promise<void> {
    const room = await this.ready();
    this.audioTaps = taps;
    await room.startAudioTaps(taps);
  }

  async stopAudioTaps(): Promise<void> {
    this.audioTaps = undefined;
    const room = await this.ready();
    await room.stopAudioTaps();
  }

  /** Mirrors the room's publishers in `leaf` (a room of another member), wherever this room is re-created, until the relay stops. */
  async startRelay(leaf: MediaRoom): Promise<MediaRelay> {
    this.relays.set(leaf, await relayFrom(await this.ready(), leaf));
    return { stop: () => this.stopRelay(leaf) };
  }

  async stopRelay(leaf: MediaRoom): Promise<void> {
    const relay = this.relays.get(leaf);
    this.relays.delete(leaf);
    await relay?.stop();
  }

  /** `leaf` was re-created on another member (its own died): feeds it there, dropping the feed to where it was. */
  async refeed(leaf: MediaRoom): Promise<void> {
    if (!this.relays.has(leaf)) return;
    const lost = this.relays.get(leaf);
    this.relays.set(leaf, undefined);
    // Its stop stops the origin's sending at once; what it asks of the dead member fails in the background.
    void lost?.stop().catch(() => undefined);
    this.relays.set(leaf, await relayFrom(await this.ready(), leaf));
  }

  /** The member this room is on now. */
  get server(): MediaBackend {
    return this.backend;
  }

  onInterrupted(listener: (restoring: boolean) => void): void {
    if (this.gone) listener(false);
    else this.interruptionListeners.add(listener);
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    // A room being restored (or given up) was already taken off its lost member's load.
    if (!this.restoring && !this.gone) this.pool.carry(this.backend, { rooms: -1 });
    await this.inner.destroy();
  }

  private follow(inner: MediaRoom, backend: MediaBackend): void {
    this.inner = inner;
    this.backend = backend;
    this.pool.carry(backend, { rooms: 1, handles: this.publishers.size + this.subscribers.size });
    inner.onInterrupted(() => {
      if (this.inner === inner) this.interrupt();
    });
  }

  private interrupt(): void {
    if (this.restoring || this.destroyed || this.gone) return;
    this.pool.carry(this.backend, { rooms: -1, handles: -(this.publishers.size + this.subscribers.size) });
    for (const publisher of this.publishers) publisher.interrupted();
    for (const subscriber of this.subscribers) subscriber.interrupted();
    this.settings.logger.warn({ room: this.id }, 'the media server holding the room was lost; re-creating the room');
    this.restoring = this.restore().then(
      () => {
        this.restoring = undefined;
      },
      (error: Error) => {
        this.restoring = undefined;
        this.gone = true;
        this.settings.logger.error({ err: error, room: this.id }, 'the room could not be re-created on any media server');
        this.tell(false);
      },
    );
    this.tell(true);
  }

  /** Re-creates the room on a healthy member, with everyone in it as they were. */
  private async restore(): Promise<void> {
    const deadline = Date.now() + this.settings.restoreTimeoutMs;
    const started = Date.now();
    for (;;) {
      const backend = await this.pool.whenPlaceable(deadline, () => this.destroyed);
      let inner: MediaRoom | undefined;
      try {
        inner = await backend.createRoom(this.options);
        // A recording that cannot go on there does not keep the meeting from going on.
        if (this.recordingFolder) {
          await inner.startRecording(this.recordingFolder).catch((error: Error) =>
            this.settings.logger.error({ err: error, room: this.id }, 'the recording could not go on where the room was re-created'),
          );
        }
        // Captions pick each microphone up again as its page publishes it there.
        if (this.audioTaps) {
          await inner.startAudioTaps(this.audioTaps).catch((error: Error) =>
            this.settings.logger.error({ err: error, room: this.id }, 'live captions could not go on where the room was re-created'),
          );
        }
        // Leaves take the publishers again from here (replacing those the lost room sent them) as each
        // page publishes again.
        for (const leaf of this.relays.keys()) {
          const relay = await relayFrom(inner, leaf).catch((error: Error) => {
            this.settings.logger.error({ err: error, room: this.id }, 'a leaf could not be fed again where the room was re-created');
            return undefined;
          });
          this.relays.set(leaf, relay);
        }
        await Promise.all([...this.publishers].map((publisher) => publisher.rejoin(inner as MediaRoom)));
        if (this.destroyed) throw new ParleyError('media_unavailable', 'The room ended while it was being restored');
        for (const subscriber of this.subscribers) subscriber.startOn(inner);
        this.follow(inner, backend);
        this.settings.logger.info({ room: this.id, ms: Date.now() - started, publishers: this.publishers.size }, 'room re-created on a healthy media server');
        return;
      } catch (error) {
        void inner?.destroy().catch(() => undefined);
        if (this.destroyed || Date.now() >= deadline) throw error;
        this.settings.logger.warn({ err: error, room: this.id }, 're-creating the room failed; trying again');
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  private forget(member: PooledPublisher | PooledSubscriber): void {
    const removed = member instanceof PooledPublisher ? this.publishers.delete(member) : this.subscribers.delete(member);
    if (removed && !this.restoring) this.pool.carry(this.backend, { handles: -1 });
  }

  private tell(restoring: boolean): void {
    for (const listener of this.interruptionListeners) {
      try {
        listener(restoring);
      } catch (error) {
        this.settings.logger.error({ err: error, room: this.id }, 'a media interruption listener failed');
      }
    }
  }
}

/** Starts mirroring `origin`'s publishers in `leaf`, each taken as the SFU room it is on now. */
async function relayFrom(origin: MediaRoom, leaf: MediaRoom): Promise<MediaRelay> {
  const target = leaf instanceof PooledRoom ? await leaf.ready() : leaf;
  if (!('startRelay' in origin) || typeof origin.startRelay !== 'function') throw new ParleyError('media_unavailable', 'This media server cannot feed other media servers');
  return (origin as MediaRoom & RelayableRoom).startRelay(target);
}
