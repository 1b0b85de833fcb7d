/**
 * Who is reminded of a task, and when (nhắc việc, đôn đốc) — the default policy of the plans issue, editable per
 * plan:
 * - 7, 3 and 1 working days before the due date, and on the day, to the lead unit's head (trưởng đơn vị chủ trì);
 * - overdue: every working day to the unit head, and from 3 working days overdue also to the leader (lãnh đạo);
 * - continuous tasks ("thường xuyên"): a progress request on the first working day of each month;
 * - weekends and holidays never (the working calendar), and never 22:00–06:00: digests go out from 08:00;
 * - "nhắc lại sau 2 ngày" (snooze) silences one audience until a day, then reminds it once more;
 * - completion cancels everything pending.
 *
 * Pure: the calendar and the day are passed in. The job stores {@link nextReminderOn} on each occurrence, so
 * each day it reads only the occurrences with a reminder due (cost follows reminders, not tasks).
 */
import { effectiveDueOn } from './task-buckets.js';
import { dateParts, startOfMonth } from '../plans/plan-dates.js';
import { isQuietHour, vietnamDate, vietnamInstant, type WorkingCalendar } from '../working-calendar.js';

/** Who a reminder is for: the lead unit's head(s), or the plan's leader. */
export type ReminderAudience = 'unit_head' | 'leader';

/**
 * - `before`: the due date is `workingDays` working days away;
 * - `due`: due today;
 * - `overdue`: `workingDays` working days late (to the unit head);
 * - `escalation`: late by `workingDays` ≥ the escalation threshold (to the leader);
 * - `progress`: monthly progress request of a continuous task;
 * - `again`: the snooze the person asked for is over.
 */
export type ReminderKind = 'before' | 'due' | 'overdue' | 'escalation' | 'progress' | 'again';

/** One reminder due on a day. */
export interface Reminder {
  kind: ReminderKind;
  audience: ReminderAudience;
  /** Working days to the due date (`before`), or past it (`overdue`, `escalation`); 0 otherwise. */
  workingDays: number;
}

/** The policy; each field is a per-plan override of {@link DEFAULT_REMINDER_POLICY}. */
export interface ReminderPolicy {
  /** Working days before the due date when the unit head is reminded. Default [7, 3, 1]. */
  daysBefore: readonly number[];
  /** Remind on the due date itself. Default true. */
  onDueDay: boolean;
  /** Working days overdue from which the leader is told every working day. Default 3. */
  escalateAfterWorkingDays: number;
  /** Ask for progress on continuous tasks on the first working day of each month. Default true. */
  monthlyProgress: boolean;
}

/** The default policy. */
export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  daysBefore: Object.freeze([7, 3, 1]),
  onDueDay: true,
  escalateAfterWorkingDays: 3,
  monthlyProgress: true,
});

/** The hour (Vietnam time) daily digests go out; the scheduler's cron uses it too. */
export const DIGEST_HOUR = 8;

/**
 * The policy of a plan: the default with the plan's stored overrides (`plans.reminder_policy`) applied. Values
 * of the wrong type are ignored, so a bad edit falls back to the default instead of silencing reminders.
 */
export function reminderPolicy(overrides: Readonly<Record<string, unknown>> = {}): ReminderPolicy {
  const days = overrides.daysBefore;
  const validDays = Array.isArray(days) && days.every((d) => Number.isInteger(d) && d > 0);
  const escalate = overrides.escalateAfterWorkingDays;
  return {
    daysBefore: validDays ? [...new Set(days as number[])].sort((a, b) => b - a) : DEFAULT_REMINDER_POLICY.daysBefore,
    onDueDay: typeof overrides.onDueDay === 'boolean' ? overrides.onDueDay : DEFAULT_REMINDER_POLICY.onDueDay,
    escalateAfterWorkingDays:
      Number.isInteger(escalate) && (escalate as number) >= 0 ? (escalate as number) : DEFAULT_REMINDER_POLICY.escalateAfterWorkingDays,
    monthlyProgress:
      typeof overrides.monthlyProgress === 'boolean' ? overrides.monthlyProgress : DEFAULT_REMINDER_POLICY.monthlyProgress,
  };
}

/** What the policy needs to know about one occurrence. */
export interface ReminderSubject {
  /** ISO due date after approved extensions, or null (continuous or undated). */
  dueOn: string | null;
  /** A "thường xuyên" task: monthly progress requests. */
  continuous: boolean;
  /** Completed: nothing is ever due again. */
  done: boolean;
  /** Per audience, the day a snooze ends (ISO); reminders to that audience wait until then. */
  snoozedUntil?: Partial<Record<ReminderAudience, string | null>>;
}

/**
 * The reminders due on `date`. With `since` (the day the job last planned for, when it missed days), a
 * `before` or `progress` reminder that fell in `[since, date)` is sent today instead of being lost.
 */
export function remindersOn(
  subject: ReminderSubject,
  date: string,
  calendar: WorkingCalendar,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  since?: string,
): Reminder[] {
  if (subject.done || !calendar.isWorkingDay(date)) return [];
  let due = scheduled(subject, date, calendar, policy);
  if (since !== undefined && since < date && !due.some((r) => r.audience === 'unit_head')) {
    due = [...due, ...missed(subject, since, date, calendar, policy)];
  }
  return applySnoozes(subject, date, calendar, due);
}

