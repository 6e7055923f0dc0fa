import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { RoomUpdates } from './room-updates.js';
import type { Room } from './room.js';

/**
 * Makes rooms unavailable when their deadline (`close_at`, kept in the database) passes. Deadlines are
 * read from the database on every sweep, so a restart loses none of them. Each closed room is
 * announced, so guests waiting for it to open are told it never will.
 */
export class RoomLifecycle {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<Room[]> | undefined;

  constructor(
    private readonly rooms: RoomsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly roomUpdates: RoomUpdates,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: Error) => this.logger.error({ err: error }, 'room sweep failed')), this.intervalMs);
    this.timer.unref();
  }

  /**
   * Closes every room whose deadline has passed; returns them. Every node sweeps: safe, as each room
   * is closed (and its webhook written) by the one update that still finds it available.
   */
  sweep(): Promise<Room[]> {
    // One sweep at a time: a slow database must not pile sweeps up.
    this.sweeping ??= this.rooms
      .closeDue(this.clock.now().toISOString())
      .then((closed) => {
        for (const room of closed) {
          this.logger.info({ roomId: room.id, type: room.type }, 'room expired');
          this.roomUpdates.announce(room);
        }
        return closed;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }
}
