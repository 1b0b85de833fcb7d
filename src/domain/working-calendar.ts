/**
 * Working days (ngày làm việc) of Vietnamese state agencies, and Vietnam's clock.
 *
 * Deadlines in plans and SLAs count working days: Monday–Friday, minus statutory holidays (ngày nghỉ lễ, tết)
 * and their substitute days (nghỉ bù), plus the occasional Saturday swapped into a working day (làm bù).
 * The official calendar is announced yearly, so holidays come in as data ({@link Holiday} rows, seeded by
 * `vietnam-holidays.ts` and editable in the database), never as a formula here.
 *
 * Dates are ISO `YYYY-MM-DD` calendar dates in Asia/Ho_Chi_Minh; instants are `Date`s. Nothing here reads the
 * clock: callers pass the time in.
 */

/** One day off: a statutory holiday (ngày lễ), a day of the Tết break, or a substitute day (nghỉ bù). */
export interface Holiday {
  /** ISO calendar date `YYYY-MM-DD` in Vietnam. */
  readonly date: string;
  /** Vietnamese name shown to people, e.g. "Tết Nguyên đán (mùng 1)", "Nghỉ bù Giỗ Tổ Hùng Vương". */
  readonly name: string;
  /** True for a nghỉ bù day given because a holiday fell on a weekend. */
  readonly substitute?: boolean;
}

/** Answers "is this a working day?" and moves deadlines over weekends and holidays. */
export interface WorkingCalendar {
  /** Monday–Friday and not a holiday, or a swapped working day (làm bù). */
  isWorkingDay(date: string): boolean;
  /**
   * The date `n` working days after `date` (the start day itself is not counted: "within 5 working days of
   * receipt"). Negative `n` counts backwards ("remind 2 working days before the due date"). `n = 0` gives
   * {@link WorkingCalendar.rollForwardToWorkingDay}. The result is always a working day.
   */
  addWorkingDays(date: string, n: number): string;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /**
   * How many working days lie after `a` up to and including `b` (negative when `b` is before `a`), so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: string, b: string): number;
  /** `date` itself if it is a working day, else the next one: a deadline falling on a rest day moves there. */
  rollForwardToWorkingDay(date: string): string;
  /** The holiday on `date`, if any, to say *why* a day is off ("Nghỉ Tết Nguyên đán"). */
  holidayOn(date: string): Holiday | undefined;
}

/** Thrown for a date string that is not a real `YYYY-MM-DD` date, with the offending value. */
export class InvalidCalendarDateError extends RangeError {
  readonly code = 'CALENDAR_INVALID_DATE';
  constructor(readonly value: string) {
    super(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

const DAY_MS = 86_400_000;

/** Vietnam is UTC+7 all year (no daylight saving time). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

/** Start of the quiet hours (22:00 Vietnam time): no proactive messages (Zalo forbids them, error -234). */
export const QUIET_HOURS_START = 22;

/** End of the quiet hours (06:00 Vietnam time): deferred reminders go out from then. */
export const QUIET_HOURS_END = 6;

/** Parse `YYYY-MM-DD` to days since 1970-01-01, refusing impossible dates such as 2027-02-30. */
function toDayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new InvalidCalendarDateError(date);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new InvalidCalendarDateError(date);
  }
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Build a calendar from holiday rows (the seed in `vietnam-holidays.ts`, or the admins' edited table) and
 * the swapped working days (làm bù, e.g. a Saturday worked to bridge a holiday). A swapped working day wins
 * over a weekend or a holiday on the same date.
 */
export function createWorkingCalendar(
  holidays: readonly Holiday[],
  extraWorkingDays: readonly string[] = [],
): WorkingCalendar {
  const byDay = new Map<number, Holiday>();
  for (const h of holidays) {
    const day = toDayNumber(h.date);
    if (!byDay.has(day)) byDay.set(day, h);
  }
  const extra = new Set(extraWorkingDays.map(toDayNumber));

  const isWorking = (day: number): boolean => {
    if (extra.has(day)) return true;
    const wd = weekday(day);
    return wd !== 0 && wd !== 6 && !byDay.has(day);
  };

  const rollForward = (day: number): number => {
    let d = day;
    while (!isWorking(d)) d++;
    return d;
  };

  return {
    isWorkingDay: (date) => isWorking(toDayNumber(date)),

    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, got ${n}`);
      let d = toDayNumber(date);
      if (n === 0) return fromDayNumber(rollForward(d));
      const step = n > 0 ? 1 : -1;
      let left = Math.abs(n);
      while (left > 0) {
        d += step;
        if (isWorking(d)) left--;
      }
      return fromDayNumber(d);
    },

    nextWorkingDay: (date) => fromDayNumber(rollForward(toDayNumber(date) + 1)),

    workingDaysBetween(a, b) {
      const from = toDayNumber(a);
      const to = toDayNumber(b);
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWorking(d)) count++;
      return sign * count;
    },

    rollForwardToWorkingDay: (date) => fromDayNumber(rollForward(toDayNumber(date))),

    holidayOn: (date) => byDay.get(toDayNumber(date)),
  };
}

/** The calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7) of an instant: what "today" means for a deadline. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `hh:mm` Vietnam time on a Vietnamese calendar date, e.g. 08:00 on the due date. */
export function vietnamInstant(date: string, hh: number, mm: number): Date {
  if (!Number.isInteger(hh) || hh < 0 || hh > 23 || !Number.isInteger(mm) || mm < 0 || mm > 59) {
    throw new RangeError(`Not a time of day: ${hh}:${mm}`);
  }
  return new Date(toDayNumber(date) * DAY_MS + (hh * 60 + mm) * 60_000 - OFFSET_MS);
}

function vietnamMinuteOfDay(instant: Date): number {
  const ms = instant.getTime() + OFFSET_MS;
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * True from 22:00 (inclusive) to 06:00 (exclusive) Vietnam time: no proactive messages then (Zalo forbids
 * them; people sleep). Replies to a message the person just sent are not proactive and are not held.
 */
export function isQuietHour(instant: Date): boolean {
  const minute = vietnamMinuteOfDay(instant);
  return minute >= QUIET_HOURS_START * 60 || minute < QUIET_HOURS_END * 60;
}

/** When a message held for the quiet hours may go: the next 06:00 Vietnam time, or `instant` if not quiet. */
export function endOfQuietHours(instant: Date): Date {
  if (!isQuietHour(instant)) return instant;
  const today = vietnamDate(instant);
  const minute = vietnamMinuteOfDay(instant);
  const day = minute >= QUIET_HOURS_START * 60 ? fromDayNumber(toDayNumber(today) + 1) : today;
  return vietnamInstant(day, QUIET_HOURS_END, 0);
}
