/**
 * The periodic summary for the department (Sở Khoa học và Công nghệ, Phòng Hạ tầng số và Quản lý chuyên
 * ngành): per ward and month, how many ad numbers were found, warned, committed to remove, proposed for
 * suspension, requested from the operator, and suspended.
 *
 * Counting rules (stable, so a past month does not change when the report is run again later):
 * - A number belongs to the ward of its first sighting ("home ward"), so the wards' rows add up to the city's.
 * - Found: numbers whose first sighting falls in the month (numbers dismissed as not ad numbers are left out).
 * - The other columns: distinct numbers with an enforcement event reaching that status in the month
 *   (`ad_phone_events.to_status`); a number warned twice in a month counts once.
 * Months are Vietnam calendar months. Read-only; reporters are never selected.
 */
import ExcelJS from 'exceljs';
import { cellBorders, headerRow } from './sheet-style.js';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import { SIGHTINGS } from '../../db/repositories/ad-phones.js';
import type { Database } from '../../db/schema.js';
import { vietnamDate } from '../domain/working-calendar.js';
import { inReadOnlySnapshot, vietnameseDay } from './phone-export.js';

type Executor = Db | Transaction<Database>;

/** The figures of one ward in one month (and of a total row). */
export interface PhoneSummaryCounts {
  found: number;
  warned: number;
  committed: number;
  proposed: number;
  requested: number;
  suspended: number;
}

export interface PhoneSummaryRow extends PhoneSummaryCounts {
  /** `null`: numbers with no sighting left (their ward is unknown). */
  wardCode: string | null;
  wardName: string | null;
  /** 'YYYY-MM', Vietnam time. */
  month: string;
}

export interface PhoneSummary {
  from: string | null;
  to: string | null;
  /** Ordered by month, then ward code. Only (ward, month) pairs with at least one non-zero figure. */
  rows: PhoneSummaryRow[];
  total: PhoneSummaryCounts;
}

/** The counted columns, in table order, with the enforcement status each one counts. */
export const SUMMARY_FIGURES: readonly { key: keyof PhoneSummaryCounts; toStatus: string | null }[] = [
  { key: 'found', toStatus: null },
  { key: 'warned', toStatus: 'warned' },
  { key: 'committed', toStatus: 'committed' },
  { key: 'proposed', toStatus: 'suspension_proposed' },
  { key: 'requested', toStatus: 'suspension_requested' },
  { key: 'suspended', toStatus: 'suspended' },
];

/** The summary's Vietnamese (a document for the department, not chat text). */
export const PHONE_SUMMARY_LABELS = {
  sheet: 'Tổng hợp',
  title: 'BÁO CÁO TỔNG HỢP SỐ ĐIỆN THOẠI IN TRÊN QUẢNG CÁO, RAO VẶT TRÁI QUY ĐỊNH',
  addressee: 'Kính gửi: Sở Khoa học và Công nghệ (Phòng Hạ tầng số và Quản lý chuyên ngành)',
  period: (from: string | null, to: string | null) =>
    `Kỳ báo cáo: ${from ? `từ tháng ${monthText(from)}` : 'từ đầu'} ${to ? `đến tháng ${monthText(to)}` : 'đến nay'}`,
  date: (d: string) => `Ngày lập: ${d}`,
  note: 'Mỗi số được tính cho phường nơi phát hiện lần đầu; mỗi cột đếm số thuê bao (không đếm lượt).',
  ward: 'Phường',
  month: 'Tháng',
  unknownWard: '(không rõ)',
  total: 'Tổng',
  figures: {
    found: 'Phát hiện mới',
    warned: 'Nhắc nhở',
    committed: 'Cam kết gỡ',
    proposed: 'Đề xuất tạm ngừng',
    requested: 'Đề nghị nhà mạng',
    suspended: 'Đã tạm ngừng',
  } satisfies Record<keyof PhoneSummaryCounts, string>,
  empty: 'Không có số liệu trong kỳ.',
} as const;

