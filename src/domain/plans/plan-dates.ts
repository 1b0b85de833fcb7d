/**
 * Calendar arithmetic for plan deadlines: ends of months, quarters and half-years as ISO `YYYY-MM-DD`.
 * Plans speak in periods ("Quý II/2026", "tháng 12/2026"), and a period's due date is its last day.
 * Pure date-only maths (UTC internally, no clock, no time zone).
 */

/** `YYYY-MM-DD` for a year, month (1–12) and day; null when that day does not exist (31/2, 0/5…). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Number of days in a month (1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month: "tháng 2/2028" is due 2028-02-29. */
export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month)) as string;
}

/** The first day of a month. */
export function startOfMonth(year: number, month: number): string {
  return isoDate(year, month, 1) as string;
}

/** The first day of quarter 1–4. */
export function startOfQuarter(year: number, quarter: number): string {
  return startOfMonth(year, quarter * 3 - 2);
}

/** The last day of quarter 1–4: Quý I → 31/3, Quý IV → 31/12. */
export function endOfQuarter(year: number, quarter: number): string {
  return endOfMonth(year, quarter * 3);
}

/** `iso` moved by `days` (negative goes back): "trước ngày 19" is due on the 18th. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** Year, month and day of an ISO date. */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
