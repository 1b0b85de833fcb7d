/**
 * `plan report <plan> --out file.xlsx|.docx`: the progress report in the usual government layout, and
 * `plan export <plan> --out file.xlsx`: the plan's tasks as an editable spreadsheet (read back by
 * `plan import-xlsx`). `<plan>` is the plan's number ("40/KH-UBND") or its id.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/database.js';
import { loadWorkingCalendar, seedHolidays } from '../../db/repositories/holidays.js';
import { findPlan } from '../../db/repositories/plans.js';
import { tasksWithOccurrences } from '../../db/repositories/tasks-report.js';
import { isoDate } from '../domain/plans/plan-dates.js';
import { vietnamDate } from '../domain/working-calendar.js';
import { vi } from '../messages/vi.js';
import { buildProgressReport } from '../reports/progress-report.js';
import { progressReportDocx } from '../reports/progress-report-docx.js';
import { progressReportXlsx } from '../reports/progress-report-xlsx.js';
import { taskStatuses } from '../reports/task-status.js';
import { exportTasksXlsx } from '../reports/task-sheet.js';
import { CliError, withDatabase } from './cli-context.js';

/** `plan report --help`. */
export const planReportHelp = `Usage: npm run cli -- plan report <plan number or id> --out <file.xlsx|file.docx> [--date YYYY-MM-DD]

Writes the progress report: per task its content, lead unit, due date, status (hoàn thành đúng hạn /
hoàn thành quá hạn / chưa hoàn thành trong hạn / chưa hoàn thành quá hạn) and latest progress, then the
totals per unit. --date reports as of that day (default: today, Vietnam time).
Example: npm run cli -- plan report 40/KH-UBND --out bao-cao.docx`;

/** `plan export --help`. */
export const planExportHelp = `Usage: npm run cli -- plan export <plan number or id> --out <file.xlsx>

Writes the plan's tasks as a spreadsheet to edit in Excel; "plan import-xlsx" reads it back
(tasks are matched by their "Mã", nothing is duplicated).`;

/** `plan report`. */
export async function planReport(args: string[]): Promise<string> {
  const { plan, out, date } = readArgs(args, planReportHelp, ['.xlsx', '.docx']);
  return withDatabase(async (db) => {
    const found = await planOrFail(db, plan);
    const calendar = await calendarOf(db);
    const report = await buildProgressReport(db, found, date ?? vietnamDate(new Date()), calendar);
    await writeOut(out, extname(out).toLowerCase() === '.docx' ? await progressReportDocx(report) : await progressReportXlsx(report));
    return vi.tasks.cli.reportWritten(out, report.rows.length);
  });
}

/** `plan export`. */
export async function planExport(args: string[]): Promise<string> {
  const { plan, out, date } = readArgs(args, planExportHelp, ['.xlsx']);
  return withDatabase(async (db) => {
    const found = await planOrFail(db, plan);
    const tasks = await db.selectFrom('tasks').selectAll().where('plan_id', '=', found.id).orderBy('id').execute();
    const today = date ?? vietnamDate(new Date());
    const statuses = taskStatuses(await tasksWithOccurrences(db, [found.id]), today, await calendarOf(db));
    const labels = new Map(statuses.map((s) => [s.task.taskId, vi.tasks.buckets[s.bucket]]));
    await writeOut(out, await exportTasksXlsx(found, tasks, labels));
    return vi.tasks.cli.exportWritten(out, tasks.length);
  });
}

function readArgs(args: string[], help: string, extensions: string[]): { plan: string; out: string; date: string | null } {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, date: { type: 'string' } } });
  const plan = positionals[0];
  if (!plan) throw new CliError(`missing <plan>\n\n${help}`);
  if (!values.out) throw new CliError(`missing --out <file>\n\n${help}`);
  if (!extensions.includes(extname(values.out).toLowerCase())) throw new CliError(`--out must end in ${extensions.join(' or ')}`);
  const date = values.date ?? null;
  if (date !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new CliError('--date must be a date written YYYY-MM-DD');
  }
  return { plan, out: values.out, date };
}

async function planOrFail(db: Db, plan: string) {
  const found = await findPlan(db, plan);
  if (!found) throw new CliError(`no plan "${plan}" (give its number, e.g. 40/KH-UBND, or its id; several plans with one number: use the id)`);
  return found;
}

async function calendarOf(db: Db) {
  await seedHolidays(db);
  return loadWorkingCalendar(db);
}

async function writeOut(file: string, bytes: Buffer) {
  await writeFile(file, bytes).catch(() => {
    throw new CliError(`cannot write ${file}`);
  });
}