function monthText(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** 'YYYY-MM' with a real month. */
export function isMonth(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

const zero = (): PhoneSummaryCounts => ({ found: 0, warned: 0, committed: 0, proposed: 0, requested: 0, suspended: 0 });

/** Compute the summary for the months `from`…`to` (inclusive, 'YYYY-MM'; either may be open). */
export async function buildPhoneSummary(db: Executor, period: { from?: string | null; to?: string | null } = {}): Promise<PhoneSummary> {
  const from = period.from ?? null;
  const to = period.to ?? null;
  for (const m of [from, to]) if (m !== null && !isMonth(m)) throw new RangeError(`not a month (YYYY-MM): ${m}`);
  return inReadOnlySnapshot(db, (trx) => collect(trx, from, to));
}

async function collect(db: Executor, from: string | null, to: string | null): Promise<PhoneSummary> {
  const month = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;
  const inPeriod = (expr: ReturnType<typeof month>) =>
    sql`(${from}::text is null or ${expr} >= ${from}) and (${to}::text is null or ${expr} <= ${to})`;
  const eventFigures = SUMMARY_FIGURES.filter((f) => f.toStatus !== null);
  const { rows } = await sql<{ ward_code: string | null; month: string; figure: keyof PhoneSummaryCounts; n: string }>`
    with home as (
      select distinct on (e164) e164, ward_code, seen_at from (${SIGHTINGS}) s order by e164, seen_at, case_id
    )
    select h.ward_code, ${month('h.seen_at')} as month, 'found' as figure, count(*) as n
      from home h join ad_phones p on p.e164 = h.e164
     where p.status <> 'dismissed' and ${inPeriod(month('h.seen_at'))}
     group by 1, 2
    union all
    select h.ward_code, ${month('e.at')}, f.figure, count(distinct e.e164)
      from ad_phone_events e
      join (values ${sql.join(eventFigures.map((f) => sql`(${f.toStatus}, ${f.key})`))}) as f(to_status, figure) on f.to_status = e.to_status
      left join home h on h.e164 = e.e164
     where ${inPeriod(month('e.at'))}
     group by 1, 2, 3`.execute(db);

  const wards = new Map((await db.selectFrom('wards').select(['code', 'name']).execute()).map((w) => [w.code, w.name]));
  const byKey = new Map<string, PhoneSummaryRow>();
  const total = zero();
  for (const r of rows) {
    const key = `${r.month}|${r.ward_code ?? ''}`;
    let row = byKey.get(key);
    if (!row) {
      row = { wardCode: r.ward_code, wardName: r.ward_code ? (wards.get(r.ward_code) ?? r.ward_code) : null, month: r.month, ...zero() };
      byKey.set(key, row);
    }
    row[r.figure] += Number(r.n);
    total[r.figure] += Number(r.n);
  }
  const sorted = [...byKey.values()].sort((a, b) => a.month.localeCompare(b.month) || (a.wardCode ?? '~').localeCompare(b.wardCode ?? '~'));
  return { from, to, rows: sorted, total };
}

/** The summary as a compact text table (the CLI's default output). */
export function phoneSummaryText(summary: PhoneSummary): string {
  const L = PHONE_SUMMARY_LABELS;
  if (summary.rows.length === 0) return `${L.period(summary.from, summary.to)}\n${L.empty}`;
  const head = [L.ward, L.month, ...SUMMARY_FIGURES.map((f) => L.figures[f.key])];
  const body = summary.rows.map((r) => [wardText(r), r.month, ...SUMMARY_FIGURES.map((f) => String(r[f.key]))]);
  const foot = [L.total, '', ...SUMMARY_FIGURES.map((f) => String(summary.total[f.key]))];
  const table = [head, ...body, foot];
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [L.period(summary.from, summary.to), line(head), rule, ...body.map(line), rule, line(foot)].join('\n');
}

function wardText(r: PhoneSummaryRow): string {
  return r.wardCode ? `${r.wardName} (${r.wardCode})` : PHONE_SUMMARY_LABELS.unknownWard;
}

/** The summary as a one-sheet workbook for the department: title block, one row per ward and month, total. */
export async function phoneSummaryXlsx(summary: PhoneSummary, now: Date): Promise<Buffer> {
  const L = PHONE_SUMMARY_LABELS;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(L.sheet, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  const columns = 2 + SUMMARY_FIGURES.length;
  [30, 10, ...SUMMARY_FIGURES.map(() => 14)].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const lines = [L.title, L.addressee, L.period(summary.from, summary.to), L.date(vietnameseDay(vietnamDate(now))), L.note];
  lines.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, columns);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    cell.alignment = { horizontal: i === 0 ? 'center' : 'left', wrapText: true };
  });
  headerRow(sheet.getRow(lines.length + 2), [L.ward, L.month, ...SUMMARY_FIGURES.map((f) => L.figures[f.key])]);
  for (const r of summary.rows) cellBorders(sheet.addRow([wardText(r), monthText(r.month), ...SUMMARY_FIGURES.map((f) => r[f.key])]), columns);
  const total = sheet.addRow([L.total, '', ...SUMMARY_FIGURES.map((f) => summary.total[f.key])]);
  total.font = { bold: true };
  cellBorders(total, columns);
  sheet.views = [{ state: 'frozen', ySplit: lines.length + 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

