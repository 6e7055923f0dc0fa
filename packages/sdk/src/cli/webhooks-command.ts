import { parseArgs } from 'node:util';
import type { ApplicationWebhooks, UpdateApplicationWebhooksRequest, WebhookDelivery, WebhookDeliveryStatus } from '../wire/webhook-json.js';
import { UsageError, type CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, choiceFlag, clientFor, integerFlag, positionals, printer } from './command-line.js';
import { formatRecord, formatTable } from './table.js';

export const WEBHOOKS_HELP = `Usage:
  parley webhooks urls                          where the application's events go
  parley webhooks set-urls [--rooms URL|none] [--sessions URL|none] [--recordings URL|none]
  parley webhooks secret [--rotate]             the signing secret (whsec_...); --rotate makes a new one,
                                                the old one keeps signing too for 24 hours
  parley webhooks deliveries [--status pending|delivered|failed] [--page-size N] [--before N]
                                                the delivery log, newest first
  parley webhooks delivery WEBHOOK_ID           one delivery, with its payload
  parley webhooks redeliver WEBHOOK_ID          send it again, with the same webhook-id

A room's own callback_urls take precedence over the application's URLs.

${API_OPTIONS_HELP}`;

const WEBHOOK_OPTIONS = {
  rooms: { type: 'string' },
  sessions: { type: 'string' },
  recordings: { type: 'string' },
  rotate: { type: 'boolean', default: false },
  status: { type: 'string' },
  'page-size': { type: 'string' },
  before: { type: 'string' },
} as const;

const STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** `parley webhooks urls|set-urls|secret|deliveries|delivery|redeliver`. */
export async function webhooksCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: { ...API_OPTIONS, ...WEBHOOK_OPTIONS } });
  if (values.help) {
    io.out(WEBHOOKS_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'urls': {
      positionals('parley webhooks urls', rest, []);
      const webhooks = await clientFor(values, io).getWebhooks();
      print(webhooks, describeReceivers(webhooks));
      return 0;
    }
    case 'set-urls': {
      positionals('parley webhooks set-urls', rest, []);
      const changes: UpdateApplicationWebhooksRequest = {};
      const receiver = (url: string | undefined) => (url === undefined ? undefined : url === 'none' ? null : { address: url });
      const [rooms, sessions, recordings] = [receiver(values.rooms), receiver(values.sessions), receiver(values.recordings)];
      if (rooms !== undefined) changes.room_changed = rooms;
      if (sessions !== undefined) changes.session_changed = sessions;
      if (recordings !== undefined) changes.recording_changed = recordings;
      if (Object.keys(changes).length === 0) throw new UsageError('parley webhooks set-urls needs --rooms, --sessions or --recordings');
      const webhooks = await clientFor(values, io).updateWebhooks(changes);
      print(webhooks, describeReceivers(webhooks));
      return 0;
    }
    case 'secret': {
      positionals('parley webhooks secret', rest, []);
      const client = clientFor(values, io);
      const secret = values.rotate ? await client.rotateWebhookSecret() : await client.getWebhookSecret();
      const grace = secret.previous_secret_expires_at;
      print(secret, grace === null ? secret.secret : `${secret.secret}\n(the previous secret also signs deliveries until ${grace})`);
      return 0;
    }
    case 'deliveries': {
      positionals('parley webhooks deliveries', rest, []);
      const status = choiceFlag('status', values.status, STATUSES);
      const pageSize = integerFlag('page-size', values['page-size']);
      const before = integerFlag('before', values.before);
      const page = await clientFor(values, io).listWebhookDeliveries({
        ...(status !== undefined ? { status } : {}),
        ...(pageSize !== undefined ? { page_size: pageSize } : {}),
        ...(before !== undefined ? { before } : {}),
      });
      const deliveries = page._embedded.deliveries;
      const next = page._links.next ? new URL(page._links.next.href).searchParams.get('before') : null;
      const footer = `${deliveries.length} deliveries${next !== null ? `; older ones: --before ${next}` : ''}`;
      print(page, deliveries.length === 0 ? footer : `${deliveryTable(deliveries)}\n\n${footer}`);
      return 0;
    }
    case 'delivery': {
      const [id] = positionals('parley webhooks delivery', rest, ['WEBHOOK_ID']);
      const delivery = await clientFor(values, io).getWebhookDelivery(id);
      print(delivery, describeDelivery(delivery));
      return 0;
    }
    case 'redeliver': {
      const [id] = positionals('parley webhooks redeliver', rest, ['WEBHOOK_ID']);
      const delivery = await clientFor(values, io).redeliverWebhook(id);
      print(delivery, `Delivery ${delivery.id} (${delivery.event}) queued again for ${delivery.receiver_url}`);
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? WEBHOOKS_HELP : `Unknown webhooks command "${action}"\n\n${WEBHOOKS_HELP}`);
  }
}

function describeReceivers(webhooks: ApplicationWebhooks): string {
  return formatRecord([
    ['Rooms', webhooks.room_changed?.address ?? '-'],
    ['Sessions', webhooks.session_changed?.address ?? '-'],
    ['Recordings', webhooks.recording_changed?.address ?? '-'],
  ]);
}

function deliveryTable(deliveries: readonly WebhookDelivery[]): string {
  return formatTable(
    ['WEBHOOK ID', 'EVENT', 'STATUS', 'ATTEMPTS', 'CREATED', 'NEXT ATTEMPT', 'RECEIVER', 'LAST ERROR'],
    deliveries.map((d) => [d.id, d.event, d.status, String(d.attempts), d.created_at, d.next_attempt_at ?? '-', d.receiver_url, d.last_error ?? '-']),
  );
}

function describeDelivery(delivery: WebhookDelivery): string {
  return formatRecord([
    ['Webhook ID', delivery.id],
    ['Event', delivery.event],
    ['Room', delivery.room_id],
    ['Receiver', delivery.receiver_url],
    ['Status', delivery.status],
    ['Attempts', String(delivery.attempts)],
    ['Last attempt', delivery.last_attempt_at ?? '-'],
    ['Last response', delivery.last_response_status === null ? '-' : String(delivery.last_response_status)],
    ['Last error', delivery.last_error ?? '-'],
    ['Next attempt', delivery.next_attempt_at ?? '-'],
    ['Created', delivery.created_at],
    ['Delivered', delivery.delivered_at ?? '-'],
    ['Payload', JSON.stringify(delivery.payload)],
  ]);
}