/**
 * The first working day after `after` with a reminder for this occurrence, or null when none will come
 * (done, or no due date and not continuous). Looks only at the days a reminder can fall on.
 */
export function nextReminderOn(
  subject: ReminderSubject,
  after: string,
  calendar: WorkingCalendar,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): string | null {
  if (subject.done) return null;
  const candidates = [...candidateDays(subject, after, calendar, policy)].filter((d) => d > after).sort();
  return candidates.find((d) => remindersOn(subject, d, calendar, policy).length > 0) ?? null;
}

/**
 * The day whose digests may go out at `now`, or null: never on a weekend or holiday, never before
 * {@link DIGEST_HOUR} nor in the quiet hours (22:00–06:00 Vietnam time). A run refused here leaves its
 * reminders due; the next allowed run sends them.
 */
export function digestDay(now: Date, calendar: WorkingCalendar): string | null {
  const today = vietnamDate(now);
  if (!calendar.isWorkingDay(today) || isQuietHour(now)) return null;
  return now < vietnamInstant(today, DIGEST_HOUR, 0) ? null : today;
}

function scheduled(subject: ReminderSubject, date: string, calendar: WorkingCalendar, policy: ReminderPolicy): Reminder[] {
  const out: Reminder[] = [];
  if (subject.continuous && policy.monthlyProgress && date === firstWorkingDayOfMonth(date, calendar)) {
    out.push({ kind: 'progress', audience: 'unit_head', workingDays: 0 });
  }
  if (subject.dueOn === null || subject.continuous) return out;
  const due = effectiveDueOn(subject.dueOn, calendar);
  const left = calendar.workingDaysBetween(date, due);
  if (left > 0 && policy.daysBefore.includes(left)) out.push({ kind: 'before', audience: 'unit_head', workingDays: left });
  if (left === 0 && policy.onDueDay) out.push({ kind: 'due', audience: 'unit_head', workingDays: 0 });
  if (left < 0) {
    out.push({ kind: 'overdue', audience: 'unit_head', workingDays: -left });
    if (-left >= policy.escalateAfterWorkingDays) out.push({ kind: 'escalation', audience: 'leader', workingDays: -left });
  }
  return out;
}

/** A `before` / `progress` reminder whose day the job missed, re-dated to `date`. At most one month back. */
function missed(subject: ReminderSubject, since: string, date: string, calendar: WorkingCalendar, policy: ReminderPolicy): Reminder[] {
  let day = calendar.rollForwardToWorkingDay(since);
  for (let i = 0; i < 31 && day < date; i += 1, day = calendar.nextWorkingDay(day)) {
    const lost = scheduled(subject, day, calendar, policy).find((r) => r.kind === 'before' || r.kind === 'progress');
    if (!lost) continue;
    if (lost.kind === 'progress') return [lost];
    const left = calendar.workingDaysBetween(date, effectiveDueOn(subject.dueOn!, calendar));
    return left > 0 ? [{ kind: 'before', audience: 'unit_head', workingDays: left }] : [];
  }
  return [];
}

function applySnoozes(subject: ReminderSubject, date: string, calendar: WorkingCalendar, due: Reminder[]): Reminder[] {
  const out: Reminder[] = [];
  for (const audience of ['unit_head', 'leader'] as const) {
    const mine = due.filter((r) => r.audience === audience);
    const until = subject.snoozedUntil?.[audience];
    if (!until) {
      out.push(...mine);
      continue;
    }
    const end = calendar.rollForwardToWorkingDay(until);
    if (date > end) out.push(...mine);
    else if (date === end) out.push(...(mine.length > 0 ? mine : [{ kind: 'again' as const, audience, workingDays: 0 }]));
  }
  return out;
}

/** Every day a reminder could fall on after `after`: the policy's points, the next overdue day, snooze ends. */
function candidateDays(subject: ReminderSubject, after: string, calendar: WorkingCalendar, policy: ReminderPolicy): Set<string> {
  const days = new Set<string>();
  for (const until of Object.values(subject.snoozedUntil ?? {})) if (until) days.add(calendar.rollForwardToWorkingDay(until));
  if (subject.continuous) {
    const { year, month } = dateParts(after);
    days.add(firstWorkingDayOfMonth(after, calendar));
    days.add(firstWorkingDayOfMonth(startOfMonth(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1), calendar));
    return days;
  }
  if (subject.dueOn === null) return days;
  const due = effectiveDueOn(subject.dueOn, calendar);
  for (const k of policy.daysBefore) days.add(calendar.addWorkingDays(due, -k));
  days.add(due);
  days.add(calendar.nextWorkingDay(after > due ? after : due));
  days.add(calendar.addWorkingDays(due, Math.max(policy.escalateAfterWorkingDays, 1)));
  return days;
}

function firstWorkingDayOfMonth(date: string, calendar: WorkingCalendar): string {
  const { year, month } = dateParts(date);
  return calendar.rollForwardToWorkingDay(startOfMonth(year, month));
}
