import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Database } from '../store/schema.js';
import { WEBINAR_EVENT_FILTERS, WEBINAR_FILTER_PARAMETERS } from '../store/webinar-event-outbox.js';
import { WebinarSubscriptionsRepository, type SubscriptionRecord } from '../store/webinar-subscriptions-repository.js';
import { webhookHandshakeFailure } from '../webhooks/subscription-handshake.js';
import type { WebinarCaller } from './webinar.js';

/** The platform's default lifetime of a subscription (7 days), and a WebHook's longest (10 years). */
export const DEFAULT_EXPIRES_IN = 604_800;
export const MAX_EXPIRES_IN = 315_360_000;
/** Subscriptions one user may hold through one client app. */
const MAX_SUBSCRIPTIONS = 20;

export interface CreateSubscriptionInput {
  eventFilters: string[];
  address: string;
  verificationToken?: string;
  expiresIn?: number;
}

export interface SubscriptionServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/**
 * Webinar notification subscriptions: a user's, through the client app that made them. A new one must
 * pass the validation handshake with its address; its events then go through the webhook outbox
 * (store/webinar-event-outbox.ts) until it expires.
 */
export class SubscriptionService {
  private readonly subscriptions: WebinarSubscriptionsRepository;

  constructor(private readonly deps: SubscriptionServiceDeps) {
    this.subscriptions = new WebinarSubscriptionsRepository(deps.db);
  }

  async create(caller: WebinarCaller, input: CreateSubscriptionInput): Promise<SubscriptionRecord> {
    checkFilters(input.eventFilters);
    if ((await this.subscriptions.list(caller)).length >= MAX_SUBSCRIPTIONS) throw refusal('forbidden', 'SUB-505', 'Subscriptions limit exceeded');
    const failure = await webhookHandshakeFailure(input.address, input.verificationToken);
    if (failure !== undefined) throw refusal('validation_failed', 'SUB-525', `WebHook server response is invalid: ${failure}`, 'deliveryMode.address');
    const now = this.deps.clock.now();
    const record: SubscriptionRecord = {
      id: randomUUID(),
      accountId: caller.accountId,
      applicationId: caller.applicationId,
      userId: caller.userId,
      eventFilters: [...input.eventFilters],
      address: input.address,
      verificationToken: input.verificationToken ?? null,
      expiresAt: expiryOf(now, input.expiresIn),
      createdAt: isoTimestamp(now),
      updatedAt: isoTimestamp(now),
    };
    await this.subscriptions.insert(record);
    return record;
  }

  list(caller: WebinarCaller): Promise<SubscriptionRecord[]> {
    return this.subscriptions.list(caller);
  }

  async get(caller: WebinarCaller, id: string): Promise<SubscriptionRecord> {
    const found = await this.subscriptions.find(caller, id);
    if (!found) throw ParleyError.notFound(`Subscription ${id} was not found`);
    return found;
  }

  /** New filters and lifetime; with neither, a renewal with the default lifetime (spec §4.5.1). */
  async update(caller: WebinarCaller, id: string, changes: { eventFilters?: string[]; expiresIn?: number }): Promise<SubscriptionRecord> {
    await this.get(caller, id);
    if (changes.eventFilters !== undefined) checkFilters(changes.eventFilters);
    const now = this.deps.clock.now();
    await this.subscriptions.update(id, { ...(changes.eventFilters ? { eventFilters: changes.eventFilters } : {}), expiresAt: expiryOf(now, changes.expiresIn), updatedAt: isoTimestamp(now) });
    return this.get(caller, id);
  }

  /** Another lifetime from now, as long as it was asked for first. */
  async renew(caller: WebinarCaller, id: string): Promise<SubscriptionRecord> {
    const current = await this.get(caller, id);
    const lifetime = Math.round((Date.parse(current.expiresAt) - Date.parse(current.updatedAt)) / 1000);
    const now = this.deps.clock.now();
    await this.subscriptions.update(id, { expiresAt: expiryOf(now, lifetime), updatedAt: isoTimestamp(now) });
    return this.get(caller, id);
  }

  async delete(caller: WebinarCaller, id: string): Promise<void> {
    await this.get(caller, id);
    await this.subscriptions.delete(id);
  }
}

/** A refusal with RingCentral's own subscription code (SUB-…), which the façade shows as it is. */
function refusal(code: 'forbidden' | 'validation_failed', errorCode: string, message: string, parameterName?: string): ParleyError {
  return new ParleyError(code, message, [{ errorCode, ...(parameterName !== undefined ? { parameterName } : {}) }]);
}

/** Every filter one of RingCentral's webinar events, narrowed only by `webinarId` and `hostUserId`; SUB-508 naming the others. */
function checkFilters(filters: readonly string[]): void {
  const invalid = filters.filter((filter) => {
    const [path, query = ''] = filter.split('?', 2);
    if (!(WEBINAR_EVENT_FILTERS as readonly string[]).includes(path ?? '')) return true;
    return [...new URLSearchParams(query).keys()].some((key) => !(WEBINAR_FILTER_PARAMETERS as readonly string[]).includes(key));
  });
  if (invalid.length > 0) throw refusal('validation_failed', 'SUB-508', `Invalid event filters: [${invalid.join(', ')}]`, 'eventFilters');
}

function expiryOf(now: Date, expiresIn: number | undefined): string {
  return isoTimestamp(new Date(now.getTime() + Math.min(expiresIn ?? DEFAULT_EXPIRES_IN, MAX_EXPIRES_IN) * 1000));
}
