/**
 * The department's summary: numbers found (by home ward and month of first sighting), then the enforcement
 * steps reached per month — Vietnam calendar months, distinct numbers, dismissed numbers not "found"; the text
 * table, the workbook, and the CLI verb as a separate process.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { buildPhoneSummary, phoneSummaryText, phoneSummaryXlsx } from '../../src/reports/phone-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { seedCase, seedPeople, seedSighting, seedWards, snapshot, step } from './phone-report-seed.js';

const P1 = '+84982582971'; // Lê Chân in October, then the whole road to suspension
const P2 = '+84912345678'; // Ngô Quyền, first seen 1 November 01:00 (still October in UTC), warned either side of midnight
const P3 = '+84901234567'; // Lê Chân, warned twice in one month
const P4 = '+84987000111'; // dismissed: never "found"
const P5 = '+842253831234'; // a landline seen once in September

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedWards(db);
  const { officerId } = await seedPeople(db);
  await seedCase(db, { code: 'QC-2609-0001', ward: '11383', at: '2026-09-10T10:00:00+07:00', lat: 20.85, lng: 106.68, phones: [P5] });
  await seedCase(db, { code: 'QC-2610-0001', ward: '11383', at: '2026-10-05T09:00:00+07:00', lat: 20.8561, lng: 106.6822, phones: [P1] });
  const ngoQuyen = await seedCase(db, { code: 'QC-2611-0001', ward: '11311', at: '2026-11-01T01:00:00+07:00', lat: 20.86, lng: 106.7, phones: [P2] });
  // P1 seen again in Ngô Quyền: it still belongs to Lê Chân, where it was first seen.
  await seedSighting(db, { caseId: ngoQuyen, at: '2026-11-04T09:00:00+07:00', lat: 20.861, lng: 106.701, phones: [P1] });
  await seedCase(db, { code: 'QC-2611-0002', ward: '11383', at: '2026-11-02T09:00:00+07:00', lat: 20.851, lng: 106.681, phones: [P4] });
  await seedCase(db, { code: 'QC-2611-0003', ward: '11383', at: '2026-11-12T09:00:00+07:00', lat: 20.852, lng: 106.682, phones: [P3] });

  await step(db, P1, 'warn', '2026-10-20T09:00:00+07:00', officerId);
  await step(db, P1, 'commit', '2026-10-25T09:00:00+07:00', officerId);
  await step(db, P1, 'propose_suspension', '2026-11-05T09:00:00+07:00', officerId);
  await step(db, P1, 'request_suspension', '2026-11-10T09:00:00+07:00', null, { letterNo: '125/SKHCN-HTS', letterDate: '2026-11-10', operator: 'Viettel' });
  await step(db, P1, 'confirm_suspended', '2026-11-20T09:00:00+07:00', null);
  await step(db, P2, 'warn', '2026-11-30T23:30:00+07:00', officerId);
  await step(db, P2, 'warn', '2026-12-01T00:30:00+07:00', officerId);
  await step(db, P3, 'warn', '2026-11-13T09:00:00+07:00', officerId);
  await step(db, P3, 'warn', '2026-11-14T09:00:00+07:00', officerId);
  await step(db, P4, 'dismiss', '2026-11-02T10:00:00+07:00', officerId, { note: 'số của người dân gửi nhầm' });
});

afterAll(async () => {
  await database?.drop();
});

const z = { found: 0, warned: 0, committed: 0, proposed: 0, requested: 0, suspended: 0 };
const LC = { wardCode: '11383', wardName: 'Lê Chân' };
const NQ = { wardCode: '11311', wardName: 'Ngô Quyền' };

describe('phone summary', () => {
  it('counts by home ward and Vietnam month, distinct numbers, dismissed numbers not found', async () => {
    const summary = await buildPhoneSummary(database.db);
    expect(summary.rows).toEqual([
      { ...LC, month: '2026-09', ...z, found: 1 },
      { ...LC, month: '2026-10', ...z, found: 1, warned: 1, committed: 1 },
      { ...NQ, month: '2026-11', ...z, found: 1, warned: 1 },
      { ...LC, month: '2026-11', ...z, found: 1, warned: 1, proposed: 1, requested: 1, suspended: 1 },
      { ...NQ, month: '2026-12', ...z, warned: 1 },
    ]);
    expect(summary.total).toEqual({ found: 4, warned: 4, committed: 1, proposed: 1, requested: 1, suspended: 1 });
  });

  it('keeps to the months asked for', async () => {
    const november = await buildPhoneSummary(database.db, { from: '2026-11', to: '2026-11' });
    expect(november.rows.map((r) => [r.wardCode, r.month])).toEqual([
      ['11311', '2026-11'],
      ['11383', '2026-11'],
    ]);
    expect(november.total).toEqual({ found: 2, warned: 2, committed: 0, proposed: 1, requested: 1, suspended: 1 });
    expect((await buildPhoneSummary(database.db, { from: '2026-12' })).rows).toEqual([{ ...NQ, month: '2026-12', ...z, warned: 1 }]);
    expect((await buildPhoneSummary(database.db, { to: '2026-09' })).total.found).toBe(1);
    expect((await buildPhoneSummary(database.db, { from: '2027-01' })).rows).toEqual([]);
    await expect(buildPhoneSummary(database.db, { from: '2026-13' })).rejects.toThrow(RangeError);
  });

  it('prints a compact table with a total line', async () => {
    const text = phoneSummaryText(await buildPhoneSummary(database.db, { from: '2026-11', to: '2026-11' }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Kỳ báo cáo: từ tháng 11/2026 đến tháng 11/2026');
    expect(lines[1]).toMatch(/^Phường\s+Tháng\s+Phát hiện mới\s+Nhắc nhở\s+Cam kết gỡ\s+Đề xuất tạm ngừng\s+Đề nghị nhà mạng\s+Đã tạm ngừng$/);
    expect(lines[3].split(/\s{2,}/)).toEqual(['Ngô Quyền (11311)', '2026-11', '1', '1', '0', '0', '0', '0']);
    expect(lines[4].split(/\s{2,}/)).toEqual(['Lê Chân (11383)', '2026-11', '1', '1', '0', '1', '1', '1']);
    expect(lines[6].split(/\s{2,}/)).toEqual(['Tổng', '2', '2', '0', '1', '1', '1']);
    expect(phoneSummaryText(await buildPhoneSummary(database.db, { from: '2027-01' }))).toContain('Không có số liệu trong kỳ.');
  });

  it('writes the workbook for the department', async () => {
    const bytes = await phoneSummaryXlsx(await buildPhoneSummary(database.db), new Date('2026-12-02T09:00:00+07:00'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    expect(sheet.getCell(2, 1).value).toBe('Kính gửi: Sở Khoa học và Công nghệ (Phòng Hạ tầng số và Quản lý chuyên ngành)');
    expect(sheet.getCell(4, 1).value).toBe('Ngày lập: 02/12/2026');
    const values: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n >= 7) values.push((row.values as unknown[]).slice(1));
    });
    expect(values).toEqual([
      ['Phường', 'Tháng', 'Phát hiện mới', 'Nhắc nhở', 'Cam kết gỡ', 'Đề xuất tạm ngừng', 'Đề nghị nhà mạng', 'Đã tạm ngừng'],
      ['Lê Chân (11383)', '09/2026', 1, 0, 0, 0, 0, 0],
      ['Lê Chân (11383)', '10/2026', 1, 1, 1, 0, 0, 0],
      ['Ngô Quyền (11311)', '11/2026', 1, 1, 0, 0, 0, 0],
      ['Lê Chân (11383)', '11/2026', 1, 1, 0, 1, 1, 1],
      ['Ngô Quyền (11311)', '12/2026', 0, 1, 0, 0, 0, 0],
      ['Tổng', '', 4, 4, 1, 1, 1, 1],
    ]);
  });

  it('changes nothing in the database', async () => {
    const before = await snapshot(database.db);
    await buildPhoneSummary(database.db);
    expect(await snapshot(database.db)).toEqual(before);
  });
});

describe('npm run cli -- phones summary', () => {
  const cli = (args: string[]) => runCli(database.url, args);

  it('prints the table, or JSON, and writes the workbook', async () => {
    const table = await cli(['phones', 'summary', '--from', '2026-10', '--to', '2026-11']);
    expect(table.stderr).toBe('');
    expect(table.stdout).toContain('Kỳ báo cáo: từ tháng 10/2026 đến tháng 11/2026');
    expect(table.stdout).toMatch(/Lê Chân \(11383\)\s+2026-10\s+1\s+1\s+1\s+0\s+0\s+0/);
    const out = join(await mkdtemp(join(tmpdir(), 'phones-summary-')), 'tong-hop.xlsx');
    const json = await cli(['phones', 'summary', '--json', '--out', out]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).total).toEqual({ found: 4, warned: 4, committed: 1, proposed: 1, requested: 1, suspended: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('Tổng hợp')).toBeDefined();
  }, 90_000);

  it('names the option at fault', async () => {
    const [month, order, out] = await Promise.all([
      cli(['phones', 'summary', '--from', '11/2026']),
      cli(['phones', 'summary', '--from', '2026-12', '--to', '2026-11']),
      cli(['phones', 'summary', '--out', 'x.docx']),
    ]);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('--from must be a month written YYYY-MM (got "11/2026")');
    expect(order.stderr).toContain('--from (2026-12) is after --to (2026-11)');
    expect(out.stderr).toContain('--out must end in .xlsx');
  }, 60_000);
});
