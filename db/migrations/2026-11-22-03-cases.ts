/** Reports and cases: the case, its photos, phone numbers, sightings and every transition; holidays as data. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('holidays')
    .addColumn('date', 'date', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('substitute', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('case_sequences')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('ward_code', 'text', (c) => c.notNull().references('wards.code'))
    .addColumn('group_id', 'integer', (c) => c.references('residential_groups.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reporter_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('address_text', 'text')
    .addColumn('description', 'text')
    .addColumn('has_photo', 'boolean', (c) => c.notNull())
    .addColumn('routed_by', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cases_open_by_ward').on('cases').columns(['ward_code', 'status']).execute();
  await db.schema.createIndex('cases_by_group').on('cases').columns(['group_id', 'status']).execute();
  await db.schema.createIndex('cases_by_reporter').on('cases').columns(['reporter_person_id', 'received_at']).execute();

  await db.schema
    .createTable('case_photos')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('media.sha256'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_photos_pk', ['case_id', 'sha256', 'kind'])
    .execute();

  await db.schema
    .createTable('case_phones')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('e164', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    // Set when the number came with a later report attached to the case (then that sighting is its place).
    .addColumn('sighting_id', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_phones_pk', ['case_id', 'e164'])
    .execute();
  await db.schema.createIndex('case_phones_by_number').on('case_phones').column('e164').execute();

  await db.schema
    .createTable('sightings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('reporter_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('description', 'text')
    .addColumn('photo_sha256', 'text', (c) => c.references('media.sha256'))
    .addColumn('reason', 'text', (c) => c.notNull())
    /** The numbers read in this report (E.164): each is a sighting of that number here. */
    .addColumn('phones', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('actor_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_by_case').on('case_events').columns(['case_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['case_events', 'sightings', 'case_phones', 'case_photos', 'cases', 'case_sequences', 'holidays']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
