/**
 * The operators' list (danh sách số điện thoại đề nghị nhà mạng tạm ngừng hai chiều) as an Excel workbook: a
 * cover sheet "Tổng hợp" with the totals by carrier and status, the date, the filter and the porting note, then
 * one sheet per carrier with, per number, its figures, places, case codes and signed links to evidence photos.
 *
 * Read-only by construction (one `read only`, `repeatable read` transaction, so the figures and the photos come
 * from the same moment), bulk (the same few queries whatever the number count), and it never names a reporter:
 * reporters are not selected at all. Figures use the registry's own sightings definition ({@link SIGHTINGS}), so a number's row
 * says what its chat card says.
 */
import ExcelJS from 'exceljs';
import { cellBorders, headerRow } from './sheet-style.js';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import { PLACE, SIGHTINGS } from '../../db/repositories/ad-phones.js';
import type { Database } from '../../db/schema.js';
import { PHONE_STATUSES, type PhoneStatus } from '../domain/phones/phone-enforcement.js';
import { CARRIER_PORTING_NOTE, carrierLabel, normalizePhoneNumber, type Carrier } from '../domain/phone-numbers.js';
import { vietnamDate } from '../domain/working-calendar.js';
import { signMediaPath } from '../media/signed-links.js';

type Executor = Db | Transaction<Database>;

/** Carriers in the order their sheets appear (market share), then {@link OTHER_CARRIER}. */
export const CARRIERS: readonly Carrier[] = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itelecom', 'reddi'];

/** The sheet of numbers without a mobile carrier (landlines, 1800/1900) or with one we do not know. */
export const OTHER_CARRIER = 'other';

/** A carrier filter / sheet key: a mobile carrier, or {@link OTHER_CARRIER}. */
export type CarrierKey = Carrier | typeof OTHER_CARRIER;

/** Every value `--carrier` accepts. */
export const CARRIER_KEYS: readonly CarrierKey[] = [...CARRIERS, OTHER_CARRIER];

/** Photo links in the export stay valid this long: time for the department's letter and the operator's check. */
export const EXPORT_LINK_DAYS = 90;

/** At most this many evidence photos per number (newest first). */
export const EXPORT_PHOTOS_PER_NUMBER = 3;

/** Places and case codes listed in one cell before "… và N …": keeps a cell readable (and under Excel's limit). */
const MAX_LISTED = 50;

/**
 * The workbook's Vietnamese: a document for the department and the operators, not chat text, so it lives here
 * rather than in the chat catalogue.
 */
export const PHONE_SHEET_LABELS = {
  coverSheet: 'Tổng hợp',
  otherSheet: 'Khác',
  title: 'DANH SÁCH SỐ ĐIỆN THOẠI IN TRÊN QUẢNG CÁO, RAO VẶT TRÁI QUY ĐỊNH',
  date: (d: string) => `Ngày lập: ${d}`,
  filter: (statuses: string, carrier: string, ward: string) => `Phạm vi: trạng thái ${statuses}; nhà mạng: ${carrier}; địa bàn: ${ward}.`,
  wardFilterNote: 'Số liệu của mỗi số gồm mọi lần phát hiện, ở mọi phường.',
  all: 'tất cả',
  linksNote: (until: string) => `Liên kết ảnh bằng chứng có hiệu lực đến hết ngày ${until}.`,
  privacyNote: 'Danh sách không chứa thông tin người phản ánh.',
  coverCarrier: 'Nhà mạng (gốc)',
  coverTotal: 'Tổng',
  columns: [
    'STT',
    'Số điện thoại',
    'Nhà mạng (gốc)',
    'Số lần phát hiện',
    'Lần đầu',
    'Lần cuối',
    'Số nơi',
    'Địa điểm',
    'Mã vụ việc',
    'Ảnh bằng chứng',
    'Trạng thái',
  ] as const,
  corrected: 'cán bộ đã sửa',
  kinds: { landline: 'Cố định', tollfree: 'Miễn cước (1800)', premium: 'Dịch vụ (1900)', mobile: 'Di động', unknown: 'Không rõ' } as Record<string, string>,
  more: (n: number) => `… và ${n} nữa`,
  statuses: {
    detected: 'Mới phát hiện',
    warned: 'Đã nhắc nhở',
    committed: 'Đã cam kết gỡ',
    suspension_proposed: 'Đề xuất tạm ngừng',
    suspension_requested: 'Đã đề nghị nhà mạng tạm ngừng',
    suspended: 'Đã tạm ngừng hai chiều',
    restored: 'Đã khôi phục',
    dismissed: 'Đã loại (không phải số quảng cáo)',
  } satisfies Record<PhoneStatus, string>,
} as const;

