/**
 * The plan corpus (`tests/fixtures/plans/<slug>.txt` + `<slug>.expected.json`) and how a proposal is scored
 * against the expectations someone wrote by reading the plan. Shared by `npm run eval -- plans` (prints the
 * figures) and the corpus test (asserts the targets), so both count the same way.
 *
 * Every expectation is one fact a reviewer would check: a task exists (matched by a distinctive fragment of
 * its content), its lead, its coordinating units, its due date, its recurrence, the plan's number and date, and
 * that a line which is not a task (purpose, requirement, preamble, distribution list, signature) was not
 * proposed. A proposed task matching no expected task is "invented" and counts as a failed expectation too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlanText } from '../src/domain/plans/plan-parser.js';
import type { PlanProposal, Recurrence, TaskProposal } from '../src/domain/plans/plan-types.js';
import { foldText } from '../src/domain/text-folding.js';

/** Where the corpus lives. */
export const CORPUS_DIR = fileURLToPath(new URL('../tests/fixtures/plans/', import.meta.url));

/** One expected task; a field left out is not checked. */
export interface ExpectedTask {
  content: string;
  lead?: string | null;
  coordinating?: string[];
  dueOn?: string | null;
  recurrence?: Recurrence;
  /** Fragments of the collective units the task must keep ("Các bộ", "Ủy ban nhân dân các tỉnh"). */
  collective?: string[];
}

/** A plan's expectations file. */
export interface PlanExpectations {
  split: 'train' | 'holdout';
  plan: { number?: string | null; issuedOn?: string | null };
  tasks: ExpectedTask[];
  notTasks: string[];
}

/** A met / checked pair. */
export interface Tally {
  met: number;
  of: number;
}

/** The score of one plan. */
export interface PlanScore {
  slug: string;
  split: 'train' | 'holdout';
  found: number;
  missed: string[];
  invented: string[];
  lead: Tally;
  coordinating: Tally;
  dueOn: Tally;
  recurrence: Tally;
  collective: Tally;
  header: Tally;
  notTasks: Tally;
  /** Human-readable reasons for each failed expectation. */
  failures: string[];
}

/** The slugs of the corpus, sorted. */
export function corpusSlugs(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''))
    .sort();
}

/** Reads a plan's text and expectations, parses it, and scores the proposal. */
export function scorePlan(slug: string, dir = CORPUS_DIR): PlanScore {
  const text = readFileSync(join(dir, `${slug}.txt`), 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, `${slug}.expected.json`), 'utf8')) as PlanExpectations;
  return scoreProposal(slug, parsePlanText(text), expected);
}

const tally = (): Tally => ({ met: 0, of: 0 });

/** Scores one proposal against its expectations. */
export function scoreProposal(slug: string, proposal: PlanProposal, expected: PlanExpectations): PlanScore {
  const score: PlanScore = {
    slug,
    split: expected.split,
    found: 0,
    missed: [],
    invented: [],
    lead: tally(),
    coordinating: tally(),
    dueOn: tally(),
    recurrence: tally(),
    collective: tally(),
    header: tally(),
    notTasks: tally(),
    failures: [],
  };
  const check = (t: Tally, ok: boolean, failure: string) => {
    t.of++;
    if (ok) t.met++;
    else score.failures.push(failure);
  };
  for (const [field, want] of Object.entries(expected.plan) as [keyof PlanExpectations['plan'], string | null][]) {
    const got = proposal.plan[field] ?? null;
    check(score.header, got === want, `plan ${field}: expected ${want}, got ${got}`);
  }
  const unmatched = new Set(proposal.tasks);
  for (const want of expected.tasks) {
    const task = [...unmatched].find((t) => foldText(t.content).includes(foldText(want.content)));
    if (!task) {
      score.missed.push(want.content);
      score.failures.push(`missed task "${want.content}"`);
      continue;
    }
    unmatched.delete(task);
    score.found++;
    checkFields(task, want, check, score);
  }
  score.invented = [...unmatched].map((t) => `${t.ref}: ${t.content.slice(0, 90)}`);
  for (const t of score.invented) score.failures.push(`invented task ${t}`);
  for (const line of expected.notTasks) {
    const leaked = proposal.tasks.find((t) => foldText(t.content).includes(foldText(line)));
    check(score.notTasks, !leaked, `not a task, but proposed: "${line}" (${leaked?.ref})`);
  }
  return score;
}

function checkFields(
  task: TaskProposal,
  want: ExpectedTask,
  check: (t: Tally, ok: boolean, failure: string) => void,
  score: PlanScore,
): void {
  const name = `"${want.content.slice(0, 40)}"`;
  if (want.lead !== undefined) {
    const ok = (task.leadUnit === null ? null : foldText(task.leadUnit)) === (want.lead === null ? null : foldText(want.lead));
    check(score.lead, ok, `${name} lead: expected ${want.lead}, got ${task.leadUnit}`);
  }
  if (want.coordinating !== undefined) {
    const got = task.coordinatingUnits.map(foldText).sort();
    const exp = want.coordinating.map(foldText).sort();
    check(score.coordinating, JSON.stringify(got) === JSON.stringify(exp), `${name} coordinating: expected [${want.coordinating.join('; ')}], got [${task.coordinatingUnits.join('; ')}]`);
  }
  if (want.dueOn !== undefined) {
    check(score.dueOn, task.dueOn === want.dueOn, `${name} due: expected ${want.dueOn}, got ${task.dueOn}`);
  }
  if (want.recurrence !== undefined) {
    check(score.recurrence, task.recurrence === want.recurrence, `${name} recurrence: expected ${want.recurrence}, got ${task.recurrence}`);
  }
  for (const fragment of want.collective ?? []) {
    const ok = (task.collectiveUnits ?? []).some((n) => foldText(n).includes(foldText(fragment)));
    check(score.collective, ok, `${name} collective: expected "${fragment}" among [${(task.collectiveUnits ?? []).join('; ')}]`);
  }
}

/** Expectations met and checked, invented tasks counting as checked and failed. */
export function expectationsOf(scores: readonly PlanScore[]): Tally {
  let met = 0;
  let of = 0;
  for (const s of scores) {
    const tallies = [s.lead, s.coordinating, s.dueOn, s.recurrence, s.collective, s.header, s.notTasks];
    met += s.found + tallies.reduce((n, t) => n + t.met, 0);
    of += s.found + s.missed.length + s.invented.length + tallies.reduce((n, t) => n + t.of, 0);
  }
  return { met, of };
}

/** Sum of one tally over plans. */
export function sumTally(scores: readonly PlanScore[], pick: (s: PlanScore) => Tally): Tally {
  return scores.reduce((acc, s) => ({ met: acc.met + pick(s).met, of: acc.of + pick(s).of }), tally());
}

/** met/of as a percentage; 100 when nothing was checked. */
export function percent(t: Tally): number {
  return t.of === 0 ? 100 : (100 * t.met) / t.of;
}
