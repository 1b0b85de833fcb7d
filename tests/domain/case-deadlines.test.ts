import { describe, expect, it } from 'vitest';
import {
  CASE_INTAKE_CUTOFF_HOUR,
  caseClockStart,
  caseDueDate,
  reminderPlan,
} from '../../src/domain/case-deadlines.js';
import { TET_FIRST_DAY, VIETNAM_HOLIDAYS } from '../../src/domain/vietnam-holidays.js';
import { createWorkingCalendar, vietnamInstant } from '../../src/domain/working-calendar.js';

const calendar = createWorkingCalendar(VIETNAM_HOLIDAYS);
/** An instant given as Vietnam wall-clock time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('caseClockStart', () => {
  it('starts the same day for a report on a working day before 17:00', () => {
    expect(caseClockStart(vn('2026-11-20T16:59:59'), calendar)).toBe('2026-11-20'); // Friday
    expect(caseClockStart(vn('2026-11-16T00:05:00'), calendar)).toBe('2026-11-16'); // Monday, just after midnight
  });

  it('starts the next working day from 17:00, or on a rest day', () => {
    expect(CASE_INTAKE_CUTOFF_HOUR).toBe(17);
    expect(caseClockStart(vn('2026-11-20T17:00:00'), calendar)).toBe('2026-11-23'); // Friday 17:00 → Monday
    expect(caseClockStart(vn('2026-11-21T10:00:00'), calendar)).toBe('2026-11-23'); // Saturday → Monday
    expect(caseClockStart(vn('2026-11-22T23:59:00'), calendar)).toBe('2026-11-23'); // Sunday night → Monday
    expect(caseClockStart(vn('2026-11-18T18:30:00'), calendar)).toBe('2026-11-19'); // Wednesday evening → Thursday
  });

  it('uses Vietnam time even when the UTC date differs', () => {
    // 2026-11-19T20:00Z is Friday 03:00 in Hải Phòng: a working day before 17:00.
    expect(caseClockStart(new Date('2026-11-19T20:00:00Z'), calendar)).toBe('2026-11-20');
  });
});

describe('caseDueDate across a weekend', () => {
  it('counts working days after the start day', () => {
    expect(caseDueDate(vn('2026-11-16T09:00:00'), 3, calendar)).toBe('2026-11-19'); // Mon → Thu
    expect(caseDueDate(vn('2026-11-18T09:00:00'), 3, calendar)).toBe('2026-11-23'); // Wed → Mon
    expect(caseDueDate(vn('2026-11-20T10:00:00'), 3, calendar)).toBe('2026-11-25'); // Fri → Wed
  });

  it('gives a late or weekend report a day more', () => {
    expect(caseDueDate(vn('2026-11-20T18:00:00'), 3, calendar)).toBe('2026-11-26'); // Fri evening → Thu
    expect(caseDueDate(vn('2026-11-21T10:00:00'), 3, calendar)).toBe('2026-11-26'); // Sat → Thu
    expect(caseDueDate(vn('2026-11-22T10:00:00'), 1, calendar)).toBe('2026-11-24'); // Sun, 1 day → Tue
  });

  it('always lands on a working day', () => {
    for (let hour = 0; hour < 24; hour++) {
      for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
        const due = caseDueDate(vn(`${day}T${String(hour).padStart(2, '0')}:00:00`), 5, calendar);
        expect(calendar.isWorkingDay(due), `${day} ${hour}h → ${due}`).toBe(true);
      }
    }
  });

  it('refuses a deadline that is not a whole, positive number of days', () => {
    for (const n of [0, -1, 2.5, Number.NaN]) {
      expect(() => caseDueDate(vn('2026-11-16T09:00:00'), n, calendar)).toThrow(RangeError);
    }
  });
});

describe('caseDueDate across Tết 2027', () => {
  // Mùng 1 is Saturday 06/02/2027. Days off: Fri 05/02 (ngày cuối năm) – Tue 09/02 (mùng 4), plus nghỉ bù
  // Wed 10/02 and Thu 11/02 for mùng 1–2 falling on the weekend. Back to work Friday 12/02.
  it('uses the table where mùng 1 is Saturday 6 February', () => {
    expect(TET_FIRST_DAY[2027]).toBe('2027-02-06');
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
  });

  it('skips the whole break', () => {
    // Thursday 04/02 morning, 3 working days: Fri 12, Mon 15, Tue 16.
    expect(caseDueDate(vn('2027-02-04T10:00:00'), 3, calendar)).toBe('2027-02-16');
    // Wednesday 03/02, 1 day: Thursday 04/02, before the break.
    expect(caseDueDate(vn('2027-02-03T10:00:00'), 1, calendar)).toBe('2027-02-04');
    // Wednesday 03/02, 2 days: Thu 04, then straight to Fri 12.
    expect(caseDueDate(vn('2027-02-03T10:00:00'), 2, calendar)).toBe('2027-02-12');
  });

  it('starts a report sent during Tết from the first working day after it', () => {
    expect(caseClockStart(vn('2027-02-04T17:30:00'), calendar)).toBe('2027-02-12');
    expect(caseClockStart(vn('2027-02-06T09:00:00'), calendar)).toBe('2027-02-12'); // mùng 1
    expect(caseDueDate(vn('2027-02-06T09:00:00'), 3, calendar)).toBe('2027-02-17'); // Mon 15, Tue 16, Wed 17
    expect(caseDueDate(vn('2027-02-10T09:00:00'), 1, calendar)).toBe('2027-02-15'); // nghỉ bù → Fri 12 + 1
  });
});

describe('reminderPlan', () => {
  it('reminds the tổ trưởng at 08:00 the working day before, and escalates at 08:00 on the due date', () => {
    expect(reminderPlan('2026-11-19', calendar)).toEqual({
      remindLeaderOn: vn('2026-11-18T08:00:00'),
      escalateOn: vn('2026-11-19T08:00:00'),
    });
  });

  it('reminds on Friday for a Monday due date', () => {
    const plan = reminderPlan('2026-11-23', calendar);
    expect(plan.remindLeaderOn).toEqual(vn('2026-11-20T08:00:00'));
    expect(plan.escalateOn).toEqual(vn('2026-11-23T08:00:00'));
    expect(plan.escalateOn.toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  it('reminds before Tết for a case due the first working day after it', () => {
    expect(reminderPlan('2027-02-12', calendar)).toEqual({
      remindLeaderOn: vietnamInstant('2027-02-04', 8, 0),
      escalateOn: vietnamInstant('2027-02-12', 8, 0),
    });
  });

  it('moves a due date on a rest day to the next working day first', () => {
    expect(reminderPlan('2027-02-06', calendar)).toEqual({
      remindLeaderOn: vietnamInstant('2027-02-04', 8, 0),
      escalateOn: vietnamInstant('2027-02-12', 8, 0),
    });
  });

  it('chains with caseDueDate', () => {
    const due = caseDueDate(vn('2027-02-04T10:00:00'), 3, calendar);
    expect(reminderPlan(due, calendar)).toEqual({
      remindLeaderOn: vn('2027-02-15T08:00:00'),
      escalateOn: vn('2027-02-16T08:00:00'),
    });
  });
});
