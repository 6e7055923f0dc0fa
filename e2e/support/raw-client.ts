import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '@parley/protocol';
import { waitUntil } from './wait.js';

/** A bare signaling client: what a page would send, without a browser or media. */
export class RawClient {
  readonly received: ServerMessage[] = [];
  closed = false;
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(data.toString()) as ServerMessage));
    socket.on('close', () => (this.closed = true));
  }

  static async connect(baseUrl: string): Promise<RawClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/signaling`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new RawClient(socket);
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  sendText(text: string): void {
    this.socket.send(text);
  }

  async next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    let found: ServerMessage | undefined;
    await waitUntil(() => ((found = this.received.find((m) => m.type === type)) ? undefined : `no ${type} message yet`), 10_000, 10);
    return found as Extract<ServerMessage, { type: T }>;
  }

  /** Drops the connection without a goodbye, as a crashed tab or a lost network would. */
  kill(): void {
    this.socket.terminate();
  }
}
