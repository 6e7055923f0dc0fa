import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  /** Exactly as received. */
  body: string;
  event: { event: string } & Record<string, unknown>;
}

/** How the receiver answers one request: a status, a status with headers, or `'hang'` to never answer. */
export type ReceiverAnswer = number | { status: number; headers: Record<string, string> } | 'hang';

/**
 * A webhook receiver on 127.0.0.1 that keeps every request it got, in arrival order, and answers as
 * `answer` says (204 unless told otherwise).
 */
export class TestWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer = () => 204;
  private readonly hanging = new Set<http.ServerResponse>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(path = '/hooks'): Promise<TestWebhookReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new TestWebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    server.on('request', (request, response) => receiver.handle(request, response));
    return receiver;
  }

  /** The events received, in order, without the headers. */
  events(): ({ event: string } & Record<string, unknown>)[] {
    return this.received.map((r) => r.event);
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      // A subscription's validation handshake has no body: its event is named ''.
      const event = body === '' ? { event: '' } : (JSON.parse(body) as ReceivedWebhook['event']);
      const received: ReceivedWebhook = { headers: request.headers, body, event };
      const answer = this.answer(received, this.received.length);
      this.received.push(received);
      if (answer === 'hang') {
        this.hanging.add(response);
        return;
      }
      if (typeof answer === 'number') response.writeHead(answer).end();
      else response.writeHead(answer.status, answer.headers).end();
    });
  }
}
