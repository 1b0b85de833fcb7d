/**
 * Time expressions in plans (thời gian thực hiện) → proposed start, due date and recurrence, by the table in
 * `vietnam.md` ("Time expressions in plans → due dates"): "Quý IV/2025; tiếp tục thực hiện hằng năm",
 * "trong tháng 12 năm 2026", "thường xuyên", "định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)"…
 *
 * Matching runs on folded text (no diacritics, lower case) so "Quy IV/2025" and "quý IV/2025" read the same.
 * A date the plan does not give is null with a warning, never invented; the plan's own year only fills in a
 * period written without one ("Quý II"), and says so.
 */
import {
  addDays,
  dateParts,
  endOfMonth,
  endOfQuarter,
  isoDate,
  startOfMonth,
  startOfQuarter,
} from './plan-dates.js';
import type { Recurrence, TimeframeReading } from './plan-types.js';
import { foldSameLength } from './same-length-fold.js';

/** What a time expression is read against. */
export interface TimeContext {
  /** The plan's year: fills in "Quý II" or "tháng 12" written without a year, and anchors "hằng năm". */
  planYear?: number;
  /**
   * The plan's issue date (or the first of its month when the day is blank): the first occurrence of a
   * periodic task ("hằng tháng") is the first period ending on or after it. Default: 1 January of planYear.
   */
  referenceDate?: string;
}

