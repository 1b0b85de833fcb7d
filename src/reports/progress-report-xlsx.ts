/**
 * The progress report as an Excel workbook (exceljs): sheet "Báo cáo" with the title block and one row per
 * task, sheet "Tổng hợp" with the per-unit totals. Wrapped text, frozen header, A4 landscape.
 */
import ExcelJS from 'exceljs';
import { cellBorders, headerRow } from './sheet-style.js';
import { TASK_BUCKETS } from '../domain/tasks/task-buckets.js';
import { vi } from '../messages/vi.js';
import type { ProgressReport } from './progress-report.js';

/** Sheet names, for readers of the file (tests, people's macros): the task table… */
export const REPORT_SHEET = 'Báo cáo';
/** …and the per-unit totals. */
export const TOTALS_SHEET = 'Tổng hợp';

/** Row number of the task table's header on {@link REPORT_SHEET} (after the title block). */
export const REPORT_HEADER_ROW = 4;

/** The workbook's bytes. */
export async function progressReportXlsx(report: ProgressReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addTaskSheet(workbook, report);
  addTotalsSheet(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTaskSheet(workbook: ExcelJS.Workbook, report: ProgressReport) {
  const sheet = workbook.addWorksheet(REPORT_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1 } });
  const widths = [6, 60, 28, 14, 26, 50];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  title(sheet, 1, report.title, true);
  title(sheet, 2, report.subtitle ?? '', false);
  title(sheet, 3, report.asOf, false);
  headerRow(sheet.getRow(REPORT_HEADER_ROW), vi.tasks.report.columns);
  for (const r of report.rows) {
    const row = sheet.addRow([r.index, r.content, r.unit, r.due, r.status, r.progress]);
    row.alignment = { vertical: 'top', wrapText: true };
    cellBorders(row, widths.length);
  }
  sheet.views = [{ state: 'frozen', ySplit: REPORT_HEADER_ROW }];
}

function addTotalsSheet(workbook: ExcelJS.Workbook, report: ProgressReport) {
  const sheet = workbook.addWorksheet(TOTALS_SHEET);
  [40, 10, 16, 16, 18, 18].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  title(sheet, 1, vi.tasks.report.totalsTitle, true);
  headerRow(sheet.getRow(2), vi.tasks.report.totalsColumns);
  for (const t of report.totals) cellBorders(sheet.addRow([t.unit, t.total, ...TASK_BUCKETS.map((b) => t.counts[b])]), 6);
  const total = sheet.addRow([vi.tasks.report.total, report.grandTotal.total, ...TASK_BUCKETS.map((b) => report.grandTotal.counts[b])]);
  total.font = { bold: true };
  cellBorders(total, 6);
}

function title(sheet: ExcelJS.Worksheet, row: number, text: string, bold: boolean) {
  sheet.mergeCells(row, 1, row, 6);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold, size: bold ? 13 : 11 };
  cell.alignment = { horizontal: 'center', wrapText: true };
}


