/** The backbone: organisation, people and their chat accounts, conversations, inbound events and the outbox. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wards')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable('residential_groups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('ward_code', 'text', (c) => c.notNull().references('wards.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('polygon', 'jsonb')
    .addColumn('centre_lat', 'double precision')
    .addColumn('centre_lng', 'double precision')
    .addColumn('radius_m', 'integer')
    .addColumn('streets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addUniqueConstraint('residential_groups_ward_name', ['ward_code', 'name_key'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ward_code', 'text', (c) => c.references('wards.code'))
    .addColumn('aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('full_name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.references('units.code'))
    .addColumn('ward_code', 'text', (c) => c.references('wards.code'))
    .addColumn('group_id', 'integer', (c) => c.references('residential_groups.id'))
    .addColumn('phone', 'text')
    .addColumn('consent_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('channel_identities')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('display_name', 'text')
    .addColumn('last_inbound_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('channel_identities_pk', ['channel', 'external_id'])
    .execute();
  await db.schema.createIndex('channel_identities_person').on('channel_identities').column('person_id').execute();

  await db.schema
    .createTable('invites')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.references('units.code'))
    .addColumn('ward_code', 'text', (c) => c.references('wards.code'))
    .addColumn('group_id', 'integer', (c) => c.references('residential_groups.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('conversations_pk', ['channel', 'external_id'])
    .execute();

  await db.schema
    .createTable('inbound_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('platform_message_id', 'text', (c) => c.notNull())
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_at', 'timestamptz')
    .addColumn('error', 'text')
    .addUniqueConstraint('inbound_events_platform_id', ['channel', 'platform_message_id'])
    .execute();
  await sql`create index inbound_events_by_person on inbound_events (channel, external_user_id, received_at)`.execute(db);
  await sql`create index inbound_events_pending on inbound_events (channel, external_user_id, sent_at, id) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('proactive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('not_before', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('platform_message_id', 'text')
    .addColumn('fate_reason', 'text')
    .addColumn('fallback_of', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index outbox_unsent on outbox (channel, external_user_id, id) where status in ('pending', 'sending', 'deferred')`.execute(db);

  await db.schema
    .createTable('chat_pacing')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    // Who holds the lease: a sender whose lease ran out must not release (or repace) its successor's.
    .addColumn('lease_owner', 'text')
    .addColumn('last_sent_at', 'timestamptz')
    // A token bucket per chat: short bursts pass, a steady stream is held to the platform's pace.
    .addColumn('tokens', 'double precision', (c) => c.notNull().defaultTo(3))
    .addPrimaryKeyConstraint('chat_pacing_pk', ['channel', 'external_user_id'])
    .execute();

  await db.schema
    .createTable('zalo_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'app_secrets',
    'zalo_tokens',
    'chat_pacing',
    'outbox',
    'inbound_events',
    'conversations',
    'invites',
    'channel_identities',
    'people',
    'units',
    'residential_groups',
    'wards',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
