import type { Room } from './room.js';

export type RoomUpdatedListener = (room: Room) => void;

/**
 * Announces that a room's settings changed (through an API), so that a live session of it follows:
 * its pages see features turned on or off, and its waiting room applies a new approval level. Within
 * one process this is a list of listeners; with several nodes the cluster bus will carry the same
 * announcement to the node that owns the room.
 */
export class RoomUpdates {
  private readonly listeners = new Set<RoomUpdatedListener>();

  /** Returns the function that stops listening. */
  onUpdated(listener: RoomUpdatedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; one that throws never keeps the others from hearing it. */
  announce(room: Room): void {
    for (const listener of this.listeners) {
      try {
        listener(room);
      } catch {
        // Listeners report their own failures; a room update has already been stored.
      }
    }
  }
}
