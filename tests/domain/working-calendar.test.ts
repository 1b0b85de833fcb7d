import { describe, expect, it } from 'vitest';
import { TET_FIRST_DAY, VIETNAM_HOLIDAYS } from '../../src/domain/vietnam-holidays.js';
import {
  InvalidCalendarDateError,
  createWorkingCalendar,
  endOfQuietHours,
  isQuietHour,
  vietnamDate,
  vietnamInstant,
} from '../../src/domain/working-calendar.js';

const cal = createWorkingCalendar(VIETNAM_HOLIDAYS);
const plain = createWorkingCalendar([]);

/** Day of week of an ISO date, 0 = Sunday, computed independently of the module under test. */
const dow = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe('weekends', () => {
  it('Monday–Friday work, Saturday and Sunday rest', () => {
    // 2026-03-02 is a Monday.
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map(plain.isWorkingDay)).toEqual([
      true, true, true, true, true,
    ]);
    expect(plain.isWorkingDay('2026-03-07')).toBe(false);
    expect(plain.isWorkingDay('2026-03-08')).toBe(false);
  });

  it('adds working days over a weekend', () => {
    expect(plain.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(plain.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(plain.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(plain.addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('counts backwards with a negative n', () => {
    expect(plain.addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
    expect(plain.addWorkingDays('2026-03-08', -1)).toBe('2026-03-06');
    expect(plain.addWorkingDays('2026-03-13', -5)).toBe('2026-03-06');
  });

  it('n = 0 rolls a rest day forward and keeps a working day', () => {
    expect(plain.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(plain.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
  });

  it('nextWorkingDay is strictly after', () => {
    expect(plain.nextWorkingDay('2026-03-04')).toBe('2026-03-05');
    expect(plain.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
    expect(plain.nextWorkingDay('2026-03-07')).toBe('2026-03-09');
  });

  it('rollForwardToWorkingDay keeps working days and moves rest days (Civil Code art. 148)', () => {
    expect(plain.rollForwardToWorkingDay('2026-03-06')).toBe('2026-03-06');
    expect(plain.rollForwardToWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(plain.rollForwardToWorkingDay('2026-03-08')).toBe('2026-03-09');
  });

  it('workingDaysBetween counts days after a up to and including b', () => {
    expect(plain.workingDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
    expect(plain.workingDaysBetween('2026-03-13', '2026-03-06')).toBe(-5);
    expect(plain.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
    expect(plain.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    expect(plain.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
  });

  it('workingDaysBetween undoes addWorkingDays', () => {
    for (const start of ['2026-12-28', '2027-02-01', '2028-04-28', '2030-01-30']) {
      for (const n of [1, 3, 7, 20]) {
        expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it('crosses month and year ends, including 29 February 2028', () => {
    expect(plain.addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plain.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // 1/1/2027 is a holiday (Friday)
  });
});

describe('Tết', () => {
  it('2026: the official break Sat 14/02 – Sun 22/02', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    for (let d = 14; d <= 22; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('2027: mùng 1 is Saturday 06/02; the break runs Fri 05/02 – Tue 09/02 plus two substitute days', () => {
    expect(TET_FIRST_DAY[2027]).toBe('2027-02-06');
    expect(dow('2027-02-06')).toBe(6);
    expect(cal.holidayOn('2027-02-06')?.name).toMatch(/mùng 1/);
    expect(cal.isWorkingDay('2027-02-04')).toBe(true);
    for (const d of ['05', '06', '07', '08', '09']) expect(cal.isWorkingDay(`2027-02-${d}`)).toBe(false);
    // Sat 06 and Sun 07 are Tết days on a weekend → nghỉ bù Wed 10 and Thu 11.
    expect(cal.holidayOn('2027-02-10')?.substitute).toBe(true);
    expect(cal.holidayOn('2027-02-11')?.substitute).toBe(true);
    expect(cal.isWorkingDay('2027-02-12')).toBe(true);
  });

  it('2027: a deadline computed across Tết skips the whole break', () => {
    expect(cal.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
    // 3 working days from Wed 03/02: Thu 04, Fri 12, Mon 15.
    expect(cal.addWorkingDays('2027-02-03', 3)).toBe('2027-02-15');
    expect(cal.workingDaysBetween('2027-02-01', '2027-02-15')).toBe(5); // 02, 03, 04, 12, 15
    expect(cal.rollForwardToWorkingDay('2027-02-06')).toBe('2027-02-12');
    expect(cal.nextWorkingDay('2027-02-04')).toBe('2027-02-12');
    // Counting back: 1 working day before Fri 12/02 is Thu 04/02.
    expect(cal.addWorkingDays('2027-02-12', -1)).toBe('2027-02-04');
  });

  it('2028: mùng 1 Wed 26/01, break Tue 25 – Sat 29, nghỉ bù Mon 31/01', () => {
    expect(TET_FIRST_DAY[2028]).toBe('2028-01-26');
    for (const d of ['25', '26', '27', '28', '31']) expect(cal.isWorkingDay(`2028-01-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2028-01-24')).toBe(true);
    expect(cal.isWorkingDay('2028-02-01')).toBe(true);
  });

  it('2029: mùng 1 Tue 13/02, break Mon 12 – Fri 16, no weekend inside', () => {
    for (const d of ['12', '13', '14', '15', '16']) expect(cal.isWorkingDay(`2029-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2029-02-09')).toBe(true);
    expect(cal.isWorkingDay('2029-02-19')).toBe(true);
  });

  it('2030: mùng 1 is Saturday 02/02 (Vietnam, UTC+7), not 03/02 (China, UTC+8)', () => {
    expect(TET_FIRST_DAY[2030]).toBe('2030-02-02');
    expect(dow('2030-02-02')).toBe(6);
    expect(cal.holidayOn('2030-02-02')?.name).toMatch(/mùng 1/);
    expect(cal.holidayOn('2030-02-03')?.name).toMatch(/mùng 2/);
    expect(cal.holidayOn('2030-02-01')?.name).toMatch(/cuối năm/);
    for (const d of ['01', '04', '05', '06', '07']) expect(cal.isWorkingDay(`2030-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2030-01-31')).toBe(true);
    expect(cal.isWorkingDay('2030-02-08')).toBe(true);
    expect(cal.addWorkingDays('2030-01-31', 1)).toBe('2030-02-08');
  });
});

describe('Giỗ Tổ Hùng Vương, 30/4 and 1/5', () => {
  it('2026: Giỗ Tổ on Sunday 26/04 gives nghỉ bù Monday 27/04; 30/4 (Thu) and 1/5 (Fri) are off', () => {
    expect(cal.holidayOn('2026-04-26')?.name).toMatch(/Giỗ Tổ/);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.holidayOn('2026-04-27')?.substitute).toBe(true);
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
    expect(cal.isWorkingDay('2026-04-30')).toBe(false);
    expect(cal.isWorkingDay('2026-05-01')).toBe(false);
    expect(cal.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    // Wed 29/04 + 1: Thu 30 and Fri 1 off, weekend → Mon 04/05.
    expect(cal.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
  });

  it.each([
    ['2027-04-16', 5],
    ['2028-04-04', 2],
    ['2029-04-23', 1],
    ['2030-04-12', 5],
  ])('Giỗ Tổ %s (weekday %i) is off', (date, weekday) => {
    expect(dow(date)).toBe(weekday);
    expect(cal.isWorkingDay(date)).toBe(false);
    expect(cal.holidayOn(date)?.name).toMatch(/Giỗ Tổ Hùng Vương/);
  });

  it('2027: 1/5 on Saturday gives nghỉ bù Monday 03/05', () => {
    expect(cal.isWorkingDay('2027-04-30')).toBe(false);
    expect(cal.isWorkingDay('2027-05-03')).toBe(false);
    expect(cal.isWorkingDay('2027-05-04')).toBe(true);
  });

  it('2028: 30/4 on Sunday; Monday 1/5 is itself a holiday, so nghỉ bù is Tuesday 02/05', () => {
    expect(cal.isWorkingDay('2028-05-01')).toBe(false);
    expect(cal.holidayOn('2028-05-02')?.substitute).toBe(true);
    expect(cal.isWorkingDay('2028-05-03')).toBe(true);
  });
});

describe('Quốc khánh 2/9 (+ 1/9) and 1/1', () => {
  it('2026: Tue 1/9 and Wed 2/9 are off', () => {
    expect(cal.isWorkingDay('2026-08-31')).toBe(true);
    expect(cal.isWorkingDay('2026-09-01')).toBe(false);
    expect(cal.isWorkingDay('2026-09-02')).toBe(false);
    expect(cal.isWorkingDay('2026-09-03')).toBe(true);
  });

  it('2029: 1/9 Sat and 2/9 Sun give nghỉ bù Mon 3/9 and Tue 4/9', () => {
    expect(cal.isWorkingDay('2029-09-03')).toBe(false);
    expect(cal.isWorkingDay('2029-09-04')).toBe(false);
    expect(cal.isWorkingDay('2029-09-05')).toBe(true);
    expect(cal.addWorkingDays('2029-08-31', 1)).toBe('2029-09-05');
  });

  it('2028: 2/9 Sat gives nghỉ bù Mon 4/9; 2030: 1/9 Sun gives nghỉ bù Tue 3/9', () => {
    expect(cal.isWorkingDay('2028-09-01')).toBe(false);
    expect(cal.isWorkingDay('2028-09-04')).toBe(false);
    expect(cal.isWorkingDay('2028-09-05')).toBe(true);
    expect(cal.isWorkingDay('2030-09-02')).toBe(false);
    expect(cal.isWorkingDay('2030-09-03')).toBe(false);
    expect(cal.isWorkingDay('2030-09-04')).toBe(true);
  });

  it('2028: 1/1 on Saturday gives nghỉ bù Monday 03/01', () => {
    expect(cal.isWorkingDay('2028-01-03')).toBe(false);
    expect(cal.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
  });
});

describe('the seeded holiday table', () => {
  it('has valid, unique, ordered dates with names', () => {
    const dates = VIETNAM_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const h of VIETNAM_HOLIDAYS) {
      expect(h.date).toMatch(/^20(2[6-9]|30)-\d{2}-\d{2}$/);
      expect(h.name.length).toBeGreaterThan(3);
      expect(() => cal.isWorkingDay(h.date)).not.toThrow();
    }
  });

  it('every year has 1/1, 30/4, 1/5, 1/9, 2/9 and Giỗ Tổ', () => {
    for (const y of [2026, 2027, 2028, 2029, 2030]) {
      for (const md of ['01-01', '04-30', '05-01', '09-01', '09-02']) {
        expect(cal.holidayOn(`${y}-${md}`), `${y}-${md}`).toBeDefined();
      }
      expect(VIETNAM_HOLIDAYS.filter((h) => h.date.startsWith(`${y}`) && /Giỗ Tổ/.test(h.name) && !h.substitute)).toHaveLength(1);
    }
  });

  it('2027–2030: Tết is the day before mùng 1 through mùng 4', () => {
    for (const y of [2027, 2028, 2029, 2030]) {
      const first = Date.parse(`${TET_FIRST_DAY[y]}T00:00:00Z`);
      for (let k = -1; k <= 3; k++) {
        const date = new Date(first + k * 86_400_000).toISOString().slice(0, 10);
        expect(cal.holidayOn(date)?.name, date).toMatch(/Tết Nguyên đán/);
      }
    }
  });

  it('2027–2030: substitute days are exactly the next free weekdays after holidays on weekends', () => {
    for (const y of [2027, 2028, 2029, 2030]) {
      const rows = VIETNAM_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`));
      const off = new Set(rows.filter((h) => !h.substitute).map((h) => h.date));
      const expected: string[] = [];
      for (const date of [...off].sort()) {
        if (dow(date) !== 0 && dow(date) !== 6) continue;
        let t = Date.parse(`${date}T00:00:00Z`);
        for (;;) {
          t += 86_400_000;
          const d = new Date(t).toISOString().slice(0, 10);
          if (dow(d) === 0 || dow(d) === 6 || off.has(d) || expected.includes(d)) continue;
          expected.push(d);
          break;
        }
      }
      const actual = rows.filter((h) => h.substitute).map((h) => h.date);
      expect(actual, String(y)).toEqual(expected);
    }
  });

  it('substitute days are weekdays', () => {
    for (const h of VIETNAM_HOLIDAYS.filter((x) => x.substitute)) {
      expect([1, 2, 3, 4, 5]).toContain(dow(h.date));
    }
  });
});

describe('edited data', () => {
  it('a swapped working day (làm bù) wins over the weekend and a holiday', () => {
    const swapped = createWorkingCalendar(VIETNAM_HOLIDAYS, ['2027-02-13', '2027-02-11']);
    expect(swapped.isWorkingDay('2027-02-13')).toBe(true);
    expect(swapped.isWorkingDay('2027-02-11')).toBe(true);
    expect(swapped.addWorkingDays('2027-02-04', 1)).toBe('2027-02-11');
    expect(swapped.addWorkingDays('2027-02-12', 1)).toBe('2027-02-13');
  });

  it('a holiday list from the database replaces the seed', () => {
    const custom = createWorkingCalendar([{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }]);
    expect(custom.isWorkingDay('2026-11-24')).toBe(false);
    expect(custom.isWorkingDay('2026-09-02')).toBe(true);
    expect(custom.holidayOn('2026-11-24')?.name).toBe('Ngày Văn hóa Việt Nam');
  });

  it('rejects impossible dates with a coded error', () => {
    for (const bad of ['2027-02-30', '2026-2-1', 'hôm nay', '2026-13-01', '']) {
      expect(() => cal.isWorkingDay(bad)).toThrow(InvalidCalendarDateError);
    }
    try {
      cal.addWorkingDays('2026-02-29', 1);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidCalendarDateError).code).toBe('CALENDAR_INVALID_DATE');
      expect((e as InvalidCalendarDateError).value).toBe('2026-02-29');
    }
    expect(() => createWorkingCalendar([{ date: '30/04/2026', name: 'x' }])).toThrow(InvalidCalendarDateError);
  });

  it('refuses a fractional number of days', () => {
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('Vietnam time (UTC+7, no DST)', () => {
  it('vietnamDate turns over at 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-03-01T16:59:59.999Z'))).toBe('2026-03-01');
    expect(vietnamDate(new Date('2026-03-01T17:00:00.000Z'))).toBe('2026-03-02');
    expect(vietnamDate(new Date('2026-03-01T00:00:00.000Z'))).toBe('2026-03-01');
    expect(vietnamDate(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(vietnamDate(new Date('2028-02-28T18:00:00.000Z'))).toBe('2028-02-29');
    // Same offset in July (no daylight saving time).
    expect(vietnamDate(new Date('2026-07-15T16:30:00.000Z'))).toBe('2026-07-15');
    expect(vietnamDate(new Date('2026-07-15T17:30:00.000Z'))).toBe('2026-07-16');
  });

  it('vietnamInstant gives the UTC instant of a Vietnamese wall-clock time', () => {
    expect(vietnamInstant('2026-03-02', 8, 0).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(vietnamInstant('2026-03-02', 0, 0).toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(vietnamInstant('2026-03-02', 6, 30).toISOString()).toBe('2026-03-01T23:30:00.000Z');
    expect(vietnamInstant('2027-01-01', 23, 59).toISOString()).toBe('2027-01-01T16:59:00.000Z');
    expect(vietnamDate(vietnamInstant('2026-03-02', 0, 0))).toBe('2026-03-02');
    expect(vietnamDate(vietnamInstant('2026-03-02', 23, 59))).toBe('2026-03-02');
  });

  it('vietnamInstant refuses impossible times', () => {
    expect(() => vietnamInstant('2026-03-02', 24, 0)).toThrow(RangeError);
    expect(() => vietnamInstant('2026-03-02', 8, 60)).toThrow(RangeError);
    expect(() => vietnamInstant('2026-03-02', -1, 0)).toThrow(RangeError);
  });
});

describe('quiet hours 22:00–06:00 Vietnam time', () => {
  it.each([
    ['21:59', '2026-03-02T14:59:00Z', false],
    ['22:00', '2026-03-02T15:00:00Z', true],
    ['23:59', '2026-03-02T16:59:00Z', true],
    ['00:00', '2026-03-02T17:00:00Z', true],
    ['05:59', '2026-03-02T22:59:00Z', true],
    ['05:59:59', '2026-03-02T22:59:59Z', true],
    ['06:00', '2026-03-02T23:00:00Z', false],
    ['12:00', '2026-03-03T05:00:00Z', false],
  ])('%s VN (%s UTC) quiet: %s', (_vn, utc, quiet) => {
    expect(isQuietHour(new Date(utc))).toBe(quiet);
  });

  it('the same boundaries built with vietnamInstant', () => {
    expect(isQuietHour(vietnamInstant('2026-03-02', 21, 59))).toBe(false);
    expect(isQuietHour(vietnamInstant('2026-03-02', 22, 0))).toBe(true);
    expect(isQuietHour(vietnamInstant('2026-03-03', 5, 59))).toBe(true);
    expect(isQuietHour(vietnamInstant('2026-03-03', 6, 0))).toBe(false);
  });

  it('endOfQuietHours is the next 06:00 Vietnam time', () => {
    const sixNextMorning = '2026-03-02T23:00:00.000Z'; // 06:00 on 2026-03-03 in Vietnam
    expect(endOfQuietHours(vietnamInstant('2026-03-02', 22, 0)).toISOString()).toBe(sixNextMorning);
    expect(endOfQuietHours(vietnamInstant('2026-03-02', 23, 30)).toISOString()).toBe(sixNextMorning);
    expect(endOfQuietHours(vietnamInstant('2026-03-03', 0, 0)).toISOString()).toBe(sixNextMorning);
    expect(endOfQuietHours(vietnamInstant('2026-03-03', 5, 59)).toISOString()).toBe(sixNextMorning);
    expect(endOfQuietHours(vietnamInstant('2026-12-31', 23, 0)).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('endOfQuietHours returns the instant itself outside quiet hours', () => {
    const noon = vietnamInstant('2026-03-03', 12, 0);
    expect(endOfQuietHours(noon)).toBe(noon);
    const six = vietnamInstant('2026-03-03', 6, 0);
    expect(endOfQuietHours(six)).toBe(six);
    const late = vietnamInstant('2026-03-03', 21, 59);
    expect(endOfQuietHours(late)).toBe(late);
  });
});
