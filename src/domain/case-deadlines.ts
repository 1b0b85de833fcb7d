/**
 * When a case is due, and when the scheduler nudges the tổ trưởng and escalates to the ward.
 *
 * Vietnamese cities give field reports a few working days (Đà Nẵng 3, TP.HCM up to 5; the ward's own number is
 * its `caseDeadlineWorkingDays` setting), counted on the state agencies' working-day calendar, so weekends and
 * Tết do not eat into a tổ trưởng's time. Time is passed in; nothing here reads the clock.
 */
import type { WorkingCalendar } from './working-calendar.js';
import { vietnamDate, vietnamInstant } from './working-calendar.js';

/**
 * End of the working day (17:00 Vietnam time). A report received at or after it, or on a rest day, counts as
 * received on the next working day, as administrative files (hồ sơ) received after office hours are.
 */
export const CASE_INTAKE_CUTOFF_HOUR = 17;

/** Hour (Vietnam time) at which reminders and escalations go out: 08:00, the start of the working day. */
export const CASE_REMINDER_HOUR = 8;

/**
 * The working day a case's clock starts from (day 0): the day it was received if that is a working day and it
 * came before 17:00; otherwise the next working day.
 */
export function caseClockStart(receivedAt: Date, calendar: WorkingCalendar): string {
  const day = vietnamDate(receivedAt);
  const cutoff = vietnamInstant(day, CASE_INTAKE_CUTOFF_HOUR, 0);
  if (calendar.isWorkingDay(day) && receivedAt.getTime() < cutoff.getTime()) return day;
  return calendar.nextWorkingDay(day);
}

/**
 * The due date (ISO `YYYY-MM-DD`, Vietnam) of a case received at `receivedAt` with `workingDays` working days
 * to handle it: that many working days after the clock's start ({@link caseClockStart}), the start itself not
 * counted. So with 3 days, a report on Friday 10:00 is due Wednesday; one on Friday 18:00 or Saturday counts
 * from Monday and is due Thursday. The case is on time if resolved by the end of the due date.
 */
export function caseDueDate(receivedAt: Date, workingDays: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`A case deadline needs a whole number of working days, at least 1; got ${workingDays}`);
  }
  return calendar.addWorkingDays(caseClockStart(receivedAt, calendar), workingDays);
}

/** When the scheduler acts on an open case, as instants (08:00 Vietnam time). */
export interface CaseReminderPlan {
  /** Nudge (đôn đốc) the group's tổ trưởng / tổ phó: 08:00 on the working day before the due date. */
  readonly remindLeaderOn: Date;
  /** Escalate to the ward (the `escalate` action by the system): 08:00 on the due date. */
  readonly escalateOn: Date;
}

/**
 * The reminder and escalation times for a case due on `dueDate`. Escalation comes on the morning of the due
 * date, so the ward still has that working day to act before the case is late. A due date on a rest day
 * (possible only if the caller computed it elsewhere) moves to the next working day first. With a one-day
 * deadline the reminder can fall before the case was received: the scheduler skips reminders already past.
 */
export function reminderPlan(dueDate: string, calendar: WorkingCalendar): CaseReminderPlan {
  const escalateDay = calendar.rollForwardToWorkingDay(dueDate);
  const remindDay = calendar.addWorkingDays(escalateDay, -1);
  return {
    remindLeaderOn: vietnamInstant(remindDay, CASE_REMINDER_HOUR, 0),
    escalateOn: vietnamInstant(escalateDay, CASE_REMINDER_HOUR, 0),
  };
}
