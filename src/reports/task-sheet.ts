/**
 * Tasks as a spreadsheet, for people who keep plans in Excel: `plan export` writes a workbook with a
 * "Kế hoạch" sheet (số ký hiệu, trích yếu, cơ quan ban hành, ngày ban hành) and a "Nhiệm vụ" sheet (one row
 * per task); `plan import-xlsx` reads the same layout back into a proposal, so a plan can be edited in Excel and
 * re-imported (tasks are matched by their "Mã").
 *
 * Reading accepts what people type: real Excel dates or "31/12/2026" in Bắt đầu / Hạn, or a time expression
 * ("Quý IV/2026") there or in Thời gian thực hiện; Lặp lại as a code (`yearly`) or in words ("hằng năm").
 */
import ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { PlanTable, TaskTable } from '../../db/schema.js';
import { isoDate } from '../domain/plans/plan-dates.js';
import { RECURRENCES, type PlanProposal, type Recurrence, type TaskProposal, type UnitMatcher } from '../domain/plans/plan-types.js';
import { parseTimeframe } from '../domain/plans/time-expressions.js';
import { splitUnitNames } from '../domain/plans/unit-matching.js';
import { foldText } from '../domain/text-folding.js';
import { vi } from '../messages/vi.js';

/** Thrown when a workbook is not a task sheet we can read; the message says what is missing. */
export class TaskSheetError extends Error {
  readonly code = 'ERR_TASK_SHEET';
  constructor(message: string) {
    super(message);
    this.name = 'TaskSheetError';
  }
}

