import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { DeliveryLogQuery, WebhookDeliveriesRepository, WebhookDelivery } from '../store/webhook-deliveries-repository.js';

/** An application's webhook deliveries as it may see them: its own only, and redelivery on request. */
export class DeliveryLog {
  constructor(private readonly deps: { webhookDeliveries: WebhookDeliveriesRepository; clock: Clock }) {}

  /** Newest first. */
  list(applicationId: string, query: DeliveryLogQuery): Promise<WebhookDelivery[]> {
    return this.deps.webhookDeliveries.listForApplication(applicationId, query);
  }

  async get(applicationId: string, id: string): Promise<WebhookDelivery> {
    const delivery = await this.deps.webhookDeliveries.findForApplication(applicationId, id);
    if (!delivery) throw notFound(id);
    return delivery;
  }

  /**
   * Sends a delivery again (same `webhook-id`), whether it failed, was delivered, or is still pending:
   * the delivery worker picks it up at its next read of the outbox.
   */
  async redeliver(applicationId: string, id: string): Promise<WebhookDelivery> {
    const delivery = await this.deps.webhookDeliveries.redeliver(applicationId, id, this.deps.clock.now().toISOString());
    if (!delivery) throw notFound(id);
    return delivery;
  }
}

function notFound(id: string): ParleyError {
  return ParleyError.notFound(`Webhook delivery ${id} was not found`);
}
