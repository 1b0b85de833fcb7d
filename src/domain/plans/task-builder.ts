/**
 * Finishes task drafts into proposals: reads their dates, settles lead versus co-leads, keeps collective units
 * apart, drops vague unit names, matches names to unit codes, makes refs unique, says how sure it is of each
 * field and why, quotes the lines it read, and says what the reviewer must look at.
 */
import { foldText } from '../text-folding.js';
import type { FieldConfidence, Recurrence, TaskConfidence, TaskProposal, TimeframeReading, UnitMatcher } from './plan-types.js';
import type { TaskDraft } from './task-draft.js';
import type { TimeContext } from './time-expressions.js';
import { findTimeframeInText, parseTimeframe } from './time-expressions.js';
import { isCollectiveUnitName, isGenericUnitName } from './unit-names.js';

/** Tasks, the unit names nobody could match, and warnings (each prefixed by the task's ref). */
export interface BuiltTasks {
  tasks: TaskProposal[];
  unresolvedUnits: string[];
  warnings: string[];
}

/**
 * Builds proposals from drafts, in the order given. `lines` are the plan's normalised lines, quoted as each
 * task's evidence.
 */
export function buildTasks(
  drafts: readonly TaskDraft[],
  time: TimeContext,
  matcher?: UnitMatcher,
  lines: readonly string[] = [],
): BuiltTasks {
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
    const { timeframe, reading, source } = readTime(draft, time);
    reading.warnings.forEach(note);
    const units = settleUnits(draft, note);
    const { lead, coordinating } = units;
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
      collectiveUnits: units.collective,
      confidence: confidenceOf(draft, units, timeframe, reading, source),
      evidence: evidenceOf(draft, lines),
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

interface TimeRead {
  timeframe: string | null;
  reading: TimeframeReading;
  /** Where the timeframe was read ("the table column", "the task's text"), null when there is none. */
  source: string | null;
}

/** The draft's own reading, its written timeframe, or the time phrases found in its content. */
function readTime(draft: TaskDraft, time: TimeContext): TimeRead {
  const source = draft.timeSource ?? null;
  if (draft.reading) return { timeframe: draft.timeframe ?? null, reading: draft.reading, source: source ?? 'the table column' };
  if (draft.timeframe !== undefined && draft.timeframe !== null) {
    return { timeframe: draft.timeframe, reading: parseTimeframe(draft.timeframe, time), source: source ?? "the 'Thời gian' label" };
  }
  const phrases = [...new Set(findTimeframeInText(draft.content))];
  if (phrases.length === 0) return { timeframe: null, reading: noDate('none'), source: null };
  const timeframe = phrases.join('; ');
  return { timeframe, reading: parseTimeframe(timeframe, time), source: "the task's text" };
}

function noDate(recurrence: Recurrence): TimeframeReading {
  return { startOn: null, dueOn: null, recurrence, warnings: ['the plan gives no time for this task'] };
}

interface SettledUnits {
  lead: string | null;
  coordinating: string[];
  /** Collective units among the leads and coordinating units, as written. */
  collective: string[];
  /** Several specific leads were written (co-leads): the first is proposed. */
  coLeads: boolean;
  /** Generic or vague coordinating names were written and left out. */
  droppedCoordinating: boolean;
}

/**
 * First specific lead is the lead; other leads become coordinating (with a warning); generic names go.
 * Collective units ("Các Tổ dân phố", "Các sở, ban, ngành") are also listed apart, as written, for the
 * organisation to expand to its members (a generic one, which cannot be the lead, is kept only there).
 */
function settleUnits(draft: TaskDraft, note: (w: string) => void): SettledUnits {
  const leads = distinct(draft.lead.filter((n) => !isGenericUnitName(n)));
  const collective = distinct([...draft.lead, ...draft.coordinating].filter(isCollectiveUnitName));
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
  const droppedCoordinating = draft.coordinating.some(isGenericUnitName);
  return { lead, coordinating, collective, coLeads: leads.length > 1, droppedCoordinating };
}

const field = (level: FieldConfidence['level'], reason: string): FieldConfidence => ({ level, reason });

const TASK_SOURCES: Record<TaskDraft['family'], FieldConfidence> = {
  'labelled-block': field('high', 'labelled item (Nhiệm vụ / Nội dung)'),
  'appendix-table': field('high', 'numbered row of the task table'),
  'unit-duties': field('high', "duty listed under a unit's heading"),
  'assigned-item': field('high', 'the item assigns itself to a unit (… chủ trì / Giao …)'),
  target: field('medium', 'numbered target (chỉ tiêu): check that it is a task, not only a goal'),
};

/** How sure the importer is of the task and of each field, and why. */
function confidenceOf(
  draft: TaskDraft,
  units: SettledUnits,
  timeframe: string | null,
  reading: TimeframeReading,
  source: string | null,
): TaskConfidence {
  return {
    task: TASK_SOURCES[draft.family],
    leadUnit: leadConfidence(draft, units),
    coordinatingUnits: coordinatingConfidence(draft, units),
    dueOn: dueConfidence(timeframe, reading, source),
    recurrence: recurrenceConfidence(timeframe, reading, source),
  };
}

function leadConfidence(draft: TaskDraft, units: SettledUnits): FieldConfidence {
  const collectiveLead =
    units.lead !== null
      ? units.collective.find((n) => foldText(n) === foldText(units.lead!))
      : units.collective.find((n) => draft.lead.some((l) => foldText(l) === foldText(n)));
  if (collectiveLead !== undefined) {
    return field('low', `a collective lead ("${collectiveLead}"): expand it to its units or choose one`);
  }
  if (units.lead === null) return field('low', draft.lead.length > 0 ? 'the lead written names no single unit' : 'the plan names no lead unit');
  if (units.coLeads) return field('medium', 'several lead units are written: the first is proposed, the others coordinate');
  return draft.leadSource ?? field('medium', 'lead unit read from the text');
}

function coordinatingConfidence(draft: TaskDraft, units: SettledUnits): FieldConfidence {
  const column = draft.family === 'appendix-table' ? 'the table column' : "the text after 'phối hợp'";
  if (units.coordinating.length > 0) return field('high', `coordinating units from ${column}`);
  if (units.droppedCoordinating) return field('medium', 'only generic coordinating units are written (các đơn vị liên quan…): none proposed');
  return field('high', 'no coordinating unit is written');
}

function dueConfidence(timeframe: string | null, reading: TimeframeReading, source: string | null): FieldConfidence {
  if (timeframe === null) return field('low', 'the plan gives no time for this task: no due date proposed');
  if (reading.dueOn === null) {
    const level = reading.recurrence === 'continuous' ? 'medium' : 'low';
    return field(level, `"${timeframe}" (${source}) gives no date: no due date proposed`);
  }
  if (reading.warnings.some((w) => /taken from the plan|several dates/.test(w))) {
    return field('medium', `due date from ${source}, with an assumption: ${reading.warnings.join('; ')}`);
  }
  return field('high', `due date from ${source}: "${timeframe}"`);
}

function recurrenceConfidence(timeframe: string | null, reading: TimeframeReading, source: string | null): FieldConfidence {
  if (timeframe === null) return field('medium', 'no repetition is stated');
  if (reading.recurrence === 'none') return field('high', `no repetition is stated in ${source}`);
  return field('high', `recurrence from ${source}: "${timeframe}"`);
}

/** The lines the task was read from, as written (blank lines and layout left out). */
function evidenceOf(draft: TaskDraft, lines: readonly string[]): string[] {
  if (draft.evidenceText) return draft.evidenceText;
  const numbers = [...new Set([...(draft.sourceLines ?? []), draft.line])].sort((a, b) => a - b);
  return numbers.map((n) => (lines[n - 1] ?? '').trim()).filter((l) => l !== '' && l !== '|');
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
