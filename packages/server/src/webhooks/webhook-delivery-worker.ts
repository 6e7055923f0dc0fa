import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Cluster } from '../cluster/cluster.js';
import type { AttemptOutcome, WebhookDeliveriesRepository, WebhookDelivery } from '../store/webhook-deliveries-repository.js';
import type { WebhookSettingsRepository } from '../store/webhook-settings-repository.js';
import { retryDelayMs } from './retry-schedule.js';
import { postWebhook } from './webhook-sender.js';
import { signWebhook } from './webhook-signature.js';

export interface WebhookDeliveryOptions {
  /** How long one attempt may take, answer included. */
  timeoutMs: number;
  /** How often the outbox is read for deliveries that became due. */
  pollIntervalMs: number;
  /** Attempts under way at once, across receivers; each receiver has at most one. */
  concurrency: number;
  /** In [0, 1): the jitter of retry waits; tests pin it. */
  random?: () => number;
}

interface Dependencies {
  webhookDeliveries: WebhookDeliveriesRepository;
  webhookSettings: WebhookSettingsRepository;
  clock: Clock;
  logger: Logger;
  /** Of all the nodes, one sends the outbox at a time (the one holding this work's lease). */
  cluster: Pick<Cluster, 'claimWork'>;
}

/** The name of the webhook delivery's lease in the cluster. */
export const WEBHOOK_DELIVERY_WORK = 'webhook-delivery';

/**
 * Sends what the outbox holds, signed, retrying failures with backoff until the delivery's day is up.
 *
 * Order per receiver: only a receiver's oldest pending delivery is ever tried, so the next event to a
 * receiver waits for the one before it. Isolation: each receiver has at most one attempt under way,
 * and at most `concurrency` run at once in all, so a slow or dead receiver holds one slot for at most
 * a timeout and never delays the others. Everything it knows is in the database: after a crash the
 * pending deliveries are simply found again (an attempt cut short is sent again, with the same
 * `webhook-id`: at least once). In a cluster, only the node holding the delivery's lease sends.
 */
