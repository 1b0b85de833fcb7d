/**
 * Case codes (mã phản ánh) people read, type and say on the phone: `QC-2611-0042` is the 42nd case received
 * in November 2026 (Vietnam time). "QC" is for quảng cáo; the month in the code tells staff at a glance how old
 * a case is; the number restarts each month so codes stay short.
 *
 * The parser is `parseCaseCode` in `intents.ts` (it also finds codes inside typed text, "qc 2611 42");
 * the two agree: `parseCaseCode(formatCaseCode(d, n)) === formatCaseCode(d, n)`.
 */
import { vietnamDate } from './working-calendar.js';

/** Prefix of every case code: QC = quảng cáo. */
export const CASE_CODE_PREFIX = 'QC';

/** Largest sequence number a code can carry (`parseCaseCode` reads at most six digits). */
export const MAX_CASE_SEQUENCE = 999_999;

/** A sequence number that cannot be written as a case code (not a whole number from 1 to 999 999). */
export class InvalidCaseSequenceError extends RangeError {
  readonly code = 'CASE_CODE_INVALID_SEQUENCE';
  constructor(readonly sequence: number) {
    super(`A case sequence number must be a whole number from 1 to ${MAX_CASE_SEQUENCE}, got ${sequence}`);
    this.name = 'InvalidCaseSequenceError';
  }
}

/**
 * The month a case's number is counted in, `YYYY-MM` in Vietnam time: the key of the per-month counter the
 * repository increments. A case received at 23:30 on 30 November UTC is already in December in Hải Phòng.
 */
export function caseSequenceMonth(receivedAt: Date): string {
  return vietnamDate(receivedAt).slice(0, 7);
}

/**
 * The case code for the `sequence`-th case of the Vietnam-time month containing `receivedAt`: `QC-YYMM-NNNN`,
 * the number zero-padded to four digits and growing to up to six in a month with more cases. The year is
 * written with two digits (2100 would repeat 2000; so be it).
 */
export function formatCaseCode(receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CASE_SEQUENCE) {
    throw new InvalidCaseSequenceError(sequence);
  }
  const date = vietnamDate(receivedAt);
  const yy = date.slice(2, 4);
  const mm = date.slice(5, 7);
  return `${CASE_CODE_PREFIX}-${yy}${mm}-${String(sequence).padStart(4, '0')}`;
}
