/**
 * `plan import <file>` and `plan import-xlsx <file>`: read a plan (.txt, .md, .docx) or a task spreadsheet,
 * match its unit names to the organisation, and print the proposal for review — or, with --commit, save it
 * (importing again duplicates nothing). `--map "Name=CODE"` teaches the matcher a unit name for good.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/database.js';
import { loadWorkingCalendar, seedHolidays } from '../../db/repositories/holidays.js';
import { loadUnitMatcher, planTextHash, rememberUnitMapping, savePlan, UnknownUnitCodeError } from '../../db/repositories/plans.js';
import { parsePlanText } from '../domain/plans/plan-parser.js';
import type { PlanProposal, TaskProposal, UnitMatcher } from '../domain/plans/plan-types.js';
import { PLAN_FILE_EXTENSIONS, PlanFileError, readPlanFile } from '../domain/plans/read-plan-file.js';
import { vietnamDate } from '../domain/working-calendar.js';
import { planReview, vi } from '../messages/vi.js';
import { readTasksXlsx, TaskSheetError } from '../reports/task-sheet.js';
import { CliError, withDatabase } from './cli-context.js';

/** `plan import --help`. */
export const planImportHelp = `Usage: npm run cli -- plan import <file${PLAN_FILE_EXTENSIONS.join('|')}> [--json] [--commit] [--map "Name=UNITCODE" ...]

Reads a plan (kế hoạch) and proposes its number, title, issuer, date and tasks (lead unit, coordinating
units, time frame, due date, recurrence). Without --commit nothing is saved: review the proposal first.
  --json      print the proposal as JSON: { plan, tasks, unresolvedUnits, warnings }
  --commit    save the plan and its tasks; importing the same plan again duplicates nothing
  --map       remember that a unit name as the plan writes it is unit UNITCODE (repeatable)
Example: npm run cli -- plan import ke-hoach-40.docx --map "Phòng KT, HT&ĐT=KTHTDT" --commit`;

/** `plan import-xlsx --help`. */
export const planImportXlsxHelp = `Usage: npm run cli -- plan import-xlsx <file.xlsx> [--json] [--commit] [--map "Name=UNITCODE" ...]

Reads tasks kept in Excel: a sheet "${vi.tasks.sheet.name}" with the columns
  ${vi.tasks.sheet.columns.join(' | ')}
and optionally a sheet "${vi.tasks.sheet.planSheet}" (${vi.tasks.sheet.planFields.join(', ')}).
"plan export" writes exactly this layout. Options as for "plan import".`;

interface ImportOptions {
  json: boolean;
  commit: boolean;
  maps: { name: string; code: string }[];
}

/** `plan import <file>`. */
export async function planImport(args: string[]): Promise<string> {
  const { file, options } = readArgs(args, planImportHelp);
  const text = await readPlanFile(file).catch((error) => {
    throw error instanceof PlanFileError ? new CliError(error.message) : error;
  });
  return importWith(file, options, planTextHash(text), (matcher) => parsePlanText(text, { unitMatcher: matcher }));
}

/** `plan import-xlsx <file.xlsx>`. */
export async function planImportXlsx(args: string[]): Promise<string> {
  const { file, options } = readArgs(args, planImportXlsxHelp);
  if (!file.toLowerCase().endsWith('.xlsx')) throw new CliError(`${file}: expected an .xlsx file`);
  const bytes = await readFile(file).catch(() => {
    throw new CliError(`cannot read ${file}`);
  });
  const read = async (matcher: UnitMatcher) =>
    readTasksXlsx(bytes, matcher).catch((error) => {
      throw error instanceof TaskSheetError ? new CliError(`${file}: ${error.message}`) : error;
    });
  const probe = await read({ match: () => null });
  const hash = planTextHash(JSON.stringify({ plan: probe.plan, tasks: probe.tasks }));
  return importWith(file, options, hash, read);
}

function readArgs(args: string[], help: string): { file: string; options: ImportOptions } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, commit: { type: 'boolean', default: false }, map: { type: 'string', multiple: true } },
  });
  const file = positionals[0];
  if (!file) throw new CliError(`missing <file>\n\n${help}`);
  const maps = (values.map ?? []).map((m) => {
    const at = m.lastIndexOf('=');
    if (at <= 0 || at === m.length - 1) throw new CliError(`--map "${m}": write it as "Unit name=UNITCODE"`);
    return { name: m.slice(0, at).trim(), code: m.slice(at + 1).trim() };
  });
  return { file, options: { json: values.json!, commit: values.commit!, maps } };
}

