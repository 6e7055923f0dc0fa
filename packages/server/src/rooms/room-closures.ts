/** Ends whatever a holder of live sessions keeps running for a room. */
export type RoomClosedListener = (roomId: string) => Promise<void>;

/**
 * Announces that a room closed for good while people may still be in it (it was deleted), so that
 * whoever holds its live session ends it. Within one process this is a list of listeners (the live
 * rooms of this node); with several nodes the cluster bus will carry the same announcement to the
 * node that owns the room.
 */
export class RoomClosures {
  private readonly listeners = new Set<RoomClosedListener>();

  /** Returns the function that stops listening. */
  onClosed(listener: RoomClosedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once every listener has ended what it held, so an API answer given after it is true.
   * A failing listener never keeps the others from running; listeners report their own failures.
   */
  async announce(roomId: string): Promise<void> {
    await Promise.allSettled([...this.listeners].map((listener) => listener(roomId)));
  }
}
