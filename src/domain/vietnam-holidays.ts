/**
 * Seed data: Vietnam's statutory days off for state agencies, 2026–2030 (Bộ luật Lao động 2019, điều 112).
 *
 * This is DATA to edit, not a formula. The Prime Minister fixes the exact Tết days (and the day added to
 * Quốc khánh) each year, and the government sometimes swaps working days; when the yearly announcement
 * comes, update the database table seeded from here (or this file) — nothing else changes.
 *
 * How the rows were chosen (source: `reference/vietnam.md`):
 * - Tết Dương lịch 1/1.
 * - Tết Nguyên đán: 2026 is the official break, Sat 14/02 – Sun 22/02. For 2027–2030 the usual 5-day span
 *   is assumed: the last day of the lunar year through mùng 4, from the mùng 1 dates computed at UTC+7
 *   (2027 Sat 06/02, 2028 Wed 26/01, 2029 Tue 13/02, 2030 Sat 02/02 — not 03/02 as Chinese libraries say).
 *   Days of that span falling on Saturday or Sunday give substitute days (nghỉ bù), like any holiday.
 * - Giỗ Tổ Hùng Vương (10/3 lunar): 2026 Sun 26/04 (nghỉ bù Mon 27/04), 2027 Fri 16/04, 2028 Tue 04/04,
 *   2029 Mon 23/04, 2030 Fri 12/04.
 * - Ngày Chiến thắng 30/4 and Quốc tế Lao động 1/5.
 * - Quốc khánh 2/9 plus one adjacent day: we pick 1/9 every year (the Prime Minister picks 1/9 or 3/9).
 * - Nghỉ bù: a holiday on Saturday or Sunday gives the next working day that is not itself a holiday
 *   (điều 112 khoản 3).
 * - Not included: the proposed "Ngày Văn hóa Việt Nam" (24/11), decided in principle in 2026 but not yet law
 *   in our sources. Add it here when it is.
 */

import type { Holiday } from './working-calendar.js';

const TET = 'Tết Nguyên đán';
const TET_EVE = `${TET} (ngày cuối năm Âm lịch)`;
const NEW_YEAR = 'Tết Dương lịch';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương';
const REUNIFICATION = 'Ngày Chiến thắng (30/4)';
const LABOUR = 'Ngày Quốc tế Lao động (1/5)';
const NATIONAL_DAY = 'Quốc khánh (2/9)';
const NATIONAL_DAY_EXTRA = 'Quốc khánh (ngày nghỉ liền kề, 1/9)';
const sub = (of: string) => `Nghỉ bù ${of}`;

