/**
 * A task's occurrences: one per period of a recurring task ("năm 2026 và các năm tiếp theo" → one per year),
 * each with its own due date, completion and bucket; a one-off or continuous task has exactly one.
 *
 * Reading of the parser's dates (see `plan-types.ts`): for a recurring task `dueOn` is the first occurrence and
 * the task repeats every period after it, except a multi-year window ("giai đoạn 2026–2030": `startOn` in an
 * earlier year than `dueOn` and no "hằng năm / các năm tiếp theo / định kỳ"), which gets one checkpoint per
 * period from `startOn` up to `dueOn`. Open-ended series are laid out up to a horizon (default five years from
 * the first due date), not forever. Pure date arithmetic.
 */
import { addDays, dateParts, daysInMonth, isoDate } from '../plans/plan-dates.js';
import type { Recurrence } from '../plans/plan-types.js';
import { foldText } from '../text-folding.js';

/** The dates of one occurrence. */
export interface OccurrencePlan {
  /** Unique within the task: "once", "continuous", "2026", "2026-H1", "2026-Q3", "2026-07". */
  periodKey: string;
  startOn: string | null;
  dueOn: string | null;
}

/** What the schedule needs from a task. */
export interface OccurrenceSource {
  recurrence: Recurrence;
  startOn: string | null;
  dueOn: string | null;
  timeframe: string | null;
}

/** Options for {@link planOccurrences}. */
export interface OccurrenceOptions {
  /** How many calendar years an open-ended series is laid out for, counting the first due date's. Default 5. */
  horizonYears?: number;
}

const STEP_MONTHS: Partial<Record<Recurrence, number>> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** Words that say a series goes on after its first due date. */
const OPEN_ENDED = /tiep theo|hang nam|hang quy|hang thang|dinh ky|moi nam|hang ky/;

/** The occurrences of one task, sorted by due date. */
export function planOccurrences(task: OccurrenceSource, options: OccurrenceOptions = {}): OccurrencePlan[] {
  const step = STEP_MONTHS[task.recurrence];
  if (task.recurrence === 'continuous') return [{ periodKey: 'continuous', startOn: task.startOn, dueOn: task.dueOn }];
  if (step === undefined || task.dueOn === null) return [{ periodKey: 'once', startOn: task.startOn, dueOn: task.dueOn }];
  const dues = isWindow(task) ? windowDues(task.dueOn, task.startOn!, step) : seriesDues(task.dueOn, step, options.horizonYears ?? 5);
  return dues.map((dueOn, i) => ({
    periodKey: periodKey(dueOn, task.recurrence),
    startOn: i === 0 ? task.startOn : addDays(dues[i - 1], 1),
    dueOn,
  }));
}

function isWindow(task: OccurrenceSource): boolean {
  if (task.startOn === null || task.dueOn === null) return false;
  if (dateParts(task.startOn).year >= dateParts(task.dueOn).year) return false;
  return !OPEN_ENDED.test(foldText(task.timeframe ?? ''));
}

/** Checkpoints stepping back from the window's end while they stay after its start. */
function windowDues(dueOn: string, startOn: string, step: number): string[] {
  const dues: string[] = [];
  for (let k = 0; ; k += 1) {
    const due = shiftMonths(dueOn, -k * step);
    if (due < startOn) break;
    dues.unshift(due);
  }
  return dues;
}

function seriesDues(firstDue: string, step: number, horizonYears: number): string[] {
  const lastYear = dateParts(firstDue).year + horizonYears - 1;
  const dues: string[] = [];
  for (let k = 0; ; k += 1) {
    const due = shiftMonths(firstDue, k * step);
    if (dateParts(due).year > lastYear) break;
    dues.push(due);
  }
  return dues;
}

/**
 * `iso` moved by whole months: the end of a month stays the end of a month (28/2 → 31/3), another day stays
 * that day, clamped to short months (31/1 is the end, 18/6 → 18/12).
 */
export function shiftMonths(iso: string, months: number): string {
  const { year, month, day } = dateParts(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const atEnd = day === daysInMonth(year, month);
  const d = atEnd ? daysInMonth(y, m) : Math.min(day, daysInMonth(y, m));
  return isoDate(y, m, d)!;
}

function periodKey(dueOn: string, recurrence: Recurrence): string {
  const { year, month } = dateParts(dueOn);
  switch (recurrence) {
    case 'yearly':
      return String(year);
    case 'half_yearly':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    default:
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}
