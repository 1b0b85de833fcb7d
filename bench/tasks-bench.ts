/**
 * The plans benchmark: N tasks with due dates spread over a year — how long scheduling takes (saving the plan:
 * tasks, occurrences and each one's first reminder day), the memory it needs, and how long one day's digests
 * take — at 10,000 and 100,000 tasks, to show the digest cost follows the reminders due, not the task count.
 *
 *   npx tsx bench/tasks-bench.ts [--sizes 10000,100000]      (DATABASE_URL: the server to use; unset: embedded)
 *
 * `bench/main.ts` can call {@link runTasksBench} and print {@link formatTasksBench}.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from '../db/database.js';
import { loadWorkingCalendar, seedHolidays } from '../db/repositories/holidays.js';
import { savePlan } from '../db/repositories/plans.js';
import { runTaskDigests } from '../jobs/task-reminders.js';
import { addDays } from '../src/domain/plans/plan-dates.js';
import type { PlanProposal, TaskProposal } from '../src/domain/plans/plan-types.js';
import { vietnamInstant } from '../src/domain/working-calendar.js';
import { measureOnFreshDatabases, type DatabaseServer } from './database-server.js';

/** Options for {@link runTasksBench}. */
export interface TasksBenchOptions {
  /** Task counts to measure. Default [10_000, 100_000]. */
  sizes?: number[];
  /** PostgreSQL server (a fresh database is created on it per size). Default: `DATABASE_URL`, else embedded. */
  databaseUrl?: string;
  /** A server `bench/main.ts` already opened; used instead of `databaseUrl`, and left running. */
  server?: DatabaseServer;
  /** Units leading the tasks, each with one unit head on the web chat. Default 50. */
  units?: number;
  log?: (line: string) => void;
}

/** What one size measured. */
export interface TasksBenchResult {
  tasks: number;
  /** Saving the plan: tasks, occurrences and first reminder days. */
  scheduleMs: number;
  /** Heap growth while scheduling (the proposal in memory and the work), MB. */
  heapMb: number;
  /** Peak resident set size of this process after scheduling, MB. */
  rssMb: number;
  /** The first day's run: reminders due, digests written, time. */
  day1: DigestDay;
  /** The next day's run (steady state). */
  day2: DigestDay;
}

interface DigestDay {
  day: string;
  due: number;
  digests: number;
  ms: number;
}

const FIRST_DAY = '2027-01-04'; // Monday, the import day

/** Measure each size on its own fresh database. */
export async function runTasksBench(options: TasksBenchOptions = {}): Promise<TasksBenchResult[]> {
  const log = options.log ?? ((line: string) => console.error(line));
  const sizes = options.sizes ?? [10_000, 100_000];
  return measureOnFreshDatabases({ server: options.server, databaseUrl: options.databaseUrl, sizes, log }, (db, size) =>
    measure(db, size, options.units ?? 50, log),
  );
}

async function measure(db: Db, size: number, units: number, log: (line: string) => void): Promise<TasksBenchResult> {
  log(`tasks bench: ${size} tasks over ${units} units…`);
  await seedOrganisation(db, units);
  const calendar = await loadWorkingCalendar(db);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await savePlan(db, proposalOf(size, units), { sourceFile: 'bench.txt', sourceHash: `bench-${size}`, today: FIRST_DAY, calendar });
  const scheduleMs = performance.now() - started;
  const memory = process.memoryUsage();
  await db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: 'analyze' } as never });
  const day1 = await digestDay(db, FIRST_DAY, calendar);
  const day2 = await digestDay(db, addDays(FIRST_DAY, 1), calendar);
  return { tasks: size, scheduleMs, heapMb: (memory.heapUsed - heapBefore) / 2 ** 20, rssMb: memory.rss / 2 ** 20, day1, day2 };
}

async function digestDay(db: Db, day: string, calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>): Promise<DigestDay> {
  const started = performance.now();
  const result = await runTaskDigests(db, { now: vietnamInstant(day, 8, 0), calendar });
  return { day, due: result.due, digests: result.outboxIds.length, ms: performance.now() - started };
}

/** Units U001…, one unit head each with a web chat account, one leader; the holiday table. */
async function seedOrganisation(db: Db, units: number): Promise<void> {
  await seedHolidays(db);
  const codes = Array.from({ length: units }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
  await db.insertInto('units').values(codes.map((code) => ({ code, name: `Phòng ${code}`, aliases: [] }))).execute();
  const people = await db
    .insertInto('people')
    .values([...codes.map((code) => ({ role: 'unit_head', unit_code: code })), { role: 'leader', unit_code: null }])
    .returning('id')
    .execute();
  await db.insertInto('channel_identities').values(people.map((p) => ({ channel: 'web' as const, external_id: `bench-person-${p.id}`, person_id: p.id }))).execute();
}

/** `size` one-off tasks, due dates spread evenly over 2027, round-robin over the units (deterministic). */
function proposalOf(size: number, units: number): PlanProposal {
  const tasks: TaskProposal[] = Array.from({ length: size }, (_, i) => {
    const code = `U${String((i % units) + 1).padStart(3, '0')}`;
    return {
      ref: `B.${i + 1}`,
      content: `Nhiệm vụ thử số ${i + 1}: rà soát, xóa quảng cáo rao vặt trái quy định trên tuyến phố được giao`,
      leadUnit: `Phòng ${code}`,
      leadUnitCode: code,
      coordinatingUnits: [],
      coordinatingUnitCodes: [],
      timeframe: null,
      startOn: null,
      dueOn: addDays('2027-01-01', Math.floor((i * 365) / size)),
      recurrence: 'none',
      section: 'BENCH',
      family: 'labelled-block',
    };
  });
  return { plan: { number: `BENCH-${size}`, title: 'Bench', issuer: null, issuedOn: null }, tasks, unresolvedUnits: [], warnings: [] };
}

/** The results as a table, with the growth from the smallest to the largest size. */
export function formatTasksBench(results: readonly TasksBenchResult[]): string {
  const lines = [
    'Plans & reminders: tasks with due dates spread over 2027, 08:00 digests on the first two days',
    ' tasks   | schedule ms | µs/task | heap MB | rss MB | day 1: due, digests, ms | day 2: due, digests, ms | µs/reminder (day 2)',
  ];
  for (const r of results) {
    lines.push(
      [
        String(r.tasks).padStart(8),
        r.scheduleMs.toFixed(0).padStart(11),
        ((r.scheduleMs * 1000) / r.tasks).toFixed(1).padStart(7),
        r.heapMb.toFixed(1).padStart(7),
        r.rssMb.toFixed(0).padStart(6),
        `${r.day1.due}, ${r.day1.digests}, ${r.day1.ms.toFixed(0)}`.padStart(23),
        `${r.day2.due}, ${r.day2.digests}, ${r.day2.ms.toFixed(0)}`.padStart(23),
        (r.day2.due ? (r.day2.ms * 1000) / r.day2.due : 0).toFixed(0).padStart(19),
      ].join(' | '),
    );
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results[results.length - 1]];
    lines.push(
      `growth ${a.tasks} → ${b.tasks} tasks (×${(b.tasks / a.tasks).toFixed(0)}): schedule ×${(b.scheduleMs / a.scheduleMs).toFixed(1)}, ` +
        `day-2 reminders due ×${(b.day2.due / Math.max(a.day2.due, 1)).toFixed(1)}, day-2 digest time ×${(b.day2.ms / a.day2.ms).toFixed(1)}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' } } });
  const sizes = values.sizes?.split(',').map(Number);
  const results = await runTasksBench({ sizes });
  console.log(formatTasksBench(results));
}
