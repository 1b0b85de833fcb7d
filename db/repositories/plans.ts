/**
 * Plans and their tasks as stored: saving a reviewed import (idempotent), the unit names admins mapped, and the
 * lookups the CLI and chat need. Plain functions over `db | trx`.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays } from '../../src/domain/plans/plan-dates.js';
import type { PlanProposal, TaskProposal, UnitMatcher } from '../../src/domain/plans/plan-types.js';
import { createUnitMatcher, unitMappingKey } from '../../src/domain/plans/unit-matching.js';
import { nextReminderOn, reminderPolicy } from '../../src/domain/tasks/reminder-policy.js';
import { planOccurrences } from '../../src/domain/tasks/task-occurrences.js';
import { foldText } from '../../src/domain/text-folding.js';
import type { WorkingCalendar } from '../../src/domain/working-calendar.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { refreshNextReminders, reminderSubjectOf } from './tasks-schedule.js';

type Executor = Db | Transaction<Database>;

/** Thrown when a mapping names a unit code the organisation does not have. */
export class UnknownUnitCodeError extends Error {
  readonly code = 'ERR_UNKNOWN_UNIT_CODE';
  constructor(readonly unitCode: string) {
    super(`no unit with code "${unitCode}" (import the org file first)`);
    this.name = 'UnknownUnitCodeError';
  }
}

/** A matcher over the organisation's units (names and aliases) and every mapping an admin made. */
export async function loadUnitMatcher(db: Executor): Promise<UnitMatcher> {
  const units = await db.selectFrom('units').select(['code', 'name', 'aliases']).execute();
  const mappings = await db.selectFrom('unit_name_mappings').select(['name_key', 'unit_code']).execute();
  return createUnitMatcher(units, Object.fromEntries(mappings.map((m) => [m.name_key, m.unit_code])));
}

/** Remember that `name`, as plans write it, is unit `unitCode` (replacing an earlier mapping of that name). */
export async function rememberUnitMapping(db: Executor, name: string, unitCode: string): Promise<void> {
  const unit = await db.selectFrom('units').select('code').where('code', '=', unitCode).executeTakeFirst();
  if (!unit) throw new UnknownUnitCodeError(unitCode);
  await db
    .insertInto('unit_name_mappings')
    .values({ name_key: unitMappingKey(name), name, unit_code: unitCode })
    .onConflict((oc) => oc.column('name_key').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), unit_code: eb.ref('excluded.unit_code') })))
    .execute();
}

/** SHA-256 of a plan's text, the identity of a plan without a number. */
export function planTextHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}

/**
 * The key a plan is stored under: its number and title when it has a number (a corrected re-issue updates the
 * same plan), else the hash of its text (drafts have no number).
 */
export function planKey(plan: PlanProposal['plan'], sourceHash: string): string {
  return plan.number ? `n:${foldText(plan.number)}|${foldText(plan.title ?? '')}` : `h:${sourceHash}`;
}

/** What {@link savePlan} did. */
export interface SavePlanResult {
  planId: number;
  /** `created`: a new plan; `updated`: a plan with this key existed (tasks upserted by ref, none duplicated). */
  outcome: 'created' | 'updated';
  /** The stored plan came from exactly this text already. */
  sameText: boolean;
  tasksInserted: number;
  tasksUpdated: number;
}

/** Where the plan came from and the day the import counts from (for the first reminders). */
export interface SavePlanOptions {
  sourceFile: string;
  sourceHash: string;
  today: string;
  calendar: WorkingCalendar;
}

/**
 * Save a reviewed proposal: the plan, its tasks (upserted by ref) and their occurrences (upserted by period),
 * with each occurrence's first reminder day. Importing the same plan again duplicates nothing; it refreshes
 * the tasks (so units mapped since are filled in) and keeps progress, completions and extensions.
 */
