import { describe, expect, it } from 'vitest';
import {
  InvalidCaseSequenceError,
  MAX_CASE_SEQUENCE,
  caseSequenceMonth,
  formatCaseCode,
} from '../../src/domain/case-code.js';
import { parseCaseCode } from '../../src/domain/intents.js';

/** An instant given as Vietnam wall-clock time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('formatCaseCode', () => {
  it('writes QC-YYMM-NNNN', () => {
    expect(formatCaseCode(vn('2026-11-15T09:30:00'), 42)).toBe('QC-2611-0042');
    expect(formatCaseCode(vn('2027-02-06T08:00:00'), 1)).toBe('QC-2702-0001');
    expect(formatCaseCode(vn('2026-11-15T09:30:00'), 9999)).toBe('QC-2611-9999');
  });

  it('grows past four digits in a busy month', () => {
    expect(formatCaseCode(vn('2026-11-15T09:30:00'), 12_345)).toBe('QC-2611-12345');
    expect(formatCaseCode(vn('2026-11-15T09:30:00'), MAX_CASE_SEQUENCE)).toBe('QC-2611-999999');
  });

  it('uses the month in Vietnam, not in UTC', () => {
    // 23:30 UTC on 30 November is 06:30 on 1 December in Hải Phòng.
    expect(formatCaseCode(new Date('2026-11-30T23:30:00Z'), 1)).toBe('QC-2612-0001');
    // 16:59 UTC on 31 December is 23:59 the same day; 17:00 UTC is New Year.
    expect(formatCaseCode(new Date('2026-12-31T16:59:00Z'), 7)).toBe('QC-2612-0007');
    expect(formatCaseCode(new Date('2026-12-31T17:00:00Z'), 7)).toBe('QC-2701-0007');
  });

  it.each([0, -1, 1.5, MAX_CASE_SEQUENCE + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses sequence %s with a named error',
    (sequence) => {
      expect(() => formatCaseCode(vn('2026-11-15T09:30:00'), sequence)).toThrow(InvalidCaseSequenceError);
      try {
        formatCaseCode(vn('2026-11-15T09:30:00'), sequence);
      } catch (error) {
        expect(error).toMatchObject({ code: 'CASE_CODE_INVALID_SEQUENCE' });
      }
    },
  );
});

describe('caseSequenceMonth', () => {
  it('keys the monthly counter by the Vietnam month', () => {
    expect(caseSequenceMonth(vn('2026-11-15T09:30:00'))).toBe('2026-11');
    expect(caseSequenceMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(caseSequenceMonth(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11');
  });

  it('agrees with the month in the code', () => {
    const at = new Date('2027-06-30T18:00:00Z');
    const [, yymm] = formatCaseCode(at, 3).split('-');
    expect(caseSequenceMonth(at)).toBe(`20${yymm.slice(0, 2)}-${yymm.slice(2)}`);
  });
});

describe('formatCaseCode and parseCaseCode agree', () => {
  const instants = [
    vn('2026-01-01T00:00:00'),
    vn('2026-11-30T23:59:59'),
    vn('2027-02-06T12:00:00'),
    vn('2029-09-02T07:00:00'),
    vn('2030-12-31T23:59:59'),
  ];
  const sequences = [1, 9, 42, 999, 1000, 9999, 10_000, 123_456, MAX_CASE_SEQUENCE];

  it('round-trips every month and sequence size', () => {
    for (const at of instants) {
      for (const sequence of sequences) {
        const code = formatCaseCode(at, sequence);
        expect(parseCaseCode(code), code).toBe(code);
      }
    }
    for (let month = 1; month <= 12; month++) {
      const code = formatCaseCode(vn(`2026-${String(month).padStart(2, '0')}-15T12:00:00`), 5);
      expect(parseCaseCode(code)).toBe(code);
    }
  });

  it('finds the formatted code in the ways people type it back', () => {
    const code = formatCaseCode(vn('2026-11-15T09:30:00'), 42);
    for (const typed of ['qc-2611-0042', 'QC 2611 0042', 'qc26110042', 'QC-2611-42', `mã ${code.toLowerCase()} đã xóa chưa?`]) {
      expect(parseCaseCode(typed), typed).toBe(code);
    }
  });
});
