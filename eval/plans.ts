/**
 * `npm run eval -- plans [--split train|holdout] [--failures]`: how well the plan importer reads the corpus of
 * real plans in `tests/fixtures/plans/`. Prints, per plan and in total, tasks found / missed / invented and the
 * accuracy of lead, coordinating units, due date and recurrence, for the held-out plans and the rest
 * separately. Target: ≥ 95% of expectations met on each half. `--failures` lists what was not met (do not
 * use it on the held-out half while changing the parser).
 */
import type { PlanScore, Tally } from './_plan-corpus.js';
import { corpusSlugs, expectationsOf, percent, scorePlan, sumTally } from './_plan-corpus.js';

/** The share of expectations each half must meet. */
export const TARGET_PERCENT = 95;

const fmt = (t: Tally) => (t.of === 0 ? '   –   ' : `${t.met}/${t.of}`.padStart(7));

function row(name: string, scores: readonly PlanScore[]): string {
  const found = scores.reduce((n, s) => n + s.found, 0);
  const missed = scores.reduce((n, s) => n + s.missed.length, 0);
  const invented = scores.reduce((n, s) => n + s.invented.length, 0);
  const cells = [
    name.padEnd(38),
    String(found).padStart(5),
    String(missed).padStart(6),
    String(invented).padStart(8),
    fmt(sumTally(scores, (s) => s.lead)),
    fmt(sumTally(scores, (s) => s.coordinating)),
    fmt(sumTally(scores, (s) => s.dueOn)),
    fmt(sumTally(scores, (s) => s.recurrence)),
    fmt(sumTally(scores, (s) => s.collective)),
    fmt(sumTally(scores, (s) => s.notTasks)),
    fmt(sumTally(scores, (s) => s.header)),
    `${percent(expectationsOf(scores)).toFixed(1)}%`.padStart(7),
  ];
  return cells.join(' ');
}

const HEADER = [
  'plan'.padEnd(38),
  'found',
  'missed',
  'invented',
  '   lead',
  '  coord',
  '    due',
  ' recurr',
  ' collec',
  'notTask',
  ' header',
  '    met',
].join(' ');

/** Prints the figures; true when both halves meet the target. */
export async function runEval(args: string[]): Promise<boolean> {
  const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
  const showFailures = args.includes('--failures');
  const scores = corpusSlugs().map((slug) => scorePlan(slug));
  let ok = true;
  for (const split of ['train', 'holdout'] as const) {
    if (only && only !== split) continue;
    const half = scores.filter((s) => s.split === split);
    console.log(`\n${split === 'train' ? 'Tuning half' : 'Held-out half'} (${half.length} plans)`);
    console.log(HEADER);
    for (const s of half) {
      console.log(row(s.slug, [s]));
      if (showFailures) for (const f of s.failures) console.log(`    - ${f}`);
    }
    const total = expectationsOf(half);
    console.log(row(`TOTAL ${split}`, half));
    console.log(`${split}: ${total.met}/${total.of} expectations met (${percent(total).toFixed(1)}%, target ${TARGET_PERCENT}%)`);
    ok &&= percent(total) >= TARGET_PERCENT;
  }
  return ok;
}
