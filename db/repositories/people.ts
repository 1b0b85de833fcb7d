/** People and their chat accounts. A resident becomes a person at first contact; staff come from the org file. */
import type { Transaction } from 'kysely';
import type { Channel } from '../../src/domain/message-model.js';
import type { Db } from '../database.js';
import type { Database, Person } from '../schema.js';

type Executor = Db | Transaction<Database>;

/** The person behind a chat account, created as a resident the first time they write. */
export async function personForIdentity(
  trx: Executor,
  channel: Channel,
  externalId: string,
  displayName: string | undefined,
  now: Date,
): Promise<{ person: Person; firstContact: boolean }> {
  // One statement for a known person: touch the account's last contact and read the person.
  const known = await trx
    .with('touched', (db) =>
      db
        .updateTable('channel_identities')
        .set({ last_inbound_at: now })
        .where('channel', '=', channel)
        .where('external_id', '=', externalId)
        .returning('person_id'),
    )
    .selectFrom('people')
    .innerJoin('touched', 'touched.person_id', 'people.id')
    .selectAll('people')
    .executeTakeFirst();
  if (known) return { person: known, firstContact: false };
  const person = await trx.insertInto('people').values({ role: 'resident' }).returningAll().executeTakeFirstOrThrow();
  await trx
    .insertInto('channel_identities')
    .values({ channel, external_id: externalId, person_id: person.id, display_name: displayName ?? null, last_inbound_at: now })
    .execute();
  return { person, firstContact: true };
}

/** A person's chat accounts, the most recently active first: where to reach them. */
export async function identitiesOf(db: Executor, personId: number) {
  return db
    .selectFrom('channel_identities')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('last_inbound_at', (ob) => ob.desc().nullsLast())
    .execute();
}

export async function setConsent(db: Executor, personId: number, at: Date | null) {
  await db.updateTable('people').set({ consent_at: at }).where('id', '=', personId).execute();
}

/** Move a chat account to another person (invite linking), keeping the old person row for its history. */
export async function relinkIdentity(db: Executor, channel: Channel, externalId: string, personId: number) {
  await db
    .updateTable('channel_identities')
    .set({ person_id: personId })
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .execute();
}
