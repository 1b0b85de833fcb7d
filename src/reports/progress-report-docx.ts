/**
 * The progress report as a Word document (docx), the way a ward files it: centred title block, the task table
 * (STT, Nội dung, Đơn vị chủ trì, Hạn, Tình trạng, Kết quả), then the per-unit totals table. Times New Roman
 * 13 pt, A4 landscape.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { TASK_BUCKETS } from '../domain/tasks/task-buckets.js';
import { vi } from '../messages/vi.js';
import type { ProgressReport } from './progress-report.js';

const FONT = 'Times New Roman';

/** The document's bytes. */
export async function progressReportDocx(report: ProgressReport): Promise<Buffer> {
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          centred(report.title, true),
          ...(report.subtitle ? [centred(report.subtitle, false)] : []),
          centred(report.asOf, false),
          table(vi.tasks.report.columns, report.rows.map((r) => [String(r.index), r.content, r.unit, r.due, r.status, r.progress])),
          centred(vi.tasks.report.totalsTitle, true),
          table(vi.tasks.report.totalsColumns, [
            ...report.totals.map((t) => [t.unit, String(t.total), ...TASK_BUCKETS.map((b) => String(t.counts[b]))]),
            [vi.tasks.report.total, String(report.grandTotal.total), ...TASK_BUCKETS.map((b) => String(report.grandTotal.counts[b]))],
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function centred(text: string, bold: boolean): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text, bold })] });
}

function table(headers: readonly string[], rows: string[][]): Table {
  const row = (cells: readonly string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((text) => new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...rows.map((r) => row(r, false))] });
}