export class WebhookDeliveryWorker {
  /** The attempt under way per receiver URL. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;

  constructor(
    private readonly deps: Dependencies,
    private readonly options: WebhookDeliveryOptions,
  ) {
    this.random = options.random ?? Math.random;
  }

  /** Polls the outbox from now on; each finished attempt looks for the next one at once. */
  start(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs).unref();
    this.wake();
  }

  /** Looks for due deliveries now (new events, a redelivery) rather than at the next poll. */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    void this.poll().catch((error: Error) => this.deps.logger.error({ err: error }, 'reading the webhook outbox failed'));
  }

  /**
   * Tries every delivery due now, once, and resolves when those attempts are done. For tests, which
   * move their clock and call this instead of `start`.
   */
  async deliverDue(): Promise<void> {
    await this.poll();
    await Promise.all(this.inFlight.values());
  }

  /** Stops polling and cancels attempts under way; they stay pending in the outbox for the next start. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort(new Error('the server is stopping'));
    await this.polling;
    await Promise.allSettled(this.inFlight.values());
  }

  private poll(): Promise<void> {
    // One read of the outbox at a time; a wake during a read reads once more after it.
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = this.startDueAttempts().finally(() => {
      this.polling = undefined;
      if (this.pollAgain) {
        this.pollAgain = false;
        this.wake();
      }
    });
    return this.polling;
  }

  private async startDueAttempts(): Promise<void> {
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0 || this.stopping.signal.aborted) return;
    // Two nodes reading the outbox would both send each delivery. Another node takes over within
    // seconds of this one's death; an attempt it cut short is sent again, same `webhook-id`.
    if (!(await this.deps.cluster.claimWork(WEBHOOK_DELIVERY_WORK))) return;
    const due = await this.deps.webhookDeliveries.dueHeads(this.deps.clock.now().toISOString(), free, [...this.inFlight.keys()]);
    for (const delivery of due) {
      if (this.stopping.signal.aborted) return;
      const attempt = this.attempt(delivery)
        .catch((error: Error) => {
          if (!this.stopping.signal.aborted) this.deps.logger.error({ err: error, webhookId: delivery.id }, 'webhook attempt failed to run');
        })
        .finally(() => {
          this.inFlight.delete(delivery.receiverUrl);
          // The receiver's next event, if any, goes now; in tests (not started) the caller drives.
          if (this.timer) this.wake();
        });
      this.inFlight.set(delivery.receiverUrl, attempt);
    }
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    const headers = delivery.subscriptionId === null ? await this.signedHeaders(delivery) : await this.subscriptionHeaders(delivery.subscriptionId);
    const result = await postWebhook(delivery.receiverUrl, delivery.payload, headers, { timeoutMs: this.options.timeoutMs, abort: this.stopping.signal });
    const at = this.deps.clock.now();
    const outcome = this.outcomeOf(delivery, result, at);
    await this.deps.webhookDeliveries.recordAttempt(delivery.id, delivery.attempts, outcome);
    const log = { webhookId: delivery.id, event: delivery.event, receiver: delivery.receiverUrl, attempt: delivery.attempts + 1 };
    if (outcome.kind === 'retry') this.deps.logger.info({ ...log, error: outcome.error, nextAttemptAt: outcome.nextAttemptAt }, 'webhook delivery will be retried');
    if (outcome.kind === 'failed') this.deps.logger.warn({ ...log, error: outcome.error }, 'webhook delivery failed');
  }

  /** The Meetings API's webhooks: signed the Standard Webhooks way with the application's secrets. */
  private async signedHeaders(delivery: WebhookDelivery): Promise<Record<string, string>> {
    const now = this.deps.clock.now();
    const secrets = await this.deps.webhookSettings.secrets(delivery.applicationId, now.toISOString());
    // Applications are never deleted and always have a secret; a row without one is a broken database.
    if (!secrets) throw new Error(`application ${delivery.applicationId} has no webhook secret`);
    const headers = signWebhook(
      { id: delivery.id, timestamp: Math.floor(now.getTime() / 1000), body: delivery.payload },
      secrets.previous === null ? [secrets.current] : [secrets.current, secrets.previous],
    );
    return { ...headers };
  }

  /** A webinar notification subscription's events: RingCentral's headers, with the subscription's `Verification-Token` (spec §4.5.3). */
  private async subscriptionHeaders(subscriptionId: string): Promise<Record<string, string>> {
    const token = await this.deps.webhookDeliveries.subscriptionVerificationToken(subscriptionId);
    return { 'content-type': 'application/json; charset=UTF-8', 'user-agent': 'RingCentral-Webhook/8.3', ...(token !== null ? { 'verification-token': token } : {}) };
  }

  private outcomeOf(delivery: WebhookDelivery, result: Awaited<ReturnType<typeof postWebhook>>, at: Date): AttemptOutcome {
    const iso = at.toISOString();
    if (result.kind === 'accepted') return { kind: 'delivered', at: iso, responseStatus: result.status };
    if (result.kind === 'refused') return { kind: 'failed', at: iso, responseStatus: result.status, error: result.error };
    if (iso >= delivery.giveUpAt) {
      return { kind: 'failed', at: iso, responseStatus: result.status, error: `${result.error}; gave up after ${delivery.attempts + 1} attempts, 24 hours after the event` };
    }
    // The last retry falls on the give-up time rather than past it: a day of tries, no more.
    const wait = retryDelayMs(delivery.attempts + 1, this.random(), result.retryAfterMs);
    const next = new Date(Math.min(at.getTime() + wait, Date.parse(delivery.giveUpAt))).toISOString();
    return { kind: 'retry', at: iso, responseStatus: result.status, error: result.error, nextAttemptAt: next };
  }
}
