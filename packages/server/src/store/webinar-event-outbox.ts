import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { WebinarRuntimeStatus } from '@parley/protocol';
import type { Database } from './schema.js';
import { insertDelivery } from './webhook-outbox.js';

/** RingCentral's webinar event filters (spec §4.5.2), each optionally narrowed by `?webinarId=` and `?hostUserId=`. */
export const WEBINAR_EVENT_FILTERS = [
  '/webinar/configuration/v1/company/sessions',
  '/webinar/runtime/v1/company/sessions/state',
  '/webinar/registration/v1/company/sessions/state',
  '/webinar/registration/v1/company/sessions/registrants',
] as const;
export type WebinarEventFilter = (typeof WEBINAR_EVENT_FILTERS)[number];

/** The query parameters a filter may narrow by. */
export const WEBINAR_FILTER_PARAMETERS = ['webinarId', 'hostUserId'] as const;

/** The webinar an event is about. */
export interface WebinarEventSource {
  accountId: string;
  webinarId: string;
  hostUserId: string;
  /** The session's room: the outbox keeps deliveries per room. */
  roomId: string;
}

/**
 * Puts a webinar event in the outbox for every subscription of the webinar's account that wants it,
 * inside `tx` (the transaction of the change it reports). A subscription wants it when one of its
 * filters is the event's, narrowed (if at all) to this webinar or host, and it has not expired; one
 * made by a user who is not an administrator sees only the webinars they host. The envelope is the
 * platform's (spec §4.5.4).
 */
export async function enqueueWebinarEvent(tx: Transaction<Database>, source: WebinarEventSource, filter: WebinarEventFilter, body: unknown, occurredAt: string): Promise<void> {
  const subscriptions = await tx
    .selectFrom('webinar_subscriptions')
    .innerJoin('users', 'users.id', 'webinar_subscriptions.user_id')
    .select(['webinar_subscriptions.id', 'webinar_subscriptions.application_id', 'webinar_subscriptions.user_id', 'webinar_subscriptions.event_filters', 'webinar_subscriptions.address', 'users.role'])
    .where('webinar_subscriptions.account_id', '=', source.accountId)
    .where('webinar_subscriptions.expires_at', '>', occurredAt)
    .orderBy('webinar_subscriptions.created_at')
    .execute();
  for (const subscription of subscriptions) {
    if (subscription.role !== 'admin' && subscription.user_id !== source.hostUserId) continue;
    const filters = JSON.parse(subscription.event_filters) as string[];
    if (!filters.some((given) => filterMatches(given, filter, source))) continue;
    const envelope = {
      uuid: randomUUID(),
      event: `${filter}?webinarId=${source.webinarId}`,
      timestamp: occurredAt,
      subscriptionId: subscription.id,
      ownerId: subscription.user_id,
      body,
    };
    await insertDelivery(tx, {
      applicationId: subscription.application_id,
      roomId: source.roomId,
      event: filter,
      payload: JSON.stringify(envelope),
      receiverUrl: subscription.address,
      occurredAt,
      subscriptionId: subscription.id,
    });
  }
}

/**
 * A webinar session's live state changed (its room went live, its live session ended, or its host moved
 * it on: Practice, Live, Break, Debrief): the runtime event, if the room backs one.
 */
export async function enqueueWebinarRuntimeEvent(
  tx: Transaction<Database>,
  roomId: string,
  state: { status: 'Active' | 'Finished'; runtimeStatus?: WebinarRuntimeStatus },
  occurredAt: string,
): Promise<void> {
  const session = await webinarSessionOfRoom(tx, roomId);
  if (!session) return;
  await enqueueWebinarEvent(tx, session.source, '/webinar/runtime/v1/company/sessions/state', { sessionId: session.sessionId, webinarId: session.source.webinarId, ...state }, occurredAt);
}

async function webinarSessionOfRoom(db: Kysely<Database>, roomId: string): Promise<{ sessionId: string; source: WebinarEventSource } | undefined> {
  const row = await db
    .selectFrom('webinar_sessions')
    .innerJoin('webinars', 'webinars.id', 'webinar_sessions.webinar_id')
    .select(['webinar_sessions.id as sessionId', 'webinars.id as webinarId', 'webinars.account_id as accountId', 'webinars.host_user_id as hostUserId'])
    .where('webinar_sessions.room_id', '=', roomId)
    .executeTakeFirst();
  return row && { sessionId: row.sessionId, source: { accountId: row.accountId, webinarId: row.webinarId, hostUserId: row.hostUserId, roomId } };
}

/** Whether a subscription's filter (a path, perhaps with `?webinarId=` / `?hostUserId=`) takes this event. */
function filterMatches(given: string, filter: WebinarEventFilter, source: WebinarEventSource): boolean {
  const [path, query = ''] = given.split('?', 2);
  if (path !== filter) return false;
  const params = new URLSearchParams(query);
  const webinarId = params.get('webinarId');
  const hostUserId = params.get('hostUserId');
  return (webinarId === null || webinarId === source.webinarId) && (hostUserId === null || hostUserId === source.hostUserId);
}
