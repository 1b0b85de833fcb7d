/**
 * What unit heads type while working their tasks in chat: a new due date for an extension ("31/12/2026"), a
 * percentage in a progress note ("xong 60%"), how long to snooze ("nhắc lại sau 2 ngày"). Pure; the folded
 * match key of `text-folding.ts` makes diacritics and case irrelevant.
 */
import { isoDate } from '../plans/plan-dates.js';
import { matchKey } from '../text-folding.js';

/**
 * A calendar date typed the Vietnamese way, day first: "31/12/2026", "31-12-2026", "31.12.26", "ngày 31/12"
 * (the next such day from `today`), or ISO "2026-12-31". Null when there is none or it does not exist (31/2).
 */
export function parseTypedDate(text: string, today: string): string | null {
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?(?!\d)/.exec(text);
  if (!dmy) return null;
  const [day, month] = [Number(dmy[1]), Number(dmy[2])];
  if (dmy[3] !== undefined) {
    const year = dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
    return dmy[3].length === 3 ? null : isoDate(year, month, day);
  }
  const thisYear = Number(today.slice(0, 4));
  const candidate = isoDate(thisYear, month, day);
  if (candidate === null) return isoDate(thisYear + 1, month, day);
  return candidate >= today ? candidate : isoDate(thisYear + 1, month, day);
}

/** A percentage in a progress note ("đạt 60%", "60 phần trăm"), 0–100, or null. */
export function parsePercent(text: string): number | null {
  const key = matchKey(text);
  const m = /(?<!\d)(\d{1,3})\s*(?:%|phan tram)/.exec(text.includes('%') ? text : key);
  if (!m) return null;
  const value = Number(m[1]);
  return value <= 100 ? value : null;
}

/** Longest snooze a person can ask for, in days. */
export const MAX_SNOOZE_DAYS = 30;

/**
 * Days to snooze from "nhắc lại sau 2 ngày", "nhắc sau 1 tuần", "để sau" (1 day when no number is given),
 * capped at {@link MAX_SNOOZE_DAYS}.
 */
export function parseSnoozeDays(text: string): number {
  const key = matchKey(text);
  const m = /(\d{1,3})\s*(ngay|tuan|hom)/.exec(key);
  if (!m) return /\btuan\b/.test(key) ? 7 : 1;
  const days = Number(m[1]) * (m[2] === 'tuan' ? 7 : 1);
  return Math.min(Math.max(days, 1), MAX_SNOOZE_DAYS);
}
