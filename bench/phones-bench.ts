/**
 * The phone-registry benchmark: N sightings (a case's own report or a later report attached to it) spread over
 * N/5 numbers, 20 wards and 60 days, generated in SQL; then the registry's costs — a number's card (the chat's
 * "sdt 0982 582 971"), one rules pass (figures + proposals), the operators' export and the department's
 * summary — at 10,000 and 100,000 sightings, to show how each grows.
 *
 *   npx tsx bench/phones-bench.ts [--sizes 10000,100000] [--lookups 200]   (DATABASE_URL: the server; unset: embedded)
 *
 * `bench/main.ts` can call {@link runPhonesBench} and print {@link formatPhonesBench}.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { phoneCard, phoneFiguresForRules } from '../db/repositories/ad-phones.js';
import { DEFAULT_PHONE_POLICY, proposeNextSteps } from '../src/domain/phones/phone-rules.js';
import { collectPhoneExport, phoneExportXlsx } from '../src/reports/phone-export.js';
import { buildPhoneSummary } from '../src/reports/phone-summary.js';
import { measureOnFreshDatabases } from './database-server.js';
import { percentiles } from './stats.js';

/** Options for {@link runPhonesBench}. */
export interface PhonesBenchOptions {
  /** Sighting counts to measure. Default [10_000, 100_000]. */
  sizes?: number[];
  /** PostgreSQL server (a fresh, migrated database is created on it per size). Default: `DATABASE_URL`, else embedded. */
  databaseUrl?: string;
  /** Card lookups timed per size (random numbers). Default 200. */
  lookups?: number;
  log?: (line: string) => void;
}

/** What one size measured (times in milliseconds). */
export interface PhonesBenchResult {
  sightings: number;
  numbers: number;
  cases: number;
  seedMs: number;
  cardP50: number;
  cardP95: number;
  /** One rules pass: `phoneFiguresForRules` + `proposeNextSteps`. */
  rulesMs: number;
  rulesNumbers: number;
  proposals: number;
  /** The operators' list (`suspension_proposed`), query + workbook. */
  exportMs: number;
  exportNumbers: number;
  exportKb: number;
  /** Every status but dismissed: the largest export. */
  exportAllMs: number;
  exportAllNumbers: number;
  summaryMs: number;
}

const NOW = new Date('2026-11-22T03:00:00Z');
const WARDS = 20;
const DAYS = 60;

/** Measure each size on its own fresh database. */
export async function runPhonesBench(options: PhonesBenchOptions = {}): Promise<PhonesBenchResult[]> {
  const log = options.log ?? ((line: string) => console.error(line));
  const sizes = options.sizes ?? [10_000, 100_000];
  return measureOnFreshDatabases({ databaseUrl: options.databaseUrl, sizes, log }, (db, size) => measure(db, size, options.lookups ?? 200, log));
}

async function measure(db: Db, size: number, lookups: number, log: (line: string) => void): Promise<PhonesBenchResult> {
  const numbers = Math.max(1, Math.floor(size / 5));
  const cases = numbers * 2;
  log(`phones bench: ${size} sightings over ${numbers} numbers (${cases} cases, ${size - cases} attached reports)…`);
  const seedStarted = performance.now();
  await seedPhonesBench(db, size);
  const seedMs = performance.now() - seedStarted;

  // Warm the caches the way a running server has them, then time.
  let random = 42;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2 ** 31);
  await phoneCard(db, e164Of(1), NOW);
  const cardTimes: number[] = [];
  for (let i = 0; i < lookups; i += 1) {
    const e164 = e164Of(1 + (next() % numbers));
    const started = performance.now();
    const card = await phoneCard(db, e164, NOW);
    cardTimes.push(performance.now() - started);
    if (!card || card.total === 0) throw new Error(`bench: ${e164} has no card`);
  }
  const card = percentiles(cardTimes);

  let started = performance.now();
  const figures = await phoneFiguresForRules(db, NOW, DEFAULT_PHONE_POLICY.windowDays);
  const proposals = proposeNextSteps(figures, DEFAULT_PHONE_POLICY);
  const rulesMs = performance.now() - started;

  const secret = 'bench-secret';
  started = performance.now();
  const proposed = await collectPhoneExport(db, { status: ['suspension_proposed'], now: NOW, linkBase: 'https://bench.example', mediaSecret: secret });
  const bytes = await phoneExportXlsx(proposed);
  const exportMs = performance.now() - started;

  started = performance.now();
  const all = await collectPhoneExport(db, { now: NOW, linkBase: 'https://bench.example', mediaSecret: secret });
  await phoneExportXlsx(all);
  const exportAllMs = performance.now() - started;

  started = performance.now();
  await buildPhoneSummary(db);
  const summaryMs = performance.now() - started;

  return {
    sightings: size,
    numbers,
    cases,
    seedMs,
    cardP50: card.p50,
    cardP95: card.p95,
    rulesMs,
    rulesNumbers: figures.length,
    proposals: proposals.length,
    exportMs,
    exportNumbers: proposed.total,
    exportKb: bytes.length / 1024,
    exportAllMs,
    exportAllNumbers: all.total,
    summaryMs,
  };
}