export async function savePlan(db: Db, proposal: PlanProposal, options: SavePlanOptions): Promise<SavePlanResult> {
  return db.transaction().execute(async (trx) => {
    const key = planKey(proposal.plan, options.sourceHash);
    const existing = await trx.selectFrom('plans').select(['id', 'source_hash']).where('plan_key', '=', key).forUpdate().executeTakeFirst();
    const values = {
      plan_key: key,
      number: proposal.plan.number,
      title: proposal.plan.title,
      issuer: proposal.plan.issuer,
      issued_on: proposal.plan.issuedOn,
      source_file: options.sourceFile,
      source_hash: options.sourceHash,
    };
    const planId = existing
      ? (await trx.updateTable('plans').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
    const counts = await saveTasks(trx, planId, proposal.tasks, options);
    if (existing) await refreshPlanReminders(trx, planId, options);
    return { planId, outcome: existing ? 'updated' : 'created', sameText: existing?.source_hash === options.sourceHash, ...counts };
  });
}

async function saveTasks(trx: Transaction<Database>, planId: number, tasks: readonly TaskProposal[], options: SavePlanOptions) {
  const before = new Set((await trx.selectFrom('tasks').select('ref').where('plan_id', '=', planId).execute()).map((t) => t.ref));
  const policy = reminderPolicy((await trx.selectFrom('plans').select('reminder_policy').where('id', '=', planId).executeTakeFirstOrThrow()).reminder_policy);
  for (const chunk of chunks(tasks, 500)) {
    const saved = await trx
      .insertInto('tasks')
      .values(chunk.map((t) => taskRow(planId, t)))
      .onConflict((oc) =>
        oc.columns(['plan_id', 'ref']).doUpdateSet((eb) => ({
          content: eb.ref('excluded.content'),
          lead_unit_name: eb.ref('excluded.lead_unit_name'),
          lead_unit_code: eb.ref('excluded.lead_unit_code'),
          coordinating_unit_names: eb.ref('excluded.coordinating_unit_names'),
          coordinating_unit_codes: eb.ref('excluded.coordinating_unit_codes'),
          timeframe: eb.ref('excluded.timeframe'),
          start_on: eb.ref('excluded.start_on'),
          due_on: eb.ref('excluded.due_on'),
          recurrence: eb.ref('excluded.recurrence'),
          section: eb.ref('excluded.section'),
          family: eb.ref('excluded.family'),
          updated_at: new Date(),
        })),
      )
      .returning(['id', 'ref'])
      .execute();
    const byRef = new Map(chunk.map((t) => [t.ref, t]));
    await saveOccurrences(trx, saved.map((s) => ({ id: s.id, task: byRef.get(s.ref)! })), policy, options);
  }
  const inserted = tasks.filter((t) => !before.has(t.ref)).length;
  return { tasksInserted: inserted, tasksUpdated: tasks.length - inserted };
}

/** After a corrected plan moved dates, every open occurrence's next reminder is recomputed. */
async function refreshPlanReminders(trx: Transaction<Database>, planId: number, options: SavePlanOptions) {
  const open = await trx
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select('o.id')
    .where('t.plan_id', '=', planId)
    .where('o.status', '=', 'open')
    .execute();
  await refreshNextReminders(trx, open.map((o) => o.id), options.today, options.calendar);
}

function taskRow(planId: number, t: TaskProposal) {
  return {
    plan_id: planId,
    ref: t.ref,
    content: t.content,
    lead_unit_name: t.leadUnit,
    lead_unit_code: t.leadUnitCode,
    coordinating_unit_names: t.coordinatingUnits,
    coordinating_unit_codes: t.coordinatingUnitCodes.filter((c): c is string => c !== null),
    timeframe: t.timeframe,
    start_on: t.startOn,
    due_on: t.dueOn,
    recurrence: t.recurrence,
    section: t.section,
    family: t.family,
  };
}

/**
 * Occurrences upserted by period. An occurrence whose due date an extension moved keeps it; otherwise a
 * corrected plan's date wins. Each gets its first reminder day from `options.today` on.
 */
async function saveOccurrences(
  trx: Transaction<Database>,
  saved: { id: number; task: TaskProposal }[],
  policy: ReturnType<typeof reminderPolicy>,
  options: SavePlanOptions,
) {
  const yesterday = addDays(options.today, -1);
  const rows = saved.flatMap(({ id, task }) =>
    planOccurrences(task).map((o) => ({
      task_id: id,
      period_key: o.periodKey,
      start_on: o.startOn,
      due_on: o.dueOn,
      original_due_on: o.dueOn,
      next_remind_on: nextReminderOn(
        reminderSubjectOf({ due_on: o.dueOn, status: 'open', recurrence: task.recurrence, head_snoozed_until: null, leader_snoozed_until: null }),
        yesterday,
        options.calendar,
        policy,
      ),
    })),
  );
  for (const chunk of chunks(rows, 1000)) {
    await trx
      .insertInto('task_occurrences')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['task_id', 'period_key']).doUpdateSet((eb) => ({
          start_on: eb.ref('excluded.start_on'),
          due_on: eb
            .case()
            .when('task_occurrences.due_on', 'is not distinct from', eb.ref('task_occurrences.original_due_on'))
            .then(eb.ref('excluded.due_on'))
            .else(eb.ref('task_occurrences.due_on'))
            .end(),
          original_due_on: eb.ref('excluded.original_due_on'),
        })),
      )
      .execute();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A plan by its number ("40/KH-UBND", diacritics and case ignored) or its id; undefined when none or when the
 * number is ambiguous (several plans share it: use the id).
 */
export async function findPlan(db: Executor, numberOrId: string) {
  if (/^\d+$/.test(numberOrId)) {
    const byId = await db.selectFrom('plans').selectAll().where('id', '=', Number(numberOrId)).executeTakeFirst();
    if (byId) return byId;
  }
  const all = await db.selectFrom('plans').selectAll().where('number', 'is not', null).execute();
  const matches = all.filter((p) => foldText(p.number!) === foldText(numberOrId));
  return matches.length === 1 ? matches[0] : undefined;
}
