import type { Logger } from 'pino';
import { AudienceSubscriber } from './audience-subscriber.js';
import type { AudioTaps, MediaBackend, MediaPublisher, MediaRoom, MediaRoomOptions, MediaSubscriber, SubscriberOptions } from './media-backend.js';
import { PooledRoom, type RoomPlacement } from './pooled-room.js';

/** What a cascading room needs of its pool. */
export interface CascadePlacement extends RoomPlacement {
  /** The least loaded healthy member other than `excluded` (those already carrying the room), if any. */
  placeAvoiding(excluded: ReadonlySet<MediaBackend>): MediaBackend | undefined;
}

export interface CascadeSettings {
  /** How many attendees one SFU carries for the room before further ones go to another (a leaf). */
  attendeesPerServer: number;
  restoreTimeoutMs: number;
  logger: Logger;
}

/** A room on another member mirroring the origin's publishers, and the attendees it carries. */
interface Leaf {
  /** Settles once the leaf room exists and receives the origin's publishers. */
  opened: Promise<PooledRoom>;
  /** The member it was opened on; once open, wherever the room is now. */
  server: MediaBackend;
  room?: PooledRoom;
  /** Its attendees' subscribers, with what they were made with. */
  subscribers: Map<AudienceSubscriber, SubscriberOptions>;
}

/**
 * A webinar's room over several SFUs of a pool. Everyone who publishes, and everyone on stage, is in
 * the origin room; attendees fill the origin up to `attendeesPerServer`, then leaves: rooms on other
 * healthy members, each fed every publisher of the origin (see `RelayableRoom`), each filled up to the
 * same number before the next is opened. An attendee's subscriber is made in the room that carries
 * them, so their page talks to that SFU; nothing else differs. A leaf closes when its last attendee
 * leaves. With no other member to open a leaf on, attendees go where there is most room.
 *
 * When a leaf's member dies, the leaf is re-created on a healthy member (the origin's, when no other
 * is left), fed there, and its attendees' pages are told to connect anew (`onMoved`). When the
 * origin's member dies, the origin is re-created (see `PooledRoom`) and feeds the leaves from there as
 * its publishers publish again; the leaves' attendees start afresh with everyone else.
 */
export class CascadingRoom implements MediaRoom {
  private readonly leaves = new Set<Leaf>();
  private originAudience = 0;
  private leafCount = 0;

  private constructor(
    private readonly origin: PooledRoom,
    private readonly pool: CascadePlacement,
    private readonly options: MediaRoomOptions,
    private readonly settings: CascadeSettings,
  ) {
    origin.onInterrupted((restoring) => {
      if (restoring) this.originInterrupted();
    });
  }

  static async create(pool: CascadePlacement, backend: MediaBackend, options: MediaRoomOptions, settings: CascadeSettings): Promise<CascadingRoom> {
    return new CascadingRoom(await PooledRoom.create(pool, backend, options, settings), pool, options, settings);
  }

  get id(): string {
    return this.origin.id;
  }

  /** How many attendees each SFU carries for the room now (the origin's first). */
  audienceByServer(): { server: MediaBackend; attendees: number; origin: boolean }[] {
    const leaves = [...this.leaves].map((leaf) => ({ server: leaf.room?.server ?? leaf.server, attendees: leaf.subscribers.size, origin: false }));
    return [{ server: this.origin.server, attendees: this.originAudience, origin: true }, ...leaves];
  }

  joinPublisher(options: { participantId: string; displayName: string }): Promise<MediaPublisher> {
    return this.origin.joinPublisher(options);
  }

  createSubscriber(options: SubscriberOptions): MediaSubscriber {
    if (!options.audience) return this.origin.createSubscriber(options);
    const limit = this.settings.attendeesPerServer;
    const leaf = this.originAudience < limit ? undefined : (this.leafWithRoom(limit) ?? this.openLeaf() ?? this.leastFilledLeaf());
    if (!leaf) {
      this.originAudience++;
      return new AudienceSubscriber(Promise.resolve(this.origin.createSubscriber(options)), () => this.originAudience--);
    }
    let onOrigin = false;
    const inner = leaf.opened.then(
      (room) => room.createSubscriber(options),
      // A leaf that could not open leaves its attendee to the origin.
      () => {
        onOrigin = true;
        leaf.subscribers.delete(subscriber);
        this.originAudience++;
        return this.origin.createSubscriber(options);
      },
    );
    const subscriber: AudienceSubscriber = new AudienceSubscriber(inner, () => {
      if (onOrigin) this.originAudience--;
      else this.left(leaf, subscriber);
    });
    leaf.subscribers.set(subscriber, options);
    return subscriber;
  }

