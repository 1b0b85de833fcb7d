/** The pure parts of task tracking: buckets, occurrences of recurring tasks, what people type. */
import { describe, expect, it } from 'vitest';
import { VIETNAM_HOLIDAYS } from '../../src/domain/vietnam-holidays.js';
import { createWorkingCalendar } from '../../src/domain/working-calendar.js';
import { countBuckets, currentOccurrence, taskBucket } from '../../src/domain/tasks/task-buckets.js';
import { planOccurrences, shiftMonths } from '../../src/domain/tasks/task-occurrences.js';
import { parsePercent, parseSnoozeDays, parseTypedDate } from '../../src/domain/tasks/task-input.js';

const cal = createWorkingCalendar(VIETNAM_HOLIDAYS);

describe('the four buckets of the Government Office', () => {
  it('done on or before the due date is on time, after it late', () => {
    expect(taskBucket({ dueOn: '2026-06-30', completedOn: '2026-06-30' }, '2026-07-10')).toBe('done_on_time');
    expect(taskBucket({ dueOn: '2026-06-30', completedOn: '2026-07-01' }, '2026-07-10')).toBe('done_late');
  });

  it('open is in time up to and including the due date, overdue from the next day', () => {
    expect(taskBucket({ dueOn: '2026-06-30', completedOn: null }, '2026-06-30')).toBe('open_in_time');
    expect(taskBucket({ dueOn: '2026-06-30', completedOn: null }, '2026-07-01')).toBe('open_overdue');
  });

  it('a due date on a rest day moves to the next working day (Sat 31/10/2026 → Mon 2/11)', () => {
    expect(taskBucket({ dueOn: '2026-10-31', completedOn: '2026-11-02' }, '2026-11-05', cal)).toBe('done_on_time');
    expect(taskBucket({ dueOn: '2026-10-31', completedOn: null }, '2026-11-02', cal)).toBe('open_in_time');
    expect(taskBucket({ dueOn: '2026-10-31', completedOn: null }, '2026-11-02')).toBe('open_overdue');
    // Tết 2027: due Sat 06/02 moves past the whole break to Fri 12/02.
    expect(taskBucket({ dueOn: '2027-02-06', completedOn: '2027-02-12' }, '2027-02-20', cal)).toBe('done_on_time');
  });

  it('a task without a due date ("thường xuyên") is never late', () => {
    expect(taskBucket({ dueOn: null, completedOn: null }, '2030-01-01')).toBe('open_in_time');
    expect(taskBucket({ dueOn: null, completedOn: '2030-01-01' }, '2030-01-01')).toBe('done_on_time');
  });

  it('counts all four, zeros included', () => {
    expect(countBuckets(['open_overdue', 'open_overdue', 'done_late'])).toEqual({
      done_on_time: 0,
      done_late: 1,
      open_in_time: 0,
      open_overdue: 2,
    });
  });

  it('the occurrence that speaks for a recurring task: the late one first, else the next open, else the last', () => {
    const occ = [
      { dueOn: '2026-12-31', completedOn: '2026-12-20' },
      { dueOn: '2027-12-31', completedOn: null },
      { dueOn: '2028-12-31', completedOn: null },
    ];
    expect(currentOccurrence(occ, '2027-06-01')).toBe(occ[1]);
    expect(currentOccurrence(occ, '2028-01-05')).toBe(occ[1]);
    expect(currentOccurrence([occ[0]], '2028-01-05')).toBe(occ[0]);
  });
});