/** Number i (1-based): mobiles over every carrier's prefixes, every 20th a Hải Phòng landline. */
function e164Of(i: number): string {
  return i % 20 === 0 ? `+84225${String(i).padStart(7, '0')}` : `+84${PREFIXES[i % PREFIXES.length][0]}${String(i).padStart(7, '0')}`;
}

const PREFIXES: readonly [string, string][] = [
  ['98', 'viettel'],
  ['97', 'viettel'],
  ['86', 'viettel'],
  ['35', 'viettel'],
  ['91', 'vinaphone'],
  ['94', 'vinaphone'],
  ['90', 'mobifone'],
  ['93', 'mobifone'],
  ['92', 'vietnamobile'],
  ['59', 'gmobile'],
];

/**
 * The data, in bulk SQL: wards, residents, N/5 registry rows (statuses spread like a working registry), two
 * cases per number (each with a before-photo), the rest of the N sightings as later reports each carrying its
 * case's number, one event per number past "detected". Deterministic: the same size gives the same data.
 */
export async function seedPhonesBench(db: Db, sightings: number): Promise<void> {
  const numbers = Math.max(1, Math.floor(sightings / 5));
  const cases = numbers * 2;
  const attached = sightings - cases;
  const minutes = DAYS * 24 * 60;
  const now = NOW.toISOString();
  const prefixes = PREFIXES.map((p) => p[0]);
  const carriers = PREFIXES.map((p) => p[1]);
  const number = (i: string) =>
    sql.raw(`case when ${i} % 20 = 0 then '+84225' || lpad(${i}::text, 7, '0')
      else '+84' || (array['${prefixes.join("','")}'])[1 + ${i} % ${prefixes.length}] || lpad(${i}::text, 7, '0') end`);
  await sql`insert into wards (code, name, full_name, settings)
    select (20000 + w)::text, 'Phường ' || w, 'Phường thử ' || w, '{}'::jsonb from generate_series(1, ${WARDS}) w`.execute(db);
  await sql`insert into people (full_name, role) select 'Cư dân ' || p, 'resident' from generate_series(1, 50) p`.execute(db);
  const status = sql.raw(`case when i % 100 < 60 then 'detected' when i % 100 < 75 then 'warned' when i % 100 < 85 then 'committed'
    when i % 100 < 93 then 'suspension_proposed' when i % 100 < 97 then 'suspension_requested' when i % 100 < 99 then 'suspended' else 'dismissed' end`);
  await sql`insert into ad_phones (e164, kind, carrier, status, status_changed_at)
    select ${number('i')}, case when i % 20 = 0 then 'landline' else 'mobile' end,
           case when i % 20 = 0 then null else (${sql.raw(`array['${carriers.join("','")}']`)})[1 + i % ${PREFIXES.length}] end,
           ${status}, ${now}::timestamptz - ((i % 40) || ' days')::interval
      from generate_series(1, ${numbers}) i`.execute(db);
  await sql`insert into ad_phone_events (e164, action, from_status, to_status, at)
    select e164, 'bench', 'detected', status, status_changed_at from ad_phones where status <> 'detected'`.execute(db);
  await sql`insert into cases (id, code, ward_code, status, reporter_person_id, lat, lng, address_text, has_photo, routed_by, received_at, due_on)
    select j, 'QC-B-' || j, (20001 + (j * 7) % ${WARDS})::text, 'received', 1 + j % 50,
           20.80 + ((j * 37) % 1000) / 10000.0, 106.65 + ((j * 53) % 1000) / 10000.0, j || ' phố Thử',
           true, 'gps', ${now}::timestamptz - (((j::bigint * 7919) % ${minutes}) || ' minutes')::interval, '2026-11-30'
      from generate_series(1, ${cases}) j`.execute(db);
  await sql`select setval('cases_id_seq', ${cases})`.execute(db);
  await sql`insert into case_phones (case_id, e164, raw)
    select j, ${number(`(1 + (j - 1) % ${numbers})`)}, 'bench' from generate_series(1, ${cases}) j`.execute(db);
  await sql`insert into media (sha256, mime, bytes) select encode(sha256(('bench-' || j)::bytea), 'hex'), 'image/jpeg', 100000 from generate_series(1, ${cases}) j`.execute(db);
  await sql`insert into case_photos (case_id, sha256, kind, created_at)
    select j, encode(sha256(('bench-' || j)::bytea), 'hex'), 'before', c.received_at from generate_series(1, ${cases}) j join cases c on c.id = j`.execute(db);
  await sql`insert into sightings (case_id, reporter_person_id, lat, lng, reason, phones, created_at)
    select c, 1 + k % 50, 20.80 + ((k * 41) % 1000) / 10000.0, 106.65 + ((k * 59) % 1000) / 10000.0, 'same_phone',
           array[${number(`(1 + (c - 1) % ${numbers})`)}], ${now}::timestamptz - (((k::bigint * 104729) % ${minutes}) || ' minutes')::interval
      from generate_series(1, ${attached}) k, lateral (select 1 + (k * 13) % ${cases} as c) pick`.execute(db);
  await sql`analyze`.execute(db);
}

