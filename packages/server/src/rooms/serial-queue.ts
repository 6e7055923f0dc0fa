/**
 * Runs async tasks one at a time, in order. A room's joins and leaves go through one so that a join
 * racing the last leave never lands in a session that is being ended.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
