/**
 * Reading tasks for reports and summaries: each task with its occurrences and its latest progress note. The
 * bucket is decided by the pure `task-buckets.ts`, on the day the report is for.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

type Executor = Db | Transaction<Database>;

/** One task as reports show it. */
export interface TaskWithOccurrences {
  taskId: number;
  planId: number;
  ref: string;
  content: string;
  leadUnitCode: string | null;
  /** The organisation's name of the lead unit, else the name as the plan wrote it, else null. */
  leadUnitName: string | null;
  timeframe: string | null;
  recurrence: string;
  /** Sorted by due date, undated last. */
  occurrences: { id: number; dueOn: string | null; completedOn: string | null; periodKey: string }[];
  latestProgress: { text: string; percent: number | null; at: Date } | null;
}

/** Every task of the given plans (all plans when null), in plan order (plan id, then task id). */
export async function tasksWithOccurrences(db: Executor, planIds: readonly number[] | null): Promise<TaskWithOccurrences[]> {
  if (planIds !== null && planIds.length === 0) return [];
  let tasks = db
    .selectFrom('tasks as t')
    .leftJoin('units as u', 'u.code', 't.lead_unit_code')
    .select(['t.id', 't.plan_id', 't.ref', 't.content', 't.lead_unit_code', 't.lead_unit_name', 'u.name as unit_name', 't.timeframe', 't.recurrence'])
    .where('t.status', '!=', 'cancelled')
    .orderBy('t.plan_id')
    .orderBy('t.id');
  if (planIds !== null) tasks = tasks.where('t.plan_id', 'in', planIds);
  const rows = await tasks.execute();
  const ids = rows.map((r) => r.id);
  const occurrences = await occurrencesOf(db, ids);
  const progress = await latestProgressOf(db, ids);
  return rows.map((r) => ({
    taskId: r.id,
    planId: r.plan_id,
    ref: r.ref,
    content: r.content,
    leadUnitCode: r.lead_unit_code,
    leadUnitName: r.unit_name ?? r.lead_unit_name,
    timeframe: r.timeframe,
    recurrence: r.recurrence,
    occurrences: occurrences.get(r.id) ?? [],
    latestProgress: progress.get(r.id) ?? null,
  }));
}

async function occurrencesOf(db: Executor, taskIds: number[]) {
  const byTask = new Map<number, TaskWithOccurrences['occurrences']>();
  for (let i = 0; i < taskIds.length; i += 5000) {
    const rows = await db
      .selectFrom('task_occurrences')
      .select(['id', 'task_id', 'due_on', 'completed_on', 'period_key'])
      .where('task_id', 'in', taskIds.slice(i, i + 5000))
      .orderBy('task_id')
      .orderBy(sql`due_on asc nulls last`)
      .orderBy('id')
      .execute();
    for (const o of rows) {
      const list = byTask.get(o.task_id) ?? [];
      list.push({ id: o.id, dueOn: o.due_on, completedOn: o.completed_on, periodKey: o.period_key });
      byTask.set(o.task_id, list);
    }
  }
  return byTask;
}

async function latestProgressOf(db: Executor, taskIds: number[]) {
  const byTask = new Map<number, NonNullable<TaskWithOccurrences['latestProgress']>>();
  for (let i = 0; i < taskIds.length; i += 5000) {
    const rows = await db
      .selectFrom('task_progress')
      .distinctOn('task_id')
      .select(['task_id', 'text', 'percent', 'at'])
      .where('task_id', 'in', taskIds.slice(i, i + 5000))
      .orderBy('task_id')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const p of rows) byTask.set(p.task_id, { text: p.text, percent: p.percent, at: p.at });
  }
  return byTask;
}

/** The plans a leader answers for: those naming them, and those naming no leader. */
export async function plansOfLeader(db: Executor, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where((eb) => eb.or([eb('leader_person_id', 'is', null), eb('leader_person_id', '=', personId)]))
    .execute();
  return rows.map((r) => r.id);
}
