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

  /** The first message of one type; fails the test when none came. */
  one<T extends ServerMessage['type']>(type: T): MessageOf<T> {
    const [message] = this.of(type);
    assert.ok(message, `no ${type} message`);
    return message;
  }

  last<T extends ServerMessage['type']>(type: T): MessageOf<T> | undefined {
    return this.of(type).at(-1);
  }

  joined(): MessageOf<'joined'> {
    return this.one('joined');
  }
}

/** Lets pending promise callbacks run. */
export const settled = () => new Promise((resolve) => setImmediate(resolve));