/** The results as a table, with the growth from the smallest to the largest size. */
export function formatPhonesBench(results: readonly PhonesBenchResult[]): string {
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const lines = [
    'Phone registry: sightings over N/5 numbers, 20 wards, 60 days (times in ms)',
    ' sightings | numbers | card p50 | card p95 | rules pass (numbers → proposals) | export proposed (numbers, KB) | export all (numbers) | summary',
  ];
  for (const r of results) {
    lines.push(
      [
        String(r.sightings).padStart(10),
        String(r.numbers).padStart(7),
        ms(r.cardP50).padStart(8),
        ms(r.cardP95).padStart(8),
        `${ms(r.rulesMs)} (${r.rulesNumbers} → ${r.proposals})`.padStart(32),
        `${ms(r.exportMs)} (${r.exportNumbers}, ${r.exportKb.toFixed(0)})`.padStart(29),
        `${ms(r.exportAllMs)} (${r.exportAllNumbers})`.padStart(20),
        ms(r.summaryMs).padStart(7),
      ].join(' | '),
    );
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results[results.length - 1]];
    const x = (f: (r: PhonesBenchResult) => number) => `×${(f(b) / Math.max(f(a), 0.001)).toFixed(1)}`;
    lines.push(
      `growth ${a.sightings} → ${b.sightings} sightings (×${(b.sightings / a.sightings).toFixed(0)}): card p50 ${x((r) => r.cardP50)}, p95 ${x((r) => r.cardP95)}, ` +
        `rules pass ${x((r) => r.rulesMs)}, export proposed ${x((r) => r.exportMs)}, export all ${x((r) => r.exportAllMs)}, summary ${x((r) => r.summaryMs)}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, lookups: { type: 'string' } } });
  const sizes = values.sizes?.split(',').map(Number);
  const results = await runPhonesBench({ sizes, lookups: values.lookups ? Number(values.lookups) : undefined });
  console.log(formatPhonesBench(results));
}