/** Column numbers (1-based) of a carrier sheet, for readers of the file. */
export const PHONE_COLUMNS = {
  index: 1,
  number: 2,
  carrier: 3,
  total: 4,
  firstSeen: 5,
  lastSeen: 6,
  places: 7,
  placeList: 8,
  caseCodes: 9,
  photos: 10,
  status: 11,
} as const;

/** Row of the column headers on a carrier sheet; numbers start on the next row. */
export const PHONE_HEADER_ROW = 1;

/** What to export. */
export interface PhoneExportOptions {
  /** Statuses to include. Default: every status but `dismissed` (not ad numbers). */
  status?: readonly PhoneStatus[];
  /** One carrier (`viettel`…, or `other` for landlines and unknown carriers). Default: all. */
  carrier?: string;
  /** Only numbers seen at least once in this ward (their figures still count every ward). Default: all wards. */
  wardCode?: string;
  /** Today, for the cover date and the links' expiry. */
  now: Date;
  /** Prefix of the photo links (`PUBLIC_URL`); default '' (paths only, e.g. `/media/<sha>?exp=…&sig=…`). */
  linkBase?: string;
  /** The media link secret ({@link mediaLinkSecret}). */
  mediaSecret: string;
}

/** One number's row on its carrier sheet. */
export interface PhoneExportRow {
  e164: string;
  display: string;
  kind: string;
  carrier: CarrierKey;
  /** The carrier cell: label, and whether staff corrected it. */
  carrierText: string;
  status: PhoneStatus;
  total: number;
  places: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Distinct addresses (or coordinates), each with its ward's name. */
  placeLabels: string[];
  caseCodes: string[];
  /** Absolute (or, without `linkBase`, relative) signed links, newest photo first. */
  photoLinks: string[];
}

/** Everything the workbook shows; {@link phoneExportXlsx} only lays it out. */
export interface PhoneExport {
  generatedOn: string;
  statuses: PhoneStatus[];
  carrier: CarrierKey | null;
  ward: { code: string; name: string } | null;
  linksValidUntil: string;
  /** Numbers per carrier, in {@link CARRIER_KEYS} order (carriers without numbers have an empty list). */
  byCarrier: Map<CarrierKey, PhoneExportRow[]>;
  total: number;
}

/** Refused filter: the caller names the option. */
export class PhoneExportFilterError extends Error {
  readonly code = 'ERR_PHONE_EXPORT_FILTER';
  constructor(readonly field: 'status' | 'carrier', readonly value: string) {
    super(`unknown ${field} "${value}"`);
    this.name = 'PhoneExportFilterError';
  }
}

/** The workbook's bytes: {@link collectPhoneExport} then {@link phoneExportXlsx}. */
export async function buildPhoneExport(db: Executor, options: PhoneExportOptions): Promise<Buffer> {
  return phoneExportXlsx(await collectPhoneExport(db, options));
}

