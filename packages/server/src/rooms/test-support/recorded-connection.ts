import assert from 'node:assert/strict';
import type { ServerMessage } from '@parley/protocol';
import type { ParticipantConnection } from '../live-participant.js';

type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/**
 * What a page's WebSocket would be, for domain tests: every message the session sends it, and whether
 * it was closed. Like a real socket, a closed one receives nothing more.
 */
export class RecordedConnection implements ParticipantConnection {
  readonly received: ServerMessage[] = [];
  closed = false;

  send(message: ServerMessage): void {
    if (!this.closed) this.received.push(message);
  }

  close(): void {
    this.closed = true;
  }

  /** Every message of one type received so far, in order. */
  of<T extends ServerMessage['type']>(type: T): MessageOf<T>[] {
    return this.received.filter((message): message is MessageOf<T> => message.type === type);
  }

  joined(): MessageOf<'joined'> {
    const [joined] = this.of('joined');
    assert.ok(joined, 'no joined message');
    return joined;
  }
}