/** A dated window found in the text: its first day (null when only an end is said: "đến năm 2030") and its last. */
interface Window {
  start: string | null;
  /** Null for a window that only says when work starts ("từ ngày 01/10", "từ năm 2026"). */
  due: string | null;
  /** A day and month written without a year ("30/6"): the plan's year filled in. */
  dayMonth?: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Reads a whole "Thời gian thực hiện" value. Bare years ("Năm 2022") and ranges ("giai đoạn 2026–2030",
 * "2026 - 2030") count here; in free text use {@link findTimeframeInText} first, which is stricter.
 */
export function parseTimeframe(text: string, context: TimeContext = {}): TimeframeReading {
  const warnings: string[] = [];
  const written = text.normalize('NFC').trim();
  if (written === '') {
    return { startOn: null, dueOn: null, recurrence: 'none', warnings: ['no timeframe given'] };
  }
  const scan = { text: foldSameLength(written), warnings, context, written };
  maskVisionYears(scan);
  maskDocumentDates(scan);
  const windows = readWindows(scan);
  const recurrence = readRecurrence(scan.text, windows);
  const day = readDayOfPeriod(scan.text);
  return combine(windows, recurrence, day, scan);
}

/**
 * Reads the Bắt đầu / Hoàn thành columns of an appendix table: start of the first, due date and recurrence of
 * the second ("Quý I/2023" → "Quý IV/2023 và các năm tiếp theo": 2023-01-01, 2023-12-31, yearly).
 * An empty Hoàn thành gives no due date (with a warning), even when Bắt đầu is filled: the end is not invented.
 */
export function parseTimeRange(start: string, end: string, context: TimeContext = {}): TimeframeReading {
  const s = start.trim();
  const e = end.trim();
  if (s === '' && e === '') return parseTimeframe('', context);
  if (s === '') return { ...parseTimeframe(e, context), startOn: null };
  if (e === '') {
    const from = parseTimeframe(s, context);
    const note = `no end date: only the start is given ("${s}")`;
    return { startOn: from.startOn ?? from.dueOn, dueOn: null, recurrence: 'none', warnings: [...from.warnings, note] };
  }
  const from = parseTimeframe(s, context);
  const to = parseTimeframe(e, context);
  const startOn = from.startOn ?? from.dueOn;
  const warnings = [...from.warnings.map((w) => `start: ${w}`), ...to.warnings];
  return { startOn, dueOn: to.dueOn, recurrence: to.recurrence, warnings };
}

/**
 * The time phrases inside a task's text ("… trong tháng 12 năm 2026", "Thường xuyên kiểm tra…",
 * "Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)…"), as written, in order; empty when none.
 * Stricter than {@link parseTimeframe}: a year counts only with a preposition ("trong năm 2023", "đến năm
 * 2030"), because bare years in prose are names ("Chủ đề năm 2023", "giai đoạn 2026 - 2030",
 * "tầm nhìn đến năm 2045") and dates of other documents ("Chỉ thị số 17/CT-UBND ngày 14/11/2025").
 */
export function findTimeframeInText(text: string): string[] {
  const nfc = text.normalize('NFC');
  const folded = foldSameLength(nfc);
  const found: { from: number; to: number }[] = [];
  for (const pattern of PROSE_PATTERNS) {
    for (const m of folded.matchAll(pattern)) {
      const from = m.index ?? 0;
      const to = from + m[0].length;
      if (isVisionYear(folded, from, to)) continue;
      if (found.some((f) => from < f.to && to > f.from)) continue;
      found.push({ from, to });
    }
  }
  return found.sort((a, b) => a.from - b.from).map((f) => nfc.slice(f.from, f.to).trim());
}

/** What counts as a time phrase in prose (folded), most specific first; overlapping later matches are dropped. */
const PROSE_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`dinh ky (?:6|sau) thang(?:,? (?:va )?cuoi nam)?(?:,? (?:va )?dot xuat)?` +
      String.raw`(?: ?\(truoc ngay \d{1,2}(?: (?:cua|hang|moi) thang)?\))?`,
    'g',
  ),
  /(?:truoc|den|cham nhat|trong|vao|han)\s+(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g,
  /(?:tu ngay\s*\d{1,2}\s*\/\s*\d{1,2}\s*)?(?:truoc|den|cham nhat|vao|han)\s+(?:ngay\s*)?\d{1,2}\s*\/\s*\d{1,2}(?![\d/])(?:\s*(?:va|,)\s*\d{1,2}\s*\/\s*\d{1,2}(?![\d/]))*(?:\s+(?:hang|moi) nam)?/g,
  /(?:truoc|trong|vao|den|het|cuoi)\s+thang\s*\d{1,2}\s*(?:\/|-|nam)\s*\d{4}/g,
  /(?:(?:trong|truoc|den|vao|het|cuoi)\s+)?qu[iy]\s*(?:iv|i{1,3}|[1-4])(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*\d{4})?/g,
  /6 thang (?:dau|cuoi) nam(?:\s*\d{4})?/g,
  /(?:trong|den|vao|cuoi|het|truoc)\s+nam\s+\d{4}(?:\s+va cac nam tiep theo)?/g,
  /(?:truoc|vao|den|cham nhat)\s+ngay\s*\d{1,2}\s+(?:hang|moi|cua)\s+(?:thang|quy)/g,
  /(?:dinh ky\s+)?(?:hang|moi) (?:nam|quy|thang)/g,
  /khi co yeu cau|theo yeu cau cua [^,;.]{2,40}|theo ke hoach cua [^,;.]{2,40}/g,
  /(?<!chi )thuong xuyen|lien tuc/g,
];

/** "tầm nhìn đến năm 2045", "định hướng / có xét đến năm 2035": horizons named in titles, not deadlines. */
function isVisionYear(folded: string, from: number, to: number): boolean {
  const before = folded.slice(Math.max(0, from - 12), from);
  const after = folded.slice(to, to + 12);
  return /(tam nhin|dinh huong|xet)\s*$/.test(before) || /^,?\s*tam nhin/.test(after);
}

interface Scan {
  /** Folded text; matched parts are blanked out so a year is not read twice. */
  text: string;
  warnings: string[];
  context: TimeContext;
  written: string;
}

/**
 * "Kế hoạch số 40/KH-UBND ngày 13/02/2023", "Quyết định 1944/QĐ-TTg ngày 18/11/2021": the date of another
 * document is never a deadline.
 */
