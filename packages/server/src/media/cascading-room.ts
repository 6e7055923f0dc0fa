import type { Logger } from 'pino';
import { AudienceSubscriber } from './audience-subscriber.js';
import type { AudioTaps, MediaBackend, MediaPublisher, MediaRelay, MediaRoom, MediaRoomOptions, MediaSubscriber, SubscriberOptions } from './media-backend.js';
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
  opened: Promise<{ room: PooledRoom; relay: MediaRelay }>;
  /** The member it was opened on (it may move there if that member dies). */
  server: MediaBackend;
  audience: number;
}

/**
 * A webinar's room over several SFUs of a pool. Everyone who publishes, and everyone on stage, is in
 * the origin room; attendees fill the origin up to `attendeesPerServer`, then leaves: rooms on other
 * healthy members, each fed every publisher of the origin (see `RelayableRoom`), each filled up to the
 * same number before the next is opened. An attendee's subscriber is made in the room that carries
 * them, so their page talks to that SFU; nothing else differs. A leaf closes when its last attendee
 * leaves. With no other member to open a leaf on, attendees go where there is most room.
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
  ) {}

  static async create(pool: CascadePlacement, backend: MediaBackend, options: MediaRoomOptions, settings: CascadeSettings): Promise<CascadingRoom> {
    return new CascadingRoom(await PooledRoom.create(pool, backend, options, settings), pool, options, settings);
  }

  get id(): string {
    return this.origin.id;
  }

  /** How many attendees each SFU carries for the room now, by member (the origin's first). */
  audienceByServer(): { server: MediaBackend; attendees: number; origin: boolean }[] {
    return [{ server: this.origin.server, attendees: this.originAudience, origin: true }, ...[...this.leaves].map((leaf) => ({ server: leaf.server, attendees: leaf.audience, origin: false }))];
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
    leaf.audience++;
    let onOrigin = false;
    const inner = leaf.opened.then(
      ({ room }) => room.createSubscriber(options),
      // A leaf that could not open leaves its attendee to the origin.
      () => {
        onOrigin = true;
        leaf.audience--;
        this.originAudience++;
        return this.origin.createSubscriber(options);
      },
    );
    return new AudienceSubscriber(inner, () => {
      if (onOrigin) this.originAudience--;
      else this.left(leaf);
    });
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
    for (const leaf of this.leaves) if (leaf.audience < limit) return leaf;
    return undefined;
  }

  private leastFilledLeaf(): Leaf | undefined {
    let best: Leaf | undefined;
    for (const leaf of this.leaves) if (!best || leaf.audience < best.audience) best = leaf;
    // The origin too may be the least filled, when its own attendees left.
    return best && best.audience < this.originAudience ? best : undefined;
  }

  /** Opens a leaf on a member carrying none of the room yet; none when there is no such member. */
  private openLeaf(): Leaf | undefined {
    const server = this.pool.placeAvoiding(new Set([this.origin.server, ...[...this.leaves].map((leaf) => leaf.server)]));
    if (!server) return undefined;
    const id = `${this.options.id}~leaf${++this.leafCount}`;
    const opened = (async () => {
      const room = await PooledRoom.create(this.pool, server, { ...this.options, id, cascade: false }, this.settings);
      try {
        return { room, relay: await this.origin.startRelay(room) };
      } catch (error) {
        await room.destroy().catch(() => undefined);
        throw error;
      }
    })();
    const leaf: Leaf = { opened, server, audience: 0 };
    this.leaves.add(leaf);
    opened.then(
      () => this.settings.logger.info({ room: this.id, leaf: id }, 'webinar audience cascades to another media server'),
      (error: Error) => {
        this.leaves.delete(leaf);
        this.settings.logger.error({ err: error, room: this.id }, 'could not open a leaf room on another media server; attendees stay on the origin');
      },
    );
    return leaf;
  }

  /** An attendee of `leaf` left: the last one out closes it. */
  private left(leaf: Leaf): void {
    leaf.audience--;
    if (leaf.audience > 0 || !this.leaves.delete(leaf)) return;
    void this.close(leaf);
  }

  private async close(leaf: Leaf): Promise<void> {
    const opened = await leaf.opened.catch(() => undefined);
    if (!opened) return;
    await opened.relay.stop().catch((error: Error) => this.settings.logger.warn({ err: error, room: this.id }, 'stopping a leaf relay failed'));
    await opened.room.destroy();
  }
}
