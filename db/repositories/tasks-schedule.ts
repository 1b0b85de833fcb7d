/**
 * Keeps each open occurrence's `next_remind_on` true to the reminder policy, so the daily job can read only
 * the occurrences with something due. Called whenever what the policy depends on changes: import, completion,
 * snooze, an approved extension, and by the job itself after it sends.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../src/domain/plans/plan-dates.js';
import { nextReminderOn, reminderPolicy, type ReminderSubject } from '../../src/domain/tasks/reminder-policy.js';
import type { WorkingCalendar } from '../../src/domain/working-calendar.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

type Executor = Db | Transaction<Database>;

/** The columns the policy reads, from `task_occurrences` joined to `tasks`. */
export interface ScheduleRow {
  due_on: string | null;
  status: string;
  recurrence: string;
  head_snoozed_until: string | null;
  leader_snoozed_until: string | null;
}

/** The policy's view of an occurrence row. */
export function reminderSubjectOf(row: ScheduleRow): ReminderSubject {
  return {
    dueOn: row.due_on,
    continuous: row.recurrence === 'continuous',
    done: row.status !== 'open',
    snoozedUntil: { unit_head: row.head_snoozed_until, leader: row.leader_snoozed_until },
  };
}

/**
 * Recompute `next_remind_on` of the given occurrences: the first reminder day on or after `today`, or after
 * `today` for an occurrence already reminded today (its digest went out; today is done).
 */
export async function refreshNextReminders(
  db: Executor,
  occurrenceIds: readonly number[],
  today: string,
  calendar: WorkingCalendar,
): Promise<void> {
  if (occurrenceIds.length === 0) return;
  const rows = await db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['o.id', 'o.due_on', 'o.status', 't.recurrence', 'o.head_snoozed_until', 'o.leader_snoozed_until', 'p.reminder_policy'])
    .where('o.id', 'in', occurrenceIds)
    .execute();
  const remindedToday = new Set(
    (await db.selectFrom('task_reminders').select('occurrence_id').where('on_date', '=', today).where('occurrence_id', 'in', occurrenceIds).execute()).map((r) => r.occurrence_id),
  );
  const yesterday = addDays(today, -1);
  for (const row of rows) {
    const after = remindedToday.has(row.id) ? today : yesterday;
    const next = nextReminderOn(reminderSubjectOf(row), after, calendar, reminderPolicy(row.reminder_policy));
    await db.updateTable('task_occurrences').set({ next_remind_on: next }).where('id', '=', row.id).execute();
  }
}