/** Vietnam's days off 2026–2030, in date order, as seeded into the editable holiday table. */
export const VIETNAM_HOLIDAYS: readonly Holiday[] = Object.freeze([
  // 2026
  { date: '2026-01-01', name: NEW_YEAR },
  { date: '2026-02-14', name: `${TET} (nghỉ trước Tết)` },
  { date: '2026-02-15', name: `${TET} (nghỉ trước Tết)` },
  { date: '2026-02-16', name: TET_EVE },
  { date: '2026-02-17', name: `${TET} (mùng 1)` },
  { date: '2026-02-18', name: `${TET} (mùng 2)` },
  { date: '2026-02-19', name: `${TET} (mùng 3)` },
  { date: '2026-02-20', name: `${TET} (mùng 4)` },
  { date: '2026-02-21', name: `${TET} (mùng 5)` },
  { date: '2026-02-22', name: `${TET} (mùng 6)` },
  { date: '2026-04-26', name: HUNG_KINGS },
  { date: '2026-04-27', name: sub(HUNG_KINGS), substitute: true },
  { date: '2026-04-30', name: REUNIFICATION },
  { date: '2026-05-01', name: LABOUR },
  { date: '2026-09-01', name: NATIONAL_DAY_EXTRA },
  { date: '2026-09-02', name: NATIONAL_DAY },

  // 2027 — Tết: mùng 1 is Saturday 06/02.
  { date: '2027-01-01', name: NEW_YEAR },
  { date: '2027-02-05', name: TET_EVE },
  { date: '2027-02-06', name: `${TET} (mùng 1)` },
  { date: '2027-02-07', name: `${TET} (mùng 2)` },
  { date: '2027-02-08', name: `${TET} (mùng 3)` },
  { date: '2027-02-09', name: `${TET} (mùng 4)` },
  { date: '2027-02-10', name: sub(TET), substitute: true },
  { date: '2027-02-11', name: sub(TET), substitute: true },
  { date: '2027-04-16', name: HUNG_KINGS },
  { date: '2027-04-30', name: REUNIFICATION },
  { date: '2027-05-01', name: LABOUR },
  { date: '2027-05-03', name: sub(LABOUR), substitute: true },
  { date: '2027-09-01', name: NATIONAL_DAY_EXTRA },
  { date: '2027-09-02', name: NATIONAL_DAY },

  // 2028 — 1/1 is a Saturday; Tết: mùng 1 is Wednesday 26/01.
  { date: '2028-01-01', name: NEW_YEAR },
  { date: '2028-01-03', name: sub(NEW_YEAR), substitute: true },
  { date: '2028-01-25', name: TET_EVE },
  { date: '2028-01-26', name: `${TET} (mùng 1)` },
  { date: '2028-01-27', name: `${TET} (mùng 2)` },
  { date: '2028-01-28', name: `${TET} (mùng 3)` },
  { date: '2028-01-29', name: `${TET} (mùng 4)` },
  { date: '2028-01-31', name: sub(TET), substitute: true },
  { date: '2028-04-04', name: HUNG_KINGS },
  { date: '2028-04-30', name: REUNIFICATION },
  { date: '2028-05-01', name: LABOUR },
  { date: '2028-05-02', name: sub(REUNIFICATION), substitute: true },
  { date: '2028-09-01', name: NATIONAL_DAY_EXTRA },
  { date: '2028-09-02', name: NATIONAL_DAY },
  { date: '2028-09-04', name: sub(NATIONAL_DAY), substitute: true },

  // 2029 — Tết: mùng 1 is Tuesday 13/02; 1/9 and 2/9 fall on the weekend.
  { date: '2029-01-01', name: NEW_YEAR },
  { date: '2029-02-12', name: TET_EVE },
  { date: '2029-02-13', name: `${TET} (mùng 1)` },
  { date: '2029-02-14', name: `${TET} (mùng 2)` },
  { date: '2029-02-15', name: `${TET} (mùng 3)` },
  { date: '2029-02-16', name: `${TET} (mùng 4)` },
  { date: '2029-04-23', name: HUNG_KINGS },
  { date: '2029-04-30', name: REUNIFICATION },
  { date: '2029-05-01', name: LABOUR },
  { date: '2029-09-01', name: NATIONAL_DAY_EXTRA },
  { date: '2029-09-02', name: NATIONAL_DAY },
  { date: '2029-09-03', name: sub(NATIONAL_DAY), substitute: true },
  { date: '2029-09-04', name: sub(NATIONAL_DAY), substitute: true },

  // 2030 — Tết: mùng 1 is Saturday 02/02 (Vietnam's lunar calendar, UTC+7; China's is 03/02).
  { date: '2030-01-01', name: NEW_YEAR },
  { date: '2030-02-01', name: TET_EVE },
  { date: '2030-02-02', name: `${TET} (mùng 1)` },
  { date: '2030-02-03', name: `${TET} (mùng 2)` },
  { date: '2030-02-04', name: `${TET} (mùng 3)` },
  { date: '2030-02-05', name: `${TET} (mùng 4)` },
  { date: '2030-02-06', name: sub(TET), substitute: true },
  { date: '2030-02-07', name: sub(TET), substitute: true },
  { date: '2030-04-12', name: HUNG_KINGS },
  { date: '2030-04-30', name: REUNIFICATION },
  { date: '2030-05-01', name: LABOUR },
  { date: '2030-09-01', name: NATIONAL_DAY_EXTRA },
  { date: '2030-09-02', name: NATIONAL_DAY },
  { date: '2030-09-03', name: sub(NATIONAL_DAY_EXTRA), substitute: true },
]);

/** Mùng 1 Tết (lunar new year's day) per year, computed at UTC+7; used by tests and by admins checking data. */
export const TET_FIRST_DAY: Readonly<Record<number, string>> = Object.freeze({
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
});
