/**
 * The operators' list: built from real tables, read back with exceljs, every column checked; the cover's totals;
 * one sheet per carrier; no trace of the reporter anywhere in the file; exporting changes nothing; and the CLI
 * verb run as a separate process.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { phoneCard } from '../../db/repositories/ad-phones.js';
import { CARRIER_PORTING_NOTE } from '../../src/domain/phone-numbers.js';
import { signMediaPath, verifyMediaLink } from '../../src/media/signed-links.js';
import { PHONE_COLUMNS, PHONE_SHEET_LABELS, PhoneExportFilterError, buildPhoneExport, collectPhoneExport } from '../../src/reports/phone-export.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { RESIDENT, seedCase, seedPeople, seedSighting, seedWards, sha, snapshot, step, zipTexts } from './phone-report-seed.js';

const SECRET = 'test-media-secret-0123456789abcdef';
const BASE = 'https://phuong.example.vn';
const NOW = new Date('2026-11-22T10:00:00+07:00');
const EXPIRES = new Date(NOW.getTime() + 90 * 86_400_000);

const A = '+84982582971'; // Viettel: two cases in two wards, two sightings, four photos
const B = '+84912345678'; // VinaPhone by prefix, corrected to MobiFone by staff; a case without address or coordinates
const C = '+842253831234'; // a Hải Phòng landline
const D = '+84901234567'; // MobiFone, only warned
const E = '+84987000111'; // dismissed: a resident's own number shared by mistake

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedWards(db);
  const { officerId } = await seedPeople(db);
  const a1 = await seedCase(db, {
    code: 'QC-2610-0001',
    ward: '11383',
    at: '2026-10-05T09:00:00+07:00',
    lat: 20.8561,
    lng: 106.6822,
    address: '12 Tô Hiệu',
    phones: [A],
    photos: [{ name: 'a1', at: '2026-10-05T09:00:00+07:00' }],
  });
  await seedCase(db, {
    code: 'QC-2611-0007',
    ward: '11311',
    // 01:00 in Vietnam is still 2 November in UTC: the sheet must say 03/11/2026.
    at: '2026-11-03T01:00:00+07:00',
    lat: 20.86,
    lng: 106.7,
    address: '5 Lạch Tray',
    phones: [A],
    photos: [
      { name: 'a2', at: '2026-11-03T01:00:00+07:00' },
      { name: 'a3', at: '2026-11-03T01:01:00+07:00' },
    ],
  });
  await seedSighting(db, { caseId: a1, at: '2026-11-15T16:30:00+07:00', lat: 20.87, lng: 106.69, photo: 'a4', phones: [A] });
  await seedSighting(db, { caseId: a1, at: '2026-11-20T08:00:00+07:00', phones: [A] });
  // Seen again at the same place without the number: not a sighting of A.
  await seedSighting(db, { caseId: a1, at: '2026-11-21T08:00:00+07:00', lat: 20.8561, lng: 106.6822, phones: [] });
  await step(db, A, 'warn', '2026-10-20T09:00:00+07:00', officerId, { note: 'đã gọi điện' });
  await step(db, A, 'propose_suspension', '2026-11-16T09:00:00+07:00', officerId);

  await seedCase(db, { code: 'QC-2611-0010', ward: '11383', at: '2026-11-10T10:00:00+07:00', phones: [B, D], photos: [{ name: 'b1', at: '2026-11-10T10:00:00+07:00' }] });
  await step(db, B, 'propose_suspension', '2026-11-12T09:00:00+07:00', officerId);
  await db.updateTable('ad_phones').set({ carrier: 'mobifone', carrier_corrected: true }).where('e164', '=', B).execute();
  await step(db, D, 'warn', '2026-11-12T09:00:00+07:00', officerId);

  await seedCase(db, { code: 'QC-2611-0011', ward: '11311', at: '2026-11-11T10:00:00+07:00', lat: 20.85, lng: 106.7, phones: [C] });
  await step(db, C, 'propose_suspension', '2026-11-12T09:00:00+07:00', officerId);

  await seedCase(db, { code: 'QC-2611-0012', ward: '11383', at: '2026-11-12T10:00:00+07:00', lat: 20.851, lng: 106.681, address: '3 Hàng Kênh', phones: [E] });
  await step(db, E, 'dismiss', '2026-11-12T11:00:00+07:00', officerId, { note: 'số của người dân gửi nhầm' });
});

afterAll(async () => {
  await database?.drop();
});

async function exportOf(options: Partial<Parameters<typeof buildPhoneExport>[1]> = {}) {
  const bytes = await buildPhoneExport(database.db, { now: NOW, linkBase: BASE, mediaSecret: SECRET, ...options });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return { bytes, workbook };
}

/** A sheet's data rows (after the header) as arrays of cell values, column 1 first. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: PHONE_SHEET_LABELS.columns.length }, (_, i) => row.getCell(i + 1).value));
  });
  return rows;
}

function coverRow(sheet: ExcelJS.Worksheet, first: string): unknown[] {
  let found: unknown[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(1).value === first) found = (row.values as unknown[]).slice(1);
  });
  return found;
}

const link = (name: string) => `${BASE}${signMediaPath(sha(name), EXPIRES, SECRET)}`;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('phones export (suspension_proposed)', () => {
  it('writes a cover and one sheet per carrier that has numbers', async () => {
    const { workbook } = await exportOf({ status: ['suspension_proposed'] });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Viettel', 'MobiFone', 'Khác']);
    for (const sheet of workbook.worksheets.slice(1)) {
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PHONE_SHEET_LABELS.columns]);
    }
  });

  it('fills every column of a number seen in two wards, with the newest three photos as signed links', async () => {
    const { workbook } = await exportOf({ status: ['suspension_proposed'] });
    const rows = rowsOf(workbook.getWorksheet('Viettel')!);
    expect(rows).toHaveLength(1);
    const photos = [link('a4'), link('a3'), link('a2')];
    expect(rows[0]).toEqual([
      1,
      '0982 582 971',
      'Viettel',
      4, // two cases + two sightings
      day('2026-10-05'),
      day('2026-11-20'),
      3, // case 1's place (twice: the second sighting has no coordinates), case 2's, the first sighting's
      '12 Tô Hiệu (Lê Chân); 5 Lạch Tray (Ngô Quyền)',
      'QC-2610-0001; QC-2611-0007',
      { text: photos.join('\n'), hyperlink: photos[0] },
      'Đề xuất tạm ngừng',
    ]);
    for (const url of photos) {
      const parsed = new URL(url);
      const id = parsed.pathname.split('/').pop()!;
      expect(verifyMediaLink(id, parsed.searchParams.get('exp'), parsed.searchParams.get('sig'), SECRET, NOW)).toBe(true);
      expect(verifyMediaLink(id, parsed.searchParams.get('exp'), parsed.searchParams.get('sig'), SECRET, new Date(EXPIRES.getTime() + 1000))).toBe(false);
    }
    expect(workbook.getWorksheet('Viettel')!.getRow(2).getCell(PHONE_COLUMNS.firstSeen).numFmt).toBe('dd/mm/yyyy');
  });

  it('agrees with the number card of the chat', async () => {
    const card = await phoneCard(database.db, A, NOW);
    const data = await collectPhoneExport(database.db, { status: ['suspension_proposed'], now: NOW, mediaSecret: SECRET });
    const row = data.byCarrier.get('viettel')![0];
    expect({ total: row.total, places: row.places, first: row.firstSeen, last: row.lastSeen, codes: row.caseCodes }).toEqual({
      total: card!.total,
      places: card!.places,
      first: card!.firstSeen,
      last: card!.lastSeen,
      codes: card!.caseCodes,
    });
  });

  it('puts a corrected carrier on its corrected sheet, and a landline on "Khác"; places without address are named', async () => {
    const { workbook } = await exportOf({ status: ['suspension_proposed'] });
    expect(rowsOf(workbook.getWorksheet('MobiFone')!)).toEqual([
      [1, '0912 345 678', 'MobiFone (cán bộ đã sửa)', 1, day('2026-11-10'), day('2026-11-10'), 1, 'QC-2611-0010 (Lê Chân)', 'QC-2611-0010', { text: link('b1'), hyperlink: link('b1') }, 'Đề xuất tạm ngừng'],
    ]);
    expect(rowsOf(workbook.getWorksheet('Khác')!)).toEqual([
      [1, '0225 383 1234', 'Cố định', 1, day('2026-11-11'), day('2026-11-11'), 1, '20.85000, 106.70000 (Ngô Quyền)', 'QC-2611-0011', '', 'Đề xuất tạm ngừng'],
    ]);
  });

  it('has the totals by carrier and status, the date, the filter and the porting note on the cover', async () => {
    const { workbook } = await exportOf({ status: ['suspension_proposed'] });
    const cover = workbook.getWorksheet('Tổng hợp')!;
    const texts = [1, 2, 3, 4, 5, 6].map((r) => String(cover.getCell(r, 1).value));
    expect(texts[1]).toBe('Ngày lập: 22/11/2026');
    expect(texts[2]).toBe('Phạm vi: trạng thái Đề xuất tạm ngừng; nhà mạng: tất cả; địa bàn: tất cả.');
    expect(texts).toContain(CARRIER_PORTING_NOTE);
    expect(texts).toContain('Liên kết ảnh bằng chứng có hiệu lực đến hết ngày 20/02/2027.');
    expect(coverRow(cover, 'Nhà mạng (gốc)')).toEqual(['Nhà mạng (gốc)', 'Đề xuất tạm ngừng', 'Tổng']);
    expect(coverRow(cover, 'Viettel')).toEqual(['Viettel', 1, 1]);
    expect(coverRow(cover, 'VinaPhone')).toEqual(['VinaPhone', 0, 0]);
    expect(coverRow(cover, 'MobiFone')).toEqual(['MobiFone', 1, 1]);
    expect(coverRow(cover, 'Khác')).toEqual(['Khác', 1, 1]);
    expect(coverRow(cover, 'Tổng')).toEqual(['Tổng', 3, 3]);
  });

  it('never names the reporter, anywhere in the file', async () => {
    for (const options of [{ status: ['suspension_proposed' as const] }, {}]) {
      const { bytes } = await exportOf(options);
      const everything = zipTexts(bytes);
      expect(everything).toContain('0982 582 971');
      for (const secret of [RESIDENT.name, RESIDENT.phone, RESIDENT.phone.replace(/ /g, ''), '+84977111222', RESIDENT.zaloId, String(RESIDENT.id), 'Phạm Văn Cán Bộ', 'Tờ rơi khoan', 'Lại thấy']) {
        expect(everything).not.toContain(secret);
      }
    }
  });
});

describe('phones export filters', () => {
  it('by default lists every status but dismissed, with a status column per status on the cover', async () => {
    const { workbook } = await exportOf();
    const mobifone = rowsOf(workbook.getWorksheet('MobiFone')!);
    expect(mobifone.map((r) => [r[1], r[10]])).toEqual([
      ['0901 234 567', 'Đã nhắc nhở'],
      ['0912 345 678', 'Đề xuất tạm ngừng'],
    ]);
    const all = workbook.worksheets.flatMap((s) => (s.name === 'Tổng hợp' ? [] : rowsOf(s).map((r) => r[1])));
    expect(all).not.toContain('0987 000 111');
    const cover = workbook.getWorksheet('Tổng hợp')!;
    const head = coverRow(cover, 'Nhà mạng (gốc)');
    expect(head).toHaveLength(9); // carrier + 7 statuses + total
    const mobifoneTotals = coverRow(cover, 'MobiFone');
    expect(mobifoneTotals[head.indexOf('Đã nhắc nhở')]).toBe(1);
    expect(mobifoneTotals[head.indexOf('Tổng')]).toBe(2);
    expect(coverRow(cover, 'Tổng').at(-1)).toBe(4);
  });

  it('by carrier (an empty carrier still gets its sheet) and by ward (figures still count every ward)', async () => {
    expect((await exportOf({ status: ['suspension_proposed'], carrier: 'viettel' })).workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Viettel']);
    expect((await exportOf({ status: ['suspension_proposed'], carrier: 'other' })).workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Khác']);
    const vina = await exportOf({ status: ['suspension_proposed'], carrier: 'vinaphone' });
    expect(vina.workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'VinaPhone']);
    expect(rowsOf(vina.workbook.getWorksheet('VinaPhone')!)).toEqual([]);

    const ward = await exportOf({ status: ['suspension_proposed'], wardCode: '11311' });
    expect(ward.workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Viettel', 'Khác']);
    expect(rowsOf(ward.workbook.getWorksheet('Viettel')!)[0][3]).toBe(4);
    expect(String(ward.workbook.getWorksheet('Tổng hợp')!.getCell(3, 1).value)).toContain('địa bàn: Ngô Quyền (11311)');
  });

  it('refuses an unknown status or carrier', async () => {
    await expect(collectPhoneExport(database.db, { status: ['proposed' as never], now: NOW, mediaSecret: SECRET })).rejects.toBeInstanceOf(PhoneExportFilterError);
    await expect(collectPhoneExport(database.db, { carrier: 'fpt', now: NOW, mediaSecret: SECRET })).rejects.toMatchObject({ field: 'carrier' });
  });

  it('also runs inside a caller\'s transaction, and gives back its JIT setting', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local jit = on`.execute(trx);
      const data = await collectPhoneExport(trx, { status: ['suspension_proposed'], now: NOW, mediaSecret: SECRET });
      expect(data.total).toBe(3);
      const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(trx);
      expect(rows[0].jit).toBe('on');
    });
  });

  it('changes nothing in the database, however often it runs', async () => {
    const before = await snapshot(database.db);
    await exportOf({ status: ['suspension_proposed'] });
    await exportOf();
    expect(await snapshot(database.db)).toEqual(before);
  });
});

describe('npm run cli -- phones export', () => {
  const cli = (args: string[]) =>
    runCli(database.url, args, { PUBLIC_URL: BASE, MEDIA_LINK_SECRET: SECRET, TELEGRAM_BOT_TOKEN: '' });

  it('writes the workbook and prints one line per export, twice with the same tables', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phones-'));
    const out = join(dir, 'de-xuat.xlsx');
    const before = await snapshot(database.db);
    const result = await cli(['phones', 'export', '--status', 'suspension_proposed', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Wrote ${out}: 3 number(s) — Viettel 1, MobiFone 1, Khác 1; statuses: suspension_proposed.`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Viettel', 'MobiFone', 'Khác']);
    const photos = workbook.getWorksheet('Viettel')!.getRow(2).getCell(PHONE_COLUMNS.photos).value as { hyperlink: string };
    expect(photos.hyperlink).toMatch(new RegExp(`^${BASE}/media/${sha('a4')}\\?exp=\\d+&sig=`));

    const again = await cli(['phones', 'export', '--status', 'suspension_proposed', '--status', 'warned', '--carrier', 'mobifone', '--ward', '11383', '--out', out]);
    expect(again.stdout.trim()).toBe(`Wrote ${out}: 2 number(s) — MobiFone 2; statuses: suspension_proposed, warned.`);
    expect(await snapshot(database.db)).toEqual(before);
  }, 90_000);

  it('names the option at fault and lists the valid values, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phones-'));
    const out = join(dir, 'x.xlsx');
    const [status, carrier, csv, ward, help] = await Promise.all([
      cli(['phones', 'export', '--status', 'proposed', '--out', out]),
      cli(['phones', 'export', '--carrier', 'fpt', '--out', out]),
      cli(['phones', 'export', '--out', join(dir, 'x.csv')]),
      cli(['phones', 'export', '--ward', '99999', '--out', out]),
      cli(['phones', 'export', '--help']),
    ]);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status: unknown status "proposed"; valid: detected, warned, committed, suspension_proposed, suspension_requested, suspended, restored, dismissed');
    expect(status.stderr).not.toContain('    at ');
    expect(carrier.code).toBe(2);
    expect(carrier.stderr).toContain('--carrier: unknown carrier "fpt"; valid: viettel, vinaphone, mobifone, vietnamobile, gmobile, itelecom, reddi, other');
    expect(csv.stderr).toContain('--out must end in .xlsx');
    expect(ward.stderr).toContain('--ward: no ward with code "99999"');
    expect(help.stdout).toContain('Usage: npm run cli -- phones export');
    await expect(stat(out)).rejects.toThrow();
  }, 90_000);
});
