import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * What the RingCentral APIs add to the store (see docs/ringcentral.md for the whole mapping):
 *
 * - `users` are an account's people: RingCentral's "extensions". Bridges are owned by them, tokens
 *   are issued to them, and participant tokens minted for them carry their identity into meetings.
 * - An application is at once a Vonage application (its RSA public key) and a RingCentral client app:
 *   `oauth_client_id`, the SHA-256 of its `client_secret` and its registered redirect URIs. Tokens
 *   are issued to (application, user) pairs of the same account, so whatever a user makes through a
 *   client app (a bridge is a room) is a room of that application, visible through both APIs.
 * - `user_jwt_credentials` are the JWT credentials of the JWT bearer grant; a credential can be
 *   revoked without touching the user.
 * - `oauth_sessions` are OAuth sessions (RingCentral's `session_id`): the current access and refresh
 *   token of one login, by digest; refreshing replaces both, revoking ends the session.
 * - `oauth_authorization_codes` are the one-minute, single-use codes of the authorization-code grant,
 *   with their PKCE challenge.
 * - A bridge IS a room: `bridges` is a 1:1 side table of `rooms` with what only a bridge has (its
 *   owner, type, PSTN PINs, the sealed plain-text passwords its owner may read back, and RingCentral's
 *   preferences that no room setting carries). Its name, web PIN (the meeting code), password check,
 *   waiting room, muting and recording are the room's own.
 * - Rooms say who may enter (`admittance`: anyone, signed-in users, users of the room's account) and
 *   whom the join approval level holds back (`join_approval_audience`: everyone, guests, or people
 *   from other accounts), which a participant token naming a user proves.
 * - Participants remember which user they were (`user_id`), for the meeting history.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased: the login name of the password and authorization-code grants.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('extension_number', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // A deleted user keeps their row (meetings they held stay in the history) but frees their email
  // and extension number.
  await db.schema.createIndex('users_email').on('users').column('email').unique().where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema
    .createIndex('users_account_extension_number')
    .on('users')
    .columns(['account_id', 'extension_number'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('user_jwt_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('user_jwt_credentials_user').on('user_jwt_credentials').column('user_id').execute();

  await db.schema.alterTable('applications').addColumn('oauth_client_id', 'text').execute();
  await db.schema.alterTable('applications').addColumn('oauth_client_secret_hash', 'text').execute();
  await db.schema.alterTable('applications').addColumn('oauth_redirect_uris', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.createIndex('applications_oauth_client_id').on('applications').column('oauth_client_id').unique().execute();

  await db.schema
    .createTable('oauth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    // A public client (no secret; PKCE) may refresh without a secret; a confidential one may not.
    .addColumn('public_client', 'integer', (c) => c.notNull())
    .addColumn('access_token_digest', 'text', (c) => c.notNull().unique())
    .addColumn('access_expires_at', 'text', (c) => c.notNull())
    .addColumn('refresh_token_digest', 'text', (c) => c.notNull().unique())
    .addColumn('refresh_expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('oauth_authorization_codes')
    .addColumn('code_digest', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text')
    .addColumn('code_challenge_method', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    // The session the code was exchanged for: a second use of the code revokes it (RFC 6749 §4.1.2).
    .addColumn('session_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('rooms').addColumn('admittance', 'text', (c) => c.notNull().defaultTo('anyone')).execute();
  await db.schema.alterTable('rooms').addColumn('join_approval_audience', 'text', (c) => c.notNull().defaultTo('everyone')).execute();
  await db.schema.alterTable('participants').addColumn('user_id', 'text', (c) => c.references('users.id')).execute();

  await db.schema
    .createTable('bridges')
    .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    // Never handed out twice, like meeting codes: deleted bridges keep theirs.
    .addColumn('pstn_host_pin', 'text', (c) => c.notNull().unique())
    .addColumn('pstn_participant_pin', 'text', (c) => c.notNull().unique())
    .addColumn('sealed_secrets', 'text')
    .addColumn('preferences', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('bridges_account').on('bridges').columns(['account_id', 'owner_user_id']).execute();
  // Each user has at most one default (PMI) bridge.
  await db.schema
    .createIndex('bridges_one_pmi_per_owner')
    .on('bridges')
    .column('owner_user_id')
    .unique()
    .where((eb) => eb.and([eb(sql.ref('type'), '=', sql.lit('PMI')), eb(sql.ref('deleted_at'), 'is', null)]))
    .execute();
  await db.schema.createIndex('participants_user').on('participants').columns(['user_id']).execute();
}
