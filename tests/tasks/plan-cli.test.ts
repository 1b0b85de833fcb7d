/**
 * `plan import`, `plan report`, `plan export`, `plan import-xlsx` run as an admin would: a separate process,
 * the real database, the seed plans as files.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { REPORT_HEADER_ROW, REPORT_SHEET, TOTALS_SHEET } from '../../src/reports/progress-report-xlsx.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loadDemoOrganisation } from './support.js';
import { zipEntry } from './zip-entry.js';

const SEEDS = 'tests/fixtures/seeds';
const SEED = {
  s000: `${SEEDS}/000_139a0a79dc29d502.txt`,
  s001: `${SEEDS}/001_7386a8b22b904495.txt`,
  s003: `${SEEDS}/003_5fe923ac2530a014.txt`,
  s004: `${SEEDS}/004_0b921c7dd0a8c67b.txt`,
};

let database: TestDatabase;
let dir: string;

const cli = (...args: string[]) => runCli(database.url, args);

const taskCount = async (planId: number) =>
  Number((await database.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoOrganisation(database.db);
  dir = await mkdtemp(join(tmpdir(), 'plan-cli-'));
});
afterAll(async () => {
  await database?.drop();
});

describe('plan import', () => {
  it('--json prints exactly the proposal shape and saves nothing; the appendix rows keep Bắt đầu / Hoàn thành', async () => {
    const result = await cli('plan', 'import', SEED.s004, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['plan', 'tasks', 'unresolvedUnits', 'warnings']);
    expect(json.plan).toEqual({
      number: '40/KH-UBND',
      title: expect.stringContaining('KẾ HOẠCH HÀNH ĐỘNG THỰC HIỆN CHỦ ĐỀ NĂM 2023'),
      issuer: 'Ủy ban nhân dân thành phố',
      issuedOn: '2023-02-13',
    });
    expect(json.tasks).toHaveLength(124);
    // The first shape, in its order; issue 11 only adds collectiveUnits, confidence and evidence after it.
    expect(Object.keys(json.tasks[0])).toEqual(['ref', 'content', 'leadUnit', 'coordinatingUnits', 'timeframe', 'startOn', 'dueOn', 'recurrence', 'section', 'collectiveUnits', 'confidence', 'evidence']);
    const row = json.tasks.find((t: { content: string }) => t.content === 'Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố');
    expect(row).toMatchObject({ leadUnit: 'Sở Xây dựng', startOn: '2021-01-01', dueOn: '2023-12-31', recurrence: 'yearly' });
    // Four agencies in the Chủ trì cell: the first is proposed, so the reviewer is told to check it.
    expect(row.confidence.leadUnit.level).toBe('medium');
    expect(row.confidence.dueOn).toEqual({ level: 'high', reason: expect.stringContaining('due date from the table column') });
    expect(row.collectiveUnits).toContain('Ủy ban nhân dân các quận, huyện');
    expect(row.evidence).toEqual([expect.stringContaining('Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố | ')]);
    expect(await database.db.selectFrom('plans').select('id').execute()).toEqual([]);
  });

  it('prints a readable proposal with the units it could not match', async () => {
    const result = await cli('plan', 'import', SEED.s001);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ĐỀ XUẤT NHẬP KẾ HOẠCH (chưa lưu; thêm --commit để lưu)');
    expect(result.stdout).toContain('Nhiệm vụ (48):');
    expect(result.stdout).toContain('Chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị [KTHTDT]');
    expect(result.stdout).toMatch(/Đơn vị chưa xác định \(\d+\)[^\n]*\n(?:  - .*\n)*  - Ủy ban Mặt trận Tổ quốc Việt Nam\n/);
  });

  it('--commit saves each seed; importing again duplicates nothing; --map is remembered and applied', async () => {
    for (const file of Object.values(SEED)) expect((await cli('plan', 'import', file, '--commit')).code).toBe(0);
    const again = await cli('plan', 'import', SEED.s001, '--commit', '--map', 'Ủy ban Mặt trận Tổ quốc Việt Nam=MTTQ');
    expect(again.stdout).toContain('Đã ghi nhớ: "Ủy ban Mặt trận Tổ quốc Việt Nam" = MTTQ');
    expect(again.stdout).toContain('cùng nội dung): 0 nhiệm vụ mới, 48 nhiệm vụ được cập nhật lại');
    const plans = await database.db.selectFrom('plans').select(['id', 'number', 'source_file']).orderBy('id').execute();
    expect(plans.map((p) => p.source_file)).toEqual(['000_139a0a79dc29d502.txt', '001_7386a8b22b904495.txt', '003_5fe923ac2530a014.txt', '004_0b921c7dd0a8c67b.txt']);
    expect(await Promise.all(plans.map((p) => taskCount(p.id)))).toEqual([7, 48, 42, 124]);
    const mttq = await database.db.selectFrom('tasks').select('lead_unit_code').where('plan_id', '=', plans[1].id).where('lead_unit_name', '=', 'Ủy ban Mặt trận Tổ quốc Việt Nam').execute();
    expect(mttq.length).toBeGreaterThan(0);
    expect(mttq.every((t) => t.lead_unit_code === 'MTTQ')).toBe(true);
    const occurrences = await database.db
      .selectFrom('task_occurrences as o')
      .innerJoin('tasks as t', 't.id', 'o.task_id')
      .select(['o.period_key', 'o.due_on'])
      .where('t.content', '=', 'Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố')
      .orderBy('o.due_on')
      .execute();
    expect(occurrences.map((o) => o.due_on)).toEqual(['2023-12-31', '2024-12-31', '2025-12-31', '2026-12-31', '2027-12-31']);
    const preview = await cli('plan', 'import', SEED.s001);
    expect(preview.stdout).not.toMatch(/^  - Ủy ban Mặt trận Tổ quốc Việt Nam$/m);
  });

  it('refuses bad files with a clear message and exit code 2, no stack trace', async () => {
    const missing = await cli('plan', 'import', 'no-such-plan.txt');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('Plan file not found: no-such-plan.txt');
    const pdf = await cli('plan', 'import', 'plan.pdf');
    expect(pdf.stderr).toContain('Unsupported plan file type ".pdf"');
    const notPlan = await cli('plan', 'import', 'README.md', '--commit');
    expect(notPlan.code).toBe(2);
    expect(notPlan.stderr).toContain('no tasks found');
    const badMap = await cli('plan', 'import', SEED.s000, '--map', 'Văn phòng Sở=NOPE');
    expect(badMap.stderr).toContain('no unit with code "NOPE"');
    for (const r of [missing, pdf, notPlan, badMap]) expect(r.stderr).not.toContain('    at ');
  });
});

describe('plan report', () => {
  it('writes the xlsx report: one row per task with bucket and latest progress, and per-unit totals', async () => {
    const task = await database.db.selectFrom('tasks').select(['id']).where('content', '=', 'Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố').executeTakeFirstOrThrow();
    await database.db.insertInto('task_progress').values({ task_id: task.id, at: new Date('2026-11-20T03:00:00Z'), percent: 40, text: 'Đã nâng cấp 3 tuyến' }).execute();
    const out = join(dir, 'bao-cao.xlsx');
    const result = await cli('plan', 'report', '40/KH-UBND', '--out', out, '--date', '2026-12-01');
    expect(result.stdout).toContain('Đã ghi báo cáo 124 nhiệm vụ');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    expect(sheet.getCell(1, 1).value).toBe('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH SỐ 40/KH-UBND');
    expect((sheet.getRow(REPORT_HEADER_ROW).values as unknown[]).slice(1)).toEqual([
      'STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Tình trạng', 'Kết quả thực hiện / tiến độ',
    ]);
    expect(sheet.rowCount).toBe(REPORT_HEADER_ROW + 124);
    const rows = Array.from({ length: 124 }, (_, i) => (sheet.getRow(REPORT_HEADER_ROW + 1 + i).values as unknown[]).slice(1));
    expect(rows.find((r) => r[1] === 'Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố')).toEqual([
      expect.any(Number), 'Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố', 'Sở Xây dựng', '31/12/2023', 'Chưa hoàn thành, quá hạn', '40% – Đã nâng cấp 3 tuyến',
    ]);
    const totals = workbook.getWorksheet(TOTALS_SHEET)!;
    const last = (totals.getRow(totals.rowCount).values as unknown[]).slice(1);
    expect(last[0]).toBe('Tổng cộng');
    expect(last[1]).toBe(124);
    expect((last.slice(2) as number[]).reduce((a, b) => a + b, 0)).toBe(124);
  });

  it('writes the docx report: a valid Word file with the tasks in word/document.xml', async () => {
    const out = join(dir, 'bao-cao.docx');
    const result = await cli('plan', 'report', '1', '--out', out);
    expect(result.code).toBe(0);
    const xml = zipEntry(await readFile(out), 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH');
    expect(xml).toContain('Đăng tải các tin, bài viết phổ biến về xóa quảng cáo, rao vặt trái quy định');
    expect(xml).toContain('TỔNG HỢP THEO ĐƠN VỊ');
  });

  it('names an unknown plan and a wrong output type', async () => {
    expect((await cli('plan', 'report', '77/KH-XYZ', '--out', join(dir, 'x.xlsx'))).stderr).toContain('no plan "77/KH-XYZ"');
    expect((await cli('plan', 'report', '1', '--out', join(dir, 'x.pdf'))).stderr).toContain('--out must end in .xlsx or .docx');
  });
});

describe('tasks in Excel', () => {
  it('export, edit in Excel, import back: the edit is applied, the new row added, nothing duplicated', async () => {
    const file = join(dir, 'nhiem-vu.xlsx');
    expect((await cli('plan', 'export', '40/KH-UBND', '--out', file)).stdout).toContain('Đã xuất 124 nhiệm vụ');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Bắt đầu', 'Hạn', 'Lặp lại', 'Mục', 'Tình trạng',
    ]);
    const first = sheet.getRow(2);
    const ref = String(first.getCell(1).value);
    first.getCell(7).value = '30/06/2027';
    sheet.addRow(['MOI-1', 'Rà soát quảng cáo trên các tuyến phố chính', 'Phòng KT, HT&ĐT', 'Công an phường', 'Quý IV/2027', '', '', 'hằng năm', 'Bổ sung']);
    await workbook.xlsx.writeFile(file);

    const result = await cli('plan', 'import-xlsx', file, '--commit');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 nhiệm vụ mới, 124 nhiệm vụ được cập nhật lại');
    const plan = await database.db.selectFrom('plans').select('id').where('number', '=', '40/KH-UBND').executeTakeFirstOrThrow();
    expect(await taskCount(plan.id)).toBe(125);
    const edited = await database.db.selectFrom('tasks').select('due_on').where('plan_id', '=', plan.id).where('ref', '=', ref).executeTakeFirstOrThrow();
    expect(edited.due_on).toBe('2027-06-30');
    const added = await database.db.selectFrom('tasks').selectAll().where('plan_id', '=', plan.id).where('ref', '=', 'MOI-1').executeTakeFirstOrThrow();
    expect(added).toMatchObject({ lead_unit_code: 'KTHTDT', coordinating_unit_codes: ['CAP'], due_on: '2027-12-31', recurrence: 'yearly' });
  });

  it('refuses a file that is not a workbook', async () => {
    const result = await cli('plan', 'import-xlsx', SEED.s000);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected an .xlsx file');
  });
});