async function importWith(
  file: string,
  options: ImportOptions,
  hash: string,
  propose: (matcher: UnitMatcher) => PlanProposal | Promise<PlanProposal>,
): Promise<string> {
  return withDatabase(async (db) => {
    const mapped = await remember(db, options.maps);
    const proposal = await propose(await loadUnitMatcher(db));
    if (proposal.tasks.length === 0) throw new CliError(`${file}: no tasks found — is this a plan (kế hoạch)?`);
    const out = [options.json ? JSON.stringify(jsonShape(proposal), null, 2) : [...mapped, readable(proposal, options.commit)].join('\n')];
    if (options.commit) {
      await seedHolidays(db);
      const saved = await savePlan(db, proposal, { sourceFile: basename(file), sourceHash: hash, today: vietnamDate(new Date()), calendar: await loadWorkingCalendar(db) });
      const line = vi.tasks.cli.committed(saved.outcome === 'created', saved.sameText, saved.planId, saved.tasksInserted, saved.tasksUpdated);
      if (options.json) console.error(line);
      else out.push('', line);
    }
    return out.join('\n');
  });
}

async function remember(db: Db, maps: ImportOptions['maps']): Promise<string[]> {
  const lines: string[] = [];
  for (const { name, code } of maps) {
    await rememberUnitMapping(db, name, code).catch((error) => {
      throw error instanceof UnknownUnitCodeError ? new CliError(`--map "${name}=${code}": ${error.message}`) : error;
    });
    lines.push(vi.tasks.cli.mapped(name, code));
  }
  return lines;
}

/** The JSON shape, plus `collectiveUnits`, `confidence` and `evidence` per task (added, never changed). */
function jsonShape(p: PlanProposal) {
  return {
    plan: { number: p.plan.number, title: p.plan.title, issuer: p.plan.issuer, issuedOn: p.plan.issuedOn },
    tasks: p.tasks.map((t) => ({
      ref: t.ref,
      content: t.content,
      leadUnit: t.leadUnit,
      coordinatingUnits: t.coordinatingUnits,
      timeframe: t.timeframe,
      startOn: t.startOn,
      dueOn: t.dueOn,
      recurrence: t.recurrence,
      section: t.section,
      // Added after the first shape (readers of the first shape ignore them): how sure, why, and from where.
      collectiveUnits: t.collectiveUnits ?? [],
      confidence: t.confidence ?? null,
      evidence: t.evidence ?? [],
    })),
    unresolvedUnits: p.unresolvedUnits,
    warnings: p.warnings,
  };
}

function readable(p: PlanProposal, committing: boolean): string {
  const c = vi.tasks.cli;
  const none = c.none;
  const unit = (name: string | null, code: string | null) => (name === null ? none : `${name} [${code ?? '?'}]`);
  const lines = committing ? [] : [c.proposalTitle, ''];
  lines.push(c.plan(p.plan.number ?? none, p.plan.title ?? none, p.plan.issuer ?? none, p.plan.issuedOn ? vi.tasks.date(p.plan.issuedOn) : none), '');
  lines.push(c.tasksTitle(p.tasks.length));
  for (const t of p.tasks) {
    const coordinating = t.coordinatingUnits.map((n, i) => unit(n, t.coordinatingUnitCodes[i])).join(', ');
    const due = t.dueOn ? vi.tasks.date(t.dueOn) : null;
    lines.push(c.task(t.ref, oneLine(t.content, 160), unit(t.leadUnit, t.leadUnitCode), coordinating, t.timeframe ?? none, due, vi.tasks.recurrence[t.recurrence] ?? t.recurrence));
    lines.push(...reviewMarks(t));
  }
  if (p.unresolvedUnits.length > 0) lines.push('', c.unresolvedTitle(p.unresolvedUnits.length), ...p.unresolvedUnits.map((u) => `  - ${u}`));
  if (p.warnings.length > 0) lines.push('', c.warningsTitle(p.warnings.length), ...p.warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}

/** The fields the importer is not sure of (low confidence), with why, and the collective units to expand. */
function reviewMarks(t: TaskProposal): string[] {
  const marks: string[] = [];
  if ((t.collectiveUnits ?? []).length > 0) marks.push(planReview.collective(t.collectiveUnits!.join('; ')));
  const low = Object.entries(t.confidence ?? {}).filter(([, f]) => f.level === 'low');
  if (low.length > 0) marks.push(planReview.lowConfidence(low.map(([k, f]) => `${planReview.fields[k] ?? k} (${f.reason})`).join('; ')));
  return marks;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
