/**
 * `outbox.not_before` is compared with the product's injected clock when a message is claimed, so it must be
 * written from that clock too: a database default of `now()` made rows never due under a test clock (and late
 * whenever an app host's clock lags the database's). Every insert now states it; the default goes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox alter column not_before drop default`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox alter column not_before set default now()`.execute(db);
}