describe('occurrences of recurring tasks', () => {
  it('a one-off task has one occurrence', () => {
    expect(planOccurrences({ recurrence: 'none', startOn: null, dueOn: '2026-09-30', timeframe: 'Quý III/2026' })).toEqual([
      { periodKey: 'once', startOn: null, dueOn: '2026-09-30' },
    ]);
  });

  it('"năm 2026 và các năm tiếp theo": 31/12 each year, five years ahead', () => {
    const occ = planOccurrences({ recurrence: 'yearly', startOn: '2026-01-01', dueOn: '2026-12-31', timeframe: 'năm 2026 và các năm tiếp theo' });
    expect(occ.map((o) => [o.periodKey, o.dueOn])).toEqual([
      ['2026', '2026-12-31'],
      ['2027', '2027-12-31'],
      ['2028', '2028-12-31'],
      ['2029', '2029-12-31'],
      ['2030', '2030-12-31'],
    ]);
    expect(occ[1].startOn).toBe('2027-01-01');
  });

  it('"giai đoạn 2026–2030": yearly checkpoints inside the window', () => {
    const occ = planOccurrences({ recurrence: 'yearly', startOn: '2026-01-01', dueOn: '2030-12-31', timeframe: 'giai đoạn 2026 - 2030' });
    expect(occ.map((o) => o.dueOn)).toEqual(['2026-12-31', '2027-12-31', '2028-12-31', '2029-12-31', '2030-12-31']);
    expect(occ[0].startOn).toBe('2026-01-01');
  });

  it('"Bắt đầu Quý I/2021, Hoàn thành Quý IV/2023 và các năm tiếp theo": from the end, then yearly', () => {
    const occ = planOccurrences({
      recurrence: 'yearly',
      startOn: '2021-01-01',
      dueOn: '2023-12-31',
      timeframe: 'Bắt đầu: Quý I/2021; Hoàn thành: Quý IV/2023 và các năm tiếp theo',
    });
    expect(occ[0]).toEqual({ periodKey: '2023', startOn: '2021-01-01', dueOn: '2023-12-31' });
    expect(occ).toHaveLength(5);
  });

  it('half-yearly on the 18th, monthly at month ends', () => {
    const half = planOccurrences({ recurrence: 'half_yearly', startOn: null, dueOn: '2023-06-18', timeframe: 'Định kỳ 6 tháng và cuối năm' });
    expect(half.slice(0, 3).map((o) => [o.periodKey, o.dueOn])).toEqual([
      ['2023-H1', '2023-06-18'],
      ['2023-H2', '2023-12-18'],
      ['2024-H1', '2024-06-18'],
    ]);
    const monthly = planOccurrences({ recurrence: 'monthly', startOn: null, dueOn: '2023-02-28', timeframe: 'định kỳ hàng tháng' });
    expect(monthly.slice(0, 3).map((o) => o.dueOn)).toEqual(['2023-02-28', '2023-03-31', '2023-04-30']);
    expect(monthly).toHaveLength(59);
  });

  it('continuous tasks have one open-ended occurrence', () => {
    expect(planOccurrences({ recurrence: 'continuous', startOn: null, dueOn: null, timeframe: 'thường xuyên' })).toEqual([
      { periodKey: 'continuous', startOn: null, dueOn: null },
    ]);
  });

  it('months shift keeping the end of a month an end', () => {
    expect(shiftMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(shiftMonths('2026-02-28', 1)).toBe('2026-03-31');
    expect(shiftMonths('2026-01-15', -2)).toBe('2025-11-15');
  });
});

describe('what people type', () => {
  it('dates day first, with or without the year', () => {
    expect(parseTypedDate('31/12/2026', '2026-11-20')).toBe('2026-12-31');
    expect(parseTypedDate('xin đến ngày 15-1-2027 ạ', '2026-11-20')).toBe('2027-01-15');
    expect(parseTypedDate('31.12.26', '2026-11-20')).toBe('2026-12-31');
    expect(parseTypedDate('15/1', '2026-11-20')).toBe('2027-01-15');
    expect(parseTypedDate('2026-12-31', '2026-11-20')).toBe('2026-12-31');
    expect(parseTypedDate('31/2/2027', '2026-11-20')).toBeNull();
    expect(parseTypedDate('cuối năm', '2026-11-20')).toBeNull();
  });

  it('percentages', () => {
    expect(parsePercent('Đã khảo sát 6/10 tuyến, đạt 60%')).toBe(60);
    expect(parsePercent('được 75 phần trăm')).toBe(75);
    expect(parsePercent('xong 5/10 điểm')).toBeNull();
    expect(parsePercent('150%')).toBeNull();
  });

  it('snooze lengths', () => {
    expect(parseSnoozeDays('nhắc lại sau 2 ngày')).toBe(2);
    expect(parseSnoozeDays('nhac lai sau 1 tuan')).toBe(7);
    expect(parseSnoozeDays('để sau')).toBe(1);
    expect(parseSnoozeDays('nhắc lại sau 90 ngày')).toBe(30);
  });
});
