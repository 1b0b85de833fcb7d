/** The reminder policy as a pure function: when, to whom, and when never. */
import { describe, expect, it } from 'vitest';
import { VIETNAM_HOLIDAYS } from '../../src/domain/vietnam-holidays.js';
import { createWorkingCalendar, vietnamInstant } from '../../src/domain/working-calendar.js';
import {
  digestDay,
  nextReminderOn,
  reminderPolicy,
  remindersOn,
  type ReminderSubject,
} from '../../src/domain/tasks/reminder-policy.js';

const cal = createWorkingCalendar(VIETNAM_HOLIDAYS);

/** Every reminder day from `from` on, following nextReminderOn as the job does, `count` days. */
function schedule(subject: ReminderSubject, from: string, count: number, policy = reminderPolicy()) {
  const days: string[] = [];
  let after = from;
  while (days.length < count) {
    const next = nextReminderOn(subject, after, cal, policy);
    if (next === null) break;
    days.push(next);
    after = next;
  }
  return days;
}

const kinds = (subject: ReminderSubject, day: string) => remindersOn(subject, day, cal).map((r) => `${r.kind}:${r.audience}:${r.workingDays}`);

describe('a task due Thursday 24/12/2026', () => {
  const task: ReminderSubject = { dueOn: '2026-12-24', continuous: false, done: false };

  it('is reminded 7, 3, 1 working days before, on the day, then every working day; New Year and weekends skipped', () => {
    expect(schedule(task, '2026-12-01', 10)).toEqual([
      '2026-12-15', // 7 working days before
      '2026-12-21', // 3 (over the weekend)
      '2026-12-23', // 1
      '2026-12-24', // on the day
      '2026-12-25', // overdue 1
      '2026-12-28', // overdue 2 (Monday)
      '2026-12-29', // overdue 3: the leader too
      '2026-12-30',
      '2026-12-31',
      '2027-01-04', // 01/01 is a holiday, then the weekend
    ]);
  });

  it('says what is due each day, and to whom', () => {
    expect(kinds(task, '2026-12-15')).toEqual(['before:unit_head:7']);
    expect(kinds(task, '2026-12-16')).toEqual([]);
    expect(kinds(task, '2026-12-24')).toEqual(['due:unit_head:0']);
    expect(kinds(task, '2026-12-28')).toEqual(['overdue:unit_head:2']);
    expect(kinds(task, '2026-12-29')).toEqual(['overdue:unit_head:3', 'escalation:leader:3']);
    expect(kinds(task, '2026-12-26')).toEqual([]);
  });

  it('completion cancels everything', () => {
    const done = { ...task, done: true };
    expect(nextReminderOn(done, '2026-12-01', cal)).toBeNull();
    expect(remindersOn(done, '2026-12-29', cal)).toEqual([]);
  });

  it('a snooze silences the unit head until its day, which brings one reminder; escalation to the leader goes on', () => {
    const snoozed: ReminderSubject = { ...task, snoozedUntil: { unit_head: '2026-12-23' } };
    expect(kinds(snoozed, '2026-12-21')).toEqual([]);
    expect(kinds(snoozed, '2026-12-23')).toEqual(['before:unit_head:1']);
    const overdueSnooze: ReminderSubject = { ...task, snoozedUntil: { unit_head: '2026-12-31' } };
    expect(kinds(overdueSnooze, '2026-12-29')).toEqual(['escalation:leader:3']);
    expect(kinds(overdueSnooze, '2026-12-31')).toEqual(['overdue:unit_head:5', 'escalation:leader:5']);
    const quiet: ReminderSubject = { ...task, snoozedUntil: { unit_head: '2026-12-17' } };
    expect(kinds(quiet, '2026-12-17')).toEqual(['again:unit_head:0']);
    expect(schedule(quiet, '2026-12-15', 2)).toEqual(['2026-12-17', '2026-12-21']);
  });

  it('a snooze ending on a rest day ends on the next working day', () => {
    const snoozed: ReminderSubject = { ...task, snoozedUntil: { unit_head: '2026-12-26' } };
    expect(schedule(snoozed, '2026-12-21', 3)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30']);
    expect(kinds(snoozed, '2026-12-28')).toEqual(['overdue:unit_head:2']);
  });

  it('a missed reminder day is caught up the next run, with the days left then', () => {
    expect(remindersOn(task, '2026-12-16', cal, reminderPolicy(), '2026-12-15')).toEqual([
      { kind: 'before', audience: 'unit_head', workingDays: 6 },
    ]);
    expect(remindersOn(task, '2026-12-16', cal, reminderPolicy(), '2026-12-16')).toEqual([]);
  });
});

describe('Tết 2027', () => {
  it('a task due Fri 12/02/2027 is reminded on the Thursday before the break, not during it', () => {
    const task: ReminderSubject = { dueOn: '2027-02-12', continuous: false, done: false };
    expect(schedule(task, '2027-01-20', 4)).toEqual(['2027-01-27', '2027-02-02', '2027-02-04', '2027-02-12']);
  });

  it('a task due during the break (Mon 08/02) is due on the first working day after it, and not overdue before', () => {
    const task: ReminderSubject = { dueOn: '2027-02-08', continuous: false, done: false };
    expect(kinds(task, '2027-02-12')).toEqual(['due:unit_head:0']);
    expect(kinds(task, '2027-02-04')).toEqual(['before:unit_head:1']);
    expect(kinds(task, '2027-02-09')).toEqual([]);
  });
});

describe('continuous tasks', () => {
  it('get a progress request on the first working day of each month', () => {
    const task: ReminderSubject = { dueOn: null, continuous: true, done: false };
    expect(schedule(task, '2026-11-20', 4)).toEqual(['2026-12-01', '2027-01-04', '2027-02-01', '2027-03-01']);
    expect(kinds(task, '2027-01-04')).toEqual(['progress:unit_head:0']);
  });

  it('an undated one-off task has no reminders', () => {
    expect(nextReminderOn({ dueOn: null, continuous: false, done: false }, '2026-11-20', cal)).toBeNull();
  });
});

describe('per-plan policy', () => {
  it('overrides days before and escalation; bad values fall back to the default', () => {
    const policy = reminderPolicy({ daysBefore: [5], escalateAfterWorkingDays: 1, onDueDay: false });
    const task: ReminderSubject = { dueOn: '2026-12-24', continuous: false, done: false };
    expect(schedule(task, '2026-12-01', 3, policy)).toEqual(['2026-12-17', '2026-12-25', '2026-12-28']);
    expect(remindersOn(task, '2026-12-25', cal, policy).map((r) => r.kind)).toEqual(['overdue', 'escalation']);
    expect(reminderPolicy({ daysBefore: 'often', escalateAfterWorkingDays: -2 })).toEqual(reminderPolicy());
  });
});

describe('when digests may go out', () => {
  it('working days from 08:00 to 22:00 Vietnam time only', () => {
    expect(digestDay(vietnamInstant('2026-12-21', 8, 0), cal)).toBe('2026-12-21');
    expect(digestDay(vietnamInstant('2026-12-21', 7, 59), cal)).toBeNull();
    expect(digestDay(vietnamInstant('2026-12-21', 21, 59), cal)).toBe('2026-12-21');
    expect(digestDay(vietnamInstant('2026-12-21', 22, 0), cal)).toBeNull();
    expect(digestDay(vietnamInstant('2026-12-21', 3, 0), cal)).toBeNull();
    expect(digestDay(vietnamInstant('2026-12-19', 9, 0), cal)).toBeNull(); // Saturday
    expect(digestDay(vietnamInstant('2027-02-08', 9, 0), cal)).toBeNull(); // Tết
  });
});
