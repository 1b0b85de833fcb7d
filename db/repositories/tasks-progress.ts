/**
 * What people do with their tasks: read their unit's open tasks, post progress, complete, ask for an extension,
 * have it decided, snooze reminders. Every change that moves a reminder also refreshes `next_remind_on`.
 */
import { sql, type Transaction } from 'kysely';
import type { WorkingCalendar } from '../../src/domain/working-calendar.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { refreshNextReminders } from './tasks-schedule.js';

type Executor = Db | Transaction<Database>;

/** One open task of a unit as a list shows it: the occurrence that speaks for it now. */
export interface OpenTaskLine {
  occurrenceId: number;
  taskId: number;
  content: string;
  dueOn: string | null;
  periodKey: string;
}

/**
 * The unit's open tasks, soonest due first (undated last), one line per task: a recurring task shows its
 * earliest open occurrence. At most `limit` lines, and the total.
 */
export async function openTasksForUnit(db: Executor, unitCode: string, limit: number): Promise<{ lines: OpenTaskLine[]; total: number }> {
  const rows = await db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['o.id as occurrenceId', 't.id as taskId', 't.content', 'o.due_on as dueOn', 'o.period_key as periodKey'])
    .where('t.lead_unit_code', '=', unitCode)
    .where('t.status', '=', 'open')
    .where('o.status', '=', 'open')
    .orderBy(sql`o.due_on asc nulls last`)
    .orderBy('o.id')
    .execute();
  const seen = new Set<number>();
  const lines = rows.filter((r) => !seen.has(r.taskId) && seen.add(r.taskId));
  return { lines: lines.slice(0, limit), total: lines.length };
}

/** An occurrence with its task and plan, for a detail card and for authorisation. */
export async function occurrenceDetail(db: Executor, occurrenceId: number) {
  return db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select([
      'o.id', 'o.task_id', 'o.status', 'o.due_on', 'o.original_due_on', 'o.period_key', 't.content', 't.lead_unit_code',
      't.lead_unit_name', 't.recurrence', 't.plan_id', 'p.number as plan_number', 'p.title as plan_title', 'p.leader_person_id',
    ])
    .where('o.id', '=', occurrenceId)
    .executeTakeFirst();
}

