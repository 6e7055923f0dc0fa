import { SIGNALING_PATH, type ClientMessage, type ServerMessage } from '@parley/protocol';
import { ParleyClientError } from './client-error.js';

/** @internal The signaling WebSocket: typed send, one message callback, one close callback. */
export class SignalingSocket {
  private constructor(private readonly socket: WebSocket) {}

  static open(serverUrl: string, timeoutMs = 10_000): Promise<SignalingSocket> {
    const url = new URL(SIGNALING_PATH, serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const timer = setTimeout(() => {
        socket.close();
        reject(ParleyClientError.connectionLost('Timed out connecting to the server'));
      }, timeoutMs);
      socket.onopen = () => {
        clearTimeout(timer);
        resolve(new SignalingSocket(socket));
      };
      socket.onerror = () => {
        clearTimeout(timer);
        reject(ParleyClientError.connectionLost('Cannot connect to the server'));
      };
    });
  }

  onMessage(listener: (message: ServerMessage) => void): void {
    this.socket.onmessage = (event: MessageEvent<string>) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      listener(message);
    };
  }

  onClose(listener: () => void): void {
    this.socket.onclose = () => listener();
  }

  send(message: ClientMessage): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.socket.onclose = null;
    this.socket.close(1000);
  }
}
