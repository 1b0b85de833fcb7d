/** Reading a task workbook written by people (not by `plan export`), and the digest's length cap. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createUnitMatcher } from '../../src/domain/plans/unit-matching.js';
import { composeDigest } from '../../src/features/tasks/task-digest.js';
import { readTasksXlsx, TaskSheetError } from '../../src/reports/task-sheet.js';

const matcher = createUnitMatcher([
  { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', aliases: ['Phòng KT, HT&ĐT'] },
  { code: 'CAP', name: 'Công an phường' },
]);

async function workbook(rows: unknown[][], header = ['Mã', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Bắt đầu', 'Hạn', 'Lặp lại']) {
  const book = new ExcelJS.Workbook();
  const plan = book.addWorksheet('Kế hoạch');
  plan.addRows([['Số ký hiệu', '15/KH-UBND'], ['Trích yếu', 'Xóa quảng cáo rao vặt năm 2027'], ['Cơ quan ban hành', 'UBND phường Lê Chân'], ['Ngày ban hành', new Date('2027-01-05T00:00:00Z')]]);
  const sheet = book.addWorksheet('Nhiệm vụ');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a task workbook kept by hand', () => {
  it('reads dates as Excel dates or typed, time expressions, recurrence in words, units by name or abbreviation', async () => {
    const bytes = await workbook([
      ['1', 'Ra quân xóa quảng cáo trên cột điện', 'Phòng KT, HT&ĐT', 'Công an phường; Đoàn Thanh niên', '', new Date('2027-02-01T00:00:00Z'), new Date('2027-03-31T00:00:00Z'), ''],
      ['2', 'Báo cáo kết quả', 'Công an phường', '', 'Quý II/2027', '', '', 'hằng quý'],
      ['', 'Tuyên truyền trên loa phường', 'Phòng Văn hóa', '', 'thường xuyên', '', '', ''],
      ['4', 'Tổng kết', 'Phòng KT, HT&ĐT', '', '', '', '31/12/2027', 'không'],
      ['5', '', '', '', '', '', '', ''],
    ]);
    const proposal = await readTasksXlsx(bytes, matcher);
    expect(proposal.plan).toEqual({ number: '15/KH-UBND', title: 'Xóa quảng cáo rao vặt năm 2027', issuer: 'UBND phường Lê Chân', issuedOn: '2027-01-05' });
    expect(proposal.tasks.map((t) => [t.ref, t.leadUnitCode, t.startOn, t.dueOn, t.recurrence])).toEqual([
      ['1', 'KTHTDT', '2027-02-01', '2027-03-31', 'none'],
      ['2', 'CAP', '2027-04-01', '2027-06-30', 'quarterly'],
      ['R4', null, null, null, 'continuous'],
      ['4', 'KTHTDT', null, '2027-12-31', 'none'],
    ]);
    expect(proposal.tasks[0].coordinatingUnits).toEqual(['Công an phường', 'Đoàn Thanh niên']);
    expect(proposal.tasks[0].coordinatingUnitCodes).toEqual(['CAP', null]);
    expect(proposal.unresolvedUnits).toEqual(['Đoàn Thanh niên', 'Phòng Văn hóa']);
  });

  it('says what is wrong with a sheet it cannot read', async () => {
    await expect(readTasksXlsx(Buffer.from('not a workbook'))).rejects.toThrow(TaskSheetError);
    await expect(readTasksXlsx(await workbook([['x']], ['Cột A', 'Cột B']))).rejects.toThrow(/column names/);
  });
});

describe('the digest', () => {
  it('shows at most 15 task lines, the most urgent first, and counts the rest', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      kind: i < 2 ? ('overdue' as const) : ('before' as const),
      unit: null,
      content: `Nhiệm vụ ${i + 1}`,
      dueOn: '2027-03-31',
      workingDays: i < 2 ? 2 : 3,
    }));
    const { text, choices } = composeDigest('2027-03-26', items.reverse(), false);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Nhắc việc ngày 26/03/2027 (20 nhiệm vụ):');
    expect(lines[1]).toBe('Quá hạn:');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(15);
    expect(text).toContain('… và 5 nhiệm vụ khác');
    expect(choices!.map((c) => c.label)).toEqual(['Xem nhiệm vụ', 'Nhắc lại sau 2 ngày']);
  });
});
