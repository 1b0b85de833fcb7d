/**
 * The reminder job's reads and writes: the occurrences with a reminder due (through the partial index on
 * `next_remind_on`, so the cost follows the reminders due, not the number of tasks), who receives them, the
 * reminder log (one row per occurrence × kind × day) and the next reminder day of each occurrence.
 */
import { sql, type Transaction } from 'kysely';
import type { Channel } from '../../src/domain/message-model.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

type Executor = Db | Transaction<Database>;

/** Take the one-run-at-a-time lock for the rest of the transaction: a second scheduler waits, then finds nothing. */
export async function lockReminderRun(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('task-reminder-digests'))`.execute(trx);
}

/** Open occurrences whose next reminder day is `day` or earlier (missed days are caught up). */
export async function occurrencesDue(db: Executor, day: string) {
  return db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select([
      'o.id', 'o.due_on', 'o.status', 'o.head_snoozed_until', 'o.leader_snoozed_until', 'o.next_remind_on', 't.recurrence',
      't.content', 't.lead_unit_code', 't.lead_unit_name', 't.plan_id', 'p.reminder_policy', 'p.leader_person_id',
    ])
    .where('o.status', '=', 'open')
    .where('o.next_remind_on', 'is not', null)
    .where('o.next_remind_on', '<=', day)
    .orderBy('o.due_on')
    .orderBy('o.id')
    .execute();
}

/** Row type of {@link occurrencesDue}. */
export type DueOccurrence = Awaited<ReturnType<typeof occurrencesDue>>[number];

/** Active unit heads (trưởng đơn vị) of each unit code. */
export async function unitHeadsByUnit(db: Executor, unitCodes: readonly string[]): Promise<Map<string, number[]>> {
  const heads = new Map<string, number[]>();
  if (unitCodes.length === 0) return heads;
  const rows = await db
    .selectFrom('people')
    .select(['id', 'unit_code'])
    .where('role', '=', 'unit_head')
    .where('deleted_at', 'is', null)
    .where('unit_code', 'in', unitCodes)
    .orderBy('id')
    .execute();
  for (const row of rows) heads.set(row.unit_code!, [...(heads.get(row.unit_code!) ?? []), row.id]);
  return heads;
}

/** Active people with role `leader`: the default recipients of escalations. */
export async function activeLeaders(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('people').select('id').where('role', '=', 'leader').where('deleted_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Each person's most recently active chat account: where their digest goes. */
export async function chatOf(db: Executor, personIds: readonly number[]): Promise<Map<number, { channel: Channel; externalId: string }>> {
  const chats = new Map<number, { channel: Channel; externalId: string }>();
  if (personIds.length === 0) return chats;
  const rows = await db
    .selectFrom('channel_identities')
    .select(['person_id', 'channel', 'external_id'])
    .where('person_id', 'in', personIds)
    .orderBy(sql`last_inbound_at desc nulls last`)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) if (!chats.has(row.person_id)) chats.set(row.person_id, { channel: row.channel, externalId: row.external_id });
  return chats;
}

/** Log reminders as sent (a row already there is left alone: a reminder fires once). */
export async function logReminders(
  db: Executor,
  rows: readonly { occurrenceId: number; kind: string; day: string; personIds: number[] }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('task_reminders')
      .values(rows.slice(i, i + 1000).map((r) => ({ occurrence_id: r.occurrenceId, kind: r.kind, on_date: r.day, person_ids: r.personIds })))
      .onConflict((oc) => oc.columns(['occurrence_id', 'kind', 'on_date']).doNothing())
      .execute();
  }
}

/** Store each occurrence's next reminder day in one statement per thousand. */
export async function setNextReminders(db: Executor, rows: readonly { id: number; next: string | null }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const values = sql.join(rows.slice(i, i + 1000).map((r) => sql`(${r.id}::integer, ${r.next}::date)`));
    await sql`update task_occurrences as o set next_remind_on = v.next from (values ${values}) as v(id, next) where o.id = v.id`.execute(db);
  }
}