/** Read the numbers and their evidence, in one read-only snapshot. */
export async function collectPhoneExport(db: Executor, options: PhoneExportOptions): Promise<PhoneExport> {
  const statuses = options.status?.length ? [...new Set(options.status)] : PHONE_STATUSES.filter((s) => s !== 'dismissed');
  for (const s of statuses) if (!PHONE_STATUSES.includes(s)) throw new PhoneExportFilterError('status', s);
  const carrier = options.carrier ?? null;
  if (carrier !== null && !CARRIER_KEYS.includes(carrier as CarrierKey)) throw new PhoneExportFilterError('carrier', carrier);
  return inReadOnlySnapshot(db, (trx) => collect(trx, options, statuses, carrier as CarrierKey | null));
}

/**
 * Run a report's queries in one read-only, repeatable-read transaction (or in the caller's), with PostgreSQL's
 * JIT off: the sightings union's row estimates are far too high (an `unnest` counts as 10 rows), so the planner
 * compiles the query for half a second to save milliseconds (measured: 580 of 760 ms at 100,000 sightings).
 */
export async function inReadOnlySnapshot<T>(db: Executor, run: (trx: Executor) => Promise<T>): Promise<T> {
  const jitOff = async (trx: Executor) => {
    const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit, set_config('jit', 'off', true)`.execute(trx);
    return rows[0].jit;
  };
  if (db.isTransaction) {
    // The caller's transaction: give its setting back afterwards.
    const previous = await jitOff(db);
    const result = await run(db);
    await sql`select set_config('jit', ${previous}, true)`.execute(db);
    return result;
  }
  return (db as Db)
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await jitOff(trx);
      return run(trx);
    });
}

interface NumberRow {
  e164: string;
  kind: string;
  carrier: string | null;
  carrier_corrected: boolean;
  status: PhoneStatus;
  total: string;
  places: string;
  first_seen: Date | null;
  last_seen: Date | null;
  codes: string[];
  place_labels: string[];
}

async function collect(db: Executor, options: PhoneExportOptions, statuses: PhoneStatus[], carrier: CarrierKey | null): Promise<PhoneExport> {
  const carrierCondition =
    carrier === null
      ? sql`true`
      : carrier === OTHER_CARRIER
        ? sql`(p.carrier is null or p.carrier <> all(${[...CARRIERS]}::text[]))`
        : sql`p.carrier = ${carrier}`;
  const wardCode = options.wardCode ?? null;
  const wardCondition = wardCode === null ? sql`true` : sql`p.e164 in (select w.e164 from (${SIGHTINGS}) w where w.ward_code = ${wardCode})`;

  // The place label: the case's written address, else the coordinates, else the case code; with the ward's name.
  const { rows } = await sql<NumberRow>`
    with picked as (
      select p.e164, p.kind, p.carrier, p.carrier_corrected, p.status
        from ad_phones p
       where p.status = any(${statuses}::text[]) and ${carrierCondition} and ${wardCondition}
    ),
    seen as (
      select s.*, coalesce(nullif(btrim(s.address_text), ''),
                           to_char(s.lat, 'FM990.00000') || ', ' || to_char(s.lng, 'FM9990.00000'),
                           s.code) || ' (' || coalesce(wd.name, s.ward_code) || ')' as place_label
        from (${SIGHTINGS}) s left join wards wd on wd.code = s.ward_code
       where s.e164 in (select e164 from picked)
    )
    select p.e164, p.kind, p.carrier, p.carrier_corrected, p.status,
           count(seen.e164) as total,
           count(distinct ${PLACE}) as places,
           min(seen.seen_at) as first_seen, max(seen.seen_at) as last_seen,
           coalesce(array_agg(distinct seen.code) filter (where seen.code is not null), '{}') as codes,
           coalesce(array_agg(distinct seen.place_label) filter (where seen.place_label is not null), '{}') as place_labels
      from picked p left join seen on seen.e164 = p.e164
     group by p.e164, p.kind, p.carrier, p.carrier_corrected, p.status
     order by count(seen.e164) desc, p.e164`.execute(db);

  const photos = await evidencePhotos(db, rows.map((r) => r.e164));
  const expires = new Date(options.now.getTime() + EXPORT_LINK_DAYS * 86_400_000);
  const linkBase = options.linkBase ?? '';

  const byCarrier = new Map<CarrierKey, PhoneExportRow[]>(CARRIER_KEYS.map((c) => [c, []]));
  for (const r of rows) {
    const key: CarrierKey = r.carrier && (CARRIERS as readonly string[]).includes(r.carrier) ? (r.carrier as Carrier) : OTHER_CARRIER;
    const parsed = normalizePhoneNumber(r.e164);
    byCarrier.get(key)!.push({
      e164: r.e164,
      display: parsed.ok ? parsed.phone.display : r.e164,
      kind: r.kind,
      carrier: key,
      carrierText: carrierText(key, r.kind, r.carrier_corrected),
      status: r.status,
      total: Number(r.total),
      places: Number(r.places),
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      placeLabels: r.place_labels,
      caseCodes: r.codes,
      photoLinks: (photos.get(r.e164) ?? []).map((sha) => `${linkBase}${signMediaPath(sha, expires, options.mediaSecret)}`),
    });
  }

  let ward: PhoneExport['ward'] = null;
  if (wardCode !== null) {
    const found = await db.selectFrom('wards').select(['code', 'name']).where('code', '=', wardCode).executeTakeFirst();
    ward = { code: wardCode, name: found?.name ?? wardCode };
  }
  return {
    generatedOn: vietnamDate(options.now),
    statuses,
    carrier,
    ward,
    linksValidUntil: vietnamDate(expires),
    byCarrier,
    total: rows.length,
  };
}

/**
 * Evidence photos of many numbers at once: the before-photos of the cases each number appears in (a report
 * attached to a case adds its photos there), newest first, {@link EXPORT_PHOTOS_PER_NUMBER} per number — what
 * the chat card shows (`phonePhotos` in the registry), in one query.
 */
async function evidencePhotos(db: Executor, e164s: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (e164s.length === 0) return result;
  const { rows } = await sql<{ e164: string; sha256: string }>`
    select e164, sha256 from (
      select cp.e164, ph.sha256, row_number() over (partition by cp.e164 order by max(ph.created_at) desc, ph.sha256) as rank
        from case_phones cp join case_photos ph on ph.case_id = cp.case_id and ph.kind = 'before'
       where cp.e164 = any(${e164s}::text[])
       group by cp.e164, ph.sha256
    ) ranked
    where rank <= ${EXPORT_PHOTOS_PER_NUMBER}
    order by e164, rank`.execute(db);
  for (const r of rows) {
    const list = result.get(r.e164) ?? [];
    list.push(r.sha256);
    result.set(r.e164, list);
  }
  return result;
}

/** A carrier's name as the sheet shows it ("Viettel", "Khác"). */
export function carrierSheetName(key: CarrierKey): string {
  return key === OTHER_CARRIER ? PHONE_SHEET_LABELS.otherSheet : carrierLabel(key);
}

function carrierText(key: CarrierKey, kind: string, corrected: boolean): string {
  const name = key === OTHER_CARRIER ? (PHONE_SHEET_LABELS.kinds[kind] ?? PHONE_SHEET_LABELS.kinds.unknown) : carrierLabel(key);
  return corrected ? `${name} (${PHONE_SHEET_LABELS.corrected})` : name;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as Vietnamese documents write dates. */
export function vietnameseDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/** A Vietnam calendar day as an Excel date (Excel dates have no time zone: midnight UTC of that day). */
function excelDay(instant: Date | null): Date | null {
  return instant ? new Date(`${vietnamDate(instant)}T00:00:00.000Z`) : null;
}

function listed(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join('; ');
  return `${items.slice(0, MAX_LISTED).join('; ')} ${PHONE_SHEET_LABELS.more(items.length - MAX_LISTED)}`;
}

/** Lay the export out: the cover, then one sheet per carrier that has numbers (or the one asked for). */
export async function phoneExportXlsx(data: PhoneExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${data.generatedOn}T00:00:00.000Z`);
  addCover(workbook, data);
  for (const [key, rows] of data.byCarrier) {
    if (rows.length > 0 || data.carrier === key) addCarrierSheet(workbook, carrierSheetName(key), rows);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addCover(workbook: ExcelJS.Workbook, data: PhoneExport) {
  const L = PHONE_SHEET_LABELS;
  const sheet = workbook.addWorksheet(L.coverSheet, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  const width = data.statuses.length + 2;
  sheet.getColumn(1).width = 22;
  for (let i = 2; i <= width; i += 1) sheet.getColumn(i).width = 16;
  const lines = [
    L.title,
    L.date(vietnameseDay(data.generatedOn)),
    L.filter(
      data.statuses.map((s) => L.statuses[s]).join(', '),
      data.carrier ? carrierSheetName(data.carrier) : L.all,
      data.ward ? `${data.ward.name} (${data.ward.code})` : L.all,
    ) + (data.ward ? ` ${L.wardFilterNote}` : ''),
    CARRIER_PORTING_NOTE,
    L.linksNote(vietnameseDay(data.linksValidUntil)),
    L.privacyNote,
  ];
  lines.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, Math.max(width, 6));
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    cell.alignment = { horizontal: i === 0 ? 'center' : 'left', wrapText: true };
  });
  const coverHeader = sheet.getRow(lines.length + 2);
  headerRow(coverHeader, [L.coverCarrier, ...data.statuses.map((s) => L.statuses[s]), L.coverTotal]);
  const columnTotals = data.statuses.map(() => 0);
  for (const [key, rows] of data.byCarrier) {
    const counts = data.statuses.map((s) => rows.filter((r) => r.status === s).length);
    counts.forEach((n, i) => (columnTotals[i] += n));
    cellBorders(sheet.addRow([carrierSheetName(key), ...counts, rows.length]), width);
  }
  const total = sheet.addRow([L.coverTotal, ...columnTotals, data.total]);
  total.font = { bold: true };
  cellBorders(total, width);
}