function maskDocumentDates(scan: Scan): void {
  blank(scan, /(?:so\s*)?\d+\/[a-z0-9/&.-]+\s+ngay\s*\d{1,2}\s*(?:[/.-]|thang)\s*\d{1,2}\s*(?:[/.-]|nam)\s*\d{4}/g, () => undefined);
}

function maskVisionYears(scan: Scan): void {
  blank(scan, /(?:tam nhin|dinh huong|xet)\s*(?:den\s*)?(?:nam\s*)?\d{4}/g, () => undefined);
}

/** Every dated window, most specific first: full dates, ranges, half-years, quarters, months, years. */
function readWindows(scan: Scan): Window[] {
  const windows: Window[] = [];
  const push = (w: Window | null, from: number) => {
    if (w) windows.push(applyPreposition(scan.text, from, w));
  };
  blank(scan, /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|\/)\s*(\d{4})/g, (m, i) =>
    push(dayWindow(+m[3]!, +m[2]!, +m[1]!), i),
  );
  blank(scan, /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/g, (m, i) =>
    push(dayWindow(+m[3]!, +m[2]!, +m[1]!), i),
  );
  blank(scan, /(?<![\d/.-])(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*[/.-]?\s*\d)/g, (m, i) =>
    push(dayMonthWindow(+m[1]!, +m[2]!, scan), i),
  );
  blank(scan, /(?:giai doan|tu nam|tu)?\s*(\d{4})\s*(?:[-–—]|den nam|den)\s*(\d{4})/g, (m, i) =>
    push({ start: `${m[1]}-01-01`, due: `${m[2]}-12-31` }, i),
  );
  blank(scan, /(?:6|sau) thang (dau|cuoi) nam(?:\s*\/?\s*(\d{4}))?|nua (dau|cuoi) nam(?:\s*(\d{4}))?/g, (m, i) =>
    push(halfWindow(m[1] ?? m[3]!, m[2] ?? m[4], scan), i),
  );
  blank(scan, /(?<![a-z])qu[iy]\s*(iv|i{1,3}|[1-4])(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*(\d{4}))?/g, (m, i) =>
    push(quarterWindow(m[1]!, m[2], scan), i),
  );
  blank(scan, /(?<![a-z0-9])q\.?\s*([1-4])(?![0-9])(?:\s*(?:\/|-|\.|nam)?\s*(\d{4}))?/g, (m, i) =>
    push(quarterWindow(m[1]!, m[2], scan), i),
  );
  blank(scan, /thang\s*(\d{1,2})(?:\s*(?:\/|-|nam)\s*(\d{4}))?(?![0-9])/g, (m, i) =>
    push(monthWindow(+m[1]!, m[2], scan), i),
  );
  blank(scan, /(?<!dau )nam\s*(\d{4})|^\s*(\d{4})\s*$/g, (m, i) => {
    const year = m[1] ?? m[2]!;
    push({ start: `${year}-01-01`, due: `${year}-12-31` }, i);
  });
  return windows;
}

/**
 * "trước tháng 6 năm 2023" is due the day before the window; "đến năm 2030" has no stated start; "từ ngày
 * 01/10", "từ năm 2026" state only a start.
 */
function applyPreposition(folded: string, from: number, w: Window): Window {
  const before = folded.slice(Math.max(0, from - 12), from);
  // "trước ngày 30/6 và 10/12": the earlier date is blanked by now, so "trước" still stands before the second.
  const beforeList = folded.slice(Math.max(0, from - 40), from);
  if (/truoc\s*(?:ngay\s*)?(?:\s|,|va(?= ))*$/.test(beforeList) && w.start) return { ...w, start: null, due: addDays(w.start, -1) };
  if (/(?:^|\s)den\s*(?:ngay\s*)?$/.test(before)) return { ...w, start: null };
  if (/(?:^|\s)(?:tu|ke tu|bat dau tu)\s*(?:ngay\s*)?$/.test(before)) return { ...w, due: null };
  return w;
}