  startRecording(folder: string): Promise<void> {
    return this.origin.startRecording(folder);
  }

  stopRecording(): Promise<void> {
    return this.origin.stopRecording();
  }

  startAudioTaps(taps: AudioTaps): Promise<void> {
    return this.origin.startAudioTaps(taps);
  }

  stopAudioTaps(): Promise<void> {
    return this.origin.stopAudioTaps();
  }

  onInterrupted(listener: (restoring: boolean) => void): void {
    this.origin.onInterrupted(listener);
  }

  async destroy(): Promise<void> {
    const leaves = [...this.leaves];
    this.leaves.clear();
    await Promise.all(leaves.map((leaf) => this.close(leaf)));
    await this.origin.destroy();
  }

  private leafWithRoom(limit: number): Leaf | undefined {
    for (const leaf of this.leaves) if (leaf.subscribers.size < limit) return leaf;
    return undefined;
  }

  private leastFilledLeaf(): Leaf | undefined {
    let best: Leaf | undefined;
    for (const leaf of this.leaves) if (!best || leaf.subscribers.size < best.subscribers.size) best = leaf;
    // The origin too may be the least filled, when its own attendees left.
    return best && best.subscribers.size < this.originAudience ? best : undefined;
  }

  /** Opens a leaf on a member carrying none of the room yet; none when there is no such member. */
  private openLeaf(): Leaf | undefined {
    const server = this.pool.placeAvoiding(new Set([this.origin.server, ...[...this.leaves].map((leaf) => leaf.room?.server ?? leaf.server)]));
    if (!server) return undefined;
    const id = `${this.options.id}~leaf${++this.leafCount}`;
    const leaf: Leaf = { opened: this.open(server, id), server, subscribers: new Map() };
    this.leaves.add(leaf);
    leaf.opened.then(
      (room) => {
        leaf.room = room;
        room.onInterrupted((restoring) => {
          if (restoring) void this.leafMoved(leaf, room);
        });
        this.settings.logger.info({ room: this.id, leaf: id }, 'webinar audience cascades to another media server');
      },
      (error: Error) => {
        this.leaves.delete(leaf);
        this.settings.logger.error({ err: error, room: this.id }, 'could not open a leaf room on another media server; attendees stay on the origin');
      },
    );
    return leaf;
  }

  private async open(server: MediaBackend, id: string): Promise<PooledRoom> {
    const room = await PooledRoom.create(this.pool, server, { ...this.options, id, cascade: false }, this.settings);
    try {
      await this.origin.startRelay(room);
      return room;
    } catch (error) {
      await room.destroy().catch(() => undefined);
      throw error;
    }
  }

  /**
   * The leaf's member died and the leaf is being re-created on another: its attendees' pages connect
   * anew, and receive again once the origin feeds the leaf there.
   */
  private async leafMoved(leaf: Leaf, room: PooledRoom): Promise<void> {
    for (const options of leaf.subscribers.values()) options.onMoved?.();
    try {
      await room.ready();
      await this.origin.refeed(room);
      this.settings.logger.info({ room: this.id, leaf: room.id }, 'leaf room re-created and fed again');
      await Promise.all([...leaf.subscribers.keys()].map((subscriber) => subscriber.receiveAgain()));
    } catch (error) {
      this.settings.logger.error({ err: error, room: this.id, leaf: room.id }, 'the leaf room could not be fed again');
    }
  }

  /**
   * The origin is being re-created: the leaves' subscriptions were to publishers that are gone, and
   * their pages connect anew with everyone else's, so each starts afresh in its leaf.
   */
  private originInterrupted(): void {
    for (const leaf of this.leaves) {
      const { room } = leaf;
      if (!room) continue;
      for (const [subscriber, options] of leaf.subscribers) subscriber.replace(Promise.resolve(room.createSubscriber(options)));
    }
  }

  /** An attendee of `leaf` left: the last one out closes it. */
  private left(leaf: Leaf, subscriber: AudienceSubscriber): void {
    leaf.subscribers.delete(subscriber);
    if (leaf.subscribers.size > 0 || !this.leaves.delete(leaf)) return;
    void this.close(leaf);
  }

  private async close(leaf: Leaf): Promise<void> {
    const room = await leaf.opened.catch(() => undefined);
    if (!room) return;
    await this.origin.stopRelay(room).catch((error: Error) => this.settings.logger.warn({ err: error, room: this.id }, 'stopping a leaf relay failed'));
    await room.destroy();
  }
}
