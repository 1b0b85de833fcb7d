/**
 * Plan text → a proposal: the plan's header and its tasks, read from whichever structures the plan uses
 * (see `families/`). Pure: no I/O; `read-plan-file.ts` gets the text, people confirm the result.
 *
 * Which structures count:
 * - task tables (flattened one cell per line between "|" lines, or one row per line as markdown pipes or tabs)
 *   and numbered targets always;
 * - labelled items ("Nhiệm vụ: / Đơn vị thực hiện: / Thời gian thực hiện:", "a) Nội dung / b) Cơ quan thực
 *   hiện / c) Thời gian") when the plan has them, and then they are its task list: the rest ("Tổ chức thực
 *   hiện" and the like) is how the plan is organised, not more tasks;
 * - otherwise unit duties (a heading per unit, duties below; "Unit: duty" paragraphs and the duty paragraphs
 *   that continue them) and items anywhere that name their own lead ("Giao X …", "X chủ trì, phối hợp với Y …",
 *   "Đề nghị X …", "X tham mưu …"), a numbered duty heading taking its unit from the line under it.
 * Preamble, purposes, requirements, đối tượng, principles, funding, closing and publishing lines, the
 * distribution list and the signature are never tasks. Every task says how sure the importer is of it and of
 * each field, and quotes the lines it came from.
 * Items that name no unit are reported in the warnings, not proposed.
 */
import { labelledBlockDrafts } from './families/labelled-blocks.js';
import { targetDrafts } from './families/targets.js';
import { unitDutyDrafts } from './families/unit-duties.js';
import { extractTables, tableDrafts } from './families/appendix-table.js';
import { readPlanMetadata } from './plan-metadata.js';
import type { OutlineNode } from './plan-outline.js';
import { buildOutline } from './plan-outline.js';
import { normalizePlanLines, toBlocks } from './plan-text.js';
import type { PlanProposal, UnitMatcher } from './plan-types.js';
import { buildTasks } from './task-builder.js';
import type { TaskDraft } from './task-draft.js';
import type { TimeContext } from './time-expressions.js';

export type { PlanProposal, TaskProposal, UnitMatcher } from './plan-types.js';

/** Options for {@link parsePlanText}. */
export interface ParsePlanOptions {
  /**
   * Resolves unit names to the organisation's codes. Default: none, so every task has null codes and
   * `unresolvedUnits` lists every distinct unit name.
   */
  unitMatcher?: UnitMatcher;
}

/** Reads a plan's text into a proposal of its header and tasks. */
export function parsePlanText(text: string, options: ParsePlanOptions = {}): PlanProposal {
  const lines = normalizePlanLines(text);
  const meta = readPlanMetadata(lines);
  const time: TimeContext = { planYear: meta.planYear, referenceDate: meta.referenceDate };
  const warnings = [...meta.warnings];
  const { tables, rest } = extractTables(lines);
  const outline = buildOutline(toBlocks(rest));
  const drafts = [...proseDrafts(outline, warnings), ...tables.flatMap((t) => tableDrafts(t, time, warnings))];
  if (drafts.length === 0) warnings.push('no tasks found: is this a plan (kế hoạch)?');
  const built = buildTasks(drafts, time, options.unitMatcher, lines);
  return {
    plan: meta.header,
    tasks: built.tasks,
    unresolvedUnits: built.unresolvedUnits,
    warnings: [...warnings, ...built.warnings],
  };
}

/** Tasks from the body of the plan, in plan order. */
function proseDrafts(outline: OutlineNode, warnings: string[]): TaskDraft[] {
  const labelled = labelledBlockDrafts(outline);
  const targets = targetDrafts(outline);
  if (labelled.length > 0) return byLine([...labelled, ...targets]);
  const duties = unitDutyDrafts(outline);
  for (const [section, count] of duties.unassigned) {
    warnings.push(`${count} item(s) under "${section || '(top)'}" name no unit and were not proposed as tasks`);
  }
  return byLine([...duties.drafts, ...targets]);
}

function byLine(drafts: TaskDraft[]): TaskDraft[] {
  return drafts.sort((a, b) => a.line - b.line);
}
