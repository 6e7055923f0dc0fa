import type { Kysely } from 'kysely';

/**
 * Webinars (RingCentral's Webinar API, see docs/ringcentral.md):
 *
 * - `webinars` belong to an account and are hosted by one of its users; `settings` is the JSON of
 *   RingCentral's webinar settings as given (the defaults fill the rest when read).
 * - `webinar_sessions` are a webinar's occurrences. Each is backed by ONE room of kind `webinar`
 *   (`room_id`), made with the session: its live sessions and participants are the session's
 *   runtime and attendance. Registration settings (status, settings JSON, Parley's questions) are the
 *   session's own, as RingCentral's Registration API keeps them per session.
 * - `webinar_invitees` are a session's host, co-hosts and panelists; the implicit Host record is a row
 *   like the others (role `Host`), which the API never lets change.
 * - `webinar_registrants` signed up for a session; `cancellation_token` is the secret of their
 *   cancellation link. One registration per email and session.
 * - `webinar_subscriptions` are RingCentral's notification subscriptions (a WebHook address, event
 *   filters, an expiry), by the user and client app that made them. Their events go through the
 *   webhook outbox: a delivery row with `subscription_id` is one of theirs.
 * - Participants remember who they were across visits (`identity`: `token:<participant id>` for those
 *   who came with a participant token, `guest:<id>` otherwise; see rooms/participant-identity.ts), so a
 *   webinar's attendance report knows which invitee or registrant each one was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webinars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('host_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webinars_host').on('webinars').columns(['host_user_id', 'created_at']).execute();

  await db.schema
    .createTable('webinar_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webinar_id', 'text', (c) => c.notNull().references('webinars.id'))
    .addColumn('room_id', 'text', (c) => c.notNull().unique().references('rooms.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('scheduled_start_time', 'text', (c) => c.notNull())
    .addColumn('scheduled_duration', 'integer', (c) => c.notNull())
    // scheduled_start_time + scheduled_duration: the session lists filter and sort on it.
    .addColumn('scheduled_end_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('locale_code', 'text', (c) => c.notNull())
    .addColumn('panel_join_time_offset', 'integer', (c) => c.notNull())
    .addColumn('registration_status', 'text', (c) => c.notNull())
    .addColumn('registration_settings', 'text', (c) => c.notNull())
    .addColumn('registration_questions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webinar_sessions_webinar').on('webinar_sessions').column('webinar_id').execute();

  await db.schema
    .createTable('webinar_invitees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('webinar_sessions.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('email', 'text')
    .addColumn('job_title', 'text')
    .addColumn('linked_user_id', 'text')
    .addColumn('linked_account_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('send_invite', 'integer', (c) => c.notNull())
    // The order invitees were added in (the Host record is 0), which lists follow.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webinar_invitees_session').on('webinar_invitees').columns(['session_id', 'position']).execute();

  await db.schema
    .createTable('webinar_registrants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('webinar_sessions.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    // Lower-cased: one registration per address and session.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('source', 'text')
    .addColumn('visitor_id', 'text')
    .addColumn('ip_address', 'text')
    .addColumn('questionnaire', 'text', (c) => c.notNull())
    // The host's own links, shown instead of Parley's when given (RingCentral's custom registration pages).
    .addColumn('custom_join_uri', 'text')
    .addColumn('custom_cancellation_uri', 'text')
    .addColumn('cancellation_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webinar_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('event_filters', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('verification_token', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webinar_subscriptions_account').on('webinar_subscriptions').columns(['account_id', 'expires_at']).execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('subscription_id', 'text').execute();

  await db.schema.alterTable('participants').addColumn('identity', 'text').execute();
  await db.schema.createIndex('webinar_registrants_session_email').on('webinar_registrants').columns(['session_id', 'email']).unique().execute();
}
