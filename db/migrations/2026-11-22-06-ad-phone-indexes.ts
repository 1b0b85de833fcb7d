/**
 * Index for looking numbers up among the reports attached to cases: `sightings.phones` holds the numbers each
 * report carried, and a number's card (or any per-number query) should find its sightings without reading them
 * all. Measured at 100,000 sightings (bench/phones-bench.ts): a card read through `unnest(phones)` scans every
 * sighting (≈ 55 ms, growing ×7 from 10,000); filtering the sightings branch with `s.phones @> array[<e164>]`
 * takes 12 ms without this index and 0.8 ms with it.
 *
 * Not added, because the figures do not call for them: an index on `cases(received_at)` or
 * `sightings(created_at)` (the rules' 30-day window covers half of the data the registry keeps hot, so
 * PostgreSQL rightly scans), or on `case_phones(case_id)` (its primary key already starts with `case_id`).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sightings_by_phone on sightings using gin (phones)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sightings_by_phone').ifExists().execute();
}