/** The newest progress note of a task (the report's "kết quả" column, the card's last line). */
export async function latestProgress(db: Executor, taskId: number) {
  return db
    .selectFrom('task_progress')
    .select(['text', 'percent', 'at'])
    .where('task_id', '=', taskId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Record a progress update (báo cáo tiến độ). */
export async function addProgress(
  db: Executor,
  update: { taskId: number; occurrenceId: number | null; personId: number | null; at: Date; percent: number | null; text: string; attachment?: string | null },
): Promise<void> {
  await db
    .insertInto('task_progress')
    .values({
      task_id: update.taskId,
      occurrence_id: update.occurrenceId,
      person_id: update.personId,
      at: update.at,
      percent: update.percent,
      text: update.text,
      attachment_sha256: update.attachment ?? null,
    })
    .execute();
}

/**
 * Mark an occurrence done on `today`: its pending reminders are cancelled (no next reminder); the task is done
 * once every occurrence is. False when it was not open.
 */
export async function completeOccurrence(db: Executor, occurrenceId: number, personId: number | null, now: Date, today: string): Promise<boolean> {
  const done = await db
    .updateTable('task_occurrences')
    .set({ status: 'done', completed_on: today, completed_at: now, completed_by: personId, next_remind_on: null })
    .where('id', '=', occurrenceId)
    .where('status', '=', 'open')
    .returning('task_id')
    .executeTakeFirst();
  if (!done) return false;
  const open = await db.selectFrom('task_occurrences').select('id').where('task_id', '=', done.task_id).where('status', '=', 'open').limit(1).executeTakeFirst();
  if (!open) await db.updateTable('tasks').set({ status: 'done', updated_at: now }).where('id', '=', done.task_id).execute();
  return true;
}

/** Ask for a new due date; returns the request's id. The previous due date is kept for the history. */
export async function requestExtension(
  db: Executor,
  request: { occurrenceId: number; personId: number; at: Date; requestedDueOn: string; reason: string },
): Promise<number> {
  const occurrence = await db.selectFrom('task_occurrences').select('due_on').where('id', '=', request.occurrenceId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('task_extensions')
    .values({
      occurrence_id: request.occurrenceId,
      requested_by: request.personId,
      requested_at: request.at,
      previous_due_on: occurrence.due_on,
      requested_due_on: request.requestedDueOn,
      reason: request.reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An extension request with what the decision needs. */
export async function extensionById(db: Executor, id: number) {
  return db
    .selectFrom('task_extensions as e')
    .innerJoin('task_occurrences as o', 'o.id', 'e.occurrence_id')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['e.id', 'e.occurrence_id', 'e.status', 'e.requested_by', 'e.requested_due_on', 'e.previous_due_on', 'e.reason', 't.content', 't.plan_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/**
 * Approve or refuse a pending request. Approval moves the occurrence's due date (its reminders follow).
 * False when the request was already decided (a second leader, a double tap).
 */
export async function decideExtension(
  db: Executor,
  decision: { id: number; leaderId: number; approve: boolean; at: Date; today: string; calendar: WorkingCalendar },
): Promise<boolean> {
  const row = await db
    .updateTable('task_extensions')
    .set({ status: decision.approve ? 'approved' : 'refused', decided_by: decision.leaderId, decided_at: decision.at })
    .where('id', '=', decision.id)
    .where('status', '=', 'pending')
    .returning(['occurrence_id', 'requested_due_on'])
    .executeTakeFirst();
  if (!row) return false;
  if (decision.approve) {
    await db.updateTable('task_occurrences').set({ due_on: row.requested_due_on }).where('id', '=', row.occurrence_id).execute();
    await refreshNextReminders(db, [row.occurrence_id], decision.today, decision.calendar);
  }
  return true;
}

/** Who may decide a plan's extensions: its named leader, else every active person with role `leader`. */
export async function leadersOfPlan(db: Executor, planId: number): Promise<number[]> {
  const plan = await db.selectFrom('plans').select('leader_person_id').where('id', '=', planId).executeTakeFirst();
  if (plan?.leader_person_id) return [plan.leader_person_id];
  const leaders = await db.selectFrom('people').select('id').where('role', '=', 'leader').where('deleted_at', 'is', null).orderBy('id').execute();
  return leaders.map((l) => l.id);
}

/**
 * Silence one audience's reminders of these occurrences until `until` (ISO); a reminder comes again that day.
 * ("nhắc lại sau 2 ngày").
 */
export async function snoozeOccurrences(
  db: Executor,
  occurrenceIds: readonly number[],
  audience: 'unit_head' | 'leader',
  until: string,
  today: string,
  calendar: WorkingCalendar,
): Promise<void> {
  if (occurrenceIds.length === 0) return;
  const column = audience === 'leader' ? 'leader_snoozed_until' : 'head_snoozed_until';
  await db.updateTable('task_occurrences').set({ [column]: until }).where('id', 'in', occurrenceIds).where('status', '=', 'open').execute();
  await refreshNextReminders(db, occurrenceIds, today, calendar);
}

/** The open occurrences of the last digest `personId` received: what "nhắc lại sau" refers to. */
export async function occurrencesOfLastDigest(db: Executor, personId: number): Promise<number[]> {
  const last = await db
    .selectFrom('task_reminders')
    .select((eb) => eb.fn.max('on_date').as('day'))
    .where(sql<boolean>`person_ids @> array[${personId}]::integer[]`)
    .executeTakeFirst();
  if (!last?.day) return [];
  const rows = await db
    .selectFrom('task_reminders as r')
    .innerJoin('task_occurrences as o', 'o.id', 'r.occurrence_id')
    .select('r.occurrence_id')
    .distinct()
    .where('r.on_date', '=', last.day)
    .where(sql<boolean>`r.person_ids @> array[${personId}]::integer[]`)
    .where('o.status', '=', 'open')
    .execute();
  return rows.map((r) => r.occurrence_id);
}
