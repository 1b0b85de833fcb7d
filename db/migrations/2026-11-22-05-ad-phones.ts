/** The registry of phone numbers printed on illegal ads: status with history, and the rules' proposals. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ad_phones')
    .addColumn('e164', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text')
    .addColumn('carrier_corrected', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('detected'))
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('ad_phones_by_status').on('ad_phones').columns(['status', 'carrier']).execute();

  await db.schema
    .createTable('ad_phone_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('e164', 'text', (c) => c.notNull().references('ad_phones.e164'))
    .addColumn('actor_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('letter_no', 'text')
    .addColumn('letter_date', 'date')
    .addColumn('operator', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ad_phone_events_by_number').on('ad_phone_events').columns(['e164', 'id']).execute();

  await db.schema
    .createTable('ad_phone_proposals')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('e164', 'text', (c) => c.notNull().references('ad_phones.e164'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('people.id'))
    .execute();
  // One open proposal per number and action: the rules pass can run any number of times.
  await sql`create unique index ad_phone_proposals_open on ad_phone_proposals (e164, action) where decided_at is null`.execute(db);

  await db.schema.createIndex('sightings_by_case').on('sightings').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ad_phone_proposals', 'ad_phone_events', 'ad_phones']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('sightings_by_case').ifExists().execute();
}
