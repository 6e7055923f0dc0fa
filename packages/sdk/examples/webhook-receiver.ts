/**
 * A webhook receiver for Parley's Meetings events: checks each delivery's signature before trusting
 * it, and reacts by event type. Point a room's `callback_urls` (or the application's webhooks) at it.
 *
 *   PARLEY_WEBHOOK_SECRET=whsec_… PORT=3000 node --import tsx examples/webhook-receiver.ts
 */
import http from 'node:http';
import { ParleyWebhookError, verifyMeetingsWebhook, type MeetingsWebhookEvent } from '@parley/sdk';

const secret = process.env.PARLEY_WEBHOOK_SECRET;
if (!secret) throw new Error('Set PARLEY_WEBHOOK_SECRET to the whsec_… secret Parley shows for your webhooks');

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    try {
      // The raw body, exactly as received: parsed and serialized again, it would not verify.
      const event = verifyMeetingsWebhook(Buffer.concat(chunks), request.headers, secret);
      handle(event);
      response.writeHead(204).end();
    } catch (error) {
      if (!(error instanceof ParleyWebhookError)) throw error;
      console.warn(`refused a delivery (${error.reason}): ${error.message}`);
      response.writeHead(400, { 'content-type': 'text/plain' }).end(error.message);
    }
  });
});

function handle(event: MeetingsWebhookEvent): void {
  switch (event.event) {
    case 'session:started':
      console.log(`room ${event.room_id}: a meeting started at ${event.started_at}`);
      break;
    case 'session:participant:joined':
      console.log(`room ${event.room_id}: ${event.name} joined${event.is_host ? ' as host' : ''}`);
      break;
    case 'recording:uploaded':
      console.log(`recording ${event.recording_id} (${event.duration} s) is ready: ${event.url}`);
      break;
    default:
      console.log(`${event.event}`, JSON.stringify(event));
  }
}

server.listen(Number(process.env.PORT ?? 3000), () => {
  const address = server.address();
  console.log(`listening for Parley webhooks on port ${typeof address === 'object' && address ? address.port : process.env.PORT}`);
});
