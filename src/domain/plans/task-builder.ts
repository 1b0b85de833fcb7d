/**
 * Finishes task drafts into proposals: reads their dates, settles lead versus co-leads, drops generic unit
 * names, matches names to unit codes, makes refs unique, and says what the reviewer must look at.
 */
import { foldText } from '../text-folding.js';
import type { Recurrence, TaskProposal, TimeframeReading, UnitMatcher } from './plan-types.js';
import type { TaskDraft } from './task-draft.js';
import type { TimeContext } from './time-expressions.js';
import { findTimeframeInText, parseTimeframe } from './time-expressions.js';
import { isGenericUnitName } from './unit-names.js';

/** Tasks, the unit names nobody could match, and warnings (each prefixed by the task's ref). */
export interface BuiltTasks {
  tasks: TaskProposal[];
  unresolvedUnits: string[];
  warnings: string[];
}

/** Builds proposals from drafts, in the order given. */
export function buildTasks(drafts: readonly TaskDraft[], time: TimeContext, matcher?: UnitMatcher): BuiltTasks {
  const out: BuiltTasks = { tasks: [], unresolvedUnits: [], warnings: [] };
  const refs = new Map<string, number>();
  const unresolved = new Map<string, string>();
  const codeOf = (name: string): string | null => {
    const code = matcher?.match(name)?.code ?? null;
    if (code === null && !unresolved.has(foldText(name))) unresolved.set(foldText(name), name);
    return code;
  };
  for (const draft of drafts) {
    const ref = uniqueRef(draft.ref, refs);
    const note = (w: string) => out.warnings.push(`${ref}: ${w}`);
    const { timeframe, reading } = readTime(draft, time);
    reading.warnings.forEach(note);
    const { lead, coordinating } = settleUnits(draft, note);
    out.tasks.push({
      ref,
      content: draft.content,
      leadUnit: lead,
      leadUnitCode: lead === null ? null : codeOf(lead),
      coordinatingUnits: coordinating,
      coordinatingUnitCodes: coordinating.map(codeOf),
      timeframe,
      startOn: reading.startOn,
      dueOn: reading.dueOn,
      recurrence: reading.recurrence,
      section: draft.section,
      family: draft.family,
    });
  }
  out.unresolvedUnits = [...unresolved.values()];
  return out;
}

/** "III.8-1" twice (plans repeat numbers) → "III.8-1", "III.8-1#2". */
function uniqueRef(ref: string, seen: Map<string, number>): string {
  const n = (seen.get(ref) ?? 0) + 1;
  seen.set(ref, n);
  return n === 1 ? ref : `${ref}#${n}`;
}

/** The draft's own reading, its written timeframe, or the time phrases found in its content. */
function readTime(draft: TaskDraft, time: TimeContext): { timeframe: string | null; reading: TimeframeReading } {
  if (draft.reading) return { timeframe: draft.timeframe ?? null, reading: draft.reading };
  if (draft.timeframe !== undefined && draft.timeframe !== null) {
    return { timeframe: draft.timeframe, reading: parseTimeframe(draft.timeframe, time) };
  }
  const phrases = [...new Set(findTimeframeInText(draft.content))];
  if (phrases.length === 0) return { timeframe: null, reading: noDate('none') };
  const timeframe = phrases.join('; ');
  return { timeframe, reading: parseTimeframe(timeframe, time) };
}

function noDate(recurrence: Recurrence): TimeframeReading {
  return { startOn: null, dueOn: null, recurrence, warnings: ['the plan gives no time for this task'] };
}

/** First specific lead is the lead; other leads become coordinating (with a warning); generic names go. */
function settleUnits(draft: TaskDraft, note: (w: string) => void): { lead: string | null; coordinating: string[] } {
  const leads = distinct(draft.lead.filter((n) => !isGenericUnitName(n)));
  const lead = leads[0] ?? null;
  if (lead === null && draft.lead.length > 0) {
    note(`lead "${draft.leadWritten ?? draft.lead.join(', ')}" names no single unit: choose one`);
  } else if (lead === null) {
    note('the plan names no lead unit: choose one');
  }
  if (leads.length > 1) {
    note(`several lead units (${leads.join('; ')}): "${lead}" proposed as lead, the others as coordinating`);
  }
  const coordinating = distinct([...leads.slice(1), ...draft.coordinating.filter((n) => !isGenericUnitName(n))]).filter(
    (n) => lead === null || foldText(n) !== foldText(lead),
  );
  return { lead, coordinating };
}

function distinct(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = foldText(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
