/**
 * What the task features share: who may act on a task, the unit's list, one task's card, the leader's summary,
 * snoozing. Each answers through `ctx.reply` and returns true (the message is handled).
 */
import { occurrenceDetail, latestProgress, occurrencesOfLastDigest, openTasksForUnit, snoozeOccurrences } from '../../../db/repositories/tasks-progress.js';
import { plansOfLeader, tasksWithOccurrences } from '../../../db/repositories/tasks-report.js';
import { addDays } from '../../domain/plans/plan-dates.js';
import { taskBucket } from '../../domain/tasks/task-buckets.js';
import { vietnamDate } from '../../domain/working-calendar.js';
import type { Person } from '../../../db/schema.js';
import { vi } from '../../messages/vi.js';
import { taskStatuses } from '../../reports/task-status.js';
import type { TurnContext } from '../turn-context.js';
import { shorten } from './task-digest.js';
import { composeSummary } from './task-summary.js';

/** Conversation states of the task features. */
export const TASK_STATES = { progress: 'task:progress', extensionDate: 'task:ext_date', extensionReason: 'task:ext_reason' } as const;

/** Conversation data: the occurrence picked last (what "nhắc lại sau" and the steps refer to). */
export const SELECTED = 'taskOccurrence';
/** Conversation data: the date typed for an extension, kept until the reason comes. */
export const EXTENSION_DUE = 'taskExtensionDue';

/** How many tasks the list shows (the soonest due). */
export const LIST_LIMIT = 10;

/** Today in Vietnam for this message. */
export const todayOf = (ctx: TurnContext): string => vietnamDate(ctx.now);

/** A unit head (trưởng đơn vị) works the tasks their unit leads. */
export function mayWork(person: Person, leadUnitCode: string | null): boolean {
  return person.role === 'unit_head' && person.unit_code !== null && person.unit_code === leadUnitCode;
}

/** The unit's open tasks, soonest due first, each a choice. */
export async function showTaskList(ctx: TurnContext): Promise<boolean> {
  if (!ctx.person.unit_code) {
    ctx.reply({ text: vi.tasks.noUnit });
    return true;
  }
  const { lines, total } = await openTasksForUnit(ctx.trx, ctx.person.unit_code, LIST_LIMIT);
  if (total === 0) {
    ctx.reply({ text: vi.tasks.listEmpty });
    return true;
  }
  ctx.reply({
    text: vi.tasks.listTitle(lines.length, total),
    choices: lines.map((l) => ({ value: `tk_${l.occurrenceId}`, label: vi.tasks.listLine(shorten(l.content, 60), vi.tasks.date(l.dueOn)) })),
  });
  return true;
}

/** One task: content, plan, unit, due date and bucket, latest progress; and its three actions. */
export async function showTaskCard(ctx: TurnContext, occurrenceId: number): Promise<boolean> {
  const detail = await occurrenceDetail(ctx.trx, occurrenceId);
  if (!detail || !mayWork(ctx.person, detail.lead_unit_code)) {
    ctx.reply({ text: vi.tasks.notYours });
    return true;
  }
  const today = todayOf(ctx);
  const calendar = await ctx.services.calendar();
  const progress = await latestProgress(ctx.trx, detail.task_id);
  const completedOn = detail.status === 'open' ? null : today;
  ctx.conversation.data[SELECTED] = detail.id;
  ctx.reply({
    text: vi.tasks.card({
      content: shorten(detail.content, 400),
      plan: detail.plan_number ?? detail.plan_title ?? vi.tasks.planUnnamed,
      unit: detail.lead_unit_name ?? vi.tasks.unitUnknown,
      due: vi.tasks.date(detail.due_on),
      bucket: vi.tasks.buckets[taskBucket({ dueOn: detail.due_on, completedOn }, today, calendar)],
      progress: progress ? vi.tasks.progressLine(shorten(progress.text, 200), progress.percent, vi.tasks.date(vietnamDate(progress.at))) : null,
    }),
    choices:
      detail.status === 'open'
        ? [
            { value: `tu_${detail.id}`, label: vi.tasks.update },
            { value: `td_${detail.id}`, label: vi.tasks.complete },
            { value: `te_${detail.id}`, label: vi.tasks.extend },
          ]
        : undefined,
  });
  return true;
}

/** Per-unit bucket counts and the overdue list of the plans this leader answers for. */
export async function showSummary(ctx: TurnContext): Promise<boolean> {
  const planIds = ctx.person.role === 'leader' ? await plansOfLeader(ctx.trx, ctx.person.id) : null;
  const tasks = await tasksWithOccurrences(ctx.trx, planIds);
  const today = todayOf(ctx);
  ctx.reply({ text: composeSummary(today, taskStatuses(tasks, today, await ctx.services.calendar())) });
  return true;
}

/**
 * "nhắc lại sau N ngày": the tasks of the person's last digest (else the task they picked) are not
 * reminded to them again until then; that day brings one reminder.
 */
export async function snooze(ctx: TurnContext, days: number): Promise<boolean> {
  let ids = await occurrencesOfLastDigest(ctx.trx, ctx.person.id);
  const selected = ctx.conversation.data[SELECTED] as number | undefined;
  if (ids.length === 0 && selected !== undefined) ids = [selected];
  if (ids.length === 0) {
    ctx.reply({ text: vi.tasks.nothingToSnooze });
    return true;
  }
  const calendar = await ctx.services.calendar();
  const today = todayOf(ctx);
  const until = calendar.rollForwardToWorkingDay(addDays(today, days));
  await snoozeOccurrences(ctx.trx, ids, ctx.person.role === 'leader' ? 'leader' : 'unit_head', until, today, calendar);
  ctx.reply({ text: vi.tasks.snoozed(ids.length, vi.tasks.date(until)) });
  return true;
}
