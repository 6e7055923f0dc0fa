import type { ServerMessage } from '@parley/protocol';
import type { ParticipantConnection } from '../live-participant.js';

type Message<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** What a page's WebSocket would be: every message the server sends it, and whether it was closed. */
export class RecordedConnection implements ParticipantConnection {
  readonly received: ServerMessage[] = [];
  closed = false;
  send(message: ServerMessage): void {
    this.received.push(message);
  }
  close(): void {
    this.closed = true;
  }
  all<T extends ServerMessage['type']>(type: T): Message<T>[] {
    return this.received.filter((m): m is Message<T> => m.type === type);
  }
  last<T extends ServerMessage['type']>(type: T): Message<T> | undefined {
    return this.all(type).at(-1);
  }
}

/** Lets pending promise callbacks run. */
export const settled = () => new Promise((resolve) => setImmediate(resolve));