/** The workbook of a plan's tasks; `statuses` maps task id to the label shown in the last column. */
export async function exportTasksXlsx(
  plan: Pick<Selectable<PlanTable>, 'number' | 'title' | 'issuer' | 'issued_on'>,
  tasks: readonly Selectable<TaskTable>[],
  statuses: ReadonlyMap<number, string>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const planSheet = workbook.addWorksheet(vi.tasks.sheet.planSheet);
  planSheet.getColumn(1).width = 20;
  planSheet.getColumn(2).width = 90;
  const [number, title, issuer, issued] = vi.tasks.sheet.planFields;
  planSheet.addRows([[number, plan.number ?? ''], [title, plan.title ?? ''], [issuer, plan.issuer ?? ''], [issued, plan.issued_on ? excelDate(plan.issued_on) : '']]);
  planSheet.getCell(4, 2).numFmt = 'dd/mm/yyyy';
  const sheet = workbook.addWorksheet(vi.tasks.sheet.name);
  sheet.columns = vi.tasks.sheet.columns.map((header, i) => ({ header, width: [10, 60, 28, 28, 24, 12, 12, 12, 30, 24][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const t of tasks) {
    const row = sheet.addRow([
      t.ref, t.content, t.lead_unit_name ?? '', t.coordinating_unit_names.join('; '), t.timeframe ?? '',
      t.start_on ? excelDate(t.start_on) : '', t.due_on ? excelDate(t.due_on) : '', t.recurrence, t.section, statuses.get(t.id) ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(6).numFmt = 'dd/mm/yyyy';
    row.getCell(7).numFmt = 'dd/mm/yyyy';
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Read a task workbook into a proposal (unit names matched with `matcher`). Throws {@link TaskSheetError}. */
export async function readTasksXlsx(bytes: Buffer, matcher?: UnitMatcher): Promise<PlanProposal> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new TaskSheetError('not a readable .xlsx workbook');
  }
  const sheet = workbook.getWorksheet(vi.tasks.sheet.name) ?? workbook.worksheets.find((w) => w.name !== vi.tasks.sheet.planSheet);
  if (!sheet) throw new TaskSheetError(`no sheet "${vi.tasks.sheet.name}"`);
  const columns = headerColumns(sheet);
  const warnings: string[] = [];
  const unresolved = new Map<string, string>();
  const codeOf = (name: string) => {
    const code = matcher?.match(name)?.code ?? null;
    if (code === null && !unresolved.has(foldText(name))) unresolved.set(foldText(name), name);
    return code;
  };
  const tasks: TaskProposal[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const value = (i: number) => (columns[i] > 0 ? row.getCell(columns[i]).value : null);
    const task = rowTask(value, n, warnings, codeOf);
    if (task) tasks.push(task);
  });
  if (tasks.length === 0) warnings.push('no task rows found');
  return { plan: readPlanSheet(workbook), tasks, unresolvedUnits: [...unresolved.values()], warnings };
}

/** Column index (1-based) of each expected header, by position in `vi.tasks.sheet.columns`. */
function headerColumns(sheet: ExcelJS.Worksheet): number[] {
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((c, i) => found.set(foldText(cellText(c.value)), i));
  const expected = vi.tasks.sheet.columns;
  const columns = expected.map((h) => found.get(foldText(h)) ?? 0);
  const missing = expected.filter((h, i) => columns[i] === 0 && i < 7);
  if (columns[1] === 0) throw new TaskSheetError(`the first row must hold the column names; missing: ${missing.join(', ')}`);
  return columns;
}

function rowTask(
  value: (i: number) => ExcelJS.CellValue,
  n: number,
  warnings: string[],
  codeOf: (name: string) => string | null,
): TaskProposal | null {
  const cell = (i: number) => cellText(value(i));
  const content = cell(1);
  if (content === '') return null;
  const ref = cell(0) || `R${n}`;
  const timeframe = cell(4) || null;
  const typedDue = cellDate(value(6));
  const reading = parseTimeframe(timeframe ?? (typedDue ? '' : cell(6)));
  const startOn = cellDate(value(5)) ?? reading.startOn;
  const dueOn = typedDue ?? (cell(6) ? parseTimeframe(cell(6)).dueOn : null) ?? reading.dueOn;
  const recurrence = readRecurrence(cell(7)) ?? reading.recurrence;
  if (dueOn === null && recurrence !== 'continuous') warnings.push(`${ref} (row ${n}): no due date`);
  const lead = cell(2) || null;
  const coordinating = cell(3).includes(';') ? cell(3).split(';').map((n) => n.trim()).filter(Boolean) : cell(3) ? splitUnitNames(cell(3)) : [];
  return {
    ref, content, leadUnit: lead, leadUnitCode: lead ? codeOf(lead) : null, coordinatingUnits: coordinating,
    coordinatingUnitCodes: coordinating.map(codeOf), timeframe, startOn, dueOn, recurrence, section: cell(8), family: 'labelled-block',
  };
}

function readPlanSheet(workbook: ExcelJS.Workbook): PlanProposal['plan'] {
  const sheet = workbook.getWorksheet(vi.tasks.sheet.planSheet);
  const values = new Map<string, ExcelJS.CellValue>();
  sheet?.eachRow((row) => values.set(foldText(cellText(row.getCell(1).value)), row.getCell(2).value));
  const [number, title, issuer, issued] = vi.tasks.sheet.planFields.map((f) => values.get(foldText(f)) ?? null);
  return { number: cellText(number) || null, title: cellText(title) || null, issuer: cellText(issuer) || null, issuedOn: cellDate(issued) };
}

const RECURRENCE_WORDS: [RegExp, Recurrence][] = [
  [/thuong xuyen|lien tuc/, 'continuous'],
  [/hang thang|moi thang/, 'monthly'],
  [/hang quy|moi quy/, 'quarterly'],
  [/6 thang|sau thang|nua nam/, 'half_yearly'],
  [/hang nam|moi nam/, 'yearly'],
  [/khong|mot lan/, 'none'],
];

function readRecurrence(text: string): Recurrence | null {
  if ((RECURRENCES as readonly string[]).includes(text)) return text as Recurrence;
  const folded = foldText(text);
  return RECURRENCE_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
}

/** Plain text of a cell, whatever Excel stored (rich text, formula result, hyperlink, number). */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** An ISO date from an Excel date, "31/12/2026" or "2026-12-31"; null otherwise. */
function cellDate(value: ExcelJS.CellValue | undefined): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = cellText(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return dmy ? isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : null;
}

/** An ISO day as the Date exceljs writes as that calendar day (UTC midnight). */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