function addCarrierSheet(workbook: ExcelJS.Workbook, name: string, rows: readonly PhoneExportRow[]) {
  const L = PHONE_SHEET_LABELS;
  const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  [6, 16, 18, 10, 12, 12, 8, 48, 30, 60, 22].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  headerRow(sheet.getRow(PHONE_HEADER_ROW), L.columns);
  rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.display,
      r.carrierText,
      r.total,
      excelDay(r.firstSeen),
      excelDay(r.lastSeen),
      r.places,
      listed(r.placeLabels),
      listed(r.caseCodes),
      r.photoLinks.join('\n'),
      L.statuses[r.status],
    ]);
    row.getCell(PHONE_COLUMNS.firstSeen).numFmt = 'dd/mm/yyyy';
    row.getCell(PHONE_COLUMNS.lastSeen).numFmt = 'dd/mm/yyyy';
    // One cell holds one hyperlink: the first photo is clickable, all links are written out in full.
    const photos = row.getCell(PHONE_COLUMNS.photos);
    if (r.photoLinks.length > 0 && /^https?:\/\//.test(r.photoLinks[0])) {
      photos.value = { text: r.photoLinks.join('\n'), hyperlink: r.photoLinks[0] };
    }
    row.alignment = { vertical: 'top', wrapText: true };
    cellBorders(row, L.columns.length);
  });
  sheet.views = [{ state: 'frozen', ySplit: PHONE_HEADER_ROW }];
  sheet.autoFilter = { from: { row: PHONE_HEADER_ROW, column: 1 }, to: { row: PHONE_HEADER_ROW, column: L.columns.length } };
}