/**
 * "30/6" without a year: the plan's year, or the next one when that day is already past at the plan's date
 * ("trước ngày 15/02" in a plan of 12/03/2026 → 14/02/2027). Null (with a warning) without a plan year.
 */
function dayMonthWindow(day: number, month: number, scan: Scan): Window | null {
  const { planYear, referenceDate } = scan.context;
  if (planYear === undefined) {
    scan.warnings.push(`no year in "${scan.written}" and no plan year to assume`);
    return null;
  }
  let date = isoDate(planYear, month, day);
  if (date === null) return null;
  if (referenceDate !== undefined && date < referenceDate) {
    date = isoDate(planYear + 1, month, day);
    scan.warnings.push(`no year for ${day}/${month} in "${scan.written}": ${planYear + 1} assumed (the day is past at the plan's date)`);
  } else scan.warnings.push(`no year for ${day}/${month} in "${scan.written}": ${planYear} taken from the plan`);
  return date ? { start: date, due: date, dayMonth: true } : null;
}

function dayWindow(year: number, month: number, day: number): Window | null {
  const date = isoDate(year, month, day);
  return date ? { start: date, due: date } : null;
}

function halfWindow(part: string, yearText: string | undefined, scan: Scan): Window | null {
  const year = yearOr(yearText, scan);
  if (year === null) return null;
  return part === 'dau'
    ? { start: startOfMonth(year, 1), due: endOfMonth(year, 6) }
    : { start: startOfMonth(year, 7), due: endOfMonth(year, 12) };
}

function quarterWindow(numeral: string, yearText: string | undefined, scan: Scan): Window | null {
  const quarter = ROMAN[numeral] ?? Number(numeral);
  const year = yearOr(yearText, scan);
  if (year === null) return null;
  return { start: startOfQuarter(year, quarter), due: endOfQuarter(year, quarter) };
}

function monthWindow(month: number, yearText: string | undefined, scan: Scan): Window | null {
  if (month < 1 || month > 12) return null;
  const year = yearOr(yearText, scan);
  if (year === null) return null;
  return { start: startOfMonth(year, month), due: endOfMonth(year, month) };
}

/** The written year, or the plan's year with a warning, or null with a warning. */
function yearOr(yearText: string | undefined, scan: Scan): number | null {
  if (yearText) return Number(yearText);
  const { planYear } = scan.context;
  if (planYear === undefined) {
    scan.warnings.push(`no year in "${scan.written}" and no plan year to assume`);
    return null;
  }
  scan.warnings.push(`no year in "${scan.written}": ${planYear} taken from the plan`);
  return planYear;
}

/** Periodic wording wins over a one-off reading; "thường xuyên" only when nothing periodic is said. */
function readRecurrence(folded: string, windows: Window[]): Recurrence {
  if (/(?:hang|moi) nam|cac nam tiep theo|thuong nien|dinh ky nam/.test(folded)) return 'yearly';
  if (/(?:dinh ky|hang|moi) (?:6|sau) thang|(?:6|sau) thang (?:mot|1) lan/.test(folded)) return 'half_yearly';
  if (/(?:hang|moi|dinh ky) quy|quy (?:mot|1) lan/.test(folded)) return 'quarterly';
  if (/(?:hang|moi|dinh ky) thang|thang (?:mot|1) lan/.test(folded)) return 'monthly';
  if (/(?<!chi )thuong xuyen|lien tuc|hang (?:ngay|tuan)|moi (?:ngay|tuan)/.test(folded)) return 'continuous';
  if (windows.some((w) => w.start !== null && w.due !== null && w.start.slice(0, 4) !== w.due.slice(0, 4))) return 'yearly';
  return 'none';
}

/** "(trước ngày 19 của tháng)" → 18; "ngày 20 hằng tháng" → 20: the day a periodic task falls due. */
function readDayOfPeriod(folded: string): number | null {
  const before = /truoc ngay\s*(\d{1,2})(?!\s*[/.-]\s*\d)/.exec(folded);
  if (before) return Number(before[1]) - 1;
  const on = /ngay\s*(\d{1,2})\s*(?:hang|moi|cua)\s*(?:thang|quy)/.exec(folded);
  return on ? Number(on[1]) : null;
}

function combine(windows: Window[], recurrence: Recurrence, day: number | null, scan: Scan): TimeframeReading {
  const { warnings } = scan;
  if (windows.length > 0) {
    const starts = windows.map((w) => w.start).filter((s): s is string => s !== null).sort();
    const dues = [...new Set(windows.map((w) => w.due).filter((d): d is string => d !== null))].sort();
    if (dues.length === 0) {
      if (recurrence === 'none') warnings.push(`"${scan.written}" says when work starts, not when it is due`);
      return { startOn: starts[0] ?? null, dueOn: null, recurrence, warnings };
    }
    if (recurrence === 'yearly' && windows.filter((w) => w.dayMonth).length > 1) return twiceAYear(dues, scan);
    const dueOn = dues[dues.length - 1]!;
    if (dues.length > 1) warnings.push(`several dates in "${scan.written}": the latest, ${dueOn}, is proposed`);
    return { startOn: starts[0] ?? null, dueOn, recurrence, warnings };
  }
  if (recurrence === 'continuous') return { startOn: null, dueOn: null, recurrence, warnings };
  if (recurrence !== 'none') {
    const dueOn = firstOccurrence(recurrence, day, scan);
    return { startOn: null, dueOn, recurrence, warnings };
  }
  const condition = /^\s*sau khi|khi co yeu cau|theo (?:yeu cau|ke hoach|chi dao|huong dan) cua/.test(scan.text);
  warnings.push(condition ? `"${scan.written}" is a condition, not a date` : `no date in "${scan.written}"`);
  return { startOn: null, dueOn: null, recurrence, warnings };
}

/**
 * "trước ngày 30/6 và 10/12 hằng năm": due twice a year on those days. Proposed as half-yearly from the first
 * of them, with a warning naming both days (the repeat is every 6 months, the plan's second day may differ).
 */
function twiceAYear(dues: readonly string[], scan: Scan): TimeframeReading {
  const days = dues.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`);
  scan.warnings.push(`due twice a year (${days.join(' and ')}): half-yearly from ${dues[0]} is proposed; check the second date`);
  return { startOn: null, dueOn: dues[0]!, recurrence: 'half_yearly', warnings: scan.warnings };
}

const PERIOD_MONTHS: Partial<Record<Recurrence, number>> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** The first period end on or after the reference date: "hằng quý" in a plan of 13/02/2023 → 2023-03-31. */
function firstOccurrence(recurrence: Recurrence, day: number | null, scan: Scan): string | null {
  const { planYear, referenceDate } = scan.context;
  const reference = referenceDate ?? (planYear !== undefined ? `${planYear}-01-01` : null);
  if (reference === null) {
    scan.warnings.push(`"${scan.written}" repeats, but there is no plan date to count from`);
    return null;
  }
  const { year, month } = dateParts(reference);
  const step = PERIOD_MONTHS[recurrence] ?? 12;
  let periodEndMonth = Math.ceil(month / step) * step;
  for (let i = 0; i < 3; i++, periodEndMonth += step) {
    const y = year + Math.floor((periodEndMonth - 1) / 12);
    const m = ((periodEndMonth - 1) % 12) + 1;
    const due = day !== null ? (isoDate(y, m, day) ?? endOfMonth(y, m)) : endOfMonth(y, m);
    if (due >= reference) return due;
  }
  return null;
}

/** Runs `pattern` over the scan text, hands each match to `use`, then blanks it out. */
function blank(scan: Scan, pattern: RegExp, use: (m: RegExpMatchArray, index: number) => void): void {
  for (const m of [...scan.text.matchAll(pattern)]) {
    const index = m.index ?? 0;
    use(m, index);
    scan.text = scan.text.slice(0, index) + ' '.repeat(m[0].length) + scan.text.slice(index + m[0].length);
  }
}
